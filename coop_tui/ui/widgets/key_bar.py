"""The keys of the current screen, at the bottom: one widget, drawn as text.

Textual's Footer is one widget per key, rebuilt each time the keys change (every screen
switch, every focus move): on a large store most of a screen switch went there, and at 80
columns the screen's own keys were pushed out of sight by the five mode keys. The key bar
draws the same bindings as one line of text: the screen's keys first, the app's keys
(modes, help, palette, quit) after them. When one line is too short, groups (the five
modes, the timeline's moves) shrink to their keys and a name; when still too short, the
keys go on two lines, the app's keys whole at the end of the second, and what does not
fit ends in "…" (``?`` lists every key).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

SEPARATOR = "  "
ELLIPSIS = "…"


@dataclass(frozen=True)
class Key:
    """One entry of the bar: the key(s) shown, what they do, the key a click presses."""

    display: str
    description: str
    key: str
    enabled: bool = True

    @property
    def width(self) -> int:
        return cell_len(self.display) + (1 + cell_len(self.description) if self.description
                                         else 0)


@dataclass(frozen=True)
class Entry:
    """A key, or a group of keys that can shrink to their keys and the group's name."""

    keys: tuple[Key, ...]
    group: str = ""

    def shown(self, compact: bool) -> tuple[Key, ...]:
        if not self.group or not compact or len(self.keys) == 1:
            return self.keys
        display = " ".join(key.display for key in self.keys)
        return (Key(display, self.group, "", any(key.enabled for key in self.keys)),)


def _width(keys: Iterable[Key]) -> int:
    widths = [key.width for key in keys]
    return sum(widths) + len(SEPARATOR) * max(0, len(widths) - 1)


def _flatten(entries: Iterable[Entry], compact: bool) -> list[Key]:
    return [key for entry in entries for key in entry.shown(compact)]


def _split(keys: list[Key], width: int) -> tuple[list[Key], list[Key]]:
    """The keys that fit in ``width``, and the rest."""
    for count in range(len(keys), 0, -1):
        if _width(keys[:count]) <= width:
            return keys[:count], keys[count:]
    return [], keys


def _fit(keys: list[Key], width: int) -> list[Key]:
    """The keys that fit in ``width``, the last one replaced by "…" when some are left out."""
    kept, rest = _split(keys, width)
    if not rest:
        return kept
    kept, _rest = _split(keys, width - len(SEPARATOR) - cell_len(ELLIPSIS))
    return [*kept, Key(ELLIPSIS, "", "", enabled=False)]


def arrange(local: list[Entry], common: list[Entry], width: int) -> list[list[Key]]:
    """The lines of the bar for ``width`` cells: one when the keys fit, else two, the
    screen's keys first and the app's keys whole at the end of the second line."""
    for compact in (False, True):
        line = _flatten(local, compact) + _flatten(common, compact)
        if _width(line) <= width:
            return [line]
    first, rest = _split(_flatten(local, True), width)
    app_keys = _flatten(common, True)
    room = width - _width(app_keys) - len(SEPARATOR)
    second = _fit(rest, room) + app_keys if room > 0 else _fit(app_keys, width)
    return [line for line in (first, second) if line]


def entries(screen: Screen[object]) -> tuple[list[Entry], list[Entry]]:
    """The shown bindings of ``screen`` (focused widget first) and of the app, as entries."""
    app = screen.app
    local: list[Entry] = []
    common: list[Entry] = []
    seen: set[str] = set()
    # Priority bindings come first in the chain; shown last (quit at the very end).
    found = sorted(screen.active_bindings.values(), key=lambda active: active.binding.priority)
    for node, binding, enabled, _tooltip in found:
        if not binding.show or binding.action in seen:
            continue
        seen.add(binding.action)
        key = Key(app.get_key_display(binding), binding.description, binding.key, enabled)
        target = common if node is app else local
        _add(target, key, binding.group)
    return local, common


def _add(target: list[Entry], key: Key, group: Binding.Group | None) -> None:
    name = group.description if group is not None else ""
    if name and target and target[-1].group == name:
        target[-1] = Entry((*target[-1].keys, key), name)
    else:
        target.append(Entry((key,), name))


class KeyBar(Widget):
    """The keys of the screen, drawn as text; a click on a key presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 2;
        padding: 0 1;
        background: $footer-background;
        color: $footer-foreground;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--disabled { text-style: dim; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, int, Key]] = []  # line, start, end, key
        self._arranged: tuple[int, list[list[Key]]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._arranged = None
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[list[Key]]:
        """The lines for ``width``, kept until the keys change (a layout asks, then a
        render asks again for the same width)."""
        if self._arranged is not None and self._arranged[0] == width:
            return self._arranged[1]
        try:
            local, common = entries(self.screen)
        except NoMatches:
            return []
        lines = arrange(local, common, width)
        self._arranged = (width, lines)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines(width)))

    def render(self) -> RenderResult:
        lines = self._lines(self.content_region.width)
        self._spans = list(self._place(lines))
        key_style = self.get_visual_style("key-bar--key")
        description_style = self.get_visual_style("key-bar--description")
        disabled = self.get_visual_style("key-bar--disabled", partial=True)
        rendered: list[Content] = []
        for line in lines:
            parts: list[Content] = []
            for key in line:
                piece = Content.assemble((key.display, key_style))
                if key.description:
                    piece = Content.assemble(piece, " ", (key.description, description_style))
                parts.append(piece.stylize(disabled) if not key.enabled else piece)
            rendered.append(Content(SEPARATOR).join(parts))
        return Content("\n").join(rendered)

    @staticmethod
    def _place(lines: list[list[Key]]) -> Iterator[tuple[int, int, int, Key]]:
        for number, line in enumerate(lines):
            x = 0
            for key in line:
                yield number, x, x + key.width, key
                x += key.width + len(SEPARATOR)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for line, start, end, key in self._spans:
            if line == offset.y and start <= offset.x < end and key.key:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
