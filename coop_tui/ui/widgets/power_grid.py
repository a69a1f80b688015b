"""The power / interest map drawn in the terminal: influence up, interest right.

Twenty-five cells (scores 1 to 5 on each axis) in four labelled quadrants, each actor
written in its cell in the colour of its role, several actors of one cell stacked (and
counted when they do not fit). Arrow keys move between actors, shift+arrows move the
selected actor's scores. The widget never writes: it posts messages and the screen saves.

Placement and navigation are pure functions, so they are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rich.style import Style as RichStyle
from textual import events
from textual._context import active_app
from textual.binding import Binding
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from coop_tui.core.i18n import N_, _, ngettext
from coop_tui.core.insights.actors import HIGH_SCORE, Quadrant, quadrant_label
from coop_tui.core.labels import label
from coop_tui.store.models import Actor, Role
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder

SCORES = (1, 2, 3, 4, 5)
STRIP_CACHE = 256  # lines of the map kept ready to show again
MIDDLE = 3  # where an actor without scores is first placed

# (influence, interest)
Cell = tuple[int, int]

# The colour of each role, from the theme (None: no role read yet).
ROLE_STYLES: dict[Role | None, str] = {
    Role.DRIVER: "$text-success",
    Role.FOLLOWER: "$text-primary",
    Role.COUNTERWEIGHT: "$text-accent",
    Role.RELUCTANT: "$text-error",
    Role.NEUTRAL: "$text-secondary",
    None: "$foreground-darken-2",
}


def role_style(role: Role | None) -> str:
    """The style (theme variables) of an actor's name, by role."""
    return ROLE_STYLES[role]


_PARSED: dict[tuple[str, str], Style] = {}


def theme_style(text: str) -> Style:
    """A style string with theme variables, parsed once per theme (parsing is not free
    and a map or a table of 400 actors asks for the same few styles again and again)."""
    try:
        theme = active_app.get().theme
    except LookupError:
        theme = ""
    key = (theme, text)
    found = _PARSED.get(key)
    if found is None:
        found = _PARSED[key] = Style.parse(text)
    return found


def role_rich_style(role: Role | None) -> RichStyle:
    """The role's style for Rich renderables (table cells), in the current theme."""
    return theme_style(ROLE_STYLES[role]).rich_style


def role_name(role: Role | None) -> str:
    return label(role) if role is not None else _("no role")


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"


# ---------------------------------------------------------------------------- placement


