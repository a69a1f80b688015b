"""Drawing a timeline's rows: the label column, the bars, the marks, in the theme's styles.

A :class:`Canvas` holds one view (zoom, first column, width, today, the theme) and turns a
row into segments; the widget makes a new one whenever the view or the data changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style

from coop_tui.core.i18n import _
from coop_tui.core.insights.roadmap import (
    FINISHED,
    TickLevel,
    Violation,
    Zoom,
    column,
    holds_until,
)
from coop_tui.store.models import RoadmapItem, RoadmapStatus
from coop_tui.ui.widgets.timeline.axis import axis_labels
from coop_tui.ui.widgets.timeline.layout import MARKER_WIDTH, Row

# Marks drawn in the bars (single-cell characters every terminal font has).
FILLED, UNFILLED, CANCELLED, MILESTONE, DEADLINE, STARTS = "█", "░", "┄", "◆", "▮", "▶"
WAIT, TODAY, MANDATE, BEFORE, AFTER = "┈", "│", "┊", "◂", "▸"
LATE_MARK, BROKEN_MARK = "!", "⚠"
STRIKE = Style(strike=True)


@dataclass(frozen=True)
class Palette:
    """The styles a timeline draws with, resolved from the theme."""

    base: Style
    axis: Style
    axis_major: Style
    group: Style
    label: Style
    bar: Style
    bar_blocked: Style
    bar_late: Style
    bar_muted: Style
    milestone: Style
    today: Style
    mandate: Style
    linked: Style
    violation: Style
    late: Style
    broken: Style
    muted: Style
    note: Style
    cursor: Style


@lru_cache(maxsize=4096)
def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, padded with spaces."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)



def axis_line(palette: Palette, y: int, head: str, zoom: Zoom, left: int, label_width: int,
              bar_width: int) -> list[Segment]:
    """Line ``y`` of the axis: ``head`` over the label column, then the ticks' labels (the
    first line the major ticks, the second the minor ones)."""
    level: TickLevel = "major" if y == 0 else "minor"
    return [
        Segment(" " * MARKER_WIDTH + fit(head, label_width),
                palette.axis if y == 0 else palette.axis_major),
        Segment(" ", palette.axis),
        Segment(axis_labels(zoom, level, left, bar_width),
                palette.axis_major if y == 0 else palette.axis),
    ]


def note_line(palette: Palette, text: str, width: int) -> list[Segment]:
    """A line of ``text`` in the note style, under the label column's marker."""
    return [Segment(" " * MARKER_WIDTH + fit(text, width - MARKER_WIDTH), palette.note)]


def link_mark(selected: RoadmapItem | None, item: RoadmapItem) -> str:
    """◂ for what the selected item depends on, ▸ for what depends on it."""
    if selected is None or selected.id == item.id:
        return " "
    if item.id in selected.depends_on:
        return BEFORE
    if selected.id in item.depends_on:
        return AFTER
    return " "

