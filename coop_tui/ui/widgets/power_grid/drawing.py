"""The power / interest map drawn as lines of text, with where each name lies for clicks.

A function of a placement, the selection and the size: tested without running an app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.actors import HIGH_SCORE, Quadrant, quadrant_label
from coop_tui.store.models import Actor, Role
from coop_tui.ui.widgets.power_grid.placement import SCORES, Placement
from coop_tui.ui.widgets.power_grid.styles import role_glyph, role_name, role_style


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
        entry = Content.assemble("  ", (role_glyph(role) + " ", role_style(role)),
                                 role_name(role))
        if line.cell_length + entry.cell_length > width:
            break
        line = line + entry
    return line


def _name(actor: Actor, width: int, selected: bool, focused: bool) -> Content:
    style = role_style(actor.private.role)
    if selected:
        style += " reverse bold" if focused else " underline bold"
    glyph = role_glyph(actor.private.role)
    return Content.styled(f"{glyph}\u00a0{actor.name}", style).truncate(width, ellipsis=True)


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
    role = actor.private.role
    line = Content.assemble("▸ ", (actor.name, role_style(role) + " bold"),
                            " · ", (role_glyph(role) + " ", role_style(role)), role_name(role))
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
        name = _name(actor, len(actor.name) + 2, actor.id == selected, focused)
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