@dataclass(frozen=True)
class Placement:
    """Actors by cell, each cell in name order, and the actors without both scores."""

    cells: dict[Cell, tuple[Actor, ...]] = field(default_factory=dict)
    not_assessed: tuple[Actor, ...] = ()

    def cell_of(self, actor_id: str | None) -> Cell | None:
        for cell, actors in self.cells.items():
            if any(actor.id == actor_id for actor in actors):
                return cell
        return None

    def find(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors():
            if actor.id == actor_id:
                return actor
        return None

    def actors(self) -> Iterable[Actor]:
        for actors in self.cells.values():
            yield from actors
        yield from self.not_assessed


def _name_key(actor: Actor) -> tuple[str, str]:
    return actor.name.casefold(), actor.id


def place(actors: Iterable[Actor]) -> Placement:
    """Put each actor in the cell of its scores; those missing a score are not assessed."""
    cells: dict[Cell, list[Actor]] = {}
    missing: list[Actor] = []
    for actor in actors:
        influence, interest = actor.private.influence, actor.private.interest
        if influence is None or interest is None:
            missing.append(actor)
        else:
            cells.setdefault((influence, interest), []).append(actor)
    return Placement(
        {cell: tuple(sorted(found, key=_name_key)) for cell, found in cells.items()},
        tuple(sorted(missing, key=_name_key)),
    )


def _nearest(placement: Placement, origin: Cell, direction: Direction) -> Cell | None:
    """The closest occupied cell in ``direction``: along the axis first, then sideways."""
    influence, interest = origin
    best: tuple[tuple[int, int, int], Cell] | None = None
    for cell in placement.cells:
        ahead = {
            Direction.UP: cell[0] - influence,
            Direction.DOWN: influence - cell[0],
            Direction.RIGHT: cell[1] - interest,
            Direction.LEFT: interest - cell[1],
        }[direction]
        if ahead <= 0:
            continue
        aside = abs(cell[1] - interest) if direction in (Direction.UP, Direction.DOWN) \
            else abs(cell[0] - influence)
        key = (ahead + 2 * aside, aside, ahead)
        if best is None or key < best[0]:
            best = (key, cell)
    return best[1] if best else None


def step(placement: Placement, current: str | None, direction: Direction) -> str | None:
    """The actor an arrow key selects from ``current``; None when there is nowhere to go.

    Up and down walk the names stacked in a cell before leaving it; entering a cell from
    below selects its bottom name, from anywhere else its top name. From an actor not on
    the map, any arrow selects the top-right actor (the one to associate most closely).
    """
    if not placement.cells:
        return None
    origin = placement.cell_of(current)
    if origin is None:
        top = max(placement.cells, key=lambda cell: (cell[0], cell[1]))
        return placement.cells[top][0].id
    stack = placement.cells[origin]
    index = next(i for i, actor in enumerate(stack) if actor.id == current)
    if direction is Direction.UP and index > 0:
        return stack[index - 1].id
    if direction is Direction.DOWN and index < len(stack) - 1:
        return stack[index + 1].id
    target = _nearest(placement, origin, direction)
    if target is None:
        return None
    found = placement.cells[target]
    return found[-1].id if direction is Direction.UP else found[0].id


def moved_scores(influence: int | None, interest: int | None,
                 direction: Direction) -> tuple[int, int] | None:
    """The scores after moving an actor one cell; None when it cannot move that way.

    An actor without scores is first placed in the middle of the map (3, 3).
    """
    if influence is None or interest is None:
        return (influence or MIDDLE, interest or MIDDLE)
    new = {
        Direction.UP: (influence + 1, interest),
        Direction.DOWN: (influence - 1, interest),
        Direction.RIGHT: (influence, interest + 1),
        Direction.LEFT: (influence, interest - 1),
    }[direction]
    if not all(score in SCORES for score in new):
        return None
    return new


# ---------------------------------------------------------------------------- drawing


@dataclass(frozen=True)
class Geometry:
    """Where things are on the widget, from its size.

    A row label (2 columns) and a border come first, then five cells with a separator
    between them (a full line between the quadrants), then the right border.
    """

    cell_width: int
    cell_lines: int
    info_lines: int

    LABEL = 2
    FIXED_LINES = 5  # legend, top border, quadrant line, bottom border, axis numbers

    @classmethod
    def fit(cls, width: int, height: int) -> Geometry:
        info = 2 if height - cls.FIXED_LINES - 2 >= 10 else (1 if height >= 11 else 0)
        cell_lines = max(1, (height - cls.FIXED_LINES - info) // 5)
        cell_width = max(4, (width - cls.LABEL - 6) // 5)
        return cls(cell_width, min(cell_lines, 6), info)

    def cell_x(self, interest: int) -> int:
        return self.LABEL + 1 + (interest - 1) * (self.cell_width + 1)

    @property
    def width(self) -> int:
        return self.LABEL + 6 + 5 * self.cell_width

    def row_top(self, influence: int) -> int:
        """The first line of a row of cells (the quadrant line sits above row 2)."""
        above = 5 - influence
        return 2 + above * self.cell_lines + (1 if influence < HIGH_SCORE else 0)


@dataclass(frozen=True)
class Hit:
    """A name drawn on the map: clicking there selects the actor."""

    y: int
    start: int
    end: int
    actor_id: str


@dataclass
class Drawing:
    lines: list[Content]
    hits: list[Hit]


def _border(geometry: Geometry, left: str, joint: str, right: str,
            titles: tuple[str, str] = ("", ""), tail: str = "") -> Content:
    """A horizontal line of the frame, with a title at the start of each half."""
    parts: list[Content] = [Content(" " * geometry.LABEL + left)]
    halves = ((1, 2), (3, 4, 5))
    for half_index, half in enumerate(halves):
        span = len(half) * geometry.cell_width + len(half) - 1
        title = titles[half_index]
        text = f" {title} " if title else ""
        line = Content.styled(text, "bold") if text else Content("")
        line = line.truncate(span) + Content("─" * max(0, span - line.cell_length))
        if half_index == 1 and tail:
            tail_text = f" {tail} "
            if line.cell_length >= len(text) + len(tail_text) + 2:
                keep = span - len(tail_text) - 1
                line = line[:keep] + Content.styled(tail_text, "bold") + Content("─")
        parts.append(line)
        parts.append(Content(joint if half_index == 0 else right))
    return Content("").join(parts)


def _legend(width: int) -> Content:
    line = Content.styled("▲ " + _("influence"), "bold")
    for role in (*Role, None):
        entry = Content.assemble("  ", ("■ ", role_style(role)), role_name(role))
        if line.cell_length + entry.cell_length > width:
            break
        line = line + entry
    return line


def _name(actor: Actor, width: int, selected: bool, focused: bool) -> Content:
    style = role_style(actor.private.role)
    if selected:
        style += " reverse bold" if focused else " underline bold"
    return Content.styled(actor.name, style).truncate(width, ellipsis=True)


def _more(count: int) -> Content:
    return Content.styled(ngettext("+{count} more", "+{count} more", count)
                          .format(count=count), "italic $text-muted")


def _cell_lines(actors: Sequence[Actor], geometry: Geometry, selected: str | None,
                focused: bool) -> list[tuple[Content, str | None]]:
    """What a cell shows, line by line, with the actor each line names."""
    width = geometry.cell_width - 1
    lines = geometry.cell_lines
    index = next((i for i, actor in enumerate(actors) if actor.id == selected), -1)
    if len(actors) <= lines:
        return [(_name(a, width, a.id == selected, focused), a.id) for a in actors]
    if lines == 1:
        shown = actors[max(index, 0)]
        suffix = Content.styled(f" +{len(actors) - 1}", "italic $text-muted")
        name = _name(shown, max(1, width - suffix.cell_length), shown.id == selected, focused)
        return [(name + suffix, shown.id)]
    room = lines - 1
    start = 0 if index < room else index - room + 1
    window = actors[start:start + room]
    out: list[tuple[Content, str | None]] = [
        (_name(a, width, a.id == selected, focused), a.id) for a in window]
    out.append((_more(len(actors) - room).truncate(width, ellipsis=True), None))
    return out


def _grid_rows(placement: Placement, geometry: Geometry, selected: str | None,
               focused: bool, hits: list[Hit]) -> list[Content]:
    """The rows of cells, top (influence 5) to bottom, with the quadrant line between."""
    rows: list[Content] = []
    low_titles = (quadrant_label(Quadrant.MONITOR), quadrant_label(Quadrant.KEEP_INFORMED))
    for influence in reversed(SCORES):
        if influence == HIGH_SCORE - 1:
            rows.append(_border(geometry, "├", "┼", "┤", low_titles))
        drawn = {interest: _cell_lines(placement.cells.get((influence, interest), ()),
                                       geometry, selected, focused) for interest in SCORES}
        for line in range(geometry.cell_lines):
            row_label = f"{influence} " if line == 0 else "  "
            parts = [Content.styled(row_label, "bold"), Content("│")]
            y = geometry.row_top(influence) + line
            for interest in SCORES:
                cell = drawn[interest]
                text, actor_id = cell[line] if line < len(cell) else (Content(""), None)
                x = geometry.cell_x(interest)
                if actor_id is not None:
                    hits.append(Hit(y, x, x + 1 + text.cell_length, actor_id))
                parts.append((Content(" ") + text).truncate(geometry.cell_width, pad=True))
                if interest < 5:
                    joint = "│" if interest == HIGH_SCORE - 1 else "┆"
                    parts.append(Content.styled(joint, "" if joint == "│" else "$text-muted"))
            parts.append(Content("│"))
            rows.append(Content("").join(parts))
    return rows


def _axis(geometry: Geometry) -> Content:
    line = " " * geometry.width
    chars = list(line)
    for interest in SCORES:
        centre = geometry.cell_x(interest) + geometry.cell_width // 2
        chars[centre] = str(interest)
    return Content.styled("".join(chars).rstrip(), "bold")


def _selected_line(placement: Placement, selected: str | None, width: int) -> Content:
    actor = placement.find(selected)
    if actor is None:
        return Content("")
    line = Content.assemble("▸ ", (actor.name, role_style(actor.private.role) + " bold"),
                            " · ", role_name(actor.private.role))
    cell = placement.cell_of(actor.id)
    if cell is None:
        line += " · " + _("not assessed: shift+arrows place it on the map")
    else:
        line += " · " + _("influence {influence}, interest {interest}").format(
            influence=cell[0], interest=cell[1])
        others = [a.name for a in placement.cells[cell] if a.id != actor.id]
        if others:
            line += Content.styled(" · " + _("same cell: {names}").format(
                names=", ".join(others)), "$text-muted")
    return line.truncate(width, ellipsis=True)


def _not_assessed_line(placement: Placement, selected: str | None, focused: bool, y: int,
                       width: int, hits: list[Hit]) -> Content:
    missing = placement.not_assessed
    if not missing:
        text = _("Every actor shown is on the map.") if placement.cells else _("No actor to show.")
        return Content.styled(text, "$text-muted")
    head = ngettext("Not assessed ({count}): ", "Not assessed ({count}): ",
                    len(missing)).format(count=len(missing))
    line = Content.styled(head, "bold")
    for index, actor in enumerate(missing):
        separator = ", " if index else ""
        name = _name(actor, len(actor.name), actor.id == selected, focused)
        rest = len(missing) - index - 1
        room = width - (len(f", +{rest}") if rest else 0)
        if line.cell_length + len(separator) + name.cell_length > room:
            more = Content.styled(f"+{len(missing) - index}", "italic $text-muted")
            return (line + separator + more).truncate(width)
        start = line.cell_length + len(separator)
        hits.append(Hit(y, start, start + name.cell_length, actor.id))
        line = line + separator + name
    return line


def draw(placement: Placement, selected: str | None, width: int, height: int,
         focused: bool = False) -> Drawing:
    """The whole map as lines of styled text, and where each name was drawn."""
    geometry = Geometry.fit(width, height)
    hits: list[Hit] = []
    top_titles = (quadrant_label(Quadrant.KEEP_SATISFIED),
                  quadrant_label(Quadrant.MANAGE_CLOSELY))
    lines = [_legend(width), _border(geometry, "┌", "┬", "┐", top_titles)]
    lines += _grid_rows(placement, geometry, selected, focused, hits)
    lines.append(_border(geometry, "└", "┴", "┘", tail=_("interest") + " ▶"))
    lines.append(_axis(geometry))
    if geometry.info_lines >= 2:
        lines.append(_selected_line(placement, selected, width))
    if geometry.info_lines >= 1:
        lines.append(_not_assessed_line(placement, selected, focused, len(lines), width, hits))
    return Drawing(lines, hits)


# ---------------------------------------------------------------------------- widget


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
