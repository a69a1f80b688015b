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

import html
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING, Literal

from coop_tui.core.capture import strip_captures
from coop_tui.core.exports import markdown as md
from coop_tui.core.i18n import Language, _, format_date, language, ngettext, set_language
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import (
    FollowUp,
    follow_up,
    next_of_kind,
    presence_counts,
    quorum,
)
from coop_tui.store.models import (
    Action,
    Actor,
    AgendaItem,
    Decision,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Presence,
    Territory,
    Vote,
)

if TYPE_CHECKING:
    from coop_tui.store.repository import Repository

Template = Literal["full", "decisions", "pv"]
Format = Literal["md", "html"]
TEMPLATES: tuple[Template, ...] = ("full", "decisions", "pv")
FORMATS: tuple[Format, ...] = ("md", "html")


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
    with language_as(lang or language()):
        text = minutes_markdown(source, template)
        if fmt == "html":
            return html_page(text, _document_title(source, template), language())
        return text


def minutes_markdown(source: MinutesSource, template: Template = "full") -> str:
    """The minutes in the current language, as CommonMark with GFM tables."""
    writer = {"full": _full, "decisions": _decisions, "pv": _proces_verbal}[template]
    blocks = [block for block in writer(source) if block]
    return "\n\n".join(blocks) + "\n"


def file_name(meeting: Meeting, fmt: Format = "md") -> str:
    """A file name from the date and the kind: ``2026-11-26-copil.md``."""
    return f"{meeting.on.isoformat()}-{meeting.kind.value.replace('_', '-')}.{fmt}"


# ---------------------------------------------------------------------------- pieces


def _document_title(source: MinutesSource, template: Template) -> str:
    meeting = source.meeting
    if template == "decisions":
        return _("Record of decisions: {title}").format(title=meeting.title)
    if template == "pv":
        return _("Procès-verbal: {title}").format(title=meeting.title)
    return meeting.title


def _time_range(start: time | None, end: time | None) -> str:
    from babel.dates import format_time

    def show(value: time) -> str:
        return str(format_time(value, format="short", locale=language()))

    if start and end:
        return f"{show(start)} – {show(end)}"
    if start:
        return _("from {time}").format(time=show(start))
    return ""


def _h2(title: str) -> str:
    return md.heading(2, title)


def _bold(label_text: str) -> str:
    return f"**{md.inline(label_text)}**"


def _field(name: str, value: str) -> str:
    """One line of the header: a label in bold and a value already in Markdown."""
    return f"- **{name}** {value}"


def _header(source: MinutesSource, *, with_people: bool = True) -> str:
    meeting = source.meeting
    lines = [
        _field(_("Territory:"), md.inline(source.territory.name)),
        _field(_("Meeting:"), md.inline(label(meeting.kind))),
        _field(_("Date:"), md.inline(format_date(meeting.on, "full"))),
    ]
    if meeting.start:
        lines.append(_field(_("Time:"), md.inline(_time_range(meeting.start, meeting.end))))
    if meeting.place:
        lines.append(_field(_("Place:"), md.inline(meeting.place)))
    lines.append(_field(_("Format:"), md.inline(label(meeting.format))))
    if with_people:
        chair = source.name(meeting.facilitator_id)
        secretary = source.name(meeting.note_taker_id)
        if chair:
            lines.append(_field(_("Chair:"), md.inline(chair)))
        if secretary:
            lines.append(_field(_("Minutes taken by:"), md.inline(secretary)))
    lines.append(_field(_("Minutes:"), md.inline(_minutes_status(source))))
    return "\n".join(lines)


def _minutes_status(source: MinutesSource) -> str:
    meeting = source.meeting
    if meeting.minutes_status is MinutesStatus.APPROVED:
        approver = source.meeting_by_id(meeting.approved_in_id)
        if approver is not None:
            return _("approved at the meeting of {date}").format(
                date=format_date(approver.on, "long"))
        return _("approved")
    return _("draft, to be approved")


