"""Roadmap: the feuille de route over the mandate, as a timeline to read and edit.

The timeline shows every objective grouped by lever (or by owner, or by status) over the
mandate; the line above it says what is late, what is due this quarter and which
dependencies are broken; the panel beside (or below, on a narrow terminal) spells out the
selected objective. Keys move a deadline in two strokes (select, then ``]``; ``)`` moves
the due date alone), each move being one save that a notice names and ctrl+z takes back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.content import Content
from textual.events import Resize
from textual.reactive import var
from textual.widgets import Input, Static

from coop_tui.core.i18n import N_, _, format_date, language
from coop_tui.core.insights.roadmap import (
    GROUPINGS,
    Grouping,
    RoadmapFilter,
    Violation,
    When,
    group_items,
    matches,
    shifted_dates,
    violations,
)
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.screens.roadmap.commands import RoadmapCommands
from coop_tui.screens.roadmap.detail import RoadmapDetail, describe
from coop_tui.screens.roadmap.summary import filter_description, summary_line
from coop_tui.store.models import Lever, RoadmapItem, RoadmapStatus
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text_fields import TextInput
from coop_tui.ui.widgets.timeline import Timeline, TimelineGroup

# Below this width the detail panel goes under the timeline instead of beside it.
NARROW = 120
GROUPING_NAMES: dict[Grouping, str] = {
    Grouping.LEVER: N_("by lever"),
    Grouping.OWNER: N_("by owner"),
    Grouping.STATUS: N_("by status"),
}


class RoadmapScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "roadmap.tcss"
    AUTO_FOCUS = "#roadmap-timeline"
    COMMANDS = {RoadmapCommands}
    BINDINGS = [
        Binding("n", "new", N_("New"), id="roadmap.new"),
        Binding("delete", "delete", N_("Delete"), id="roadmap.delete"),
        Binding("m", "meeting", N_("Go to meeting"), id="roadmap.meeting"),
        Binding("g", "group", N_("Group"), id="roadmap.group"),
        Binding("f", "filters", N_("Filters"), id="roadmap.filters"),
        Binding("slash", "search", N_("Search"), id="roadmap.search"),
        Binding("x", "export", N_("Export .ics"), id="roadmap.export"),
        Binding("i", "toggle_detail", N_("Details panel"), id="roadmap.detail"),
        Binding("escape", "clear_filters", N_("Clear filters"), id="roadmap.clear"),
    ]

    grouping: var[Grouping] = var(Grouping.LEVER, init=False)
    roadmap_filter: var[RoadmapFilter] = var(RoadmapFilter, init=False)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._broken: dict[str, list[Violation]] = {}
        self._shown_state: tuple[bool, ...] = ()

    @property
    def title_text(self) -> str:
        return _("Roadmap")

    def compose_content(self) -> ComposeResult:
        with Horizontal(id="roadmap-bar"):
            yield TextInput(placeholder=_("Search… (/)"), id="roadmap-search",
                            compact=True)
            yield Static(id="roadmap-summary", markup=False)
        with Container(id="roadmap-body"):
            yield Timeline(today=self.session.today(), id="roadmap-timeline")
            yield RoadmapDetail(id="roadmap-detail")

    def on_mount(self) -> None:
        """Runs before the base screen's first refresh (Textual calls both handlers)."""
        repository = self.session.repository
        timeline = self.timeline
        timeline.read_only = repository.read_only
        territory = repository.territory
        timeline.set_mandate(territory.mandate_start, territory.mandate_end)

    @property
    def timeline(self) -> Timeline:
        return self.query_one("#roadmap-timeline", Timeline)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    # ------------------------------------------------------------------ showing

    def refresh_data(self) -> None:
        repository = self.session.repository
        today = self.session.today()
        items = repository.roadmap
        self._broken = violations(items, today)
        wanted = self.roadmap_filter
        shown = [item for item in items if matches(item, wanted, today, self._names)]
        groups = group_items(shown, self.grouping, repository.levers, repository.actor_name)
        self.timeline.show(
            [TimelineGroup(self._group_title(group.key), group.items) for group in groups],
            today=today, broken=self._broken, items={item.id: item for item in items},
            empty_text=self._empty_text(), heading=self._heading(len(items), len(shown)),
        )
        self._show_summary(items)
        self._show_detail(self.timeline.selected_item)

    def _names(self, item: RoadmapItem) -> Iterable[str]:
        """Words a search also finds an item by: its lever and the people on it."""
        repository = self.session.repository
        lever = repository.get(Lever, item.lever_id)
        if lever is not None:
            yield lever.title.get(language())
        for ref in (*item.owner_ids, *item.partner_ids):
            yield repository.actor_name(ref)

    def _group_title(self, key: str | None) -> str:
        repository = self.session.repository
        if self.grouping is Grouping.LEVER:
            lever = repository.get(Lever, key)
            return lever.title.get(language()) if lever else _("No lever")
        if self.grouping is Grouping.OWNER:
            return repository.actor_name(key, _("Unknown actor")) if key else _("No owner")
        return label(RoadmapStatus(key)) if key in set(RoadmapStatus) else str(key)

    def _empty_text(self) -> str:
        if not self.session.repository.roadmap:
            return _("The roadmap is empty: press n to add its first objective.")
        return _("No objective matches the filters (esc clears them).")

    def _heading(self, total: int, shown: int) -> str:
        """The title of the label column: how many objectives, and how many are shown."""
        if self.roadmap_filter.is_empty:
            return _("Objectives · {count}").format(count=total)
        return _("Objectives · {shown} of {total}").format(shown=shown, total=total)

    def _show_summary(self, items: list[RoadmapItem]) -> None:
        """What needs attention first: late items, this quarter's deadlines, broken links."""
        self.query_one("#roadmap-summary", Static).update(summary_line(
            items, self.session.today(), len(self._broken),
            filter_description(self.roadmap_filter, self.session.repository)))

    def _show_detail(self, item: RoadmapItem | None) -> None:
        detail = self.query_one(RoadmapDetail)
        if item is None:
            detail.show(Content(_("Select an objective to see it here.")))
            return
        detail.show(describe(item, self.session.repository, self.session.today(),
                             self._broken))

    @on(Timeline.Highlighted)
    def _highlighted(self, event: Timeline.Highlighted) -> None:
        self._show_detail(self.session.repository.get(RoadmapItem, event.item_id))
        self._refresh_bindings_if_changed()

    def _refresh_bindings_if_changed(self) -> None:
        """Refresh the footer only when one of this screen's keys changes state."""
        state = (self.timeline.selected_item is not None, self.roadmap_filter.is_empty)
        if state != self._shown_state:
            self._shown_state = state
            self.refresh_bindings()

    def show_record(self, target: Target) -> None:
        self.reveal(target.record_id)

    def reveal(self, item_id: str) -> None:
        """Select an item, clearing the filters that hide it."""
        timeline = self.timeline
        if timeline.row_of(item_id) is None and self.session.repository.get(
                RoadmapItem, item_id) is not None:
            self.apply_filter(RoadmapFilter())
        timeline.select(item_id)
        timeline.focus()

    # ------------------------------------------------------------------ editing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        read_only = self.session.repository.read_only
        if action in ("new", "delete") and read_only:
            return False
        if action in ("delete", "meeting") and (
                not self.is_mounted or self.timeline.selected_item is None):
            return None
        return not (action == "clear_filters" and self.roadmap_filter.is_empty)

    def _save(self, item: RoadmapItem) -> bool:
        """Save one item; say why in a notification when it cannot be."""
        refusal = self.session.save([item])
        if refusal is not None:
            self.notify(_("Not saved: {reason}").format(reason=refusal.message),
                        severity="error", markup=False)
            return False
        return True

    @on(Timeline.ShiftRequested)
    def _shift(self, event: Timeline.ShiftRequested) -> None:
        """Move the dates (or the due date alone) and say where they went: ctrl+z takes a
        move back, so no question is asked at each press."""
        item = self.session.repository.get(RoadmapItem, event.item_id)
        if item is None:
            return
        if (item.start is None and item.due is None) or (event.due_only and item.due is None):
            self.notify(_("« {objective} » has no dates to move yet: press enter to set "
                          "them.").format(objective=item.objective), timeout=3, markup=False)
            return
        try:
            start, due = shifted_dates(item, days=event.days, months=event.months)
        except (OverflowError, ValueError):
            self.notify(_("These dates cannot move further."), severity="warning")
            return
        if event.due_only:
            start = item.start
            if start is not None and due is not None and due < start:
                self.notify(_("The due date cannot come before the start ({start}).").format(
                    start=format_date(start)), severity="warning", markup=False)
                return
        moved = RoadmapItem.model_validate({**item.model_dump(), "start": start, "due": due})
        was_broken = set(self._broken)
        if self._save(moved):
            self.refresh_data()
            self.timeline.reveal(moved)
            self.notify_change(moved_words(moved, due_only=event.due_only))
            if set(self._broken) - was_broken:
                self.notify(_("A dependency no longer holds: see the ⚠ marks."),
                            severity="warning", timeout=4)

    @on(Timeline.ProgressRequested)
    def _progress(self, event: Timeline.ProgressRequested) -> None:
        item = self.session.repository.get(RoadmapItem, event.item_id)
        if item is None:
            return
        progress = max(0, min(100, item.progress + event.delta))
        if progress == item.progress:
            self.app.bell()
            return
        if self._save(
                RoadmapItem.model_validate({**item.model_dump(), "progress": progress})):
            self.refresh_data()

    @on(Timeline.Opened)
    def _opened(self, event: Timeline.Opened) -> None:
        item = self.session.repository.get(RoadmapItem, event.item_id)
        if item is not None:
            self._edit(item)

    def _edit(self, item: RoadmapItem | None) -> None:
        from coop_tui.screens.roadmap.form import RoadmapItemForm

        def saved(result: RoadmapItem | None) -> None:
            if result is not None:
                self.refresh_data()
                self.reveal(result.id)

        lever_id = None
        selected = self.timeline.selected_item
        if item is None and selected is not None and self.grouping is Grouping.LEVER:
            lever_id = selected.lever_id  # a new item joins the lever group it is added in
        self.app.push_screen(RoadmapItemForm(self.session, item, lever_id=lever_id), saved)

    def action_new(self) -> None:
        self._edit(None)

    def action_delete(self) -> None:
        from coop_tui.screens.roadmap.dialogs import removal
        from coop_tui.ui.widgets.dialogs import ConfirmDialog

        item = self.timeline.selected_item
        if item is None:
            return
        repository = self.session.repository
        saved, consequences = removal(item, repository)

        def confirmed(answer: bool | None) -> None:
            if not answer:
                return
            refusal = self.session.save(saved, [item])
            if refusal is not None:
                self.notify(_("Not deleted: {reason}").format(reason=refusal.message),
                            severity="error", markup=False)
                return
            self.refresh_data()
            self.notify(_("Deleted « {objective} ».").format(objective=item.objective),
                        markup=False)

        self.app.push_screen(ConfirmDialog(_("Delete this objective?"), consequences,
                                           subject=item.objective, confirm=_("Delete")),
                             confirmed)

    def action_meeting(self) -> None:
        item = self.timeline.selected_item
        if item is None:
            return
        if item.meeting_id is None:
            self.notify(_("« {objective} » did not come from a meeting.").format(
                objective=item.objective), timeout=3, markup=False)
            return
        self.session.open(Target("meetings", item.meeting_id))

    # ------------------------------------------------------------------ view

    def action_group(self) -> None:
        index = GROUPINGS.index(self.grouping)
        self.grouping = GROUPINGS[(index + 1) % len(GROUPINGS)]
        self.notify(_("Grouped {grouping}.").format(grouping=_(GROUPING_NAMES[self.grouping])),
                    timeout=2)

    def action_search(self) -> None:
        self.query_one("#roadmap-search", Input).focus()

    @on(Input.Changed, "#roadmap-search")
    def _search_changed(self, event: Input.Changed) -> None:
        wanted = self.roadmap_filter.without_text()
        self.roadmap_filter = RoadmapFilter(wanted.lever_id, wanted.owner_id, wanted.status,
                                            wanted.when, event.value)

    @on(Input.Submitted, "#roadmap-search")
    def _search_done(self) -> None:
        self.timeline.focus()

    def action_filters(self) -> None:
        from coop_tui.screens.roadmap.filters import RoadmapFilters

        def chosen(result: RoadmapFilter | None) -> None:
            if result is not None:
                self.apply_filter(result)

        self.app.push_screen(RoadmapFilters(self.session.repository, self.roadmap_filter),
                             chosen)

    def apply_filter(self, wanted: RoadmapFilter) -> None:
        """Show what ``wanted`` lets through; the search field shows its text."""
        search = self.query_one("#roadmap-search", Input)
        if search.value != wanted.text:
            with search.prevent(Input.Changed):
                search.value = wanted.text
        self.roadmap_filter = wanted
        self.timeline.focus()

    def watch_grouping(self) -> None:
        self.refresh_data()

    def watch_roadmap_filter(self) -> None:
        self.refresh_data()
        self._refresh_bindings_if_changed()

    def filter_when(self, when: When) -> None:
        self.apply_filter(RoadmapFilter(when=when))

    def action_clear_filters(self) -> None:
        if not self.roadmap_filter.is_empty:
            self.apply_filter(RoadmapFilter())

    def action_toggle_detail(self) -> None:
        detail = self.query_one(RoadmapDetail)
        detail.display = not detail.display

    def action_export(self) -> None:
        from coop_tui.screens.roadmap.dialogs import ExportCalendar, default_calendar_path

        repository = self.session.repository

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._export_to(path)

        self.app.push_screen(ExportCalendar(default_calendar_path(repository)), chosen)

    def _export_to(self, path: Path) -> None:
        from coop_tui.core.exports.files import write_export
        from coop_tui.core.exports.ics import store_calendar

        try:
            write_export(path, store_calendar(self.session.repository), force=True)
        except ValueError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(_("Calendar written to {path}").format(path=path), markup=False,
                    timeout=6)


def moved_words(item: RoadmapItem, *, due_only: bool) -> str:
    """Where an objective's dates are now, in words."""
    due = format_date(item.due) if item.due else ""
    if due_only or item.start is None:
        return _("« {objective} »: due {due}").format(objective=item.objective, due=due)
    if item.due is None:
        return _("« {objective} »: starts {start}").format(
            objective=item.objective, start=format_date(item.start))
    return _("« {objective} »: {start} to {due}").format(
        objective=item.objective, start=format_date(item.start), due=due)
