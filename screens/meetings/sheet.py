"""One meeting as the facilitator sees it while it happens: its header (time, quorum,
minutes), the agenda with each item's notes and what they capture, the panes beside them,
and the autosave that keeps what is typed (the keys that change the rest are the screen's,
in ``detail``)."""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Static, TabbedContent, TabPane, TextArea

from coop_tui.core.capture import unresolved_mentions
from coop_tui.core.i18n import _, format_date, format_time
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import (
    overloaded_holders,
    overrun_minutes,
    planned_minutes,
    quorum,
)
from coop_tui.screens.meetings.actor_form import QuickActorForm
from coop_tui.screens.meetings.attendance import AttendancePane
from coop_tui.screens.meetings.editor import MeetingEditor
from coop_tui.screens.meetings.follow_up import FollowUpPane
from coop_tui.screens.meetings.notes import (
    AgendaList,
    CapturePanel,
    NotesArea,
    choice_text,
    completion_text,
    timing,
)
from coop_tui.screens.meetings.pane import MeetingPane
from coop_tui.screens.meetings.records import RecordsPane
from coop_tui.store.models import (
    Action,
    Actor,
    Decision,
    Meeting,
    MinutesStatus,
)
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text_fields import TextEditor

# A save this long after the last keystroke, and at least this often while typing goes on.
QUIET_SECONDS = 0.6
LONGEST_UNSAVED_SECONDS = 3.0
TABS = ("notes", "attendance", "records", "follow", "private")


class MeetingSheet(CoopScreen):
    """The live view of one meeting and the saving of its notes."""

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
            when += " · " + format_time(meeting.start)
            if meeting.end:
                when += "–" + format_time(meeting.end)
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
        running = self.editor.running_item_id
        if item is not None and running is not None and running != item.id \
                and not self.editor.read_only:
            self.editor.toggle_timer(item.id)  # the timer follows the item shown
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
            record for record in decisions_and_actions(self.meeting)
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
        people = self.editor.people()
        suggestions = people.suggest(typed[1]) if typed and typed[1] else []
        if suggestions != area.suggestions:
            area.suggestions = suggestions
        row, column = area.cursor_location
        unsettled = [] if suggestions else unresolved_mentions(
            area.document.get_line(row), people)
        # The @name the cursor is on or after, else the line's first.
        area.choice = next((c for c in reversed(unsettled) if c.start <= column),
                           unsettled[0] if unsettled else None)
        completion.display = bool(suggestions) or area.choice is not None
        if suggestions:
            completion.update(completion_text(suggestions))
        elif area.choice is not None:
            completion.update(choice_text(area.choice))

    @on(NotesArea.CreateActor)
    def _create_actor(self, event: NotesArea.CreateActor) -> None:
        """An @name no actor matches: the quick actor form, then the name written whole."""
        if self.editor.read_only:
            return
        area = self.query_one("#notes-area", NotesArea)
        item_id = self.current_item_id

        def created(actor: Actor | None) -> None:
            if actor is None or self.session.save([actor]) is not None:
                return
            if self.current_item_id == item_id:
                area.name_actor(event.row, event.choice, actor.name)
            area.focus()

        self.app.push_screen(QuickActorForm(event.choice.typed.replace("_", " "))
                             .keep_drafts(self.session, created), created)

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


def decisions_and_actions(meeting: Meeting) -> list[Decision | Action]:
    """The meeting's decisions, then its actions."""
    return [*meeting.decisions, *meeting.actions]
