"""One meeting, live: notes per agenda item with quick capture, attendance and quorum,
decisions and actions, the follow-up of earlier actions, private notes, the minutes.

Built for the moment a facilitator types while people talk: the editor keeps the focus,
every meeting key is a ctrl or function key, and nothing typed waits on the disk nor is
lost. Notes go into the meeting in memory at each keystroke; a save follows within a
second of the last keystroke (and every few seconds during a long burst), and before the
app quits, closes with the terminal, or is stopped by a signal.

Here, the keys that change the meeting and the jumps to a record; the live view and its
autosave are in ``sheet``, the palette's entries in ``detail_commands``.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable, TabbedContent, TabPane, TextArea

from coop_tui.core.capture import CaptureKind, strip_captures
from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.meeting_rules import (
    APPROVED_KINDS,
    approve,
    previous_of_kind,
)
from coop_tui.core.target import Target
from coop_tui.screens.meetings.action_form import ActionForm
from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.decision_form import DecisionForm
from coop_tui.screens.meetings.detail_commands import MeetingCommands
from coop_tui.screens.meetings.editor import Mutator
from coop_tui.screens.meetings.export import export_minutes
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.notes import (
    AgendaList,
    NotesArea,
)
from coop_tui.screens.meetings.pane import MeetingPane
from coop_tui.screens.meetings.records import RecordsPane, voters
from coop_tui.screens.meetings.sheet import MeetingSheet, decisions_and_actions
from coop_tui.screens.meetings.vote_form import VoteForm, VoteResult
from coop_tui.store.models import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    Record,
)
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.widgets.dialogs import ConfirmDialog


class MeetingScreen(MeetingSheet):
    """A meeting pushed over the list of meetings."""

    CSS_PATH = Path(__file__).parent / "detail.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = "#notes-area"
    COMMANDS = {MeetingCommands}
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="meeting.back"),
        Binding("ctrl+t", "timer", N_("Timer"), id="meeting.timer"),
        Binding("ctrl+o", "add_decision", N_("Decision"), id="meeting.decision"),
        Binding("ctrl+r", "add_action", N_("Action"), id="meeting.action"),
        Binding("ctrl+b", "vote_here", N_("Vote"), id="meeting.vote"),
        Binding("ctrl+up", "item(-1)", N_("Previous item"), id="meeting.previous_item",
                show=False),
        Binding("ctrl+down", "item(1)", N_("Next item"), id="meeting.next_item", show=False),
        Binding("ctrl+n", "new_item", N_("New item"), id="meeting.new_item", show=False),
        Binding("ctrl+g", "export", N_("Export minutes"), id="meeting.export"),
        Binding("ctrl+s", "save", N_("Save now"), id="meeting.save", show=False),
        # F2 to F7 come before the editor's own keys (F6 and F7 select text there).
        Binding("f2", "tab('notes')", N_("Notes"), id="meeting.tab_notes", show=False,
                priority=True),
        Binding("f3", "tab('attendance')", N_("Attendance"), id="meeting.tab_attendance",
                show=False, priority=True),
        Binding("f4", "tab('records')", N_("Decisions and actions"), id="meeting.tab_records",
                show=False, priority=True),
        Binding("f5", "tab('follow')", N_("Follow-up"), id="meeting.tab_follow", show=False,
                priority=True),
        Binding("f6", "tab('private')", N_("Private notes"), id="meeting.tab_private",
                show=False, priority=True),
        Binding("f7", "edit_meeting", N_("Edit the meeting"), id="meeting.edit", show=False,
                priority=True),
    ]
    EDITING_ACTIONS = frozenset({"timer", "add_decision", "add_action", "vote_here",
                                 "new_item", "move_item", "edit_item", "delete_item",
                                 "duplicate_item",
                                 "edit_meeting", "approve_previous"})
    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.editor.read_only and action in self.EDITING_ACTIONS:
            return False
        focused = self.focused
        if action == "back":
            return not isinstance(focused, TextArea)
        if action in ("move_item", "edit_item", "delete_item", "duplicate_item"):
            return isinstance(focused, AgendaList) and self.current_item_id is not None
        if action in ("timer", "vote_here"):
            return self.current_item_id is not None
        return True

    def action_back(self) -> None:
        self.save_drafts()
        self.dismiss()

    def _show_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        for view in self.query_one(f"#{tab}", TabPane).query(MeetingPane):
            view.refresh_view()

    def action_tab(self, tab: str) -> None:
        self._show_tab(tab)
        target = {"notes": "#notes-area", "attendance": "#attendance-table",
                  "records": "#decisions-table", "follow": "#follow-table",
                  "private": "#private-area"}[tab]
        widget = self.query_one(target)
        widget.focus()
        self.call_after_refresh(widget.focus)

    def action_item(self, step: int) -> None:
        agenda = self.meeting.agenda
        if not agenda:
            return
        ids = [item.id for item in agenda]
        index = ids.index(self.current_item_id) if self.current_item_id in ids else 0
        self._load_item(ids[max(0, min(len(ids) - 1, index + step))])

    def action_timer(self) -> None:
        if self.current_item_id is None:
            return
        self.editor.toggle_timer(self.current_item_id)
        self._show_agenda()

    def _commit(self, mutate: Mutator, *others: Record) -> bool:
        """Save a change of the meeting and redraw; say why when the store refused it."""
        if self.editor.change(mutate, *others):
            self._refresh_views()
            return True
        self.notify(_("Not saved: {reason}").format(reason=self.editor.last_error),
                    severity="error", markup=False, timeout=8)
        return False

    def action_new_item(self) -> None:
        def created(item: AgendaItem | None) -> None:
            if item is None:
                return

            def mutate(meeting: Meeting) -> None:
                meeting.agenda.append(item)  # the agenda is typed in order: at its end

            if self._commit(mutate):
                self._load_item(item.id)
                self.query_one("#notes-area", NotesArea).focus()

        self.app.push_screen(AgendaItemForm(None).keep_drafts(self.session, created), created)

    def action_edit_item(self) -> None:
        item = self.editor.item(self.current_item_id)
        if item is None:
            return

        def edited(changed: AgendaItem | None) -> None:
            if changed is not None:
                self._commit(lambda meeting: _replace_item(meeting, changed))

        self.app.push_screen(AgendaItemForm(item).keep_drafts(self.session, edited), edited)

    def action_duplicate_item(self) -> None:
        """The item again, right after it, to retitle in its form: the title, the planned
        minutes and the notes' plain lines come along; its decision and action lines do
        not (they would be recorded twice) and its time starts from nothing."""
        item = self.editor.item(self.current_item_id)
        if item is None:
            return
        copy = AgendaItem(title=item.title, planned_minutes=item.planned_minutes,
                          notes=strip_captures(item.notes))

        def created(edited: AgendaItem | None) -> None:
            if edited is None:
                return

            def mutate(meeting: Meeting) -> None:
                ids = [entry.id for entry in meeting.agenda]
                place = ids.index(item.id) + 1 if item.id in ids else len(ids)
                meeting.agenda.insert(place, edited)

            if self._commit(mutate):
                self._load_item(edited.id)

        self.app.push_screen(AgendaItemForm(copy, heading=_("Duplicate the agenda item"))
                             .keep_drafts(self.session, created), created)

    def action_delete_item(self) -> None:
        item = self.editor.item(self.current_item_id)
        if item is None:
            return
        linked = [r for r in decisions_and_actions(self.meeting) if r.agenda_item_id == item.id]
        message = _("Its notes go with it; its {count} decisions and actions stay, without "
                    "an item.").format(count=len(linked)) if linked else \
            _("Its notes go with it.")

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            ids = [entry.id for entry in self.meeting.agenda]
            index = ids.index(item.id)

            def mutate(meeting: Meeting) -> None:
                meeting.agenda = [entry for entry in meeting.agenda if entry.id != item.id]
                for record in decisions_and_actions(meeting):
                    if record.agenda_item_id == item.id:
                        record.agenda_item_id = None

            if self.editor.running_item_id == item.id:
                self.editor.toggle_timer(item.id)
            if self._commit(mutate):
                rest = [entry.id for entry in self.meeting.agenda]
                self._load_item(rest[min(index, len(rest) - 1)] if rest else None)

        self.app.push_screen(ConfirmDialog(_("Delete the agenda item?"), message,
                                           subject=item.title, confirm=_("Delete")), confirmed)

    def action_move_item(self, step: int) -> None:
        item_id = self.current_item_id

        def mutate(meeting: Meeting) -> None:
            ids = [entry.id for entry in meeting.agenda]
            index = ids.index(item_id) if item_id in ids else -1
            target = index + step
            if index >= 0 and 0 <= target < len(ids):
                agenda = meeting.agenda
                agenda[index], agenda[target] = agenda[target], agenda[index]

        self._commit(mutate)

    def action_add_decision(self) -> None:
        def saved(decision: Decision | None) -> None:
            if decision is not None:
                self._commit(lambda meeting: meeting.decisions.append(decision))

        self.app.push_screen(DecisionForm(None, self.meeting.agenda, self.current_item_id)
                             .keep_drafts(self.session, saved), saved)

    def action_add_action(self) -> None:
        def saved(action: Action | None) -> None:
            if action is not None:
                self._commit(lambda meeting: meeting.actions.append(action))

        self.app.push_screen(ActionForm(None, self.meeting.agenda,
                                        self.session.repository.actors, self.current_item_id,
                                        self.editor.reference_day)
                             .keep_drafts(self.session, saved), saved)

    def action_vote_here(self) -> None:
        """Vote on the decision of the line under the cursor, else the item's last one."""
        item = self.editor.item(self.current_item_id)
        if item is None:
            return
        self._save()
        area = self.query_one("#notes-area", NotesArea)
        row = area.cursor_location[0]
        captures = [c for c in self.editor.captures(item)
                    if c.kind is CaptureKind.DECISION and c.text]
        backed = [d for d in self.meeting.decisions if d.id in self.editor.backed_ids(item)]
        decision: Decision | None = None
        for capture, record in zip(captures, backed, strict=False):
            if capture.line == row:
                decision = record
        if decision is None:
            in_item = [d for d in self.meeting.decisions if d.agenda_item_id == item.id]
            decision = in_item[-1] if in_item else None
        if decision is None:
            self.notify(_("No decision in this item yet: type a line starting with D:"),
                        severity="warning")
            return
        chosen = decision
        names = {actor.id: actor.name for actor in self.session.repository.actors}

        def voted(result: VoteResult | None) -> None:
            if result is not None:
                self._commit(lambda meeting: _set_vote(meeting, chosen.id, result))

        self.app.push_screen(VoteForm(chosen.text, chosen.vote, voters(self.meeting, names))
                             .keep_drafts(self.session, voted), voted)

    def action_edit_meeting(self) -> None:
        repository = self.session.repository

        def edited(meeting: Meeting | None) -> None:
            if meeting is not None:
                self._commit(lambda working: _take_fields(working, meeting))

        self.app.push_screen(MeetingForm(self.meeting, repository.actors, repository.meetings,
                                         self.session.today())
                             .keep_drafts(self.session, edited), edited)

    def action_approve_previous(self) -> None:
        previous = previous_of_kind(self.session.repository.meetings, self.meeting)
        if previous is None or previous.kind not in APPROVED_KINDS:
            self.notify(_("No earlier meeting of this kind has minutes to approve."),
                        severity="warning")
            return
        if previous.approved_in_id == self.meeting.id:
            self.notify(_("This meeting already approved those minutes."))
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            approved, approver = approve(previous, self.meeting)
            if self._commit(lambda meeting: setattr(meeting, "approves_id",
                                                    approver.approves_id), approved):
                self.notify(_("Minutes of {date} approved.").format(
                    date=format_date(previous.on, "long")), timeout=5)

        self.app.push_screen(ConfirmDialog(
            _("Approve the previous minutes?"),
            _("« {title} » of {date} will be recorded as approved at this meeting.").format(
                title=previous.title, date=format_date(previous.on, "long")),
            confirm=_("Approve"), destructive=False), confirmed)

    def action_export(self) -> None:
        self.save_drafts()
        export_minutes(self, self.session.repository, self.meeting)

    # ------------------------------------------------------------------ jumps

    @on(MeetingPane.Changed)
    def _pane_changed(self) -> None:
        self._refresh_views()

    @on(TabbedContent.TabActivated, "#tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """A pane shows the meeting as typed so far (the notes change it at each key)."""
        pane = event.pane
        for view in pane.query(MeetingPane) if pane is not None else []:
            view.refresh_view()

    @on(RecordsPane.JumpToLine)
    def _jump(self, event: RecordsPane.JumpToLine) -> None:
        self.action_tab("notes")
        self._load_item(event.item_id)
        area = self.query_one("#notes-area", NotesArea)
        line = min(event.line, area.document.line_count - 1)
        area.cursor_location = (line, len(area.document.get_line(line)))
        area.focus()

    def show_record(self, target: Target) -> None:
        """Show a part of this meeting (an action), or leave for the list to show another."""
        if target.record_id != self.meeting.id:
            self.save_drafts()
            below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
            self.dismiss()
            if isinstance(below, CoopScreen):
                below.show_record(target)
            return
        if target.part_id:
            self.select_record(target.part_id)

    def select_record(self, record_id: str) -> None:
        """Put the cursor on a decision or an action in the decisions and actions tab."""
        self._show_tab("records")
        for table in self.query_one(RecordsPane).query(DataTable):
            if record_id in [key.value for key in table.rows]:
                table.move_cursor(row=table.get_row_index(record_id))
                table.focus()
                self.call_after_refresh(table.focus)


def _replace_item(meeting: Meeting, changed: AgendaItem) -> None:
    meeting.agenda = [changed if item.id == changed.id else item for item in meeting.agenda]


def _set_vote(meeting: Meeting, decision_id: str, result: VoteResult) -> None:
    for decision in meeting.decisions:
        if decision.id == decision_id:
            decision.vote = result.vote


_FORM_FIELDS = ("title", "kind", "on", "start", "end", "place", "format", "facilitator_id",
                "note_taker_id", "voting_members", "next_meeting_on", "next_meeting_note")


def _take_fields(working: Meeting, edited: Meeting) -> Meeting:
    """The working meeting with what the form edits (the notes typed since stay)."""
    return working.model_copy(update={name: getattr(edited, name) for name in _FORM_FIELDS})
