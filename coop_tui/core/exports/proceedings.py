"""The proceedings of a meeting as the minutes write them: the agenda, then under each item
its notes, its decisions (with the vote and, in a procès-verbal, the result) and its
actions; the tables of actions and of the follow-up of earlier ones.

Pieces of :mod:`coop_tui.core.exports.minutes`, which puts them in its documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from coop_tui.core.capture import strip_captures
from coop_tui.core.exports import markdown as md
from coop_tui.core.exports.document import (
    Block,
    Heading,
    Item,
    ItemList,
    Notes,
    Paragraph,
    Run,
    Table,
)
from coop_tui.core.i18n import _, format_date, joined, ngettext
from coop_tui.core.labels import label
from coop_tui.core.meeting_rules import FollowUp, result_of, status_on
from coop_tui.store.models import Action, ActionStatus, AgendaItem, Decision, Meeting, Vote

if TYPE_CHECKING:
    from coop_tui.core.exports.minutes import MinutesSource


def _agenda(meeting: Meeting) -> Block:
    if not meeting.agenda:
        return Paragraph.plain(_("No agenda was set."))
    items = []
    for item in meeting.agenda:
        duration = (" " + _("({minutes} min)").format(minutes=item.planned_minutes)
                    if item.planned_minutes else "")
        items.append(Item((Run(item.title), Run(duration))))
    return ItemList(tuple(items), numbered=True)


def _vote_text(vote: Vote) -> str:
    counts = ngettext("{yes} for, {no} against, {abstain} abstention",
                      "{yes} for, {no} against, {abstain} abstentions", vote.abstain).format(
        yes=vote.yes, no=vote.no, abstain=vote.abstain)
    return counts if not vote.public else counts + " " + _("(public vote)")


def _vote_item(vote: Vote) -> Item:
    names: list[Item] = []
    if vote.public:
        for listed, title in ((vote.yes_names, _("For:")), (vote.no_names, _("Against:")),
                              (vote.abstain_names, _("Abstaining:"))):
            if listed:
                names.append(Item.plain(f"{title} {', '.join(listed)}"))
    return Item.plain(_("Vote:") + " " + _vote_text(vote), names)


def outcome(vote: Vote | None) -> str:
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


def result_text(decision: Decision) -> str:
    """How a deliberation ended: "adopted unanimously", "rejected", "deferred"..."""
    if decision.result is None and decision.vote is not None:
        return outcome(decision.vote)
    return label(result_of(decision))


def _decision_list(decisions: Sequence[Decision], *, with_result: bool = False) -> ItemList:
    items: list[Item] = []
    for decision in decisions:
        children: list[Item] = []
        if decision.vote is not None:
            children.append(_vote_item(decision.vote))
        if with_result and (decision.vote is not None or decision.result is not None):
            children.insert(0, Item.plain(_("Result:") + " " + result_text(decision)))
        items.append(Item.plain(decision.text, children))
    return ItemList(tuple(items), numbered_in_print=True)


def _owner(source: MinutesSource, action: Action) -> str:
    return source.name(action.owner_id) or action.owner_name


def _due(action: Action) -> str:
    return format_date(action.due, "long") if action.due else ""


def _action_item(source: MinutesSource, action: Action) -> Item:
    details = [part for part in (
        _("owner: {name}").format(name=_owner(source, action))
        if _owner(source, action) else "",
        _("due: {date}").format(date=_due(action)) if action.due else "",
    ) if part]
    suffix = f" ({joined(details)})" if details else ""
    return Item((Run(action.text), Run(suffix)))


def _actions_table(source: MinutesSource, actions: Sequence[Action]) -> Table:
    return Table((_("Action"), _("Owner"), _("Due")),
                 tuple((a.text, _owner(source, a), _due(a)) for a in actions))


def _follow_up_table(source: MinutesSource, rows: Sequence[FollowUp]) -> Table:
    return Table((_("Action"), _("Decided on"), _("Owner"), _("Due"), _("Status")),
                 tuple((row.action.text, format_date(row.meeting.on, "long"),
                        _owner(source, row.action), _due(row.action),
                        _status_then(row.action, source.meeting.on)) for row in rows))


def _status_then(action: Action, day: date) -> str:
    """The action's state on the meeting's day; an open one past its due date is late."""
    status = status_on(action, day)
    if status is ActionStatus.OPEN and action.due is not None and action.due < day:
        late = (day - action.due).days
        return ngettext("late by {count} day", "late by {count} days", late).format(
            count=late)
    return label(status)


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



def _items_section(source: MinutesSource, level: int, *, pv: bool = False) -> list[Block]:
    """Each agenda item: its notes (headings kept below), decisions and actions."""
    meeting = source.meeting
    blocks: list[Block] = []
    for number, item in enumerate(meeting.agenda, start=1):
        blocks.append(Heading(level, item.title, number))
        notes = strip_captures(item.notes)
        if md.notes(notes, level):
            if pv:
                blocks.append(Paragraph.strong(_("Discussion:")))
            blocks.append(Notes(notes, level))
        decisions = _item_decisions(meeting, item)
        if decisions:
            title = ngettext("Deliberation", "Deliberations", len(decisions)) if pv \
                else _("Decisions")
            blocks += [Paragraph.strong(title), _decision_list(decisions, with_result=pv)]
        actions = _item_actions(meeting, item)
        if actions and not pv:
            blocks += [Paragraph.strong(_("Actions")),
                       ItemList(tuple(_action_item(source, a) for a in actions),
                                numbered_in_print=True)]
    loose = _item_decisions(meeting, None)
    if loose:
        blocks += [Heading(level, _("Other decisions")), _decision_list(loose, with_result=pv)]
    return blocks
