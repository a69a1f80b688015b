"""The liste des délibérations of a council session (CGCT L2121-25).

Within a week of the session, the list of the deliberations examined is posted at the seat
of the community and put online: each deliberation numbered, its subject and how it ended
(adopted, rejected, deferred). Built as a :class:`~coop_tui.core.exports.document.Document`, so
it is written in every format the minutes are.
"""

from __future__ import annotations

from coop_tui.core.exports.document import Document, Fields, Heading, Paragraph, Signatures, Table
from coop_tui.core.exports.minutes import MinutesSource
from coop_tui.core.exports.proceedings import result_text
from coop_tui.core.i18n import _, format_date, language, ngettext
from coop_tui.core.meeting_rules import result_of
from coop_tui.store.models import Decision, DeliberationResult, MeetingKind


def _vote(decision: Decision) -> str:
    vote = decision.vote
    if vote is None:
        return "—"
    return ngettext("{yes} for, {no} against, {abstain} abstention",
                    "{yes} for, {no} against, {abstain} abstentions", vote.abstain).format(
        yes=vote.yes, no=vote.no, abstain=vote.abstain)


def deliberations_document(source: MinutesSource) -> Document:
    """The list in the current language, in the order of the agenda."""
    meeting = source.meeting
    council = meeting.kind is MeetingKind.COUNCIL
    title = (_("List of the deliberations of the community council of {date}") if council
             else _("List of the deliberations of the meeting of {date}")).format(
        date=format_date(meeting.on, "full"))
    document = Document(title, language())
    document.add(Heading(1, title), Paragraph.strong(meeting.title))
    rows = [(_("Territory:"), source.territory.name),
            (_("Date:"), format_date(meeting.on, "full"))]
    if meeting.place:
        rows.append((_("Place:"), meeting.place))
    chair = source.name(meeting.facilitator_id)
    rows.append((_("Chair:"), chair or "—"))
    document.add(Fields(tuple(rows)))
    order = {item.id: number for number, item in enumerate(meeting.agenda)}
    decisions = sorted(meeting.decisions,
                       key=lambda d: order.get(d.agenda_item_id or "", len(order)))
    items = {item.id: item.title for item in meeting.agenda}
    document.add(Heading(2, _("Deliberations examined")))
    if decisions:
        document.add(Table(
            (_("No."), _("Agenda item"), _("Deliberation"), _("Vote"), _("Result")),
            tuple((str(number), items.get(decision.agenda_item_id or "", ""), decision.text,
                   _vote(decision), result_text(decision))
                  for number, decision in enumerate(decisions, start=1)),
            widths=(3, 8, 10, 6, 6)))
        adopted = sum(result_of(d) is DeliberationResult.ADOPTED for d in decisions)
        document.add(Paragraph.plain(ngettext(
            "{count} deliberation examined, {adopted} adopted.",
            "{count} deliberations examined, {adopted} adopted.", len(decisions)).format(
            count=len(decisions), adopted=adopted)))
    else:
        document.add(Paragraph.plain(_("No deliberation was recorded.")))
    document.add(Paragraph.plain(_(
        "This list is posted at the seat of the community and put online on its website "
        "within a week of the session.")))
    document.add(Signatures(((_("The chair"), chair),), _("Signature:")))
    return document
