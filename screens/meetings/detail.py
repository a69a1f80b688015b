"""One meeting, live: notes per agenda item with quick capture, attendance and quorum,
decisions and actions, the follow-up of earlier actions, private notes, the minutes.

Built for the moment a facilitator types while people talk: the editor keeps the focus,
every meeting key is a ctrl or function key, and nothing typed waits on the disk nor is
lost. Notes go into the meeting in memory at each keystroke; a save follows within a
second of the last keystroke (and every few seconds during a long burst), and before the
app quits, closes with the terminal, or is stopped by a signal.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static, TabbedContent, TabPane, TextArea

from coop_tui.core.capture import CaptureKind
from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import (
    APPROVED_KINDS,
    approve,
    overloaded_holders,
    overrun_minutes,
    planned_minutes,
    previous_of_kind,
    quorum,
)
from coop_tui.core.target import Target
from coop_tui.screens.meetings.action_form import ActionForm
from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.attendance import AttendancePane
from coop_tui.screens.meetings.decision_form import DecisionForm
from coop_tui.screens.meetings.editor import MeetingEditor, Mutator
from coop_tui.screens.meetings.export import export_minutes
from coop_tui.screens.meetings.follow_up import FollowUpPane
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.notes import (
    AgendaList,
    CapturePanel,
    NotesArea,
    completion_text,
    timing,
)
from coop_tui.screens.meetings.pane import MeetingPane
from coop_tui.screens.meetings.records import RecordsPane, voters
from coop_tui.screens.meetings.vote_form import VoteForm, VoteResult
from coop_tui.store.models import (
    Action,
    AgendaItem,
    Decision,
    Meeting,
    MinutesStatus,
    Record,
)
from coop_tui.ui.palette import PaletteCommand, ScreenCommands
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.dialogs import ConfirmDialog
from coop_tui.ui.widgets.text_fields import TextEditor

# A save this long after the last keystroke, and at least this often while typing goes on.
QUIET_SECONDS = 0.6
LONGEST_UNSAVED_SECONDS = 3.0
TABS = ("notes", "attendance", "records", "follow", "private")


class MeetingCommands(ScreenCommands):
    """The meeting screen's actions in the command palette."""

    def commands(self) -> list[PaletteCommand]:
        return [PaletteCommand(title, help_text, partial(self.screen.run_action, action))
                for title, help_text, action in self._actions()]

    @staticmethod
    def _actions() -> list[tuple[str, str, str]]:
        return [
            (_("Export the minutes"), _("Markdown or HTML, full, decisions or procès-verbal"),
             "export"),
            (_("Approve the previous minutes"),
             _("Record that this meeting approves the minutes of the previous one"),
             "approve_previous"),
            (_("Edit the meeting"), _("Title, date, times, place, people"), "edit_meeting"),
            (_("Start or stop the timer"), _("Time spent on the current agenda item"),
             "timer"),
            (_("New agenda item"), _("Add an item to the agenda"), "new_item"),
            (_("Add a decision"), _("Through a form, in the current item"), "add_decision"),
            (_("Add an action"), _("Through a form, in the current item"), "add_action"),
            (_("Show the notes"), _("Agenda and live notes"), "tab('notes')"),
            (_("Show the attendance"), _("Who attends, proxies, quorum"), "tab('attendance')"),
            (_("Show the decisions and actions"), _("Votes, statuses, roadmap"),
             "tab('records')"),
            (_("Show the follow-up"), _("Open actions of earlier meetings"), "tab('follow')"),
            (_("Show the private notes"), _("Never exported"), "tab('private')"),
            (_("Back to the list of meetings"), _("Every meeting, newest first"), "back"),
        ]


