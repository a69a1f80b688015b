"""The rules of meetings that the screen and the minutes share: attendance counts, quorum,
proxies, the agenda's length, the follow-up of earlier actions, the next meeting.

Quorum, as implemented here (French law, CGCT art. L2121-17, applied to the councils of
intercommunalities by L5211-1): a council deliberates validly when *more than half of its
members in office are present*. Members present in person count, and so does a substitute
(suppléant·e) sitting for a member; a member who gave a proxy (représenté·e) does **not**
count towards the quorum, but their proxy counts as a vote. One member holds at most one
proxy (L2121-20): a holder given two is flagged. The quorum is shown for the kinds of
meeting that vote (conseil communautaire, bureau); the members in office are
``Meeting.voting_members`` or, when it is not set, the voting members listed in the
attendance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coop_tui.core.dates import fold
from coop_tui.core.i18n import _, format_date
from coop_tui.store.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    DeliberationResult,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Presence,
    RoadmapItem,
    utc_now,
)

VOTING_KINDS = frozenset({MeetingKind.COUNCIL, MeetingKind.BUREAU})
# Kinds whose minutes the next meeting of the kind approves.
APPROVED_KINDS = frozenset({MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.COPIL,
                            MeetingKind.COTECH, MeetingKind.MAYORS_CONFERENCE})
# Statuses that count towards the quorum, and those whose vote is cast.
_IN_THE_ROOM = frozenset({Presence.PRESENT, Presence.SUBSTITUTED})
_VOTING = frozenset({Presence.PRESENT, Presence.SUBSTITUTED, Presence.REPRESENTED})


@dataclass(frozen=True)
class Quorum:
    in_office: int  # members in office (voting members)
    present: int  # voting members in the room (present or substituted)
    represented: int  # voting members who gave a proxy
    needed: int  # present members needed: more than half of those in office

    @property
    def reached(self) -> bool:
        return self.present >= self.needed

    @property
    def votes(self) -> int:
        """Votes that can be cast: the members present and the proxies."""
        return self.present + self.represented


def presence_counts(meeting: Meeting) -> dict[Presence, int]:
    counts = Counter(row.status for row in meeting.attendance)
    return {status: counts.get(status, 0) for status in Presence}


def quorum(meeting: Meeting) -> Quorum | None:
    """Whether the council can deliberate; None for kinds of meeting that do not vote."""
    if meeting.kind not in VOTING_KINDS:
        return None
    voting = [row for row in meeting.attendance if row.voting]
    in_office = meeting.voting_members or len(voting)
    if not in_office:
        return None
    present = sum(row.status in _IN_THE_ROOM for row in voting)
    represented = sum(row.status is Presence.REPRESENTED for row in voting)
    return Quorum(in_office, present, represented, in_office // 2 + 1)


def proxy_counts(attendance: Iterable[Attendance]) -> dict[str, int]:
    """How many proxies each holder was given."""
    return dict(Counter(row.proxy_id for row in attendance
                        if row.status is Presence.REPRESENTED and row.proxy_id))


def overloaded_holders(meeting: Meeting) -> list[str]:
    """Holders given more than one proxy (the law allows one)."""
    return [holder for holder, count in proxy_counts(meeting.attendance).items() if count > 1]


def planned_minutes(meeting: Meeting) -> int:
    return sum(item.planned_minutes for item in meeting.agenda)


def overrun_minutes(meeting: Meeting) -> int:
    """By how much the agenda's planned durations exceed the meeting's length (0: fits)."""
    length = meeting.duration_minutes()
    return max(0, planned_minutes(meeting) - length) if length is not None else 0


# ---------------------------------------------------------------------------- series


def _before(meetings: Iterable[Meeting], meeting: Meeting) -> list[Meeting]:
    """Meetings held before ``meeting``, newest first."""
    earlier = [m for m in meetings if m.id != meeting.id and m.on < meeting.on]
    return sorted(earlier, key=lambda m: (m.on, m.start or m.created.time(), m.id),
                  reverse=True)


def previous_of_kind(meetings: Iterable[Meeting], meeting: Meeting) -> Meeting | None:
    """The last meeting of the same kind before ``meeting``."""
    return next((m for m in _before(meetings, meeting) if m.kind is meeting.kind), None)


def next_of_kind(meetings: Iterable[Meeting], meeting: Meeting) -> Meeting | None:
    later = [m for m in meetings if m.id != meeting.id and m.kind is meeting.kind
             and m.on > meeting.on]
    return min(later, key=lambda m: (m.on, m.start or m.created.time(), m.id), default=None)


def _shares_attendees(one: Meeting, other: Meeting) -> bool:
    """At least two people in common, and half of ``one``'s attendees."""
    mine = {row.actor_id for row in one.attendance}
    common = mine & {row.actor_id for row in other.attendance}
    return len(common) >= 2 and len(common) * 2 >= len(mine)


def related_earlier(meetings: Iterable[Meeting], meeting: Meeting) -> list[Meeting]:
    """Earlier meetings whose actions this one follows up: same kind, or same people."""
    return [m for m in _before(meetings, meeting)
            if m.kind is meeting.kind or _shares_attendees(meeting, m)]


@dataclass(frozen=True)
class FollowUp:
    meeting: Meeting
    action: Action


def status_on(action: Action, day: date) -> ActionStatus:
    """An action's status as it stood on ``day``: one done later was still open then."""
    if action.status is ActionStatus.DONE and action.done_on is not None \
            and action.done_on > day:
        return ActionStatus.OPEN
    return action.status


def follow_up(meetings: Sequence[Meeting], meeting: Meeting) -> list[FollowUp]:
    """Actions of related earlier meetings open on the meeting's day, or done since the
    last of them: the minutes are a record of that day, whatever happened after.

    Oldest meeting first, so the list reads in the order things were decided.
    """
    related = related_earlier(meetings, meeting)
    if not related:
        return []
    since = related[0].on
    rows: list[FollowUp] = []
    for earlier in reversed(related):
        for action in earlier.actions:
            recent = (action.status is ActionStatus.DONE and action.done_on is not None
                      and since <= action.done_on <= meeting.on)
            then = status_on(action, meeting.on)
            if then in (ActionStatus.OPEN, ActionStatus.POSTPONED) or recent:
                rows.append(FollowUp(earlier, action))
    return rows


# ---------------------------------------------------------------------------- new meetings


def same_day_next_month(day: date) -> date:
    """The same weekday of the same week next month (the 3rd Thursday stays one)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    week = (day.day - 1) // 7
    first = date(year, month, 1)
    first_same_weekday = first + timedelta(days=(day.weekday() - first.weekday()) % 7)
    candidate = first_same_weekday + timedelta(weeks=week)
    return candidate if candidate.month == month else candidate - timedelta(weeks=1)


def approval_title(previous: Meeting) -> str:
    return _("Approval of the minutes of {date}").format(date=format_date(previous.on, "long"))


def follow_up_title() -> str:
    return _("Follow-up of actions")


def opening_items(previous: Meeting | None) -> list[AgendaItem]:
    """The first items of a meeting that follows another of its kind: the approval of the
    previous minutes (for kinds whose minutes are approved), the follow-up of actions."""
    if previous is None:
        return []
    items = [AgendaItem(title=approval_title(previous), planned_minutes=5)] \
        if previous.kind in APPROVED_KINDS else []
    return [*items, AgendaItem(title=follow_up_title(), planned_minutes=15)]


def _is_opening_title(title: str) -> bool:
    """Whether an agenda title is an approval of minutes or a follow-up of actions."""
    folded = fold(title)
    starts = ("approbation du", "approbation des", "approval of the minutes",
              fold(_("Follow-up of actions")), "suivi des actions", "follow-up of actions")
    return folded.startswith(starts)


def duplicate(source: Meeting, meetings: Sequence[Meeting]) -> Meeting:
    """The same meeting next month: kind, place, format, times, people, agenda titles.

    The approval of the minutes and the follow-up of actions come first, for the source's
    minutes when it is of a kind whose minutes are approved.
    """
    titles = [AgendaItem(title=item.title, planned_minutes=item.planned_minutes)
              for item in source.agenda if not _is_opening_title(item.title)]
    attendance = [Attendance(actor_id=row.actor_id, voting=row.voting)
                  for row in source.attendance]
    copy = Meeting(
        title=source.title, kind=source.kind, on=same_day_next_month(source.on),
        start=source.start, end=source.end, place=source.place, format=source.format,
        facilitator_id=source.facilitator_id, note_taker_id=source.note_taker_id,
        voting_members=source.voting_members, attendance=attendance,
    )
    previous = previous_of_kind([*meetings, source], copy)
    copy.agenda = [*opening_items(previous), *titles]
    return copy


# ---------------------------------------------------------------------------- changes


def approve(previous: Meeting, current: Meeting) -> tuple[Meeting, Meeting]:
    """Copies of both meetings recording that ``current`` approved ``previous``'s minutes."""
    approved = previous.model_copy(deep=True)
    approved.minutes_status = MinutesStatus.APPROVED
    approved.approved_in_id = current.id
    approver = current.model_copy(deep=True)
    approver.approves_id = previous.id
    return approved, approver


def roadmap_item_for(meeting: Meeting, action: Action) -> RoadmapItem:
    """A roadmap objective made from an action, linked both ways by the caller."""
    now = utc_now()
    return RoadmapItem(objective=action.text, owner_ids=[action.owner_id] if action.owner_id
                       else [], due=action.due, meeting_id=meeting.id, action_id=action.id,
                       created=now, updated=now)


def with_action_status(action: Action, status: ActionStatus, today: date,
                       due: date | None = None) -> Action:
    """A copy of ``action`` in ``status``; done records the day, postponed may move the due."""
    changed = action.model_copy(deep=True)
    changed.status = status
    changed.done_on = today if status is ActionStatus.DONE else None
    if status is ActionStatus.POSTPONED and due is not None:
        changed.due = due
    return changed


def result_of(decision: Decision) -> DeliberationResult:
    """How a deliberation ended: as recorded, else as its vote says (more for than
    against: adopted); one taken without a vote was adopted."""
    if decision.result is not None:
        return decision.result
    vote = decision.vote
    if vote is None or vote.yes > vote.no:
        return DeliberationResult.ADOPTED
    return DeliberationResult.REJECTED
