"""The demo territory's statutory calendar: settings, one more council session and the
states of its obligations, so that a newcomer sees every state at work.

Called once by the demo builder on the records it built: it sets the territory's calendar
settings, adds the council session of the coming week and records, for the sessions held,
obligations met on time, met late, left missed, and one dismissed with its reason. The
same records and day give the same result (ids and stamps come from the keys).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

from coop_tui.store.models import (
    CalendarSettings,
    GovernancePact,
    Meeting,
    MeetingKind,
    Obligation,
    Record,
    Territory,
)

_NAMESPACE = uuid.UUID("6f1d2c0e-5b7a-4c39-9f0e-2d8a1b3c4e5f")
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")


def _id(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


def _stamp(on: date, today: date) -> datetime:
    return datetime.combine(min(on, today), time(9, 0), tzinfo=UTC)


def _last_tuesday_of_march(year: int) -> date:
    day = date(year, 3, 31)
    return day - timedelta(days=(day.weekday() - 1) % 7)


def _state(rule: str, today: date, *, meeting: Meeting | None = None,
           trigger_on: date | None = None, met_on: date | None = None,
           dismissed: str = "") -> Obligation:
    concerns = meeting.id if meeting else (trigger_on.isoformat() if trigger_on else "")
    stamp = _stamp(met_on or today, today)
    return Obligation(id=_id(f"{rule}/{concerns}"), created=stamp, updated=stamp, rule=rule,
                      meeting_id=meeting.id if meeting else None,
                      trigger_on=trigger_on, met_on=met_on, dismissed=dismissed)


def with_statutory_calendar(records: list[Record], today: date) -> list[Record]:
    """``records`` with the calendar settings, the coming council session and the states
    of the obligations the sessions held have triggered."""
    territory = next(r for r in records if isinstance(r, Territory))
    meetings = [r for r in records if isinstance(r, Meeting)]
    votes = [_last_tuesday_of_march(year)
             for year in range(territory.mandate_start.year, today.year + 2)]
    territory.calendar = CalendarSettings(
        mutualisation_scheme=True, governance_pact=GovernancePact.DRAFTING,
        budget_votes=[vote for vote in votes if vote >= territory.mandate_start])
    coming_on = today + timedelta(days=6)
    coming = Meeting(
        id=_id(f"council/{coming_on.isoformat()}"), created=_stamp(today, today),
        updated=_stamp(today, today),
        title=f"Conseil communautaire du {coming_on.day} {_MONTHS[coming_on.month - 1]} "
              f"{coming_on.year}",
        kind=MeetingKind.COUNCIL, on=coming_on, start=time(18, 30), end=time(21, 0),
        place="Salle du conseil, siège de la communauté")
    held = sorted((m for m in meetings if m.kind is MeetingKind.COUNCIL and m.on < today),
                  key=lambda m: m.on)
    by_id = {m.id: m for m in meetings}
    states: list[Obligation] = []
    for index, session in enumerate(held):
        latest = index == len(held) - 1
        states.append(_state("convocation", today, meeting=session,
                             met_on=session.on - timedelta(days=7)))
        if not latest:  # the list of the latest session was forgotten: it shows missed
            states.append(_state("deliberations_list", today, meeting=session,
                                 met_on=session.on + timedelta(days=2)))
        approver = by_id.get(session.approved_in_id or "")
        if approver is not None and approver.on < today:
            late = index == 0  # the first PV went online late
            states.append(_state("minutes_published", today, meeting=session,
                                 met_on=approver.on + timedelta(days=12 if late else 3)))
    renewed = [m for m in held if m.on >= territory.mandate_start]
    if renewed:  # the pacte debated at the first session of the mandate
        states.append(_state("governance_pact_debate", today,
                             trigger_on=territory.mandate_start, met_on=renewed[0].on))
    for vote in territory.calendar.budget_votes:
        if vote < today:
            states.append(_state("budget_debate", today, trigger_on=vote,
                                 met_on=vote - timedelta(days=21)))
            states.append(_state(
                "mutualisation_report", today, trigger_on=vote,
                dismissed="Schéma du mandat précédent échu ; le nouveau schéma est en "
                          "préparation et sera présenté au prochain DOB."))
    report_due = date(today.year if today >= date(today.year, 9, 30) else today.year - 1,
                      9, 30)
    states.append(Obligation(
        id=_id(f"deadline/activity-report/{report_due.year}"),
        created=_stamp(report_due, today), updated=_stamp(report_due, today),
        title="Adresser le rapport d'activité aux maires des communes membres",
        due=report_due, article="CGCT L5211-39", met_on=report_due - timedelta(days=6)))
    return [*records, coming, *states]
