"""The meeting form: title, kind, date and times, place, format, who chairs and who takes
the notes, the members in office of a council, the next meeting.

A new meeting that follows another of its kind can start with the approval of the previous
minutes and the follow-up of actions, and invite the same people. A new meeting's agenda is
typed in the form, one item per line, and the mayors of the member communes are invited in
one tick (ticked for the first meeting of its kind). Title, date and place come first, and
enter moves from one to the next.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import date, time
from typing import Any

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, TextArea

from coop_tui.core.dates import parse_date, parse_time
from coop_tui.core.i18n import _, translate_template
from coop_tui.core.labels import choices
from coop_tui.core.meeting_rules import VOTING_KINDS, opening_items, previous_of_kind
from coop_tui.screens.meetings.host_commune import host_commune, host_commune_row
from coop_tui.store.models import (
    ERROR_MESSAGES,
    Actor,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingFormat,
    MeetingKind,
)
from coop_tui.ui.forms import ActorField, DateField, RecordForm, field_errors, form_row
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

# Model fields and the form fields their errors show under.
_FIELDS = {"title": "title", "kind": "kind", "on": "on", "start": "start", "end": "end",
           "place": "place", "commune": "commune", "format": "format", "voting_members": "voting",
           "next_meeting_on": "next_on", "next_meeting_note": "next_note",
           "secretary_id": "secretary", "": "end"}


def _typed_time(value: time | None) -> str:
    return value.strftime("%H:%M") if value else ""


class MeetingForm(RecordForm[Meeting]):
    """Create or edit a meeting; hands back a valid, unsaved record."""

    ENTER_MOVES_ON = True

    def __init__(self, meeting: Meeting | None, actors: Sequence[Actor],
                 meetings: Sequence[Meeting], today: date, *, heading: str = "",
                 mayors: Sequence[Actor] = ()) -> None:
        super().__init__()
        self._mayors = list(mayors)
        self._title = heading or (_("New meeting") if meeting is None
                                  else _("Edit the meeting"))
        self._original = meeting
        self._actors = actors
        self._meetings = meetings
        self._today = today

    def form_title(self) -> str:
        return self._title

    def compose_fields(self) -> ComposeResult:
        meeting = self._original
        kind = meeting.kind if meeting else MeetingKind.OTHER
        yield form_row(_("Title"), TextInput(meeting.title if meeting else "", id="title",
                                                  compact=True), "title")
        yield form_row(_("Date"), DateField(meeting.on if meeting else self._today, id="on",
                                            placeholder=_("26/11/2026, 3/12, 2026-12-03")),
                       "on")
        yield form_row(_("Place"), TextInput(meeting.place if meeting else "", id="place",
                                                  compact=True), "place")
        if meeting is None:
            yield form_row(_("Agenda"), TextEditor(
                "", id="agenda", compact=True, classes="short",
                placeholder=_("one item per line")), "agenda")
            if self._mayors:
                yield form_row("", Checkbox(
                    _("Invite the mayors of the member communes ({count})").format(
                        count=len(self._mayors)),
                    previous_of_kind(self._meetings, Meeting(title="-", kind=kind,
                                                             on=self._today)) is None,
                    id="mayors", compact=True), id="row-mayors")
        yield form_row(_("Kind"), Select(choices(MeetingKind), value=kind.value,
                                              allow_blank=False, id="kind", compact=True),
                            "kind")
        start = _typed_time(meeting.start if meeting else None)
        # The hint must not read as a time already there (it was « 14:00 »).
        hint = _("hh:mm, if known")
        yield form_row(_("Start time"), TextInput(start, id="start", compact=True,
                                                  placeholder=hint), "start")
        yield form_row(_("End time"), TextInput(_typed_time(meeting.end if meeting else None),
                                                id="end", compact=True, placeholder=hint),
                       "end")
        fmt = meeting.format if meeting else MeetingFormat.IN_PERSON
        yield form_row(_("Format"), Select(choices(MeetingFormat), value=fmt.value,
                                                allow_blank=False, id="format", compact=True),
                            "format")
        yield host_commune_row(self._actors, meeting.commune if meeting else "")
        yield form_row(_("Chair"), ActorField(
            self._actors, _("Who chairs or facilitates the meeting?"),
            meeting.facilitator_id if meeting else None, id="facilitator"), "facilitator")
        yield form_row(_("Notes taken by"), ActorField(
            self._actors, _("Who takes the notes (secretary)?"),
            meeting.note_taker_id if meeting else None, id="note_taker"), "note_taker")
        yield form_row(_("Secretary"), ActorField(
            self._actors, _("Who is the secrétaire de séance (a member)?"),
            meeting.secretary_id if meeting else None, id="secretary"), "secretary",
            id="row-secretary")
        members = meeting.voting_members if meeting and meeting.voting_members else None
        yield form_row(_("Members in office"), TextInput(
            str(members or ""), id="voting", compact=True,
            placeholder=_("number of voting members (council, bureau)")), "voting", id="row-voting")
        yield form_row(_("Next meeting"), DateField(
            meeting.next_meeting_on if meeting else None, id="next_on",
            placeholder=_("date, if known")), "next_on")
        yield form_row(_("About the next one"), TextInput(
            meeting.next_meeting_note if meeting else "", id="next_note", compact=True,
            placeholder=_("same place, same time…")), "next_note")
        if meeting is None:
            yield form_row("", Checkbox(_("Start with the approval of the previous minutes "
                                          "and the follow-up of actions"), True, id="opening",
                                        compact=True), id="row-opening")
            yield form_row("", Checkbox(_("Invite the people of the previous meeting of this "
                                          "kind"), True, id="invite", compact=True),
                           id="row-invite")

    def on_mount(self) -> None:
        self._kind_changed()
        self.query_one("#title", Input).focus()

    @on(Select.Changed, "#kind")
    def _kind_changed(self) -> None:
        kind = self._kind()
        self.query_one("#row-voting").display = kind in VOTING_KINDS
        self.query_one("#row-secretary").display = kind in VOTING_KINDS
        previous = self._previous(kind)
        for name in ("opening", "invite"):
            for row in self.query(f"#row-{name}"):
                row.display = previous is not None

    def _kind(self) -> MeetingKind:
        value = self.query_one("#kind", Select).value
        return MeetingKind(value) if isinstance(value, str) else MeetingKind.OTHER

    def _previous(self, kind: MeetingKind) -> Meeting | None:
        if self._original is not None:
            return None
        probe_day = self._today
        with contextlib.suppress(ValueError):
            probe_day = parse_date(self.query_one("#on", Input).value, self._today) or probe_day
        probe = Meeting(title="-", kind=kind, on=probe_day)
        return previous_of_kind(self._meetings, probe)

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _parsed(self, errors: dict[str, str]) -> dict[str, Any]:
        """The typed values read as dates, times and numbers; what does not read goes to
        ``errors``."""
        values: dict[str, Any] = {}
        for name, field in (("on", "on"), ("next_on", "next_meeting_on")):
            try:
                values[field] = self.query_one(f"#{name}", DateField).read(self._today)
            except ValueError:
                errors[name] = _("is not a real date (such as 26/11/2026)")
        if values.get("on", 0) is None:
            errors.setdefault("on", _("is required"))
        for name in ("start", "end"):
            try:
                values[name] = parse_time(self._value(name))
            except ValueError:
                errors[name] = _("is not a time (such as 14:00 or 14h30)")
        start, end = values.get("start"), values.get("end")
        if start and end and end <= start:
            # The model says so too, but only once every field is valid: say it now.
            errors["end"] = translate_template("time_order", ERROR_MESSAGES["time_order"], {
                "start": start.strftime("%H:%M"), "end": end.strftime("%H:%M")})
        members = self._value("voting").strip()
        if self._kind() in VOTING_KINDS and members:
            if members.isdigit():
                values["voting_members"] = int(members)
            else:
                errors["voting"] = _("must be a whole number")
        else:
            values["voting_members"] = None
        return values

    def save_record(self) -> Meeting | None:
        errors: dict[str, str] = {}
        values = self._parsed(errors)
        data = self._original.model_dump() if self._original else {}
        fmt = self.query_one("#format", Select).value
        data.update(values)
        data.update(
            title=self._value("title"),
            kind=self._kind(),
            place=self._value("place"),
            commune=host_commune(self),
            format=fmt if isinstance(fmt, str) else MeetingFormat.IN_PERSON,
            facilitator_id=self.query_one("#facilitator", ActorField).value,
            note_taker_id=self.query_one("#note_taker", ActorField).value,
            secretary_id=(self.query_one("#secretary", ActorField).value
                          if self._kind() in VOTING_KINDS else data.get("secretary_id")),
            next_meeting_note=self._value("next_note"),
        )
        meeting: Meeting | None = None
        try:
            meeting = Meeting.model_validate(data)
        except ValidationError as error:
            for field, message in field_errors(error).items():
                errors.setdefault(_FIELDS.get(field.split(".")[0], ""), message)
        if errors or meeting is None:
            self.show_errors(errors)
            return None
        if self._original is None:
            self._prepare_new(meeting)
        return meeting

    def _prepare_new(self, meeting: Meeting) -> None:
        previous = previous_of_kind(self._meetings, meeting)
        typed = [AgendaItem(title=line.strip())
                 for line in self.query_one("#agenda", TextArea).text.split("\n")
                 if line.strip()]
        meeting.agenda = typed
        if previous is not None and self.query_one("#opening", Checkbox).value:
            meeting.agenda = [*opening_items(previous), *typed]
        if previous is not None and self.query_one("#invite", Checkbox).value:
            meeting.attendance = [Attendance(actor_id=row.actor_id, voting=row.voting)
                                  for row in previous.attendance]
            if meeting.kind in VOTING_KINDS and meeting.voting_members is None:
                meeting.voting_members = previous.voting_members
        if self._mayors and self.query_one("#mayors", Checkbox).value:
            invited = {row.actor_id for row in meeting.attendance}
            meeting.attendance += [Attendance(actor_id=mayor.id) for mayor in self._mayors
                                   if mayor.id not in invited]