def _participants(source: MinutesSource, level: int, *, members_only: bool = False) -> str:
    """Who was there, grouped by presence, with proxies and substitutes.

    For a procès-verbal, the groups hold the voting members only, and the others present
    (staff, guests) are listed apart.
    """
    meeting = source.meeting
    if not meeting.attendance:
        return md.inline(_("No attendance was recorded."))
    attendance = [row for row in meeting.attendance if row.voting or not members_only]
    groups: list[tuple[Presence, str]] = [
        (Presence.PRESENT, _("Present")),
        (Presence.REPRESENTED, _("Represented")),
        (Presence.SUBSTITUTED, _("Substituted")),
        (Presence.EXCUSED, _("Excused")),
        (Presence.ABSENT, _("Absent")),
    ]
    blocks: list[str] = []
    for status, title in groups:
        rows = [row for row in attendance if row.status is status]
        if not rows:
            continue
        items = []
        for row in rows:
            name = md.inline(source.name(row.actor_id))
            if status is Presence.REPRESENTED and row.proxy_id:
                holder = md.inline(source.name(row.proxy_id))
                name += " " + _("(proxy given to {name})").format(name=holder)
            elif status is Presence.SUBSTITUTED and row.substitute:
                name += " " + _("(substituted by {name})").format(
                    name=md.inline(row.substitute))
            items.append(f"- {name}")
        blocks.append(f"{'#' * level} {md.inline(title)} ({len(rows)})\n\n" + "\n".join(items))
    guests = [row for row in meeting.attendance if members_only and not row.voting
              and row.status is Presence.PRESENT]
    if guests:
        blocks.append(md.heading(level, _("Also attending")) + "\n\n" + "\n".join(
            f"- {md.inline(source.name(row.actor_id))}" for row in guests))
    return "\n\n".join(blocks)


def _quorum_line(source: MinutesSource) -> str:
    found = quorum(source.meeting)
    if found is None:
        return ""
    details = _("{present} members present out of {in_office} in office ({needed} needed); "
                "{represented} represented by proxy; {votes} votes").format(
        present=found.present, in_office=found.in_office, needed=found.needed,
        represented=found.represented, votes=found.votes)
    verdict = _("The quorum is reached:") if found.reached else _("The quorum is not reached:")
    return f"**{verdict}** {md.inline(details)}."


def _counts_line(source: MinutesSource) -> str:
    counts = presence_counts(source.meeting)
    parts = [_("{status}: {count}").format(status=label(status), count=count)
             for status, count in counts.items() if count]
    return md.inline(" · ".join(parts)) if parts else ""


def _agenda(meeting: Meeting) -> str:
    if not meeting.agenda:
        return md.inline(_("No agenda was set."))
    lines = []
    for number, item in enumerate(meeting.agenda, start=1):
        duration = (" " + _("({minutes} min)").format(minutes=item.planned_minutes)
                    if item.planned_minutes else "")
        lines.append(f"{number}. {md.inline(item.title)}{duration}")
    return "\n".join(lines)


def _vote_text(vote: Vote) -> str:
    counts = ngettext("{yes} for, {no} against, {abstain} abstention",
                      "{yes} for, {no} against, {abstain} abstentions", vote.abstain).format(
        yes=vote.yes, no=vote.no, abstain=vote.abstain)
    return counts if not vote.public else counts + " " + _("(public vote)")


def _vote_lines(vote: Vote, indent: str) -> list[str]:
    lines = [f"{indent}- " + _("Vote:") + f" {md.inline(_vote_text(vote))}"]
    if vote.public:
        for names, title in ((vote.yes_names, _("For:")), (vote.no_names, _("Against:")),
                             (vote.abstain_names, _("Abstaining:"))):
            if names:
                lines.append(f"{indent}  - {title} {md.inline(', '.join(names))}")
    return lines


def _outcome(vote: Vote | None) -> str:
    """How a deliberation ended, as a procès-verbal says it."""
    if vote is None:
        return ""
    if vote.yes > vote.no:
        if vote.no == 0 and vote.abstain == 0:
            return _("adopted unanimously")
        if vote.no == 0:
            return _("adopted unanimously of the votes cast")
        return _("adopted by majority")
    return _("rejected")


