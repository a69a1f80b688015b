"""Meetings and roadmap deadlines as an iCalendar file (RFC 5545) for calendar software.

Written by hand to keep the runtime light: content lines end with CRLF, are folded at 75
octets (never inside a UTF-8 character), and text values escape ``\\``, ``;``, ``,`` and
line breaks. Each event's UID comes from its record's id, so importing the file again
updates the events instead of duplicating them; SEQUENCE and LAST-MODIFIED follow the
record's last change. Nothing private goes in: no facilitator notes, no attendance, no
reading of people.

Meetings keep their hours in the Europe/Paris time zone (described in the file, as the
standard asks); roadmap deadlines and milestones are all-day events on their due date, and
so are statutory obligations (their own category; a UID from the rule and what triggered
it, so the same obligation keeps its event).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from coop_tui import __version__
from coop_tui.core.i18n import _, format_date, format_number, language
from coop_tui.core.labels import label
from coop_tui.store.models import Actor, Lever, Meeting, RoadmapItem, RoadmapStatus, Territory
from coop_tui.store.repository import Repository

if TYPE_CHECKING:
    from coop_tui.core.obligations import Due

CRLF = "\r\n"
LINE_OCTETS = 75
TIMEZONE = "Europe/Paris"
UID_DOMAIN = "coop-tui"
DEFAULT_HOURS = 2
# SEQUENCE counts minutes since this day: it grows with every change of a record and
# stays far below the largest INTEGER the standard allows.
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)

# The rules of French time since 1996 (last Sundays of March and October).
PARIS_TIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TIMEZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """A TEXT value as RFC 5545 writes it: backslash, semicolon, comma and newline escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """``line`` cut into lines of at most 75 octets, each continuation starting with a space.

    Cuts fall between characters, never inside the UTF-8 bytes of one.
    """
    pieces: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1
        current += char
        size += octets
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _local(on: date, at: time) -> str:
    return datetime.combine(on, at).strftime("%Y%m%dT%H%M%S")


