"""The rules of meetings: next month, the agenda's length, proxies, follow-up, approval."""

from __future__ import annotations

from datetime import date, time

import pytest

from coop_tui.core.meeting_rules import (
    approve,
    duplicate,
    follow_up,
    opening_items,
    overloaded_holders,
    overrun_minutes,
    previous_of_kind,
    roadmap_item_for,
    same_day_next_month,
)
from coop_tui.store.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Presence,
)

A, B, C, D = ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
              "33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444")


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 11, 19), date(2026, 12, 17)),  # 3rd Thursday stays the 3rd Thursday
    (date(2026, 12, 3), date(2027, 1, 7)),  # across the year
    (date(2026, 10, 29), date(2026, 11, 26)),  # a 5th Thursday becomes the last one
])
def test_same_day_next_month(day: date, expected: date) -> None:
    assert same_day_next_month(day) == expected
    assert expected.weekday() == day.weekday()


def test_overrun() -> None:
    meeting = Meeting(title="x", on=date(2026, 11, 26), start=time(14), end=time(15),
                      agenda=[AgendaItem(title="a", planned_minutes=40),
                              AgendaItem(title="b", planned_minutes=35)])
    assert overrun_minutes(meeting) == 15
    meeting.end = time(16)
    assert overrun_minutes(meeting) == 0


def test_a_holder_of_two_proxies_is_flagged() -> None:
    meeting = Meeting(title="x", on=date(2026, 11, 26), kind=MeetingKind.COUNCIL, attendance=[
        Attendance(actor_id=A), Attendance(actor_id=B, status=Presence.REPRESENTED, proxy_id=A),
        Attendance(actor_id=C, status=Presence.REPRESENTED, proxy_id=A),
        Attendance(actor_id=D, status=Presence.REPRESENTED, proxy_id=B)])
    assert overloaded_holders(meeting) == [A]


def test_follow_up_lists_open_and_recently_done_actions() -> None:
    old = Meeting(title="COPIL 1", kind=MeetingKind.COPIL, on=date(2026, 6, 1), actions=[
        Action(text="ouverte"), Action(text="faite avant", status=ActionStatus.DONE,
                                       done_on=date(2026, 6, 20)),
        Action(text="reportée", status=ActionStatus.POSTPONED)])
    last = Meeting(title="COPIL 2", kind=MeetingKind.COPIL, on=date(2026, 9, 1), actions=[
        Action(text="faite depuis", status=ActionStatus.DONE, done_on=date(2026, 10, 2)),
        Action(text="annulée", status=ActionStatus.CANCELLED)])
    other = Meeting(title="Atelier", kind=MeetingKind.WORKSHOP, on=date(2026, 9, 5),
                    actions=[Action(text="d'un autre groupe")])
    current = Meeting(title="COPIL 3", kind=MeetingKind.COPIL, on=date(2026, 11, 26))
    rows = follow_up([old, last, other, current], current)
    assert [row.action.text for row in rows] == ["ouverte", "reportée", "faite depuis"]


def test_same_people_count_as_a_series() -> None:
    people = [Attendance(actor_id=actor) for actor in (A, B, C)]
    bilateral = Meeting(title="Bilatérale", kind=MeetingKind.BILATERAL, on=date(2026, 9, 1),
                        attendance=people, actions=[Action(text="à suivre")])
    workshop = Meeting(title="Atelier", kind=MeetingKind.WORKSHOP, on=date(2026, 11, 26),
                       attendance=people[:2])
    assert [row.action.text for row in follow_up([bilateral, workshop], workshop)] == \
        ["à suivre"]


def test_opening_items_and_approval() -> None:
    previous = Meeting(title="Bureau", kind=MeetingKind.BUREAU, on=date(2026, 10, 1))
    current = Meeting(title="Bureau", kind=MeetingKind.BUREAU, on=date(2026, 11, 26))
    assert previous_of_kind([previous, current], current) is previous
    assert [item.title for item in opening_items(previous)] == [
        "Approval of the minutes of October 1, 2026", "Follow-up of actions"]
    approved, approver = approve(previous, current)
    assert approved.minutes_status is MinutesStatus.APPROVED
    assert approved.approved_in_id == current.id and approver.approves_id == previous.id
    assert previous.minutes_status is MinutesStatus.DRAFT  # copies, not the records


def test_workshops_follow_up_but_approve_nothing() -> None:
    previous = Meeting(title="Atelier", kind=MeetingKind.WORKSHOP, on=date(2026, 10, 1))
    assert [item.title for item in opening_items(previous)] == ["Follow-up of actions"]


def test_duplicate_drops_the_old_opening_items() -> None:
    source = Meeting(title="COPIL", kind=MeetingKind.COPIL, on=date(2026, 11, 19),
                     place="Mairie", attendance=[Attendance(actor_id=A, status=Presence.ABSENT)],
                     agenda=[AgendaItem(title="Approbation du compte rendu du 1er octobre"),
                             AgendaItem(title="Suivi des actions"),
                             AgendaItem(title="Budget", planned_minutes=30, notes="notes")])
    copy = duplicate(source, [source])
    assert copy.on == date(2026, 12, 17)
    assert [item.title for item in copy.agenda] == [
        "Approval of the minutes of November 19, 2026", "Follow-up of actions", "Budget"]
    assert copy.agenda[2].notes == "" and copy.agenda[2].planned_minutes == 30
    assert copy.attendance[0].status is Presence.PRESENT and copy.place == "Mairie"
    assert copy.id != source.id


def test_roadmap_item_from_an_action() -> None:
    meeting = Meeting(title="COPIL", on=date(2026, 11, 26))
    action = Action(text="Lancer l'étude", owner_id=A, due=date(2027, 3, 1))
    item = roadmap_item_for(meeting, action)
    assert (item.objective, item.owner_ids, item.due, item.meeting_id, item.action_id) == (
        "Lancer l'étude", [A], date(2027, 3, 1), meeting.id, action.id)
