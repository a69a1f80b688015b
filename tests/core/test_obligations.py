"""The statutory calendar: worked examples of each rule (sessions on a Monday, around
public holidays, at the end of February in a leap year, a PV adopted two sessions
later), the territory's settings, the states kept in the store, and properties."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_tui.core.obligations import Due, State, add_months, obligations
from coop_tui.store.models import (
    CalendarSettings,
    GovernancePact,
    Meeting,
    MeetingKind,
    MinutesStatus,
    NonWorkingDay,
    Obligation,
    Territory,
)
from coop_tui.store.statutory import RULES, Direction, Unit

TODAY = date(2026, 11, 26)


def territory(**calendar: Any) -> Territory:
    return Territory(name="CC du Val Test", mandate_start=date(2026, 3, 15),
                     mandate_end=date(2032, 3, 15), calendar=CalendarSettings(**calendar))


def council(on: date, **fields: Any) -> Meeting:
    return Meeting(title=f"Conseil du {on.isoformat()}", kind=MeetingKind.COUNCIL, on=on,
                   **fields)


def found(meetings: list[Meeting], records: list[Obligation] | None = None,
          today: date = TODAY, **calendar: Any) -> list[Due]:
    return obligations(territory(**calendar), meetings, records or [], today)


def one(dues: list[Due], rule: str, meeting: Meeting | None = None) -> Due:
    matches = [d for d in dues if d.rule is not None and d.rule.key == rule
               and (meeting is None or d.meeting is meeting)]
    assert len(matches) == 1, [d.key for d in dues]
    return matches[0]


# ---------------------------------------------------------------------------- convocation


def test_convocation_five_clear_days_before_a_monday_session() -> None:
    session = council(date(2026, 10, 5))  # a Monday
    due = one(found([session]), "convocation")
    # sent Tuesday 29 September: 30, 1, 2, 3 and 4 are the five clear days
    assert due.due == date(2026, 9, 29)
    assert due.article == "CGCT L2121-12 (L5211-1)"
    assert due.state is State.LATE  # nothing recorded, and the day is past


def test_clear_days_count_over_1_may_without_moving() -> None:
    session = council(date(2026, 5, 5))  # Tuesday after the 1 May weekend
    dues = found([session])
    assert one(dues, "convocation").due == date(2026, 4, 29)
    assert one(dues, "deliberations_list").due == date(2026, 5, 12)


def test_convocation_due_on_new_year_s_day_stays_there_and_says_so() -> None:
    due = one(found([council(date(2026, 1, 7))]), "convocation")
    assert due.due == date(2026, 1, 1)
    assert due.non_working == "new_year"


def test_convocation_due_on_15_august() -> None:
    due = one(found([council(date(2026, 8, 21))]), "convocation")
    assert due.due == date(2026, 8, 15)
    assert due.non_working == "assumption"


def test_a_longer_delay_from_the_reglement_interieur() -> None:
    due = one(found([council(date(2026, 10, 5))], convocation_clear_days=7), "convocation")
    assert due.due == date(2026, 9, 27)


def test_only_council_sessions_trigger_the_session_rules() -> None:
    copil = Meeting(title="COPIL", kind=MeetingKind.COPIL, on=date(2026, 10, 5))
    assert [d for d in found([copil]) if d.meeting is not None] == []


# ---------------------------------------------------------------------------- list, PV


def test_list_of_deliberations_within_a_week_even_on_14_july() -> None:
    due = one(found([council(date(2026, 7, 7))]), "deliberations_list")
    assert due.due == date(2026, 7, 14)
    assert due.non_working == "national_day"
    assert due.opens == date(2026, 7, 7)


def test_list_of_deliberations_due_on_christmas() -> None:
    due = one(found([council(date(2025, 12, 18))]), "deliberations_list")
    assert (due.due, due.non_working) == (date(2025, 12, 25), "christmas")


def test_session_at_the_end_of_february_in_a_leap_year() -> None:
    session = council(date(2028, 2, 29))
    dues = found([session], today=date(2028, 2, 1))
    assert one(dues, "convocation").due == date(2028, 2, 23)
    assert one(dues, "deliberations_list").due == date(2028, 3, 7)
    assert all(d.state is State.DUE for d in dues if d.meeting is session)


def test_pv_adopted_at_the_next_session_then_published_within_the_week() -> None:
    first, second = council(date(2026, 4, 7)), council(date(2026, 6, 2))
    first.minutes_status = MinutesStatus.APPROVED
    first.approved_in_id = second.id
    dues = found([first, second])
    adopted = one(dues, "minutes_adopted", first)
    assert (adopted.due, adopted.state, adopted.met_on, adopted.timing) == (
        date(2026, 6, 2), State.DONE, date(2026, 6, 2), "on_time")
    published = one(dues, "minutes_published", first)
    assert published.due == date(2026, 6, 9)
    assert published.state is State.LATE
    assert [d.key for d in dues if d.rule and d.rule.key == "minutes_adopted"] == [adopted.key]


def test_pv_adopted_two_sessions_later_is_met_late() -> None:
    first, second, third = (council(date(2026, 2, 3)), council(date(2026, 3, 3)),
                            council(date(2026, 4, 7)))
    first.minutes_status = MinutesStatus.APPROVED
    first.approved_in_id = third.id
    dues = found([third, first, second])
    adopted = one(dues, "minutes_adopted", first)
    assert adopted.due == date(2026, 3, 3)
    assert (adopted.state, adopted.met_on, adopted.timing) == (
        State.DONE, date(2026, 4, 7), "late")
    assert one(dues, "minutes_published", first).due == date(2026, 4, 14)


def test_pv_not_yet_due_without_a_next_session() -> None:
    assert [d for d in found([council(date(2026, 11, 3))])
            if d.rule and d.rule.key.startswith("minutes")] == []


def test_pv_adoption_found_from_the_approving_side() -> None:
    first, second = council(date(2026, 4, 7)), council(date(2026, 6, 2))
    first.minutes_status = MinutesStatus.APPROVED
    second.approves_id = first.id
    assert one(found([first, second]), "minutes_published", first).due == date(2026, 6, 9)


# ---------------------------------------------------------------------------- territory


def test_governance_pact_debate_and_adoption_within_nine_months() -> None:
    dues = found([], governance_pact=GovernancePact.DRAFTING)
    assert one(dues, "governance_pact_debate").due == date(2026, 12, 15)
    assert one(dues, "governance_pact_adoption").due == date(2026, 12, 15)
    undecided = found([])
    assert [d.rule.key for d in undecided if d.rule] == ["governance_pact_debate"]


def test_nine_months_from_the_end_of_may_in_a_leap_year() -> None:
    place = Territory(name="CC", mandate_start=date(2027, 5, 31), mandate_end=date(2033, 3, 1),
                      calendar=CalendarSettings(governance_pact=GovernancePact.DRAFTING))
    dues = obligations(place, [], [], date(2027, 6, 1))
    assert {d.due for d in dues} == {date(2028, 2, 29)}


def test_budget_debate_within_the_two_months_before_the_vote() -> None:
    dues = found([], budget_votes=[date(2028, 4, 30)], mutualisation_scheme=True)
    debate = one(dues, "budget_debate")
    assert (debate.opens, debate.due) == (date(2028, 2, 29), date(2028, 4, 29))
    report = one(dues, "mutualisation_report")
    assert report.due == date(2028, 4, 30)
    assert report.target.mode == "levers"


def test_small_territory_and_no_scheme_have_no_debate_nor_report() -> None:
    dues = found([], budget_votes=[date(2027, 3, 30)], commune_of_3500=False)
    assert [d.rule.key for d in dues if d.rule] == ["governance_pact_debate"]


def test_a_debate_held_too_early_is_said_so() -> None:
    vote = date(2027, 3, 30)
    record = Obligation(rule="budget_debate", trigger_on=vote, met_on=date(2027, 1, 12))
    debate = one(found([], [record], budget_votes=[vote]), "budget_debate")
    assert (debate.state, debate.timing) == (State.DONE, "early")


# ---------------------------------------------------------------------------- states


def test_states_kept_in_records() -> None:
    session = council(date(2026, 10, 5))
    met = Obligation(rule="convocation", meeting_id=session.id, met_on=date(2026, 9, 28))
    dismissed = Obligation(rule="deliberations_list", meeting_id=session.id,
                           dismissed="posted by the commune of the seat")
    dues = found([session], [met, dismissed])
    assert (one(dues, "convocation").state, one(dues, "convocation").timing) == (
        State.DONE, "on_time")
    assert one(dues, "deliberations_list").state is State.DISMISSED


def test_the_newest_record_of_an_obligation_counts() -> None:
    session = council(date(2026, 10, 5))
    old = Obligation(rule="convocation", meeting_id=session.id, met_on=date(2026, 9, 28))
    new = Obligation(rule="convocation", meeting_id=session.id,
                     updated=old.updated + timedelta(minutes=1))
    assert one(found([session], [new, old]), "convocation").state is State.LATE


def test_a_deadline_of_the_user_s_own() -> None:
    mine = Obligation(title="Rapport d'activité aux maires", due=date(2026, 9, 27),
                      article="CGCT L5211-39", non_working_day=NonWorkingDay.LATER)
    (due,) = [d for d in found([], [mine]) if d.rule is None]
    assert due.due == date(2026, 9, 28)  # Sunday 27 September moved to Monday
    assert (due.title, due.article, due.state, due.key) == (
        "Rapport d'activité aux maires", "CGCT L5211-39", State.LATE, mine.id)


def test_due_today_is_due_not_late() -> None:
    due = one(found([council(date(2026, 12, 2))]), "convocation")
    assert due.due == TODAY
    assert due.state is State.DUE


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 12, 31), 2) == date(2027, 2, 28)
    assert add_months(date(2027, 12, 31), 2) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)


# ---------------------------------------------------------------------------- properties

sessions = st.lists(st.dates(date(2020, 1, 1), date(2035, 12, 31)), min_size=1, max_size=6)


@given(sessions, st.lists(st.dates(date(2020, 1, 1), date(2035, 12, 31)), max_size=3,
                          unique=True),
       st.integers(5, 60), st.booleans())
def test_never_due_before_the_trigger_of_an_after_rule(
    days: list[date], votes: list[date], clear_days: int, approved: bool
) -> None:
    meetings = [council(day) for day in days]
    ordered = sorted(meetings, key=lambda m: m.on)
    if approved and len(ordered) > 1:
        ordered[0].minutes_status = MinutesStatus.APPROVED
        ordered[0].approved_in_id = ordered[-1].id
    dues = found(meetings, budget_votes=votes, convocation_clear_days=clear_days,
                 mutualisation_scheme=True, governance_pact=GovernancePact.DRAFTING)
    for due in dues:
        assert due.rule is not None
        trigger = due.meeting.on if due.meeting is not None else due.trigger_on
        assert trigger is not None
        if due.rule.key == "minutes_published":
            continue  # triggered by the adopting session, checked below
        if due.rule.delay.direction is Direction.AFTER:
            assert due.due >= trigger
        elif due.rule.delay.unit is Unit.CLEAR_DAYS:
            assert (trigger - due.due).days - 1 == clear_days
        elif due.rule.delay.direction is Direction.WITHIN_BEFORE:
            assert due.opens is not None
            assert due.opens <= due.due < trigger
        else:
            assert due.due <= trigger
    for due in dues:
        if due.rule is not None and due.rule.key == "minutes_published":
            assert due.opens is not None and due.due == due.opens + timedelta(weeks=1)
            assert due.meeting is not None and due.opens >= due.meeting.on


def test_every_rule_is_documented() -> None:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "statutory-calendar.md").read_text("utf-8")
    for rule in RULES:
        assert f"`{rule.key}`" in text
        assert rule.article.split(" ")[1] in text


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.key)
def test_rules_have_both_languages(rule: Any) -> None:
    assert rule.title.fr and rule.title.en and rule.title.fr != rule.title.en
