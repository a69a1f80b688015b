"""The meeting's decisions and actions (the earlier meetings' are in ``follow_up``).

Decisions and actions captured from the notes (``D:`` and ``A:`` lines) are edited in the
notes: Enter goes to their line. Those added through a form are edited through it. Either
kind takes a vote (decisions) or a status, and an action becomes a roadmap item in one
step, linked both ways.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Label

from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import roadmap_item_for, with_action_status
from coop_tui.core.target import Target
from coop_tui.screens.meetings.action_form import ActionForm
from coop_tui.screens.meetings.action_status import ActionStatusPane, StatusChange
from coop_tui.screens.meetings.decision_form import DecisionForm
from coop_tui.screens.meetings.pane import cell, fit_columns, pick
from coop_tui.screens.meetings.vote_form import VoteForm, VoteResult
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Decision,
    Meeting,
    Presence,
    Vote,
)
from coop_tui.ui.widgets.dialogs import ConfirmDialog


def vote_summary(vote: Vote | None) -> str:
    if vote is None:
        return ""
    text = _("{yes} for · {no} against · {abstain} abst.").format(
        yes=vote.yes, no=vote.no, abstain=vote.abstain)
    return text + (" · " + _("public") if vote.public else "")


def voters(meeting: Meeting, names: dict[str, str]) -> list[str]:
    """Who can vote: voting members present or represented by a proxy, and for a member
    replaced by a suppléant, the suppléant, who is the one voting."""
    found = []
    for row in meeting.attendance:
        if not row.voting or row.actor_id not in names or row.status not in (
                Presence.PRESENT, Presence.SUBSTITUTED, Presence.REPRESENTED):
            continue
        substituted = row.status is Presence.SUBSTITUTED and row.substitute.strip()
        found.append(row.substitute.strip() if substituted else names[row.actor_id])
    return found


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

    @dataclass
    class JumpToLine(Message):
        """Show an agenda item's notes with the cursor on one line."""

        item_id: str
        """The agenda item whose notes to show."""
        line: int
        """The line of its notes to put the cursor on (from 0)."""

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

    def _set_action(self, action_id: str, status: ActionStatus, due: date | None = None) -> None:
        today = self.editor.session.today()

        def mutate(meeting: Meeting) -> None:
            meeting.actions = [with_action_status(a, status, today, due) if a.id == action_id
                               else a for a in meeting.actions]

        self.commit(mutate)

    def status_change(self) -> StatusChange | None:
        action = self._action()
        return None if action is None else partial(self._set_action, action.id)

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