@dataclass(frozen=True)
class Canvas:
    """One view of the timeline, and how each of its rows is drawn in it."""

    palette: Palette
    zoom: Zoom
    left: int  # the first column of the bar area
    label_width: int
    bar_width: int
    today: date
    mandate: tuple[date, date] | None
    items: Mapping[str, RoadmapItem]  # every item, to find an item's prerequisites
    broken: Mapping[str, Sequence[Violation]]

    def group_line(self, row: Row) -> list[Segment]:
        """The heading runs into the bar area when it is longer than the label column."""
        title = f"{row.title} · {row.count}"
        head = MARKER_WIDTH + self.label_width + 1
        width = max(head, cell_len(title) + 1)
        chars, styles = self.blank_bar()
        segments = [Segment(fit(title, width), self.palette.group)]
        skip = width - head
        segments += merge(chars[skip:], styles[skip:])
        return segments

    def item_line(self, item: RoadmapItem, link: str, selected: bool) -> list[Segment]:
        """The item's marks, its label and its bar; ``link`` is ◂, ▸ or a space."""
        palette = self.palette
        late = item.is_late(self.today)
        mark = LATE_MARK if late else BROKEN_MARK if item.id in self.broken else " "
        if link != " ":
            label_style = palette.linked
        elif late:
            label_style = palette.late
        elif item.status in FINISHED:
            label_style = palette.muted
        else:
            label_style = palette.label
        if item.status is RoadmapStatus.CANCELLED:
            label_style += STRIKE
        chars, styles = self._bar_cells(item, selected)
        segments = [
            Segment(mark, palette.late if late else palette.broken),
            Segment(link, palette.linked),
            Segment(fit(item.objective, self.label_width), label_style),
            Segment(" ", palette.base),
            *merge(chars, styles),
        ]
        if selected:
            segments = [Segment(text, style + palette.cursor) if style else segment
                        for segment in segments for text, style, _control in (segment,)]
        return segments

    @cached_property
    def _backdrop(self) -> tuple[list[str], list[Style]]:
        palette = self.palette
        width = self.bar_width
        chars, styles = [" "] * width, [palette.base] * width
        marks = [(day, MANDATE, palette.mandate) for day in self.mandate or ()]
        marks.append((self.today, TODAY, palette.today))
        for day, char, style in marks:
            place = column(day, self.zoom) - self.left
            if 0 <= place < width:
                chars[place], styles[place] = char, style
        return chars, styles

    def blank_bar(self) -> tuple[list[str], list[Style]]:
        """A copy of the empty bar area: the mandate's edges and today's line."""
        chars, styles = self._backdrop
        return list(chars), list(styles)

    def _bar_style(self, item: RoadmapItem) -> Style:
        palette = self.palette
        if item.status in FINISHED:
            return palette.bar_muted
        if item.is_late(self.today):
            return palette.bar_late
        if item.status is RoadmapStatus.BLOCKED:
            return palette.bar_blocked
        return palette.bar

    def _bar_cells(self, item: RoadmapItem, selected: bool) -> tuple[list[str], list[Style]]:
        chars, styles = self.blank_bar()
        palette = self.palette
        if item.start is None and item.due is None:
            note = fit(_("no dates"), min(len(chars), 12)).rstrip()
            chars[:len(note)] = list(note)
            styles[:len(note)] = [palette.note] * len(note)
            return chars, styles
        style = self._bar_style(item)
        first = column(item.start, self.zoom) - self.left if item.start else None
        last = column(item.due, self.zoom) - self.left if item.due else None
        if first is not None and last is not None:
            self._draw_span(chars, styles, item, first, last, style)
        elif last is not None:
            put(chars, styles, last, MILESTONE if item.milestone else DEADLINE,
                palette.milestone if item.milestone else style)
        elif first is not None:
            put(chars, styles, first, STARTS, style)
        if selected:
            self._draw_dependency(chars, styles, item, first if first is not None else last)
        return chars, styles

    def _draw_span(self, chars: list[str], styles: list[Style], item: RoadmapItem,
                   first: int, last: int, style: Style) -> None:
        width = len(chars)
        if last < 0 or first >= width:
            put(chars, styles, last if last < 0 else first, FILLED, style)
            return
        visible = range(max(0, first), min(width, last + 1))
        if item.milestone:
            for place in visible:
                chars[place], styles[place] = WAIT, style
            put(chars, styles, last, MILESTONE, self.palette.milestone)
            return
        if item.status is RoadmapStatus.CANCELLED:
            for place in visible:
                chars[place], styles[place] = CANCELLED, style
            return
        filled = round((last - first + 1) * item.progress / 100)
        for place in visible:
            chars[place] = FILLED if place - first < filled else UNFILLED
            styles[place] = style
        if item.status is not RoadmapStatus.DONE:
            text = " " + _("{progress}%").format(progress=item.progress)
            if last + 1 >= 0 and last + 1 + len(text) <= width:
                chars[last + 1:last + 1 + len(text)] = list(text)
                styles[last + 1:last + 1 + len(text)] = [self.palette.muted] * len(text)

    def _draw_dependency(self, chars: list[str], styles: list[Style], item: RoadmapItem,
                         first: int | None) -> None:
        """The wait for the selected item's prerequisites, and any part that breaks it."""
        if first is None:
            return
        ends = [holds_until(self.items[ref], self.today)
                for ref in item.depends_on if ref in self.items]
        known = [day for day in ends if day is not None]
        if not known:
            return
        ready = column(max(known), self.zoom) - self.left
        width = len(chars)
        if ready >= first:
            for place in range(max(0, first), min(width, ready + 1)):
                if chars[place] == " ":
                    chars[place] = WAIT
                styles[place] = self.palette.violation
        else:
            for place in range(max(0, ready + 1), min(width, first)):
                if chars[place] == " ":
                    chars[place], styles[place] = WAIT, self.palette.muted


def put(chars: list[str], styles: list[Style], place: int, char: str, style: Style) -> None:
    """Draw ``char`` at ``place``, or an arrow at the edge it lies beyond."""
    width = len(chars)
    if place < 0:
        chars[0], styles[0] = BEFORE, style
    elif place >= width:
        chars[width - 1], styles[width - 1] = AFTER, style
    else:
        chars[place], styles[place] = char, style


def merge(chars: list[str], styles: list[Style]) -> list[Segment]:
    """Runs of cells with the same style as one segment each."""
    segments: list[Segment] = []
    start = 0
    for place in range(1, len(chars) + 1):
        if place == len(chars) or styles[place] is not styles[start]:
            segments.append(Segment("".join(chars[start:place]), styles[start]))
            start = place
    return segments
