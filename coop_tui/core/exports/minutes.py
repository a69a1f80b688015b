"""Meeting minutes in Markdown or HTML, in French or English, from the models alone.

Three documents: the full minutes (compte rendu), the record of decisions (relevé de
décisions) and the procès-verbal of a community council, with what the law asks of it since
the 2022 reform (CGCT L2121-15): date and time, chair, members present or represented,
secretary, quorum, agenda, deliberations adopted, votes with the names for a public vote,
the gist of the discussions, and the place for the signatures.

Nothing private is ever read here: not the meeting's private notes, not what the facilitator
thinks of people (``Actor.private``), not the relations. Typed text goes through
:mod:`coop_tui.core.exports.markdown`, so it reads the same once rendered.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from coop_tui.core.exports.document import (
    Block,
    Document,
    Fields,
    Heading,
    Item,
    ItemList,
    Letterhead,
    Paragraph,
    Run,
    Signatures,
    to_markdown,
)
from coop_tui.core.exports.formats import (
    BINARY_FORMATS,
    DOCUMENT_FORMATS,
    DocumentFormat,
    document_bytes,
)
from coop_tui.core.exports.proceedings import (
    _actions_table,
    _agenda,
    _decision_list,
    _follow_up_table,
    _item_decisions,
    _items_section,
)

# outcome and result_text moved with the proceedings: still importable from here.
from coop_tui.core.exports.proceedings import outcome as outcome
from coop_tui.core.exports.proceedings import result_text as result_text
from coop_tui.core.i18n import (
    NC_,
    Language,
    _,
    format_date,
    format_time,
    language,
    pgettext,
    set_language,
)
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import (
    follow_up,
    next_of_kind,
    presence_counts,
    quorum,
)
from coop_tui.store.models import (
    Actor,
    ActorKind,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Presence,
    Territory,
)

if TYPE_CHECKING:
    from coop_tui.store.repository import Repository

Template = Literal["full", "decisions", "pv", "deliberations"]
Format = DocumentFormat
TEMPLATES: tuple[Template, ...] = ("full", "decisions", "pv", "deliberations")
FORMATS: tuple[Format, ...] = DOCUMENT_FORMATS


@dataclass(frozen=True)
class MinutesSource:
    """What the minutes of one meeting are made from (records, never widgets)."""

    meeting: Meeting
    territory: Territory
    actors: Mapping[str, Actor]
    meetings: Sequence[Meeting]  # every meeting: follow-up, approval, next meeting

    @classmethod
    def from_repository(cls, repository: Repository, meeting: Meeting) -> MinutesSource:
        return cls(meeting, repository.territory, {a.id: a for a in repository.actors},
                   repository.meetings)

    def name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.name if actor else ""

    def meeting_by_id(self, meeting_id: str | None) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def secretary(self) -> str:
        """The secrétaire de séance: the one designated in the session, else the note-taker
        when an elected member took the notes; never a service."""
        meeting = self.meeting
        if meeting.secretary_id and self.name(meeting.secretary_id):
            return self.name(meeting.secretary_id)
        taker = self.actors.get(meeting.note_taker_id) if meeting.note_taker_id else None
        return taker.name if taker is not None and taker.kind is ActorKind.ELECTED else ""


@contextmanager
def language_as(wanted: Language) -> Iterator[None]:
    """Write in ``wanted`` whatever language the interface speaks, then switch back."""
    current = language()
    if wanted != current:
        set_language(wanted)
    try:
        yield
    finally:
        if wanted != current:
            set_language(current)


def render(source: MinutesSource, template: Template = "full", fmt: Format = "md",
           lang: Language | None = None) -> str:
    """The minutes as a Markdown document or a standalone HTML page."""
    if fmt in BINARY_FORMATS:
        raise ValueError(f"{fmt} is not a text format: use render_bytes")
    return render_bytes(source, template, fmt, lang).decode("utf-8")


def render_bytes(source: MinutesSource, template: Template = "full", fmt: Format = "md",
                 lang: Language | None = None) -> bytes:
    """The minutes as the bytes of a file in ``fmt``, in ``lang`` whatever the interface
    speaks; Word and PDF open on the territory's letterhead."""
    return document_bytes(minutes_for(source, template, fmt, lang), fmt)


