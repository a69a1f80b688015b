"""The follow-up of earlier meetings' actions: the open ones of the same kind of meeting,
or of the same people, marked done or postponed here, or made roadmap items."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import (
    FollowUp,
    follow_up,
    roadmap_item_for,
    with_action_status,
)
from coop_tui.core.target import Target
from coop_tui.screens.meetings.action_status import ActionStatusPane, StatusChange
from coop_tui.screens.meetings.pane import cell, fit_columns, pick
from coop_tui.store.models import Action, ActionStatus, Meeting, Record, RoadmapItem


def _unchanged(meeting: Meeting) -> None:
    """This meeting stays as it is (it is saved with the other records)."""


class FollowUpPane(ActionStatusPane):
    """Open actions from earlier meetings (same kind, or the same people): mark them done or
    postponed here, or make them roadmap items."""

    BINDINGS = [
        Binding("d", "status('done')", N_("Done"), id="follow.done"),
        Binding("p", "postpone", N_("Postpone"), id="follow.postpone"),
        Binding("o", "status('open')", N_("Reopen"), id="follow.reopen"),
        Binding("x", "status('cancelled')", N_("Cancel it"), id="follow.cancel"),
        Binding("r", "to_roadmap", N_("To the roadmap"), id="follow.roadmap"),
        Binding("g", "open_meeting", N_("Go to its meeting"), id="follow.open"),
    ]
    EDITING_ACTIONS = frozenset({"status", "postpone", "to_roadmap"})

    def compose(self) -> ComposeResult:
        yield Label("", id="follow-title", classes="section-title")
        yield DataTable(id="follow-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.refresh_view()

    def _rows(self) -> list[FollowUp]:
        return follow_up(self.editor.session.repository.meetings, self.editor.meeting)

    def refresh_view(self) -> None:
        rows = self._rows()
        names = {actor.id: actor.name for actor in self.editor.session.repository.actors}
        today = self.editor.session.today()
        table = self.query_one("#follow-table", DataTable)
        cursor = table.cursor_row
        kept = fit_columns(table, [(_("Action"), 0, True), (_("Decided at"), 28, False),
                                   (_("Decided on"), 10, True), (_("Owner"), 18, True),
                                   (_("Due"), 10, True), (_("Status"), 10, True)],
                           self.size.width)
        for row in rows:
            action = row.action
            late = action.is_open and action.due is not None and action.due < today
            table.add_row(*pick([
                cell(action.text), cell(row.meeting.title),
                format_date(row.meeting.on, "short"),
                cell(names.get(action.owner_id or "", "") or action.owner_name),
                Text(format_date(action.due, "short") if action.due else "",
                     style="bold reverse" if late else ""),
                Text(label(action.status), style="bold" if action.is_open else "dim")], kept),
                key=f"{row.meeting.id}/{action.id}")
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        still_open = sum(row.action.is_open for row in rows)
        self.query_one("#follow-title", Label).update(
            _("Earlier actions: {open} still open, {total} listed").format(
                open=still_open, total=len(rows)) if rows
            else _("No earlier action to follow up (same kind of meeting, or the same people)."))

    def _current(self) -> FollowUp | None:
        table = self.query_one("#follow-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        meeting_id, _sep, action_id = key.partition("/")
        return next((row for row in self._rows() if row.meeting.id == meeting_id
                     and row.action.id == action_id), None)

    def _save_other(self, row: FollowUp, action: Action, item: RoadmapItem | None = None) -> bool:
        """Save the earlier meeting with its changed action (this one is saved with it)."""
        repository = self.editor.session.repository
        stored = repository.get(Meeting, row.meeting.id)
        if stored is None:
            return False
        other = stored.model_copy(deep=True)
        other.actions = [action if a.id == action.id else a for a in other.actions]
        records: list[Record] = [other] if item is None else [other, item]
        return self.commit(_unchanged, *records)

    def status_change(self) -> StatusChange | None:
        row = self._current()
        if row is None:
            return None
        today = self.editor.session.today()

        def change(status: ActionStatus, due: date | None) -> None:
            self._save_other(row, with_action_status(row.action, status, today, due))

        return change

    def action_to_roadmap(self) -> None:
        row = self._current()
        if row is None:
            return
        if row.action.roadmap_item_id:
            self.editor.session.open(Target("roadmap", row.action.roadmap_item_id))
            return
        item = roadmap_item_for(row.meeting, row.action)
        linked = row.action.model_copy(deep=True)
        linked.roadmap_item_id = item.id
        if self._save_other(row, linked, item):
            self.notify(_("Added to the roadmap: {objective}").format(objective=item.objective),
                        markup=False, timeout=6)

    def action_open_meeting(self) -> None:
        row = self._current()
        if row is not None:
            self.editor.session.open(Target("meetings", row.meeting.id, row.action.id))