def _decision_lines(decisions: Sequence[Decision], *, outcome: bool = False) -> list[str]:
    lines: list[str] = []
    for decision in decisions:
        lines.append(f"- {md.inline(decision.text)}")
        if decision.vote is not None:
            if outcome:
                lines.append("  - " + _("Result:") + f" {md.inline(_outcome(decision.vote))}")
            lines += _vote_lines(decision.vote, "  ")
    return lines


def _owner(source: MinutesSource, action: Action) -> str:
    return source.name(action.owner_id) or action.owner_name


def _due(action: Action) -> str:
    return format_date(action.due, "long") if action.due else ""


def _action_line(source: MinutesSource, action: Action) -> str:
    details = [part for part in (
        _("owner: {name}").format(name=md.inline(_owner(source, action)))
        if _owner(source, action) else "",
        _("due: {date}").format(date=md.inline(_due(action))) if action.due else "",
    ) if part]
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"- {md.inline(action.text)}{suffix}"


def _actions_table(source: MinutesSource, actions: Sequence[Action]) -> str:
    rows = [[md.cell(a.text), md.cell(_owner(source, a)), md.cell(_due(a))] for a in actions]
    return md.table([_("Action"), _("Owner"), _("Due")], rows)


def _follow_up_table(source: MinutesSource, rows: Sequence[FollowUp]) -> str:
    cells = [[md.cell(row.action.text), md.cell(format_date(row.meeting.on, "medium")),
              md.cell(_owner(source, row.action)), md.cell(_due(row.action)),
              md.cell(label(row.action.status))] for row in rows]
    return md.table([_("Action"), _("Decided on"), _("Owner"), _("Due"), _("Status")], cells)


def _item_decisions(meeting: Meeting, item: AgendaItem | None) -> list[Decision]:
    item_id = item.id if item else None
    known = {entry.id for entry in meeting.agenda}
    return [d for d in meeting.decisions
            if (d.agenda_item_id == item_id) or (item is None and d.agenda_item_id not in known)]


def _item_actions(meeting: Meeting, item: AgendaItem | None) -> list[Action]:
    item_id = item.id if item else None
    known = {entry.id for entry in meeting.agenda}
    return [a for a in meeting.actions
            if (a.agenda_item_id == item_id) or (item is None and a.agenda_item_id not in known)]


def _next_meeting(source: MinutesSource) -> str:
    meeting = source.meeting
    on = meeting.next_meeting_on
    note = meeting.next_meeting_note
    if on is None:
        following = next_of_kind(source.meetings, meeting)
        if following is None:
            return ""
        on = following.on
    text = md.inline(format_date(on, "full"))
    return f"{text} — {md.inline(note)}" if note else text


def _items_section(source: MinutesSource, level: int, *, pv: bool = False) -> list[str]:
    """Each agenda item: its notes (headings kept below), decisions and actions."""
    meeting = source.meeting
    blocks: list[str] = []
    for number, item in enumerate(meeting.agenda, start=1):
        blocks.append(f"{'#' * level} {number}. {md.inline(item.title)}")
        notes = md.notes(strip_captures(item.notes), level)
        if notes:
            if pv:
                blocks.append(_bold(_("Discussion:")))
            blocks.append(notes)
        decisions = _item_decisions(meeting, item)
        if decisions:
            title = ngettext("Deliberation", "Deliberations", len(decisions)) if pv \
                else _("Decisions")
            blocks.append(f"**{title}**\n\n" + "\n".join(_decision_lines(decisions, outcome=pv)))
        actions = _item_actions(meeting, item)
        if actions and not pv:
            blocks.append(_bold(_("Actions")) + "\n\n"
                          + "\n".join(_action_line(source, a) for a in actions))
    loose = _item_decisions(meeting, None)
    if loose:
        blocks.append(md.heading(level, _("Other decisions")) + "\n\n"
                      + "\n".join(_decision_lines(loose, outcome=pv)))
    return blocks