def minutes_for(source: MinutesSource, template: Template = "full", fmt: Format = "md",
                lang: Language | None = None) -> Document:
    """The minutes ready to turn into ``fmt``, in ``lang``: the words are chosen here, so
    the bytes can be made on another thread while the interface keeps its language."""
    with language_as(lang or language()):
        document = minutes_document(source, template)
        if fmt in BINARY_FORMATS:
            document.letterhead = letterhead(source.territory)
        return document


def letterhead(territory: Territory) -> Letterhead:
    return Letterhead(territory.name, territory.address,
                      Path(territory.logo_path) if territory.logo_path else None)


def minutes_document(source: MinutesSource, template: Template = "full") -> Document:
    """The minutes in the current language, built once for every format."""
    if template == "deliberations":
        from coop_tui.core.exports.deliberations import deliberations_document

        return deliberations_document(source)
    writer = {"full": _full, "decisions": _decisions, "pv": _proces_verbal}[template]
    document = Document(_document_title(source, template), language())
    document.add(*writer(source))
    return document


def minutes_markdown(source: MinutesSource, template: Template = "full") -> str:
    """The minutes in the current language, as CommonMark with GFM tables."""
    return to_markdown(minutes_document(source, template))


# A meeting kind as a file name says it: English keys, French words in French.
_KIND_SLUGS = {
    MeetingKind.COPIL: NC_("file name", "copil"),
    MeetingKind.COTECH: NC_("file name", "cotech"),
    MeetingKind.MAYORS_CONFERENCE: NC_("file name", "mayors-conference"),
    MeetingKind.BUREAU: NC_("file name", "bureau"),
    MeetingKind.COUNCIL: NC_("file name", "council"),
    MeetingKind.WORKSHOP: NC_("file name", "workshop"),
    MeetingKind.BILATERAL: NC_("file name", "bilateral"),
    MeetingKind.OTHER: NC_("file name", "other"),
}


def file_name(meeting: Meeting, fmt: Format = "md") -> str:
    """A file name from the date and the kind, in the current language:
    ``2026-11-26-copil.md``, ``2026-11-26-compte-rendu-copil.md``."""
    stem = pgettext("file name", "{day}-{kind}").format(day=meeting.on.isoformat(),
                                                        kind=kind_slug(meeting.kind))
    return f"{stem}.{fmt}"


def kind_slug(kind: MeetingKind) -> str:
    """The kind of meeting as a file name says it, in the current language."""
    return pgettext("file name", _KIND_SLUGS[kind])


# ---------------------------------------------------------------------------- pieces


def _document_title(source: MinutesSource, template: Template) -> str:
    meeting = source.meeting
    if template == "decisions":
        return _("Record of decisions: {title}").format(title=meeting.title)
    if template == "pv":
        return _("Procès-verbal: {title}").format(title=meeting.title)
    return meeting.title


def time_range(start: time | None, end: time | None) -> str:
    show = format_time
    if start and end:
        return f"{show(start)} – {show(end)}"
    if start:
        return _("from {time}").format(time=show(start))
    return ""


def _h2(title: str) -> Heading:
    return Heading(2, title)


def _header(source: MinutesSource, *, with_people: bool = True) -> Fields:
    meeting = source.meeting
    rows = [
        (_("Territory:"), source.territory.name),
        (_("Meeting:"), label(meeting.kind)),
        (_("Date:"), format_date(meeting.on, "full")),
    ]
    if meeting.start:
        rows.append((_("Time:"), time_range(meeting.start, meeting.end)))
    if meeting.place:
        rows.append((_("Place:"), meeting.place))
    rows.append((_("Format:"), label(meeting.format)))
    if with_people:
        chair = source.name(meeting.facilitator_id)
        secretary = source.name(meeting.note_taker_id)
        if chair:
            rows.append((_("Chair:"), chair))
        if secretary:
            rows.append((_("Minutes taken by:"), secretary))
    rows.append((_("Minutes:"), _minutes_status(source)))
    return Fields(tuple(rows))


