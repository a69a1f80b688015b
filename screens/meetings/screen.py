"""Meetings: the list, newest first, filtered by kind and by words; create, edit,
duplicate ("the same meeting next month"), delete, export; Enter opens a meeting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit
from textual.containers import Horizontal
from textual.fuzzy import Matcher
from textual.widgets import Input, Select, Static

from coop_tui.core.communes import mayors_of
from coop_tui.core.dates import fold
from coop_tui.core.i18n import N_, _, format_date, format_time, language, ngettext
from coop_tui.core.labels import choices, label
from coop_tui.core.meeting_rules import duplicate, planned_minutes
from coop_tui.core.target import Target
from coop_tui.screens.meetings.detail import MeetingScreen
from coop_tui.screens.meetings.export import export_minutes
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.store.models import Meeting, MeetingKind, MinutesStatus, Record, RoadmapItem
from coop_tui.ui.palette import PaletteCommand, ScreenCommands, matched
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.widgets.dialogs import ConfirmDialog
from coop_tui.ui.widgets.record_table import Cell, Column, RecordTable
from coop_tui.ui.widgets.text_fields import TextInput

# From this width on, the list shows each meeting's kind in a column of its own.
WIDE = 110


def _haystack(meeting: Meeting) -> str:
    """The words the filter looks in, folded."""
    return fold(" ".join((meeting.title, meeting.place, label(meeting.kind))))


class MeetingsCommands(ScreenCommands):
    """The list's actions, and every meeting by its title, in the command palette."""

    def _screen(self) -> MeetingsScreen | None:
        screen = self.screen
        return screen if isinstance(screen, MeetingsScreen) else None

    def commands(self) -> list[PaletteCommand]:
        screen = self._screen()
        if screen is None:
            return []
        return [PaletteCommand(title, help_text, partial(screen.run_action, action))
                for title, help_text, action in (
                    (_("New meeting"), _("Create a meeting"), "new"),
                    (_("Duplicate the meeting"), _("The same meeting next month"), "duplicate"),
                    (_("Export the minutes"), _("Of the highlighted meeting"), "export"))]

    def records(self, matcher: Matcher) -> Iterator[Hit]:
        screen = self._screen()
        if screen is None:
            return
        for meeting in screen.session.repository.meetings:
            hit = matched(matcher, PaletteCommand(
                _("Open meeting: {title}").format(title=meeting.title),
                format_date(meeting.on, "full"), partial(screen.open_meeting, meeting.id)))
            if hit is not None:
                yield hit


class MeetingsScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "meetings.tcss"
    AUTO_FOCUS = "#meetings"
    COMMANDS = {MeetingsCommands}
    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="meetings.open", show=False),
        Binding("n", "new", N_("New"), id="meetings.new"),
        Binding("e", "edit", N_("Edit"), id="meetings.edit"),
        Binding("c", "duplicate", N_("Same next month"), id="meetings.duplicate"),
        Binding("x", "export", N_("Export minutes"), id="meetings.export"),
        Binding("delete", "delete", N_("Delete"), id="meetings.delete"),
        Binding("slash", "filter", N_("Filter"), id="meetings.filter"),
        Binding("escape", "clear_filter", N_("Clear the filter"), id="meetings.clear",
                show=False),
    ]
    EDITING_ACTIONS = frozenset({"new", "edit", "duplicate", "delete"})

    # What the rows were last built for: the store's revision, the width and the filters.
    _view: tuple[object, ...] = ()
    # Each meeting's folded words by id, for a store revision and a language: typing in the
    # filter folds nothing again (10,000 meetings took 45 ms a keystroke).
    _haystacks: tuple[object, dict[str, str]] = ((), {})

    @property
    def title_text(self) -> str:
        return _("Meetings")

    def compose_content(self) -> ComposeResult:
        with Horizontal(id="meetings-filters"):
            yield TextInput(placeholder=_("Filter: words of the title or the place"),
                            id="meetings-filter", compact=True)
            yield Select([(_("every kind"), ""), *choices(MeetingKind)], value="",
                         allow_blank=False, id="meetings-kind", compact=True)
        yield RecordTable(id="meetings")
        yield Static("", id="meeting-summary")

    # ------------------------------------------------------------------ the list

    def _shown(self) -> list[Meeting]:
        words = fold(self.query_one("#meetings-filter", Input).value).split()
        kind = self.query_one("#meetings-kind", Select).value
        meetings = [m for m in self.session.repository.meetings
                    if not kind or m.kind.value == kind]
        if words:
            haystacks = self._folded()
            meetings = [m for m in meetings
                        if all(word in haystacks[m.id] for word in words)]
        return sorted(meetings, key=lambda m: (m.on, m.start or m.created.time(), m.id),
                      reverse=True)

    def _folded(self) -> dict[str, str]:
        repository = self.session.repository
        key = (repository.revision, language())
        if self._haystacks[0] != key:
            self._haystacks = (key, {m.id: _haystack(m) for m in repository.meetings})
        return self._haystacks[1]

    def refresh_data(self) -> None:
        view = (self.session.repository.revision, self.size.width,
                self.query_one("#meetings-filter", Input).value,
                self.query_one("#meetings-kind", Select).value)
        if view == self._view:
            return  # mounting sends a resize and a filter change: build the rows once
        self._view = view
        wide = self.size.width >= WIDE
        columns = [Column(_("Date"), 13), Column(_("Title")), Column(_("Kind"), 28),
                   Column(_("Still open"), 10), Column(_("Minutes"), 12)]
        if not wide:
            columns.pop(2)
        shown = self._shown()
        table = self.query_one("#meetings", RecordTable)
        table.set_rows(columns, [meeting.id for meeting in shown],
                       partial(self._row_cells, shown, self.session.today(), wide),
                       cursor_key=table.current_key)
        self._show_summary()

    @staticmethod
    def _row_cells(shown: list[Meeting], today: date, wide: bool, index: int) -> list[Cell]:
        """The cells of a row, built only when the row comes on screen."""
        meeting = shown[index]
        upcoming = meeting.on >= today
        approved = meeting.minutes_status is MinutesStatus.APPROVED
        cells: list[Cell] = [
            Text(format_date(meeting.on, "medium"), style="bold" if upcoming else ""),
            meeting.title,
            label(meeting.kind),
            str(len(meeting.open_actions())),
            Text(_("approved") if approved else _("to come") if upcoming else _("draft"),
                 style="dim" if approved else ""),
        ]
        if not wide:
            cells.pop(2)
        return cells

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_data()

    def _current_id(self) -> str | None:
        return self.query_one("#meetings", RecordTable).current_key

    def _current(self) -> Meeting | None:
        return self.session.repository.get(Meeting, self._current_id())

    def _select(self, meeting_id: str) -> bool:
        return self.query_one("#meetings", RecordTable).move_cursor(meeting_id)

    @on(RecordTable.RowHighlighted, "#meetings")
    def _show_summary(self) -> None:
        meeting = self._current()
        summary = self.query_one("#meeting-summary", Static)
        if meeting is None:
            summary.update(Text(_("No meeting matches. n creates one.")
                                if self.session.repository.meetings or
                                self.query_one("#meetings-filter", Input).value
                                else _("No meeting yet: press n to create the first one."),
                                style="italic"))
            return
        when = format_date(meeting.on, "full")
        if meeting.start:
            when += " · " + format_time(meeting.start)
            if meeting.end:
                when += "–" + format_time(meeting.end)
        facts = [label(meeting.kind), when, meeting.place, label(meeting.format)]
        counts = [
            ngettext("{count} attendee", "{count} attendees", len(meeting.attendance)).format(
                count=len(meeting.attendance)),
            ngettext("{count} agenda item ({minutes} min)", "{count} agenda items ({minutes} "
                     "min)", len(meeting.agenda)).format(count=len(meeting.agenda),
                                                         minutes=planned_minutes(meeting)),
            ngettext("{count} decision", "{count} decisions", len(meeting.decisions)).format(
                count=len(meeting.decisions)),
            ngettext("{count} action", "{count} actions", len(meeting.actions)).format(
                count=len(meeting.actions)),
        ]
        line = Text()
        line.append(meeting.title, style="bold")
        line.append("\n" + " · ".join(fact for fact in facts if fact))
        line.append("\n" + " · ".join(counts), style="dim")
        summary.update(line)

    @on(Input.Changed, "#meetings-filter")
    @on(Select.Changed, "#meetings-kind")
    def _filter_changed(self) -> None:
        self.refresh_data()

    @on(Input.Submitted, "#meetings-filter")
    def _filter_done(self) -> None:
        self.query_one("#meetings", RecordTable).focus()

    @on(RecordTable.RowSelected, "#meetings")
    def _row_selected(self) -> None:
        self.action_open()

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.EDITING_ACTIONS and self.session.repository.read_only:
            return False
        if action in ("edit", "duplicate", "export", "delete", "open"):
            return self.is_mounted and self._current_id() is not None
        return True

    def action_filter(self) -> None:
        self.query_one("#meetings-filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#meetings-filter", Input).value = ""
        self.query_one("#meetings-kind", Select).value = ""
        self.query_one("#meetings", RecordTable).focus()

    def action_open(self) -> None:
        meeting_id = self._current_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: str, part_id: str = "") -> None:
        meeting = self.session.repository.get(Meeting, meeting_id)
        if meeting is None:
            return
        self._select(meeting_id)
        screen = MeetingScreen(self.session, meeting)
        self.app.push_screen(screen)
        if part_id:
            self.app.call_after_refresh(screen.select_record, part_id)

    def _keep_new(self, meeting: Meeting | None) -> None:
        """A new meeting typed when the app goes away: saved, not opened."""
        if meeting is not None:
            self.session.save([meeting])

    def _save_and_open(self, meeting: Meeting | None) -> None:
        if meeting is None:
            return
        refusal = self.session.save([meeting])
        if refusal is not None:
            self.notify(_("Not saved: {reason}").format(reason=refusal.message),
                        severity="error", markup=False)
            return
        self.refresh_data()
        self.open_meeting(meeting.id)

    def action_new(self) -> None:
        repository = self.session.repository
        mayors = mayors_of(repository.territory.communes, repository.actors)
        self.app.push_screen(MeetingForm(None, repository.actors, repository.meetings,
                                         self.session.today(), mayors=mayors)
                             .keep_drafts(self.session, self._keep_new), self._save_and_open)

    def action_duplicate(self) -> None:
        source = self._current()
        if source is None:
            return
        repository = self.session.repository
        copy = duplicate(source, repository.meetings)
        self.app.push_screen(MeetingForm(copy, repository.actors, repository.meetings,
                                         self.session.today(),
                                         heading=_("The same meeting next month"))
                             .keep_drafts(self.session, self._keep_new), self._save_and_open)

    def action_edit(self) -> None:
        meeting = self._current()
        if meeting is None:
            return
        repository = self.session.repository

        def edited(changed: Meeting | None) -> None:
            if changed is None:
                return
            refusal = self.session.save([changed])
            if refusal is not None:
                self.notify(_("Not saved: {reason}").format(reason=refusal.message),
                            severity="error", markup=False)
            self.refresh_data()

        self.app.push_screen(MeetingForm(meeting, repository.actors, repository.meetings,
                                         self.session.today())
                             .keep_drafts(self.session, edited), edited)

    def action_export(self) -> None:
        meeting = self._current()
        if meeting is None:
            return
        export_minutes(self, self.session.repository, meeting)

    def action_delete(self) -> None:
        meeting = self._current()
        if meeting is None:
            return
        fixes = self._references_to(meeting)
        roadmap = sum(isinstance(record, RoadmapItem) for record in fixes)
        subject = f"{meeting.title}, {format_date(meeting.on, 'long')}"
        lines: list[str] = []
        if roadmap:
            lines.append(ngettext("{count} roadmap item will lose its link to it.",
                                  "{count} roadmap items will lose their link to it.",
                                  roadmap).format(count=roadmap))
        if len(fixes) > roadmap:
            lines.append(_("The approval of minutes it records will be forgotten."))

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            refusal = self.session.save(fixes, [meeting])
            if refusal is not None:
                self.notify(_("Not deleted: {reason}").format(reason=refusal.message),
                            severity="error", markup=False)
            self.refresh_data()

        self.app.push_screen(ConfirmDialog(_("Delete the meeting?"), lines, subject=subject,
                                           confirm=_("Delete")), confirmed)

    def _references_to(self, meeting: Meeting) -> list[Record]:
        """Copies of the records that point at ``meeting``, with the link removed."""
        repository = self.session.repository
        fixed: list[Record] = []
        for item in repository.roadmap:
            if item.meeting_id == meeting.id:
                copy = item.model_copy(deep=True)
                copy.meeting_id = None
                copy.action_id = None
                fixed.append(copy)
        for other in repository.meetings:
            if other.id == meeting.id:
                continue
            if other.approved_in_id == meeting.id or other.approves_id == meeting.id:
                copy_meeting = other.model_copy(deep=True)
                if copy_meeting.approved_in_id == meeting.id:
                    copy_meeting.approved_in_id = None
                    copy_meeting.minutes_status = MinutesStatus.DRAFT
                if copy_meeting.approves_id == meeting.id:
                    copy_meeting.approves_id = None
                fixed.append(copy_meeting)
        return fixed

    # ------------------------------------------------------------------ jumps

    def show_record(self, target: Target) -> None:
        """Select a meeting; with a part (an action), open it on that part."""
        if not self._select(target.record_id):
            self.action_clear_filter()
            self._select(target.record_id)
        if target.part_id:
            self.open_meeting(target.record_id, target.part_id)