class MeetingScreen(CoopScreen):
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
                                 "edit_meeting", "approve_previous"})

    def __init__(self, session: Session, meeting: Meeting) -> None:
        super().__init__(session)
        self.editor = MeetingEditor(session, meeting)
        self.current_item_id: str | None = meeting.agenda[0].id if meeting.agenda else None
        self._cursors: dict[str, tuple[int, int]] = {}
        self._shown_item_id: str | None = None  # the item whose notes the editor holds
        self._last_keystroke = 0.0
        self._last_save = time.monotonic()

    @property
    def title_text(self) -> str:
        return _("Meeting")

    @property
    def meeting(self) -> Meeting:
        return self.editor.meeting

    # ------------------------------------------------------------------ layout

    def compose_content(self) -> ComposeResult:
        yield Static("", id="meeting-header")
        with TabbedContent(id="tabs", initial="notes"):
            with TabPane(_("F2 Notes"), id="notes"), Horizontal(id="notes-layout"):
                yield AgendaList(id="agenda")
                with Vertical(id="editor-column"):
                    yield Static("", id="item-heading")
                    yield NotesArea(id="notes-area")
                    yield Static("", id="completion")
                yield CapturePanel("", id="captured")
            with TabPane(_("F3 Attendance"), id="attendance"):
                yield AttendancePane(self.editor, id="attendance-pane")
            with TabPane(_("F4 Decisions and actions"), id="records"):
                yield RecordsPane(self.editor, id="records-pane")
            with TabPane(_("F5 Follow-up"), id="follow"):
                yield FollowUpPane(self.editor, id="follow-pane")
            with TabPane(_("F6 Private notes"), id="private"):
                yield Label(_("PRIVATE — your own notes on this meeting. They are never "
                              "exported, nor shown in the minutes."), id="private-warning")
                yield TextEditor(self.meeting.private_notes, id="private-area", soft_wrap=True,
                                 tab_behavior="focus")

    def on_mount(self) -> None:
        super().on_mount()
        self.session.add_draft_saver(self.save_drafts)
        self.set_interval(0.25, self._autosave)
        self.set_interval(1.0, self._tick)
        self._load_item(self.current_item_id)
        read_only = self.editor.read_only
        self.query_one("#notes-area", NotesArea).read_only = read_only or not self.meeting.agenda
        self.query_one("#private-area", TextArea).read_only = read_only
        self.query_one("#notes-area", NotesArea).focus()

    def on_unmount(self) -> None:
        self.session.remove_draft_saver(self.save_drafts)

    def on_screen_suspend(self) -> None:
        self.save_drafts()

    def refresh_data(self) -> None:
        """The store changed: take the meeting again if it changed elsewhere, then redraw."""
        if self.editor.changed_elsewhere():
            if not self.editor.reload():
                self.dismiss()
                return
            self._load_item(self.current_item_id)
            private = self.query_one("#private-area", TextArea)
            if private.text != self.meeting.private_notes:
                private.load_text(self.meeting.private_notes)
        self._refresh_views()

    def _refresh_views(self) -> None:
        self._show_header()
        self._show_agenda()
        self._show_captures()
        for pane in self.query(MeetingPane):
            pane.refresh_view()

    # ------------------------------------------------------------------ header

    def _show_header(self) -> None:
        meeting = self.meeting
        when = format_date(meeting.on, "full")
        if meeting.start:
            when += " · " + meeting.start.strftime("%H:%M")
            if meeting.end:
                when += "–" + meeting.end.strftime("%H:%M")
        status = (_("minutes approved") if meeting.minutes_status is MinutesStatus.APPROVED
                  else _("minutes: draft"))
        facts = [label(meeting.kind), when, meeting.place, label(meeting.format), status]
        lines: list[Content] = [
            Content.assemble((meeting.title, "bold")),
            Content(" · ".join(fact for fact in facts if fact)),
        ]
        alerts: list[Content] = []
        over = overrun_minutes(meeting)
        if over:
            alerts.append(Content.assemble((_("⚠ agenda of {planned} min: {over} min too "
                                              "long").format(planned=planned_minutes(meeting),
                                                             over=over), "bold $warning")))
        found = quorum(meeting)
        if found is not None and meeting.attendance:
            words = _("({present}/{in_office} present, {needed} needed)").format(
                present=found.present, in_office=found.in_office, needed=found.needed)
            alerts.append(Content.assemble(
                (_("Quorum reached"), "bold $success") if found.reached
                else (_("Quorum NOT reached"), "bold $error"), " ", words))
        if overloaded_holders(meeting):
            alerts.append(Content.assemble((_("⚠ a member holds more than one proxy"),
                                            "bold $warning")))
        if alerts:
            lines.append(Content("  ·  ").join(alerts))
        self.query_one("#meeting-header", Static).update(Content("\n").join(lines))

    # ------------------------------------------------------------------ agenda and notes

    def _elapsed(self) -> dict[str, int]:
        return {item.id: self.editor.elapsed(item) for item in self.meeting.agenda}

    def _show_agenda(self) -> None:
        agenda = self.query_one("#agenda", AgendaList)
        agenda.show(self.meeting.agenda, self.current_item_id, self._elapsed(),
                    self.editor.running_item_id)
        self._show_item_heading()

    def _show_item_heading(self) -> None:
        item = self.editor.item(self.current_item_id)
        heading = self.query_one("#item-heading", Static)
        if item is None:
            heading.update(Content.assemble((_("No agenda item yet: press ctrl+n to add one."),
                                             "italic")))
            return
        number = self.meeting.agenda.index(item) + 1
        running = item.id == self.editor.running_item_id
        heading.update(Content.assemble(
            (f"{number}/{len(self.meeting.agenda)}  ", "$text-muted"),
            timing(self.editor.elapsed(item), item.planned_minutes, running), "  ",
            (item.title, "bold")))

    def _load_item(self, item_id: str | None) -> None:
        """Show an item's notes in the editor, where its cursor was."""
        area = self.query_one("#notes-area", NotesArea)
        if self._shown_item_id is not None:
            self._cursors[self._shown_item_id] = area.cursor_location
        item = self.editor.item(item_id)
        self._shown_item_id = item.id if item else None
        self.current_item_id = item.id if item else None
        area.read_only = self.editor.read_only or item is None
        if item is not None and area.text != item.notes:
            area.load_text(item.notes)
        elif item is None:
            area.load_text("")
        if item is not None:
            area.cursor_location = self._cursors.get(item.id, (area.document.line_count - 1,
                                                               len(area.document.get_line(
                                                                   area.document.line_count
                                                                   - 1))))
        self._show_agenda()
        self._show_captures()

    def _show_captures(self) -> None:
        panel = self.query_one("#captured", CapturePanel)
        item = self.editor.item(self.current_item_id)
        names = {actor.id: actor.name for actor in self.session.repository.actors}
        totals = (len(self.meeting.decisions), len(self.meeting.actions))
        if item is None:
            panel.show([], [], names, totals)
            return
        captured = self.editor.backed_ids(item)
        by_form: list[Decision | Action] = [
            record for record in _records(self.meeting)
            if record.agenda_item_id == item.id and record.id not in captured]
        panel.show(self.editor.captures(item), by_form, names, totals)

    @on(TextArea.Changed, "#notes-area")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        item_id = self.current_item_id
        if item_id is None or self.editor.read_only:
            return
        item = self.editor.item(item_id)
        if item is not None and item.notes != event.text_area.text:
            self._last_keystroke = time.monotonic()
        self.editor.set_notes(item_id, event.text_area.text)
        self._show_captures()
        self._offer_names()

    @on(TextArea.SelectionChanged, "#notes-area")
    def _cursor_moved(self) -> None:
        self._offer_names()

    def _offer_names(self) -> None:
        area = self.query_one("#notes-area", NotesArea)
        completion = self.query_one("#completion", Static)
        typed = area.typed_mention()
        suggestions = self.editor.people().suggest(typed[1]) if typed and typed[1] else []
        if suggestions != area.suggestions:
            area.suggestions = suggestions
        completion.display = bool(suggestions)
        if suggestions:
            completion.update(completion_text(suggestions))

    @on(TextArea.Changed, "#private-area")
    def _private_changed(self, event: TextArea.Changed) -> None:
        if self.editor.read_only:
            return
        if self.meeting.private_notes != event.text_area.text:
            self._last_keystroke = time.monotonic()
        self.editor.set_private_notes(event.text_area.text)

    @on(AgendaList.OptionHighlighted, "#agenda")
    def _agenda_moved(self, event: AgendaList.OptionHighlighted) -> None:
        if event.option.id != self.current_item_id:
            self._load_item(event.option.id)

    @on(AgendaList.OptionSelected, "#agenda")
    def _agenda_chosen(self, event: AgendaList.OptionSelected) -> None:
        self._load_item(event.option.id)
        self.query_one("#notes-area", NotesArea).focus()

    # ------------------------------------------------------------------ saving

    def save_drafts(self) -> None:
        """Move everything typed into the store (a quit, a signal, leaving the screen)."""
        if not self.is_mounted or self.editor.read_only:
            return
        self.editor.set_private_notes(self.query_one("#private-area", TextArea).text)
        self._save()

    def _save(self) -> None:
        self._last_save = time.monotonic()
        if not self.editor.save_pending():
            self.notify(_("Not saved: {reason}").format(reason=self.editor.last_error),
                        severity="error", markup=False, timeout=8)

    def _autosave(self) -> None:
        """Save once typing pauses, and regularly while it goes on."""
        if not self.editor.dirty:
            return
        now = time.monotonic()
        if now - self._last_keystroke >= QUIET_SECONDS or \
                now - self._last_save >= LONGEST_UNSAVED_SECONDS:
            self._save()

    def _tick(self) -> None:
        """Move the running timer on screen (it is saved with the notes)."""
        running = self.editor.item(self.editor.running_item_id)
        if running is None:
            return
        agenda = self.query_one("#agenda", AgendaList)
        index = self.meeting.agenda.index(running)
        agenda.replace_option_prompt_at_index(index, AgendaList.prompt(
            index + 1, running, self.editor.elapsed(running), True))
        self._show_item_heading()

    def action_save(self) -> None:
        self.save_drafts()
        if not self.editor.last_error:
            self.notify(_("Saved."), timeout=2)

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.editor.read_only and action in self.EDITING_ACTIONS:
            return False
        focused = self.focused
        if action == "back":
            return not isinstance(focused, TextArea)
        if action in ("move_item", "edit_item", "delete_item"):
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
                ids = [entry.id for entry in meeting.agenda]
                at = ids.index(self.current_item_id) + 1 if self.current_item_id in ids \
                    else len(ids)
                meeting.agenda.insert(at, item)

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

    def action_delete_item(self) -> None:
        item = self.editor.item(self.current_item_id)
        if item is None:
            return
        linked = [r for r in _records(self.meeting) if r.agenda_item_id == item.id]
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
                for record in _records(meeting):
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


def _records(meeting: Meeting) -> list[Decision | Action]:
    """The meeting's decisions, then its actions."""
    return [*meeting.decisions, *meeting.actions]


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