def _minutes_status(source: MinutesSource) -> str:
    meeting = source.meeting
    if meeting.minutes_status is MinutesStatus.APPROVED:
        approver = source.meeting_by_id(meeting.approved_in_id)
        if approver is not None:
            return _("approved at the meeting of {date}").format(
                date=format_date(approver.on, "long"))
        return _("approved")
    return _("draft, to be approved")


def _participants(source: MinutesSource, level: int, *,
                  members_only: bool = False) -> list[Block]:
    """Who was there, grouped by presence, with proxies and substitutes.

    For a body that votes (``members_only``), the groups hold the voting members only, so
    that their counts agree with the quorum, and the others present (staff, guests) are
    listed apart, the chair (named above) left out; a meeting where nobody votes (a COPIL,
    a workshop) lists everyone by presence.
    """
    meeting = source.meeting
    if not meeting.attendance:
        return [Paragraph.plain(_("No attendance was recorded."))]
    members_only = members_only and any(row.voting for row in meeting.attendance)
    attendance = [row for row in meeting.attendance if row.voting or not members_only]
    groups: list[tuple[Presence, str]] = [
        (Presence.PRESENT, _("Present")),
        (Presence.REPRESENTED, _("Represented")),
        (Presence.SUBSTITUTED, _("Substituted")),
        (Presence.EXCUSED, _("Excused")),
        (Presence.ABSENT, _("Absent")),
    ]
    blocks: list[Block] = []
    for status, title in groups:
        rows = [row for row in attendance if row.status is status]
        if not rows:
            continue
        items = []
        for row in rows:
            runs = [Run(source.name(row.actor_id))]
            if status is Presence.REPRESENTED and row.proxy_id:
                runs.append(Run(" " + _("(proxy given to {name})").format(
                    name=source.name(row.proxy_id))))
            elif status is Presence.SUBSTITUTED and row.substitute:
                runs.append(Run(" " + _("(substituted by {name})").format(
                    name=row.substitute)))
            items.append(Item(tuple(runs)))
        blocks += [Heading(level, f"{title} ({len(rows)})"), ItemList(tuple(items))]
    guests = [row for row in meeting.attendance if members_only and not row.voting
              and row.status is Presence.PRESENT and row.actor_id != meeting.facilitator_id]
    if guests:
        blocks += [Heading(level, _("Also attending")),
                   ItemList(tuple(Item.plain(source.name(row.actor_id)) for row in guests))]
    return blocks


def _quorum_line(source: MinutesSource) -> Paragraph | None:
    found = quorum(source.meeting)
    if found is None:
        return None
    details = _("{present} members present out of {in_office} in office ({needed} needed); "
                "{represented} represented by proxy; {votes} votes").format(
        present=found.present, in_office=found.in_office, needed=found.needed,
        represented=found.represented, votes=found.votes)
    verdict = _("The quorum is reached:") if found.reached else _("The quorum is not reached:")
    return Paragraph((Run(verdict, bold=True), Run(f" {details}.")))


def _counts_line(source: MinutesSource) -> Paragraph | None:
    counts = presence_counts(source.meeting)
    parts = [_("{status}: {count}").format(status=label(status), count=count)
             for status, count in counts.items() if count]
    return Paragraph.plain(" · ".join(parts)) if parts else None



def _next_meeting(source: MinutesSource) -> Paragraph | None:
    meeting = source.meeting
    on = meeting.next_meeting_on
    note = meeting.next_meeting_note
    if on is None:
        following = next_of_kind(source.meetings, meeting)
        if following is None:
            return None
        on = following.on
    runs = [Run(format_date(on, "full"))]
    if note:
        runs += [Run(" — "), Run(note)]
    return Paragraph(tuple(runs))




