"""The power / interest map drawn in the terminal: influence up, interest right.

Twenty-five cells (scores 1 to 5 on each axis) in four labelled quadrants, each actor
written in its cell in the colour of its role, several actors of one cell stacked (and
counted when they do not fit). Arrow keys move between actors, shift+arrows move the
selected actor's scores. The widget never writes: it posts messages and the screen saves.

Placement and navigation are pure functions, so they are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from coop_tui.core.i18n import N_
from coop_tui.store.models import Actor
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.power_grid.drawing import Drawing, Hit, draw
from coop_tui.ui.widgets.power_grid.placement import (
    Direction,
    Placement,
    moved_scores,
    place,
    step,
)
from coop_tui.ui.widgets.power_grid.styles import theme_style

STRIP_CACHE = 256  # lines of the map kept ready to show again


class PowerGrid(KeysInOrder, Widget, can_focus=True):
    """The power / interest map of a set of actors, with one selected actor."""

    DEFAULT_CSS = """
    PowerGrid {
        height: 1fr;
        min-height: 12;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("up", "step('up')", N_("Up"), show=False, id="grid.up"),
        Binding("down", "step('down')", N_("Down"), show=False, id="grid.down"),
        Binding("left", "step('left')", N_("Left"), show=False, id="grid.left"),
        Binding("right", "step('right')", N_("Right"), show=False, id="grid.right"),
        Binding("enter", "open", N_("Open"), id="grid.open"),
        Binding("shift+up", "move('up')", N_("Move on map"), key_display="⇧+←↑↓→",
                id="grid.more_influence"),
        Binding("shift+down", "move('down')", N_("Less influence"), show=False,
                id="grid.less_influence"),
        Binding("shift+right", "move('right')", N_("More interest"), show=False,
                id="grid.more_interest"),
        Binding("shift+left", "move('left')", N_("Less interest"), show=False,
                id="grid.less_interest"),
    ]

    selected: reactive[str | None] = reactive(None)
    read_only: reactive[bool] = reactive(False)

    @dataclass
    class Selected(Message):
        """The user selected an actor on the map (keys or mouse)."""

        actor_id: str
        """The actor now selected."""

    @dataclass
    class Opened(Message):
        """The user asked to open the selected actor."""

        actor_id: str
        """The actor to open."""

    @dataclass
    class Moved(Message):
        """The user moved an actor on the map: these are its new scores, to save."""

        actor_id: str
        """The actor moved."""
        influence: int
        """Its influence where it now stands (1-5)."""
        interest: int
        """Its interest where it now stands (1-5)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        translate_bindings(self)
        self._placement = Placement()
        self._hits: list[Hit] = []
        self._version = 0
        self._drawn: Drawing | None = None
        self._drawn_key: tuple[object, ...] = ()
        # Lines drawn before: moving the selection redraws two or three lines, not all.
        self._strips: dict[tuple[object, ...], Strip] = {}

    @property
    def placement(self) -> Placement:
        return self._placement

    def set_actors(self, actors: Iterable[Actor]) -> None:
        """Show these actors (the screen's filtered list)."""
        self._placement = place(actors)
        self._version += 1
        self.refresh()

    def _drawing(self) -> Drawing:
        """The map as it should look now, drawn again only when something changed."""
        size = self.size
        key = (self._version, self.selected, self.has_focus, size, self.app.theme)
        if self._drawn is None or key != self._drawn_key:
            self._drawn = draw(self._placement, self.selected, size.width, size.height,
                               focused=self.has_focus)
            self._drawn_key = key
            self._hits = self._drawn.hits
        return self._drawn

    def render_line(self, y: int) -> Strip:
        drawing = self._drawing()
        width = self.size.width
        base = self.visual_style
        if y >= len(drawing.lines):
            return Strip.blank(width, base.rich_style)
        line = drawing.lines[y]
        # Content compares by text only: the spans (the styles) belong in the key.
        key = (line.plain, tuple(line.spans), width, base, self.app.theme)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > STRIP_CACHE:
                self._strips.clear()
            spans = [Span(span.start, span.end, theme_style(span.style))
                     if isinstance(span.style, str) else span
                     for span in line.spans]
            resolved = Content(line.plain, spans, line.cell_length)
            strip = Strip(resolved.render_segments(base), resolved.cell_length)
            strip = self._strips[key] = strip.adjust_cell_length(width, base.rich_style)
        return strip

    def watch_selected(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _choose(self, actor_id: str) -> None:
        if actor_id != self.selected:
            self.selected = actor_id
            self.post_message(self.Selected(actor_id))

    def action_step(self, direction: str) -> None:
        found = step(self._placement, self.selected, Direction(direction))
        if found is not None:
            self._choose(found)

    def action_open(self) -> None:
        if self._placement.find(self.selected) is not None and self.selected is not None:
            self.post_message(self.Opened(self.selected))

    def action_move(self, direction: str) -> None:
        actor = self._placement.find(self.selected)
        if actor is None:
            return
        scores = moved_scores(actor.private.influence, actor.private.interest,
                              Direction(direction))
        if scores is None:
            self.app.bell()
            return
        self.post_message(self.Moved(actor.id, *scores))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move" and self.read_only:
            return None
        return True

    def watch_read_only(self) -> None:
        self.refresh_bindings()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for hit in self._hits:
            if hit.y == offset.y and hit.start <= offset.x < hit.end:
                self._choose(hit.actor_id)
                if event.chain == 2:
                    self.post_message(self.Opened(hit.actor_id))
                return