def _sequence(updated: datetime) -> int:
    return max(0, int((updated - SEQUENCE_EPOCH).total_seconds() // 60))


def _uid(kind: str, record_id: str) -> str:
    return f"{kind}-{record_id}@{UID_DOMAIN}"


def _record_lines(kind: str, record: Meeting | RoadmapItem) -> list[str]:
    """The lines every event has: identity and change stamps."""
    return [
        f"UID:{_uid(kind, record.id)}",
        f"DTSTAMP:{_stamp(record.updated)}",
        f"CREATED:{_stamp(record.created)}",
        f"LAST-MODIFIED:{_stamp(record.updated)}",
        f"SEQUENCE:{_sequence(record.updated)}",
    ]


def _meeting_description(meeting: Meeting) -> str:
    kind = label(meeting.kind)
    lines = [f"{kind[:1].upper()}{kind[1:]} · {label(meeting.format)}"]
    if meeting.agenda:
        lines.append(_("Agenda:"))
        lines += [f"- {item.title}" for item in meeting.agenda]
    return "\n".join(lines)


def meeting_event(meeting: Meeting) -> list[str]:
    """A meeting at its hours in Paris time, or all day when it has no start time."""
    lines = ["BEGIN:VEVENT", *_record_lines("meeting", meeting)]
    if meeting.start is None:
        lines += [f"DTSTART;VALUE=DATE:{_day(meeting.on)}",
                  f"DTEND;VALUE=DATE:{_day(meeting.on + timedelta(days=1))}"]
    else:
        lines.append(f"DTSTART;TZID={TIMEZONE}:{_local(meeting.on, meeting.start)}")
        if meeting.end is not None:
            lines.append(f"DTEND;TZID={TIMEZONE}:{_local(meeting.on, meeting.end)}")
        else:
            lines.append(f"DURATION:PT{DEFAULT_HOURS}H")  # a start and no end: two hours
    lines.append(f"SUMMARY:{escape_text(meeting.title)}")
    if meeting.place:
        lines.append(f"LOCATION:{escape_text(meeting.place)}")
    lines += [
        f"DESCRIPTION:{escape_text(_meeting_description(meeting))}",
        f"CATEGORIES:{escape_text(label(meeting.kind))}",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]
    return lines


def _item_description(
    item: RoadmapItem, actors: Mapping[str, Actor], levers: Mapping[str, Lever]
) -> str:
    lever = levers.get(item.lever_id or "")
    lines = []
    if lever is not None:
        lines.append(_("Lever: {lever}").format(lever=lever.title.get(language())))
    owners = [actors[ref].name for ref in item.owner_ids if ref in actors]
    if owners:
        lines.append(_("Owners: {names}").format(names=", ".join(owners)))
    lines.append(_("Status: {status} ({progress}% done)").format(
        status=label(item.status), progress=format_number(item.progress)))
    if item.start is not None:
        lines.append(_("Start: {date}").format(date=format_date(item.start, "long")))
    if item.indicator:
        lines.append(_("Indicator: {text}").format(text=item.indicator))
    return "\n".join(lines)


def roadmap_event(
    item: RoadmapItem, actors: Mapping[str, Actor], levers: Mapping[str, Lever]
) -> list[str] | None:
    """A deadline or a milestone as an all-day event; None for an item without a date."""
    day = item.due or (item.start if item.milestone else None)
    if day is None:
        return None
    title = (_("Milestone: {objective}") if item.milestone
             else _("Deadline: {objective}")).format(objective=item.objective)
    cancelled = item.status is RoadmapStatus.CANCELLED
    category = _("Roadmap")
    return [
        "BEGIN:VEVENT",
        *_record_lines("roadmap", item),
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}",
        f"SUMMARY:{escape_text(title)}",
        f"DESCRIPTION:{escape_text(_item_description(item, actors, levers))}",
        f"CATEGORIES:{escape_text(category)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def obligation_event(due: Due, territory: Territory) -> list[str]:
    """A statutory obligation as an all-day event on its due date. Its description says
    only what does not change with the day it is read (met, dismissed), so the same
    records give the same file."""
    from coop_tui.core.exports.deadlines import summary, title
    from coop_tui.core.obligations import State

    changed = (due.record or due.meeting or territory).updated
    created = (due.record or due.meeting or territory).created
    lines = [summary(due)]
    if due.state is State.DONE and due.met_on is not None:
        lines.append(_("Met on {date}").format(date=format_date(due.met_on, "long")))
    if due.state is State.DISMISSED:
        lines.append(_("Dismissed: {reason}").format(reason=due.dismissed))
    summary_line = _("Statutory: {title}").format(title=title(due))
    category = _("Statutory deadlines")
    return [
        "BEGIN:VEVENT",
        f"UID:{_uid('obligation', due.key.replace('/', '-'))}",
        f"DTSTAMP:{_stamp(changed)}",
        f"CREATED:{_stamp(created)}",
        f"LAST-MODIFIED:{_stamp(changed)}",
        f"SEQUENCE:{_sequence(changed)}",
        f"DTSTART;VALUE=DATE:{_day(due.due)}",
        f"DTEND;VALUE=DATE:{_day(due.due + timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary_line)}",
        f"DESCRIPTION:{escape_text(chr(10).join(line for line in lines if line))}",
        f"CATEGORIES:{escape_text(category)}",
        f"STATUS:{'CANCELLED' if due.state is State.DISMISSED else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_ics(
    territory: Territory,
    meetings: Iterable[Meeting],
    roadmap: Iterable[RoadmapItem],
    actors: Sequence[Actor] = (),
    levers: Sequence[Lever] = (),
    obligations: Sequence[Due] = (),
) -> str:
    """The whole calendar as text (CRLF line ends); the same records give the same text."""
    actor_map = {actor.id: actor for actor in actors}
    lever_map = {lever.id: lever for lever in levers}
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//coop-tui//coop-tui {__version__}//{language().upper()}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(territory.name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
        *PARIS_TIMEZONE,
    ]
    for meeting in sorted(meetings, key=lambda m: (m.on, m.start or time.min, m.id)):
        lines += meeting_event(meeting)
    for item in sorted(roadmap, key=lambda i: (i.due or i.start or date.max, i.id)):
        event = roadmap_event(item, actor_map, lever_map)
        if event is not None:
            lines += event
    for due in obligations:
        lines += obligation_event(due, territory)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def store_calendar(repository: Repository, today: date | None = None) -> str:
    """The calendar of a whole store, its statutory obligations included."""
    from coop_tui.core.insights.deadlines import store_obligations

    found = store_obligations(repository, today or datetime.now().date())
    return calendar_ics(repository.territory, repository.meetings, repository.roadmap,
                        repository.actors, repository.levers, found)
