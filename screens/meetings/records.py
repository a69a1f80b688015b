"""The meeting's decisions and actions, and the follow-up of earlier actions.

Decisions and actions captured from the notes (``D:`` and ``A:`` lines) are edited in the
notes: Enter goes to their line. Those added through a form are edited through it. Either
kind takes a vote (decisions) or a status, and an action becomes a roadmap item in one
step, linked both ways.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Label

from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import (
    FollowUp,
    follow_up,
    roadmap_item_for,
    with_action_status,
)
from coop_tui.core.target import Target
from coop_tui.screens.meetings.action_form import ActionForm
from coop_tui.screens.meetings.decision_form import DecisionForm
from coop_tui.screens.meetings.pane import MeetingPane, cell, fit_columns, pick
from coop_tui.screens.meetings.vote_form import VoteForm, VoteResult
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Decision,
    Meeting,
    Presence,
    Record,
    RoadmapItem,
    Vote,
)
from coop_tui.ui.widgets.dialogs import ConfirmDialog, TextPrompt


def vote_summary(vote: Vote | None) -> str:
    if vote is None:
        return ""
    text = _("{yes} for · {no} against · {abstain} abst.").format(
        yes=vote.yes, no=vote.no, abstain=vote.abstain)
    return text + (" · " + _("public") if vote.public else "")


def voters(meeting: Meeting, names: dict[str, str]) -> list[str]:
    """Who can vote: voting members present, substituted, or represented by a proxy."""
    return [names[row.actor_id] for row in meeting.attendance if row.voting
            and row.actor_id in names
            and row.status in (Presence.PRESENT, Presence.SUBSTITUTED, Presence.REPRESENTED)]


def due_check(reference: date) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            parse_date(text, reference)
        except ValueError:
            return _("is not a real date (such as 26/11/2026)")
        return ""

    return check


def _unchanged(meeting: Meeting) -> None:
    """This meeting stays as it is (it is saved with the other records)."""


class ActionStatusPane(MeetingPane):
    """A pane whose keys change the state of the action under the cursor (done, reopened,
    cancelled, postponed to a new due date), wherever that action is stored."""

    def selected_action(self) -> Action | None:
        raise NotImplementedError

    def store_action(self, action: Action) -> None:
        raise NotImplementedError

    def action_status(self, status: str) -> None:
        action = self.selected_action()
        if action is not None:
            self.store_action(with_action_status(action, ActionStatus(status),
                                                 self.editor.session.today()))

    def action_postpone(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        reference = self.editor.session.today()

        def moved(text: str | None) -> None:
            if text is not None:
                self.store_action(with_action_status(action, ActionStatus.POSTPONED, reference,
                                                     parse_date(text, reference)))

        self.app.push_screen(TextPrompt(_("Postpone the action"), _("New due date"), "",
                                        due_check(reference), keep=moved,
                                        session=self.editor.session), moved)


class RecordsPane(ActionStatusPane):
    """Decisions above, actions below; keys act on the table that has the focus."""

    BINDINGS = [
        Binding("n", "new", N_("New"), id="records.new"),
        Binding("enter", "edit", N_("Edit or go to the line"), id="records.edit", show=False),
        Binding("v", "vote", N_("Vote"), id="records.vote"),
        Binding("d", "status('done')", N_("Done"), id="records.done"),
        Binding("p", "postpone", N_("Postpone"), id="records.postpone"),
        Binding("o", "status('open')", N_("Reopen"), id="records.reopen"),
        Binding("x", "status('cancelled')", N_("Cancel it"), id="records.cancel"),
        Binding("r", "to_roadmap", N_("To the roadmap"), id="records.roadmap"),
        Binding("delete", "delete", N_("Delete"), id="records.delete", show=False),
    ]
    EDITING_ACTIONS = frozenset({"new", "edit", "vote", "status", "postpone", "to_roadmap",
                                 "delete"})

    class JumpToLine(Message):
        """Show an agenda item's notes with the cursor on one line."""

        def __init__(self, item_id: str, line: int) -> None:
            super().__init__()
            self.item_id = item_id
            self.line = line

    def compose(self) -> ComposeResult:
        yield Label(_("Decisions"), classes="section-title")
        yield DataTable(id="decisions-table", cursor_type="row", zebra_stripes=True)
        yield Label(_("Actions"), classes="section-title")
        yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.refresh_view()

    def _names(self) -> dict[str, str]:
        return {actor.id: actor.name for actor in self.editor.session.repository.actors}

    def _item_number(self, item_id: str | None) -> str:
        for number, item in enumerate(self.editor.meeting.agenda, start=1):
            if item.id == item_id:
                return str(number)
        return "—"

    def _origin(self, record_id: str) -> Text:
        captured = self.editor.is_captured(record_id)
        return Text(_("notes") if captured else _("form"), style="dim")

    def refresh_view(self) -> None:
        meeting = self.editor.meeting
        names = self._names()
        width = self.size.width
        decisions = self.query_one("#decisions-table", DataTable)
        cursor = decisions.cursor_row
        kept = fit_columns(decisions, [(_("Item"), 5, False), (_("Decision"), 0, True),
                                       (_("Vote"), 26, True), (_("From"), 10, False)], width)
        for decision in meeting.decisions:
            decisions.add_row(*pick([self._item_number(decision.agenda_item_id),
                                     cell(decision.text), vote_summary(decision.vote),
                                     self._origin(decision.id)], kept), key=decision.id)
        if decisions.row_count:
            decisions.move_cursor(row=min(cursor, decisions.row_count - 1))
        actions = self.query_one("#actions-table", DataTable)
        cursor = actions.cursor_row
        kept = fit_columns(actions, [(_("Item"), 5, False), (_("Action"), 0, True),
                                     (_("Owner"), 20, True), (_("Due"), 10, True),
                                     (_("Status"), 10, True), (_("Roadmap"), 9, False)], width)
        for action in meeting.actions:
            owner = names.get(action.owner_id or "", "") or action.owner_name
            actions.add_row(*pick([
                self._item_number(action.agenda_item_id), cell(action.text), cell(owner),
                format_date(action.due, "short") if action.due else "",
                Text(label(action.status), style="bold" if action.is_open else "dim"),
                "✓" if action.roadmap_item_id else ""], kept), key=action.id)
        if actions.row_count:
            actions.move_cursor(row=min(cursor, actions.row_count - 1))

    # ------------------------------------------------------------------ selection

    def _table(self) -> str:
        focused = self.screen.focused
        return focused.id or "" if isinstance(focused, DataTable) else ""

    def _current_key(self, table_id: str) -> str | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _decision(self) -> Decision | None:
        key = self._current_key("decisions-table")
        return next((d for d in self.editor.meeting.decisions if d.id == key), None)

    def _action(self) -> Action | None:
        key = self._current_key("actions-table")
        return next((a for a in self.editor.meeting.actions if a.id == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        table = self._table()
        if action == "vote":
            return table == "decisions-table"
        if action in ("status", "postpone", "to_roadmap"):
            return table == "actions-table"
        return True

    # ------------------------------------------------------------------ keys

    def action_new(self) -> None:
        item_id = self.editor.meeting.agenda[0].id if self.editor.meeting.agenda else None
        meeting = self.editor.meeting
        if self._table() == "actions-table":
            self.app.push_screen(ActionForm(None, meeting.agenda,
                                            self.editor.session.repository.actors, item_id,
                                            self.editor.reference_day)
                                 .keep_drafts(self.editor.session, self._action_saved),
                                 self._action_saved)
        else:
            self.app.push_screen(DecisionForm(None, meeting.agenda, item_id)
                                 .keep_drafts(self.editor.session, self._decision_saved),
                                 self._decision_saved)

    def _decision_saved(self, decision: Decision | None) -> None:
        if decision is None:
            return

        def mutate(meeting: Meeting) -> None:
            index = next((i for i, d in enumerate(meeting.decisions) if d.id == decision.id),
                         None)
            if index is None:
                meeting.decisions.append(decision)
            else:
                meeting.decisions[index] = decision

        self.commit(mutate)

    def _action_saved(self, action: Action | None) -> None:
        if action is None:
            return

        def mutate(meeting: Meeting) -> None:
            index = next((i for i, a in enumerate(meeting.actions) if a.id == action.id), None)
            if index is None:
                meeting.actions.append(action)
            else:
                meeting.actions[index] = action

        self.commit(mutate)

    def action_edit(self) -> None:
        table = self._table()
        record: Decision | Action | None = (
            self._decision() if table == "decisions-table" else self._action())
        if record is None:
            return
        place = self.editor.line_of(record.id)
        if place is not None:
            self.post_message(self.JumpToLine(place[0].id, place[1]))
        elif isinstance(record, Decision):
            self.app.push_screen(DecisionForm(record, self.editor.meeting.agenda, None)
                                 .keep_drafts(self.editor.session, self._decision_saved),
                                 self._decision_saved)
        else:
            self.app.push_screen(ActionForm(record, self.editor.meeting.agenda,
                                            self.editor.session.repository.actors, None,
                                            self.editor.reference_day)
                                 .keep_drafts(self.editor.session, self._action_saved),
                                 self._action_saved)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.editor.read_only:
            self.action_edit()

    def action_vote(self) -> None:
        decision = self._decision()
        if decision is None:
            return

        def voted(result: VoteResult | None) -> None:
            if result is None:
                return

            def mutate(meeting: Meeting) -> None:
                for entry in meeting.decisions:
                    if entry.id == decision.id:
                        entry.vote = result.vote

            self.commit(mutate)

        self.app.push_screen(VoteForm(decision.text, decision.vote,
                                      voters(self.editor.meeting, self._names()))
                             .keep_drafts(self.editor.session, voted), voted)

    def selected_action(self) -> Action | None:
        return self._action()

    def store_action(self, action: Action) -> None:
        def mutate(meeting: Meeting) -> None:
            meeting.actions = [action if a.id == action.id else a for a in meeting.actions]

        self.commit(mutate)

    def action_to_roadmap(self) -> None:
        action = self._action()
        if action is None:
            return
        if action.roadmap_item_id:
            self.editor.session.open(Target("roadmap", action.roadmap_item_id))
            return
        item = roadmap_item_for(self.editor.meeting, action)

        def mutate(meeting: Meeting) -> None:
            for entry in meeting.actions:
                if entry.id == action.id:
                    entry.roadmap_item_id = item.id

        if self.commit(mutate, item):
            self.notify(_("Added to the roadmap: {objective}").format(objective=item.objective),
                        markup=False, timeout=6)

    def action_delete(self) -> None:
        table = self._table()
        record: Decision | Action | None = (
            self._decision() if table == "decisions-table" else self._action())
        if record is None:
            return
        place = self.editor.line_of(record.id)
        what = _("the decision") if isinstance(record, Decision) else _("the action")
        message = (_("Its line will be removed from the notes.") if place is not None
                   else _("It is not in the notes."))

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            if place is not None:
                self._remove_line(place[0].id, place[1])
                return

            def mutate(meeting: Meeting) -> None:
                meeting.decisions = [d for d in meeting.decisions if d.id != record.id]
                meeting.actions = [a for a in meeting.actions if a.id != record.id]

            self.commit(mutate)

        self.app.push_screen(ConfirmDialog(_("Delete {what}?").format(what=what), message,
                                           subject=record.text, confirm=_("Delete")),
                             confirmed)

    def _remove_line(self, item_id: str, line: int) -> None:
        item = self.editor.item(item_id)
        if item is None:
            return
        lines = item.notes.split("\n")
        del lines[line]
        self.editor.set_notes(item_id, "\n".join(lines))
        if self.editor.save_pending():
            self.post_message(self.Changed())


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

    def selected_action(self) -> Action | None:
        row = self._current()
        return row.action if row is not None else None

    def store_action(self, action: Action) -> None:
        row = self._current()
        if row is not None and row.action.id == action.id:
            self._save_other(row, action)

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
