"""The roadmap as a timeline: one row per objective, bars on a calendar axis.

A Line API widget: only the rows on screen are drawn, so a roadmap of hundreds of items
scrolls as fast as a short one. The axis shows weeks, months, quarters or years, labelled
in the current language; bars fill with progress; milestones are diamonds; a line marks
today; late items are drawn in the error colour, finished ones muted. For the selected
item, the rows it depends on (◂) and the rows that depend on it (▸) are marked, and the
part of its bar that starts before a prerequisite ends is flagged.

The widget edits nothing: it posts messages (open, shift dates, change progress) and the
screen that owns the store acts on them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from coop_tui.core.i18n import N_, _, language
from coop_tui.core.insights.roadmap import (
    FINISHED,
    ZOOMS,
    Period,
    TickLevel,
    Violation,
    Zoom,
    centred_left,
    column,
    day_at,
    fitting_zoom,
    holds_until,
    periods,
)
from coop_tui.store.models import RoadmapItem, RoadmapStatus
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder

AXIS_HEIGHT = 2
MARKER_WIDTH = 2
ZOOM_NAMES: dict[Zoom, str] = {
    Zoom.WEEKS: N_("weeks"),
    Zoom.MONTHS: N_("months"),
    Zoom.QUARTERS: N_("quarters"),
    Zoom.YEARS: N_("years"),
}

# Marks drawn in the bars (single-cell characters every terminal font has).
FILLED, UNFILLED, CANCELLED, MILESTONE, DEADLINE, STARTS = "█", "░", "┄", "◆", "▮", "▶"
WAIT, TODAY, MANDATE, BEFORE, AFTER = "┈", "│", "┊", "◂", "▸"
LATE_MARK, BROKEN_MARK = "!", "⚠"
STRIKE = Style(strike=True)
# How far the view may scroll in time: wide enough for any plan, far from the calendar's ends.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


@lru_cache(maxsize=2048)
def _calendar_label(day: date, pattern: str, lang: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, pattern, locale=lang))


def period_label(zoom: Zoom, level: TickLevel, day: date) -> str:
    """The axis label of the period opening on ``day``, in the current language."""
    lang = language()
    if level == "major":
        pattern = "LLLL y" if zoom is Zoom.WEEKS else "y"
        return _calendar_label(day, pattern, lang)
    if zoom is Zoom.WEEKS:
        return _calendar_label(day, "d", lang)
    if zoom is Zoom.MONTHS:
        return _calendar_label(day, "LLL", lang)
    if zoom is Zoom.QUARTERS:
        return _calendar_label(day, "QQQ", lang)
    return _("H{number}").format(number=1 if day.month < 7 else 2)


@dataclass(frozen=True)
class TimelineGroup:
    """A heading and the items under it."""

    title: str
    items: Sequence[RoadmapItem]


@dataclass(frozen=True)
class _Row:
    """A line of the timeline: a group heading (``item`` None) or an item."""

    title: str
    item: RoadmapItem | None = None
    count: int = 0


@lru_cache(maxsize=4096)
def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis, padded with spaces."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        text = set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class Timeline(KeysInOrder, ScrollView, can_focus=True, inherit_bindings=False):
    """Roadmap items on a time axis, grouped under headings.

    Its keys replace those of a scrolling container: the arrows move the selection and
    scroll in time rather than scroll the rows.
    """

    COMPONENT_CLASSES = {
        "timeline--axis",
        "timeline--axis-major",
        "timeline--group",
        "timeline--label",
        "timeline--bar",
        "timeline--bar-blocked",
        "timeline--bar-late",
        "timeline--bar-muted",
        "timeline--milestone",
        "timeline--today",
        "timeline--mandate",
        "timeline--cursor",
        "timeline--linked",
        "timeline--violation",
        "timeline--late",
        "timeline--broken",
        "timeline--muted",
        "timeline--note",
    }

    DEFAULT_CSS = """
    Timeline {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .timeline--axis { color: $text-muted; }
        & > .timeline--axis-major { color: $text; text-style: bold; }
        & > .timeline--group { color: $text-primary; text-style: bold; }
        & > .timeline--label { color: $text; }
        & > .timeline--bar { color: $primary; }
        & > .timeline--bar-blocked { color: $warning; }
        & > .timeline--bar-late { color: $error; }
        & > .timeline--bar-muted { color: $text-disabled; }
        & > .timeline--milestone { color: $accent; text-style: bold; }
        & > .timeline--today { color: $accent; }
        & > .timeline--mandate { color: $text-disabled; }
        & > .timeline--cursor { background: $primary 20%; text-style: bold; }
        & > .timeline--linked { color: $text-accent; text-style: bold; }
        & > .timeline--violation { color: $error; background: $error 25%; }
        & > .timeline--late { color: $text-error; text-style: bold; }
        & > .timeline--broken { color: $text-warning; text-style: bold; }
        & > .timeline--muted { color: $text-muted; }
        & > .timeline--note { color: $text-muted; text-style: italic; }
    }
    Timeline:focus > .timeline--cursor { background: $primary 40%; }
    """

    WEEK = Binding.Group(N_("Move a week"), compact=True)
    MONTH = Binding.Group(N_("Move a month"), compact=True)
    PROGRESS = Binding.Group(N_("Progress"), compact=True)
    ZOOM = Binding.Group(N_("Zoom"), compact=True)
    SCROLL = Binding.Group(N_("Scroll"), compact=True)

    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="timeline.open"),
        Binding("left_square_bracket", "shift(-7, 0)", N_("A week earlier"),
                id="timeline.week_earlier", group=WEEK),
        Binding("right_square_bracket", "shift(7, 0)", N_("A week later"),
                id="timeline.week_later", group=WEEK),
        Binding("left_curly_bracket", "shift(0, -1)", N_("A month earlier"),
                id="timeline.month_earlier", group=MONTH),
        Binding("right_curly_bracket", "shift(0, 1)", N_("A month later"),
                id="timeline.month_later", group=MONTH),
        Binding("less_than_sign", "progress(-10)", N_("Progress −10%"),
                id="timeline.progress_down", group=PROGRESS),
        Binding("greater_than_sign", "progress(10)", N_("Progress +10%"),
                id="timeline.progress_up", group=PROGRESS),
        Binding("plus,equals_sign", "zoom(-1)", N_("Zoom in"), id="timeline.zoom_in",
                group=ZOOM),
        Binding("minus", "zoom(1)", N_("Zoom out"), id="timeline.zoom_out", group=ZOOM),
        Binding("left", "scroll_time(-1)", N_("Earlier"), id="timeline.earlier", group=SCROLL),
        Binding("right", "scroll_time(1)", N_("Later"), id="timeline.later", group=SCROLL),
        Binding("t", "today", N_("Today"), id="timeline.today"),
        # Brackets need AltGr on a French keyboard: shift and the arrows move a week too.
        Binding("shift+left", "shift(-7, 0)", N_("A week earlier"),
                id="timeline.week_earlier_arrow", show=False),
        Binding("shift+right", "shift(7, 0)", N_("A week later"),
                id="timeline.week_later_arrow", show=False),
        Binding("ctrl+pageup", "scroll_time(-4)", N_("A page earlier"),
                id="timeline.page_earlier", show=False),
        Binding("ctrl+pagedown", "scroll_time(4)", N_("A page later"),
                id="timeline.page_later", show=False),
        Binding("up", "move(-1)", N_("Previous objective"), id="timeline.up", show=False),
        Binding("down", "move(1)", N_("Next objective"), id="timeline.down", show=False),
        Binding("pageup", "page(-1)", N_("Page up"), id="timeline.page_up", show=False),
        Binding("pagedown", "page(1)", N_("Page down"), id="timeline.page_down", show=False),
        Binding("home", "edge(-1)", N_("First objective"), id="timeline.first", show=False),
        Binding("end", "edge(1)", N_("Last objective"), id="timeline.last", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The selection moved to another item."""

        item_id: str | None
        """The item now selected (None: nothing to select)."""

    @dataclass
    class Opened(Message):
        """The user asked to open an item."""

        item_id: str
        """The item to open."""

    @dataclass
    class ShiftRequested(Message):
        """The user asked to move an item's dates."""

        item_id: str
        """The item to move."""
        days: int
        """How many days to move its dates by (negative: earlier)."""
        months: int
        """How many months to move its dates by (negative: earlier)."""

    @dataclass
    class ProgressRequested(Message):
        """The user asked to change an item's progress."""

        item_id: str
        """The item whose progress changes."""
        delta: int
        """By how many points (negative: less done)."""

    zoom: reactive[Zoom] = reactive(Zoom.YEARS)
    left: reactive[int] = reactive(0)
    cursor: reactive[int] = reactive(-1)
    read_only: var[bool] = var(False)

    def __init__(self, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self._rows: list[_Row] = []
        self._today = today
        self._broken: Mapping[str, Sequence[Violation]] = {}
        self._all: Mapping[str, RoadmapItem] = {}
        self._mandate: tuple[date, date] | None = None
        self._fit_pending: tuple[date, date] | None = None
        self._empty_text = ""
        self._heading = ""
        self._lines: dict[int, Strip] = {}
        self._rows_of: dict[str, list[int]] = {}
        self._needed_by: dict[str, list[str]] = {}
        self._palette: _Palette | None = None
        self._backdrop: tuple[list[str], list[Style]] | None = None
        self._shown_state: tuple[object, ...] = ()
        self.set_reactive(Timeline.left, column(self._today, self.zoom))

    # ------------------------------------------------------------------ data in

    def show(
        self,
        groups: Sequence[TimelineGroup],
        *,
        today: date,
        broken: Mapping[str, Sequence[Violation]],
        items: Mapping[str, RoadmapItem],
        empty_text: str = "",
        heading: str = "",
    ) -> None:
        """Show new rows, keeping the selected item selected when it is still there."""
        selected = self.selected_id
        self._heading = heading
        self._today = today
        self._broken = broken
        self._all = items
        self._empty_text = empty_text
        self._rows = []
        for group in groups:
            self._rows.append(_Row(group.title, count=len(group.items)))
            self._rows.extend(_Row(item.objective, item) for item in group.items)
        self._rows_of = {}
        self._needed_by = {}
        for index, row in enumerate(self._rows):
            if row.item is not None:
                self._rows_of.setdefault(row.item.id, []).append(index)
                for ref in row.item.depends_on:
                    self._needed_by.setdefault(ref, []).append(row.item.id)
        self._update_virtual_size()
        kept = self.row_of(selected) if selected else None
        index = kept if kept is not None else self._next_item_row(-1, 1)
        self.set_reactive(Timeline.cursor, self.validate_cursor(index))
        self._invalidate()
        self._cursor_moved()

    def set_mandate(self, start: date, end: date) -> None:
        """Mark the mandate on the axis; the first view shows it whole."""
        self._mandate = (start, end)
        self._fit_pending = (start, end)
        self._fit_if_sized()

    @property
    def rows(self) -> int:
        return len(self._rows)

    @property
    def selected_item(self) -> RoadmapItem | None:
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor].item
        return None

    @property
    def selected_id(self) -> str | None:
        item = self.selected_item
        return item.id if item else None

    def row_of(self, item_id: str | None) -> int | None:
        """The first row showing ``item_id``."""
        rows = self._rows_of.get(item_id or "")
        return rows[0] if rows else None

    def select(self, item_id: str, *, reveal_dates: bool = True) -> bool:
        """Select ``item_id`` and bring its row (and its dates) into view."""
        index = self.row_of(item_id)
        if index is None:
            return False
        self.cursor = index
        item = self._rows[index].item
        if reveal_dates and item is not None:
            self.reveal(item)
        return True

    def reveal(self, item: RoadmapItem) -> None:
        """Scroll in time so the item's dates are in view, if they are not."""
        first, last = item.start or item.due, item.due or item.start
        if first is None or last is None:
            return
        width = self.bar_width
        start, end = column(first, self.zoom), column(last, self.zoom)
        if start < self.left or end >= self.left + width:
            if end - start + 2 <= width:
                self.left = start - max(1, (width - (end - start)) // 3)
            else:
                self.left = start - 1

    # ------------------------------------------------------------------ geometry

    @property
    def content_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    @property
    def label_width(self) -> int:
        """Two fifths of the width, capped so the bars keep room for the whole mandate."""
        width = self.content_width
        return max(16, min(36 if width < 180 else 50, width * 2 // 5))

    @property
    def bar_width(self) -> int:
        return max(1, self.content_width - MARKER_WIDTH - self.label_width - 1)

    @property
    def body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - AXIS_HEIGHT)

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width,
                                 len(self._rows) + AXIS_HEIGHT)

    def _fit_if_sized(self) -> None:
        if self._fit_pending is None or self.content_width <= 0:
            return
        first, last = self._fit_pending
        self._fit_pending = None
        self.fit(first, last)

    def fit(self, first: date, last: date) -> None:
        """Zoom and scroll so ``first`` to ``last`` fill the width, when they can."""
        width = self.bar_width
        zoom = fitting_zoom(first, last, width)
        self.set_reactive(Timeline.zoom, zoom)
        self.left = centred_left(first, last, zoom, width)
        self._invalidate()

    def on_resize(self, _event: events.Resize) -> None:
        self._update_virtual_size()
        self._fit_if_sized()
        self._invalidate()
        self._keep_cursor_visible()

    # ------------------------------------------------------------------ reactive state

    def validate_left(self, value: int) -> int:
        return max(column(FIRST_DAY, self.zoom),
                   min(column(LAST_DAY, self.zoom) - self.bar_width, value))

    def validate_cursor(self, value: int) -> int:
        if not self._rows:
            return -1
        return max(0, min(len(self._rows) - 1, value))

    def watch_cursor(self, old: int, new: int) -> None:
        for index in self._related_rows(old) | self._related_rows(new):
            self._lines.pop(index, None)
        self.refresh()
        self._cursor_moved()

    def _related_rows(self, index: int) -> set[int]:
        """The row at ``index`` and the rows its marks depend on (its links)."""
        if not 0 <= index < len(self._rows):
            return set()
        item = self._rows[index].item
        if item is None:
            return {index}
        related = {item.id, *item.depends_on, *self._needed_by.get(item.id, ())}
        return {row for ref in related for row in self._rows_of.get(ref, ())}

    def _cursor_moved(self) -> None:
        self._keep_cursor_visible()
        self._refresh_bindings_if_changed()
        self.post_message(self.Highlighted(self.selected_id))

    def _bindings_state(self) -> tuple[object, ...]:
        """What the keys' availability depends on (see check_action)."""
        return (self.read_only, self.zoom, self.selected_item is not None)

    def _refresh_bindings_if_changed(self) -> None:
        """Refresh the footer only when a key changes state: rebuilding it costs time."""
        state = self._bindings_state()
        if state != self._shown_state:
            self._shown_state = state
            self.refresh_bindings()

    def watch_zoom(self) -> None:
        self._invalidate()

    def watch_left(self) -> None:
        self._invalidate()

    def watch_read_only(self) -> None:
        self._refresh_bindings_if_changed()

    def _invalidate(self) -> None:
        """Forget every drawn line (the view or the data changed)."""
        self._lines.clear()
        self._backdrop = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._invalidate()

    def _keep_cursor_visible(self) -> None:
        if self.cursor < 0:
            return
        top = int(self.scroll_offset.y)
        height = self.body_height
        # Show the heading of the cursor's group when it fits, so the row has its context.
        wanted_top = self.cursor - 1 if self.cursor > 0 and self._rows[
            self.cursor - 1].item is None else self.cursor
        if wanted_top < top:
            self.scroll_to(y=wanted_top, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Editing keys vanish in a read-only store and dim with nothing selected; they do
        not change from one item to the next, so the footer stays still while browsing."""
        selected = self.selected_item is not None
        if action in ("shift", "progress") and self.read_only:
            return False
        if action in ("shift", "progress", "open") and not selected:
            return None
        if action == "zoom" and parameters:
            step = parameters[0]
            index = ZOOMS.index(self.zoom) + (step if isinstance(step, int) else 0)
            return True if 0 <= index < len(ZOOMS) else None
        return True

    def _next_item_row(self, start: int, step: int) -> int:
        """The next row holding an item from ``start`` in direction ``step`` (or ``start``)."""
        index = start + step
        while 0 <= index < len(self._rows):
            if self._rows[index].item is not None:
                return index
            index += step
        return start if 0 <= start < len(self._rows) else -1

    def action_move(self, step: int) -> None:
        self.cursor = self._next_item_row(self.cursor, step)

    def action_page(self, direction: int) -> None:
        target = max(0, min(len(self._rows) - 1, self.cursor + direction * self.body_height))
        if 0 <= target < len(self._rows) and self._rows[target].item is None:
            target = self._next_item_row(target, 1 if direction > 0 else -1)
        self.cursor = target if target >= 0 else self.cursor

    def action_edge(self, direction: int) -> None:
        start = -1 if direction < 0 else len(self._rows)
        self.cursor = self._next_item_row(start, 1 if direction < 0 else -1)

    def action_open(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.Opened(self.selected_id))

    def action_shift(self, days: int, months: int) -> None:
        if self.selected_id is not None:
            self.post_message(self.ShiftRequested(self.selected_id, days, months))

    def action_progress(self, delta: int) -> None:
        if self.selected_id is not None:
            self.post_message(self.ProgressRequested(self.selected_id, delta))

    def _anchor(self) -> tuple[date, int]:
        """The day to keep in place when zooming, and its place in the view."""
        item = self.selected_item
        width = self.bar_width
        for day in (item.due, item.start) if item else ():
            if day is not None and 0 <= column(day, self.zoom) - self.left < width:
                return day, column(day, self.zoom) - self.left
        if 0 <= column(self._today, self.zoom) - self.left < width:
            return self._today, column(self._today, self.zoom) - self.left
        return day_at(self.left + width // 2, self.zoom), width // 2

    def action_zoom(self, step: int) -> None:
        index = ZOOMS.index(self.zoom) + step
        if not 0 <= index < len(ZOOMS):
            return
        anchor, place = self._anchor()
        zoom = ZOOMS[index]
        self.set_reactive(Timeline.zoom, zoom)
        self.left = column(anchor, zoom) - place
        self._invalidate()
        self._refresh_bindings_if_changed()

    def action_scroll_time(self, direction: int) -> None:
        self.left += direction * max(1, self.bar_width // 4)

    def action_today(self) -> None:
        self.left = column(self._today, self.zoom) - self.bar_width // 3

    def on_click(self, event: events.Click) -> None:
        if event.y < AXIS_HEIGHT:
            return
        index = int(self.scroll_offset.y) + event.y - AXIS_HEIGHT
        if 0 <= index < len(self._rows) and self._rows[index].item is not None:
            self.cursor = index
            if event.chain == 2:
                self.action_open()

    # ------------------------------------------------------------------ drawing

    @property
    def palette(self) -> _Palette:
        """The theme's styles, resolved once (again after a theme or CSS change)."""
        if self._palette is None:
            def style(name: str) -> Style:
                return self.get_component_rich_style(f"timeline--{name}")

            cursor = style("cursor")
            self._palette = _Palette(
                base=self.rich_style, axis=style("axis"), axis_major=style("axis-major"),
                group=style("group"), label=style("label"), bar=style("bar"),
                bar_blocked=style("bar-blocked"), bar_late=style("bar-late"),
                bar_muted=style("bar-muted"), milestone=style("milestone"),
                today=style("today"), mandate=style("mandate"), linked=style("linked"),
                violation=style("violation"), late=style("late"), broken=style("broken"),
                muted=style("muted"), note=style("note"),
                cursor=Style(bgcolor=cursor.bgcolor, bold=cursor.bold),
            )
        return self._palette

    def render_line(self, y: int) -> Strip:
        if y < AXIS_HEIGHT:
            return self._cached(-1 - y, lambda: self._axis_line(y))
        index = int(self.scroll_offset.y) + y - AXIS_HEIGHT
        if not self._rows:
            return self._cached(index, lambda: self._empty_line(index))
        if index >= len(self._rows):
            return Strip.blank(self.content_width, self.rich_style)
        return self._cached(index, lambda: self._row_line(index))

    def _cached(self, key: int, draw: Callable[[], Strip]) -> Strip:
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = draw()
        return strip

    def _strip(self, segments: list[Segment]) -> Strip:
        return Strip(segments, self.content_width)

    def _empty_line(self, index: int) -> Strip:
        text = self._empty_text if index == 1 else ""
        return self._strip([Segment(" " * MARKER_WIDTH + _fit(text, self.content_width
                                                               - MARKER_WIDTH),
                                    self.palette.note)])

    def _axis_line(self, y: int) -> Strip:
        palette = self.palette
        level: TickLevel = "major" if y == 0 else "minor"
        head = (_("Scale: {zoom}").format(zoom=_(ZOOM_NAMES[self.zoom])) if y == 0
                else self._heading or _("Objective"))
        segments = [
            Segment(" " * MARKER_WIDTH + _fit(head, self.label_width),
                    palette.axis if y == 0 else palette.axis_major),
            Segment(" ", palette.axis),
            Segment(self._labels(periods(self.zoom, level, self.left, self.bar_width), level),
                    palette.axis_major if y == 0 else palette.axis),
        ]
        return self._strip(segments)

    def _labels(self, found: list[Period], level: TickLevel) -> str:
        width = self.bar_width
        cells = [" "] * width
        for period in found:
            text = period_label(self.zoom, level, period.first_day)
            room = period.end - period.start - 1
            if cell_len(text) > room:
                # A cut word still reads (« janv » for « janvier »), a cut year does not.
                if text.isdigit() or room < 3:
                    continue
                text = set_cell_size(text, room)
            for offset, char in enumerate(text):
                if period.start + offset < width:
                    cells[period.start + offset] = char
        return "".join(cells)

    def _row_line(self, index: int) -> Strip:
        row = self._rows[index]
        if row.item is None:
            return self._group_line(row)
        return self._item_line(row.item, index == self.cursor)

    def _group_line(self, row: _Row) -> Strip:
        """The heading runs into the bar area when it is longer than the label column."""
        title = f"{row.title} · {row.count}"
        head = MARKER_WIDTH + self.label_width + 1
        width = max(head, cell_len(title) + 1)
        chars, styles = self._blank_bar()
        segments = [Segment(_fit(title, width), self.palette.group)]
        skip = width - head
        segments += _merge(chars[skip:], styles[skip:])
        return self._strip(segments)

    def _blank_bar(self) -> tuple[list[str], list[Style]]:
        """A copy of the empty bar area: the mandate's edges and today's line."""
        if self._backdrop is None:
            palette = self.palette
            width = self.bar_width
            chars, styles = [" "] * width, [palette.base] * width
            marks = [(day, MANDATE, palette.mandate) for day in self._mandate or ()]
            marks.append((self._today, TODAY, palette.today))
            for day, char, style in marks:
                place = column(day, self.zoom) - self.left
                if 0 <= place < width:
                    chars[place], styles[place] = char, style
            self._backdrop = (chars, styles)
        chars, styles = self._backdrop
        return list(chars), list(styles)

    def _bar_style(self, item: RoadmapItem) -> Style:
        palette = self.palette
        if item.status in FINISHED:
            return palette.bar_muted
        if item.is_late(self._today):
            return palette.bar_late
        if item.status is RoadmapStatus.BLOCKED:
            return palette.bar_blocked
        return palette.bar

    def _item_line(self, item: RoadmapItem, selected: bool) -> Strip:
        palette = self.palette
        late = item.is_late(self._today)
        mark = LATE_MARK if late else BROKEN_MARK if item.id in self._broken else " "
        link = self._link_mark(item)
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
            Segment(_fit(item.objective, self.label_width), label_style),
            Segment(" ", palette.base),
            *_merge(chars, styles),
        ]
        if selected:
            segments = [Segment(text, style + palette.cursor) if style else segment
                        for segment in segments for text, style, _control in (segment,)]
        return self._strip(segments)

    def _link_mark(self, item: RoadmapItem) -> str:
        """◂ for what the selected item depends on, ▸ for what depends on it."""
        selected = self.selected_item
        if selected is None or selected.id == item.id:
            return " "
        if item.id in selected.depends_on:
            return BEFORE
        if selected.id in item.depends_on:
            return AFTER
        return " "

    def _bar_cells(self, item: RoadmapItem, selected: bool) -> tuple[list[str], list[Style]]:
        chars, styles = self._blank_bar()
        palette = self.palette
        if item.start is None and item.due is None:
            note = _fit(_("no dates"), min(len(chars), 12)).rstrip()
            chars[:len(note)] = list(note)
            styles[:len(note)] = [palette.note] * len(note)
            return chars, styles
        style = self._bar_style(item)
        first = column(item.start, self.zoom) - self.left if item.start else None
        last = column(item.due, self.zoom) - self.left if item.due else None
        if first is not None and last is not None:
            self._draw_span(chars, styles, item, first, last, style)
        elif last is not None:
            _put(chars, styles, last, MILESTONE if item.milestone else DEADLINE,
                 palette.milestone if item.milestone else style)
        elif first is not None:
            _put(chars, styles, first, STARTS, style)
        if selected:
            self._draw_dependency(chars, styles, item, first if first is not None else last)
        return chars, styles

    def _draw_span(self, chars: list[str], styles: list[Style], item: RoadmapItem,
                   first: int, last: int, style: Style) -> None:
        width = len(chars)
        if last < 0 or first >= width:
            _put(chars, styles, last if last < 0 else first, FILLED, style)
            return
        visible = range(max(0, first), min(width, last + 1))
        if item.milestone:
            for place in visible:
                chars[place], styles[place] = WAIT, style
            _put(chars, styles, last, MILESTONE, self.palette.milestone)
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
        ends = [holds_until(self._all[ref], self._today)
                for ref in item.depends_on if ref in self._all]
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


@dataclass(frozen=True)
class _Palette:
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


def _put(chars: list[str], styles: list[Style], place: int, char: str, style: Style) -> None:
    """Draw ``char`` at ``place``, or an arrow at the edge it lies beyond."""
    width = len(chars)
    if place < 0:
        chars[0], styles[0] = BEFORE, style
    elif place >= width:
        chars[width - 1], styles[width - 1] = AFTER, style
    else:
        chars[place], styles[place] = char, style


def _merge(chars: list[str], styles: list[Style]) -> list[Segment]:
    """Runs of cells with the same style as one segment each."""
    segments: list[Segment] = []
    start = 0
    for place in range(1, len(chars) + 1):
        if place == len(chars) or styles[place] is not styles[start]:
            segments.append(Segment("".join(chars[start:place]), styles[start]))
            start = place
    return segments