# ---------------------------------------------------------------------------- documents


def _full(source: MinutesSource) -> Iterator[str]:
    meeting = source.meeting
    yield f"# {md.inline(meeting.title)}"
    yield _header(source)
    yield _h2(_("Participants"))
    yield _quorum_line(source)
    yield _participants(source, 3)
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


def _decisions(source: MinutesSource) -> Iterator[str]:
    meeting = source.meeting
    yield f"# {md.inline(_document_title(source, 'decisions'))}"
    yield _header(source)
    yield _h2(_("Participants"))
    yield _counts_line(source)
    yield _quorum_line(source)
    yield _h2(_("Decisions"))
    numbered: list[str] = []
    for item in [*meeting.agenda, None]:
        decisions = _item_decisions(meeting, item)
        if not decisions:
            continue
        title = item.title if item else _("Other decisions")
        numbered.append(f"### {md.inline(title)}\n\n" + "\n".join(_decision_lines(decisions)))
    yield "\n\n".join(numbered) if numbered else md.inline(_("No decision was recorded."))
    yield _h2(_("Actions"))
    yield (_actions_table(source, meeting.actions) if meeting.actions
           else md.inline(_("No action was recorded.")))
    following = _next_meeting(source)
    if following:
        yield _h2(_("Next meeting"))
        yield following


def _proces_verbal(source: MinutesSource) -> Iterator[str]:
    meeting = source.meeting
    council = meeting.kind is MeetingKind.COUNCIL
    title = (_("Procès-verbal of the community council of {date}") if council
             else _("Procès-verbal of the meeting of {date}")).format(
        date=format_date(meeting.on, "full"))
    yield f"# {md.inline(title)}"
    yield f"**{md.inline(meeting.title)}**"
    lines = [_field(_("Territory:"), md.inline(source.territory.name)),
             _field(_("Date and time:"), md.inline(
                 ", ".join(part for part in (format_date(meeting.on, "full"),
                                             _time_range(meeting.start, meeting.end)) if part)))]
    if meeting.place:
        lines.append(_field(_("Place:"), md.inline(meeting.place)))
    chair = source.name(meeting.facilitator_id)
    secretary = source.name(meeting.note_taker_id)
    lines.append(_field(_("Chair:"), md.inline(chair or "—")))
    lines.append(_field(_("Secretary of the session:"), md.inline(secretary or "—")))
    yield "\n".join(lines)
    yield _h2(_("Members present or represented"))
    yield _participants(source, 3, members_only=True)
    yield _h2(_("Quorum"))
    yield _quorum_line(source) or md.inline(_("No quorum applies to this meeting."))
    yield _h2(_("Agenda"))
    yield _agenda(meeting)
    yield _h2(_("Deliberations and discussions"))
    yield from _items_section(source, 3, pv=True)
    yield _h2(_("Approval and publication"))
    yield md.inline(_approval_sentence(source))
    yield _h2(_("Signatures"))
    yield md.table([_("The chair"), _("The secretary of the session")],
                   [[md.cell(chair), md.cell(secretary)],
                    [_("Signature:"), _("Signature:")]])


def _approval_sentence(source: MinutesSource) -> str:
    meeting = source.meeting
    approver = source.meeting_by_id(meeting.approved_in_id)
    if meeting.minutes_status is MinutesStatus.APPROVED and approver is not None:
        return _("This procès-verbal was approved at the session of {date}; it is published "
                 "on the community's website within a week of its approval.").format(
            date=format_date(approver.on, "full"))
    return _("This procès-verbal is a draft: it is approved at the next session, then "
             "published on the community's website within a week.")


# ---------------------------------------------------------------------------- HTML

_STYLE = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
h4, h5, h6 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: .9em; }
pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 1rem; color: #333; }
@page { margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  table, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def html_page(markdown_text: str, title: str, lang: str) -> str:
    """A standalone page: the Markdown rendered with raw HTML off, and a print stylesheet."""
    body = md.parser(html=False).render(markdown_text)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )

