"""The statutory calendar, computed: every obligation the store's data triggers, when it is
due, and where it stands.

Pure functions of the records: the council sessions (their date, the state of their
minutes and the session that adopted them), the territory (its mandate and its calendar
settings) and the obligation records (met on a day, dismissed and why, or a deadline the
user added). The rules are data (``coop_tui.store.statutory``); how each one is counted is
in docs/statutory-calendar.md. Nothing here is worded: the exports word it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from coop_tui.core.holidays import non_working, shift
from coop_tui.core.target import Target
from coop_tui.store.models import (
    CalendarSettings,
    GovernancePact,
    Lever,
    Meeting,
    MeetingKind,
    MinutesStatus,
    NonWorkingDay,
    Obligation,
    Territory,
)
from coop_tui.store.statutory import RULES, Delay, Direction, RuleSpec, Trigger, Unit


class State(StrEnum):
    DONE = "done"
    DUE = "due"
    LATE = "late"
    DISMISSED = "dismissed"


Timing = Literal["on_time", "late", "early", ""]


@dataclass(frozen=True)
class Due:
    """One obligation on the calendar.

    ``key`` is stable for as long as what triggers it exists (a rule and a session, a rule
    and a date, or a deadline's record id): exports use it as an identifier. ``opens`` is
    the first day the obligation can be met, for a rule counted in a window. ``record`` is
    the record that holds its state, if one does.
    """

    key: str
    rule: RuleSpec | None
    title: str  # a deadline's own title; empty for a rule (worded from the rule)
    due: date
    opens: date | None
    state: State
    met_on: date | None
    dismissed: str
    article: str
    target: Target
    meeting: Meeting | None
    trigger_on: date | None
    record: Obligation | None
    non_working: str  # why the due day is not a working day ("" when it is one)

    @property
    def timing(self) -> Timing:
        """For an obligation met: on time, late, or before its window opened."""
        if self.state is not State.DONE or self.met_on is None:
            return ""
        if self.met_on > self.due:
            return "late"
        if self.opens is not None and self.met_on < self.opens:
            return "early"
        return "on_time"


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months; the 31st of a shorter month becomes its
    last day (31 December + 2 months is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window(trigger: date, delay: Delay, amount: int) -> tuple[date | None, date]:
    """The first and the last day to meet a rule counted from ``trigger``.

    Jours francs exclude the day the act is done and the day of the session: sending a
    convocation ``n`` clear days before a session on day S means sending it on S - (n + 1)
    at the latest.
    """
    if delay.unit is Unit.CLEAR_DAYS:
        span = timedelta(days=amount + 1)
    elif delay.unit is Unit.WEEKS:
        span = timedelta(weeks=amount)
    elif delay.unit is Unit.DAYS:
        span = timedelta(days=amount)
    else:
        span = timedelta()
    if delay.direction is Direction.BEFORE:
        return None, trigger - span
    if delay.direction is Direction.WITHIN_BEFORE:
        opens = add_months(trigger, -amount) if delay.unit is Unit.MONTHS else trigger - span
        return opens, trigger - timedelta(days=1)
    due = add_months(trigger, amount) if delay.unit is Unit.MONTHS else trigger + span
    return trigger, due


def _applies(rule: RuleSpec, settings: CalendarSettings) -> bool:
    if rule.condition == "governance_pact":
        return settings.governance_pact is GovernancePact.DRAFTING
    return not rule.condition or bool(getattr(settings, rule.condition))


def _amount(rule: RuleSpec, settings: CalendarSettings) -> int:
    return int(getattr(settings, rule.delay.setting)) if rule.delay.setting else \
        rule.delay.amount


@dataclass(frozen=True)
class _Occurrence:
    """A rule triggered once: by a session, or on a date."""

    rule: RuleSpec
    trigger: date
    meeting: Meeting | None
    opens: date | None
    due: date
    met_on: date | None = None  # what the data itself says (minutes adopted)


def _council_sessions(meetings: Iterable[Meeting]) -> list[Meeting]:
    councils = [m for m in meetings if m.kind is MeetingKind.COUNCIL]
    return sorted(councils, key=lambda m: (m.on, m.start is not None, m.start, m.id))


def _meeting_occurrences(rule: RuleSpec, councils: Sequence[Meeting],
                         amount: int) -> list[_Occurrence]:
    by_id = {m.id: m for m in councils}
    found: list[_Occurrence] = []
    for index, meeting in enumerate(councils):
        approver = by_id.get(meeting.approved_in_id or "") or next(
            (m for m in councils if m.approves_id == meeting.id), None)
        if rule.trigger is Trigger.MINUTES_APPROVAL:
            if meeting.minutes_status is MinutesStatus.APPROVED and approver is not None:
                opens, due = window(approver.on, rule.delay, amount)
                found.append(_Occurrence(rule, approver.on, meeting, opens, due))
        elif rule.delay.unit is Unit.NEXT_SESSION:
            following = [m for m in councils[index + 1:] if m.on > meeting.on]
            if following:
                adopted = (approver.on if approver is not None
                           and meeting.minutes_status is MinutesStatus.APPROVED else None)
                found.append(_Occurrence(rule, meeting.on, meeting, meeting.on,
                                         following[0].on, adopted))
        else:
            opens, due = window(meeting.on, rule.delay, amount)
            found.append(_Occurrence(rule, meeting.on, meeting, opens, due))
    return found


def _occurrences(territory: Territory, councils: Sequence[Meeting]) -> list[_Occurrence]:
    settings = territory.calendar
    found: list[_Occurrence] = []
    for rule in RULES:
        if not _applies(rule, settings):
            continue
        amount = _amount(rule, settings)
        if rule.trigger in (Trigger.COUNCIL_SESSION, Trigger.MINUTES_APPROVAL):
            found += _meeting_occurrences(rule, councils, amount)
            continue
        triggers = ([territory.mandate_start] if rule.trigger is Trigger.MANDATE_START
                    else settings.budget_votes)
        for trigger in triggers:
            opens, due = window(trigger, rule.delay, amount)
            found.append(_Occurrence(rule, trigger, None, opens, due))
    return found


def statutory_key(rule: str, meeting_id: str | None, trigger_on: date | None) -> str:
    """The stable key of a statutory obligation: its rule and what triggered it."""
    return f"{rule}/{meeting_id or (trigger_on.isoformat() if trigger_on else '')}"


def record_key(record: Obligation) -> str:
    if not record.rule:
        return record.id
    return statutory_key(record.rule, record.meeting_id, record.trigger_on)


def _state(due: date, met_on: date | None, record: Obligation | None, today: date,
           met: bool = False) -> State:
    if record is not None and record.dismissed:
        return State.DISMISSED
    if met_on is not None or met:
        return State.DONE
    return State.LATE if due < today else State.DUE


def _target(occurrence: _Occurrence, territory: Territory, levers: Sequence[Lever]) -> Target:
    if occurrence.meeting is not None:
        return Target("meetings", occurrence.meeting.id)
    if occurrence.rule.key == "mutualisation_report":
        lever = next((lever for lever in levers if lever.key == "mutualisation_scheme"), None)
        return Target("levers", lever.id if lever else "")
    return Target("territory", territory.id)


def obligations(
    territory: Territory,
    meetings: Iterable[Meeting],
    records: Iterable[Obligation],
    today: date,
    levers: Sequence[Lever] = (),
) -> list[Due]:
    """Every obligation, in the order they fall due (then by rule and key)."""
    alsace = territory.calendar.alsace_moselle
    by_key: dict[str, Obligation] = {}
    for kept in sorted(records, key=lambda r: r.updated):
        by_key[record_key(kept)] = kept  # the newest state of an obligation wins
    found: list[Due] = []
    for occurrence in _occurrences(territory, _council_sessions(meetings)):
        rule = occurrence.rule
        meeting_id = occurrence.meeting.id if occurrence.meeting else None
        trigger_on = None if occurrence.meeting else occurrence.trigger
        key = statutory_key(rule.key, meeting_id, trigger_on)
        record = by_key.get(key)
        met_on = record.met_on if record is not None and record.met_on else occurrence.met_on
        adopted = (rule.delay.unit is Unit.NEXT_SESSION and occurrence.meeting is not None
                   and occurrence.meeting.minutes_status is MinutesStatus.APPROVED)
        due = shift(occurrence.due, rule.non_working_day, alsace)
        found.append(Due(
            key=key, rule=rule, title="", due=due, opens=occurrence.opens,
            state=_state(due, met_on, record, today, adopted), met_on=met_on,
            dismissed=record.dismissed if record else "", article=rule.article,
            target=_target(occurrence, territory, levers), meeting=occurrence.meeting,
            trigger_on=trigger_on, record=record, non_working=non_working(due, alsace)))
    for own in by_key.values():
        if own.rule or own.due is None:
            continue
        due = shift(own.due, own.non_working_day, alsace)
        found.append(Due(
            key=own.id, rule=None, title=own.title, due=due, opens=None,
            state=_state(due, own.met_on, own, today), met_on=own.met_on,
            dismissed=own.dismissed, article=own.article,
            target=Target("deadlines", own.id), meeting=None, trigger_on=None,
            record=own, non_working=non_working(due, alsace)))
    return sorted(found, key=lambda d: (d.due, d.rule.key if d.rule else "~", d.key))


def between(found: Iterable[Due], start: date | None, end: date | None) -> list[Due]:
    """The obligations due from ``start`` to ``end``, both included (None: no bound)."""
    return [d for d in found if (start is None or d.due >= start)
            and (end is None or d.due <= end)]


def state_record(due: Due, *, met_on: date | None = None, dismissed: str = "",
                 default_non_working: NonWorkingDay = NonWorkingDay.KEEP) -> Obligation:
    """A copy of ``due``'s record (a new one for a statutory obligation without one) with
    its state set: met on ``met_on``, dismissed for ``dismissed``, or open again."""
    if due.record is not None:
        return due.record.model_copy(update={"met_on": met_on, "dismissed": dismissed},
                                     deep=True)
    if due.rule is None:
        raise ValueError("a deadline the user added always has its record")
    return Obligation(rule=due.rule.key, meeting_id=due.meeting.id if due.meeting else None,
                      trigger_on=due.trigger_on, met_on=met_on, dismissed=dismissed,
                      non_working_day=default_non_working)
