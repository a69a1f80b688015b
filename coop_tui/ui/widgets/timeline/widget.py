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

from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from coop_tui.core.i18n import _
from coop_tui.core.insights.roadmap import (
    ZOOMS,
    Violation,
    Zoom,
    centred_left,
    column,
    day_at,
    fitting_zoom,
)
from coop_tui.store.models import RoadmapItem
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.timeline import layout
from coop_tui.ui.widgets.timeline.axis import AXIS_HEIGHT, ZOOM_NAMES
from coop_tui.ui.widgets.timeline.drawing import Canvas, Palette, axis_line, link_mark, note_line
from coop_tui.ui.widgets.timeline.keys import TIMELINE_KEYS
from coop_tui.ui.widgets.timeline.layout import Rows, TimelineGroup
from coop_tui.ui.widgets.timeline.look import TIMELINE_CLASSES, TIMELINE_CSS, read_palette

# How far the view may scroll in time: wide enough for any plan, far from the calendar's ends.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)


class Timeline(KeysInOrder, ScrollView, can_focus=True, inherit_bindings=False):
    """Roadmap items on a time axis, grouped under headings.

    Its keys replace those of a scrolling container: the arrows move the selection and
    scroll in time rather than scroll the rows.
    """

    COMPONENT_CLASSES = TIMELINE_CLASSES

    DEFAULT_CSS = TIMELINE_CSS

    BINDINGS = TIMELINE_KEYS

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
        due_only: bool = False
        """Move the due date alone, the start staying where it is."""

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
        self._rows = Rows()
        self._today = today
        self._broken: Mapping[str, Sequence[Violation]] = {}
        self._all: Mapping[str, RoadmapItem] = {}
        self._mandate: tuple[date, date] | None = None
        self._fit_pending: tuple[date, date] | None = None
        self._empty_text = ""
        self._heading = ""
        self._lines: dict[int, Strip] = {}
        self._palette: Palette | None = None
        self._canvas: Canvas | None = None
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
        self._rows = Rows.of(groups)
        self._update_virtual_size()
        kept = self.row_of(selected) if selected else None
        index = kept if kept is not None else self._rows.next_item(-1, 1)
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
        return self._rows.row_of(item_id)

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
        return layout.label_width(self.content_width)

    @property
    def bar_width(self) -> int:
        return layout.bar_width(self.content_width)

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
        for index in self._rows.related(old) | self._rows.related(new):
            self._lines.pop(index, None)
        self.refresh()
        self._cursor_moved()

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
        self._canvas = None
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
        if action in ("shift", "shift_due", "progress") and self.read_only:
            return False
        if action in ("shift", "shift_due", "progress", "open") and not selected:
            return None
        if action == "zoom" and parameters:
            step = parameters[0]
            index = ZOOMS.index(self.zoom) + (step if isinstance(step, int) else 0)
            return True if 0 <= index < len(ZOOMS) else None
        return True

    def action_move(self, step: int) -> None:
        self.cursor = self._rows.next_item(self.cursor, step)

    def action_page(self, direction: int) -> None:
        target = max(0, min(len(self._rows) - 1, self.cursor + direction * self.body_height))
        if 0 <= target < len(self._rows) and self._rows[target].item is None:
            target = self._rows.next_item(target, 1 if direction > 0 else -1)
        self.cursor = target if target >= 0 else self.cursor

    def action_edge(self, direction: int) -> None:
        start = -1 if direction < 0 else len(self._rows)
        self.cursor = self._rows.next_item(start, 1 if direction < 0 else -1)

    def action_open(self) -> None:
        if self.selected_id is not None:
            self.post_message(self.Opened(self.selected_id))

    def action_shift(self, days: int, months: int) -> None:
        if self.selected_id is not None:
            self.post_message(self.ShiftRequested(self.selected_id, days, months))

    def action_shift_due(self, days: int) -> None:
        if self.selected_id is not None:
            self.post_message(self.ShiftRequested(self.selected_id, days, 0, due_only=True))

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
    def palette(self) -> Palette:
        """The theme's styles, resolved once (again after a theme or CSS change)."""
        if self._palette is None:
            self._palette = read_palette(
                self.rich_style,
                lambda name: self.get_component_rich_style(f"timeline--{name}"))
        return self._palette

    @property
    def canvas(self) -> Canvas:
        """The view as it is now (made again when the view, the data or the theme change)."""
        if self._canvas is None:
            self._canvas = Canvas(
                palette=self.palette, zoom=self.zoom, left=self.left,
                label_width=self.label_width, bar_width=self.bar_width, today=self._today,
                mandate=self._mandate, items=self._all, broken=self._broken,
            )
        return self._canvas

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
        return self._strip(note_line(self.palette, text, self.content_width))

    def _axis_line(self, y: int) -> Strip:
        head = (_("Scale: {zoom}").format(zoom=_(ZOOM_NAMES[self.zoom])) if y == 0
                else self._heading or _("Objective"))
        return self._strip(axis_line(self.palette, y, head, self.zoom, self.left,
                                     self.label_width, self.bar_width))

    def _row_line(self, index: int) -> Strip:
        row = self._rows[index]
        if row.item is None:
            return self._strip(self.canvas.group_line(row))
        return self._strip(self.canvas.item_line(row.item,
                                                 link_mark(self.selected_item, row.item),
                                                 index == self.cursor))