# ---------------------------------------------------------------------------- documents


def _full(source: MinutesSource) -> Iterator[Block | None]:
    meeting = source.meeting
    yield Heading(1, meeting.title)
    yield _header(source)
    yield _h2(_("Participants"))
    yield _quorum_line(source)
    yield from _participants(source, 3, members_only=True)
    yield _h2(_("Agenda"))
    yield _agenda(meeting)
    yield _h2(_("Proceedings"))
    yield from _items_section(source, 3)
    if meeting.actions:
        yield _h2(_("Summary of actions"))
        yield _actions_table(source, meeting.actions)
    earlier = follow_up(source.meetings, meeting)
    if earlier:
        yield _h2(_("Follow-up of earlier actions"))
        yield _follow_up_table(source, earlier)
    following = _next_meeting(source)
    if following:
        yield _h2(_("Next meeting"))
        yield following


def _decisions(source: MinutesSource) -> Iterator[Block | None]:
    meeting = source.meeting
    yield Heading(1, _document_title(source, "decisions"))
    yield _header(source)
    yield _h2(_("Participants"))
    yield _counts_line(source)
    yield _quorum_line(source)
    yield _h2(_("Decisions"))
    found = False
    for item in [*meeting.agenda, None]:
        decisions = _item_decisions(meeting, item)
        if not decisions:
            continue
        found = True
        yield Heading(3, item.title if item else _("Other decisions"))
        yield _decision_list(decisions)
    if not found:
        yield Paragraph.plain(_("No decision was recorded."))
    yield _h2(_("Actions"))
    yield (_actions_table(source, meeting.actions) if meeting.actions
           else Paragraph.plain(_("No action was recorded.")))
    following = _next_meeting(source)
    if following:
        yield _h2(_("Next meeting"))
        yield following


def _proces_verbal(source: MinutesSource) -> Iterator[Block | None]:
    meeting = source.meeting
    council = meeting.kind is MeetingKind.COUNCIL
    title = (_("Procès-verbal of the community council of {date}") if council
             else _("Procès-verbal of the meeting of {date}")).format(
        date=format_date(meeting.on, "full"))
    yield Heading(1, title)
    yield Paragraph.strong(meeting.title)
    rows = [(_("Territory:"), source.territory.name),
            (_("Date and time:"), ", ".join(
                part for part in (format_date(meeting.on, "full"),
                                  time_range(meeting.start, meeting.end)) if part))]
    if meeting.place:
        rows.append((_("Place:"), meeting.place))
    chair = source.name(meeting.facilitator_id)
    secretary = source.secretary()
    rows.append((_("Chair:"), chair or "—"))
    rows.append((_("Secretary of the session:"), secretary or "—"))
    yield Fields(tuple(rows))
    yield _h2(_("Members present or represented"))
    yield from _participants(source, 3, members_only=True)
    yield _h2(_("Quorum"))
    yield _quorum_line(source) or Paragraph.plain(_("No quorum applies to this meeting."))
    yield _h2(_("Agenda"))
    yield _agenda(meeting)
    yield _h2(_("Deliberations and discussions"))
    yield from _items_section(source, 3, pv=True)
    yield _h2(_("Approval and publication"))
    yield Paragraph.plain(_approval_sentence(source))
    yield _h2(_("Signatures"))
    yield Signatures(((_("The chair"), chair), (_("The secretary of the session"), secretary)),
                     _("Signature:"))


def _approval_sentence(source: MinutesSource) -> str:
    meeting = source.meeting
    approver = source.meeting_by_id(meeting.approved_in_id)
    if meeting.minutes_status is MinutesStatus.APPROVED and approver is not None:
        return _("This procès-verbal was approved at the session of {date}; it is published "
                 "on the community's website within a week of its approval.").format(
            date=format_date(approver.on, "full"))
    return _("This procès-verbal is a draft: it is approved at the next session, then "
             "published on the community's website within a week.")
