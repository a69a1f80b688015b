"""Every reading and every export holds on a store whose optional fields are missing or set
in every mix: no sort compares a value with None, whatever ties the records make.

The records are drawn from a few dates and times, so that two meetings on one day, one
timed and one not, and other ties on the fields before an optional one, come up often.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coop_tui.core.exports.actors_csv import actors_csv
from coop_tui.core.exports.ics import store_calendar
from coop_tui.core.exports.minutes import TEMPLATES, MinutesSource, render
from coop_tui.core.exports.status import status_report
from coop_tui.core.insights import actors as actor_insights
from coop_tui.core.insights import roadmap as roadmap_insights
from coop_tui.core.insights.dashboard import meetings_panel, overview
from coop_tui.core.insights.levers import Facts, evidence_by_lever, territory_evidence
from coop_tui.core.meeting_rules import follow_up, next_of_kind, previous_of_kind, related_earlier
from coop_tui.core.ordering import missing_first, missing_last
from coop_tui.store.database import create, data_from_records, open_store
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    AgendaItem,
    Attendance,
    Blockage,
    Channel,
    ChecklistItem,
    CommuneProfile,
    ContactEntry,
    Decision,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Means,
    Meeting,
    MeetingKind,
    Presence,
    PrivateReading,
    Record,
    Relation,
    RelationKind,
    RoadmapItem,
    RoadmapStatus,
    Role,
    Territory,
    Vote,
)
from coop_tui.store.repository import Repository
from tests.conftest import TODAY

T = TypeVar("T")

DAYS = (TODAY - timedelta(days=40), TODAY, TODAY + timedelta(days=1),
        TODAY + timedelta(days=12))
TIMES = (time(9, 0), time(14, 30))
STAMPS = (datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 11, 20, 9, tzinfo=UTC))


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


DAY = st.sampled_from(DAYS)
NAME = st.sampled_from(("Mairie", "mairie", "Zoé", "Élise"))


def pick(draw: Callable[[st.SearchStrategy[Any]], Any], ids: list[str]) -> str | None:
    return draw(maybe(st.sampled_from(ids))) if ids else None


@st.composite
def actors(draw: Callable[[st.SearchStrategy[Any]], Any]) -> list[Actor]:
    found: list[Actor] = []
    for _index in range(draw(st.integers(1, 4))):
        channels = draw(st.lists(st.sampled_from(list(Channel)), max_size=2, unique=True))
        found.append(Actor(
            name=draw(NAME), kind=draw(st.sampled_from(list(ActorKind))),
            parent_id=found[0].id if found and draw(st.booleans()) else None,
            channels=channels,
            preferred_channel=draw(maybe(st.sampled_from(channels))) if channels else None,
            contact_log=[ContactEntry(on=day, channel=Channel.PHONE)
                         for day in draw(st.lists(DAY, max_size=2))],
            commune=draw(maybe(st.builds(CommuneProfile, population=maybe(st.integers(0, 9))))),
            private=PrivateReading(
                role=draw(maybe(st.sampled_from(list(Role)))),
                influence=draw(maybe(st.integers(1, 5))),
                interest=draw(maybe(st.integers(1, 5))),
                blockages=[Blockage(text="frein")] if draw(st.booleans()) else [],
            ),
        ))
    return found


@st.composite
def levers(draw: Callable[[st.SearchStrategy[Any]], Any], actor_ids: list[str]) -> list[Lever]:
    return [
        Lever(
            key=draw(st.sampled_from(("", "time"))),
            category=draw(st.sampled_from(list(LeverCategory))),
            position=draw(st.integers(0, 1)),
            title=LocalizedText(fr="Levier", en=""),
            items=[ChecklistItem(text=LocalizedText(en="item"), done=done,
                                 done_on=draw(maybe(DAY)) if done else None)
                   for done in draw(st.lists(st.booleans(), max_size=2))],
            status=draw(st.sampled_from(list(LeverStatus))),
            owner_id=pick(draw, actor_ids),
            due=draw(maybe(DAY)),
        )
        for _index in range(draw(st.integers(0, 3)))
    ]


@st.composite
def roadmap(draw: Callable[[st.SearchStrategy[Any]], Any], actor_ids: list[str],
            lever_ids: list[str]) -> list[RoadmapItem]:
    found: list[RoadmapItem] = []
    for _index in range(draw(st.integers(0, 4))):
        start, due = draw(maybe(DAY)), draw(maybe(DAY))
        if start and due and due < start:
            start, due = due, start
        owners = draw(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True))
        found.append(RoadmapItem(
            objective=draw(NAME), lever_id=pick(draw, lever_ids), owner_ids=owners,
            start=start, due=due, status=draw(st.sampled_from(list(RoadmapStatus))),
            milestone=draw(st.booleans()),
            means=Means(budget_eur=draw(maybe(st.sampled_from((0.0, 1500.0))))),
            depends_on=[found[0].id] if found and draw(st.booleans()) else [],
        ))
    return found


@st.composite
def meetings(draw: Callable[[st.SearchStrategy[Any]], Any],
             actor_ids: list[str]) -> list[Meeting]:
    found = []
    for _index in range(draw(st.integers(0, 4))):
        start = draw(maybe(st.sampled_from(TIMES)))
        end = time(17, 0) if start and draw(st.booleans()) else None
        present = draw(st.lists(st.sampled_from(actor_ids), max_size=2, unique=True))
        agenda = [AgendaItem(title="Point")] if draw(st.booleans()) else []
        actions = [
            Action(text=draw(NAME), owner_id=pick(draw, actor_ids),
                   owner_name=draw(st.sampled_from(("", "Zoé"))), due=draw(maybe(DAY)),
                   status=draw(st.sampled_from(list(ActionStatus))), done_on=draw(maybe(DAY)),
                   agenda_item_id=agenda[0].id if agenda and draw(st.booleans()) else None)
            for _action in range(draw(st.integers(0, 3)))
        ]
        found.append(Meeting(
            title=draw(NAME), kind=draw(st.sampled_from((MeetingKind.COPIL, MeetingKind.OTHER))),
            on=draw(DAY), start=start, end=end,
            voting_members=draw(maybe(st.integers(1, 5))),
            attendance=[Attendance(actor_id=actor_id,
                                   status=draw(st.sampled_from((Presence.PRESENT,
                                                                Presence.EXCUSED))))
                        for actor_id in present],
            agenda=agenda,
            decisions=[Decision(text="Décidé", vote=draw(maybe(st.builds(
                Vote, yes=st.integers(0, 3), public=st.booleans()))))
                for _decision in range(draw(st.integers(0, 2)))],
            actions=actions,
            next_meeting_on=draw(maybe(DAY)),
        ))
    return found


@st.composite
def stores(draw: Callable[[st.SearchStrategy[Any]], Any]) -> list[Record]:
    territory = Territory(
        name="Communauté test", mandate_start=date(2026, 3, 15), mandate_end=date(2032, 3, 15),
        language=draw(st.sampled_from(("fr", "en"))),
        last_minutes_export=draw(maybe(st.sampled_from(STAMPS))),
        last_status_report=draw(maybe(st.sampled_from(STAMPS))),
    )
    people = draw(actors())
    actor_ids = [actor.id for actor in people]
    relations = [Relation(source_id=people[0].id, target_id=other.id,
                          kind=draw(st.sampled_from(list(RelationKind))))
                 for other in people[1:] if draw(st.booleans())]
    found_levers = draw(levers(actor_ids))
    items = draw(roadmap(actor_ids, [lever.id for lever in found_levers]))
    return [territory, *people, *relations, *found_levers, *items,
            *draw(meetings(actor_ids))]


def run_every_reading_and_export(repository: Repository) -> None:
    """Every insight and every export of the store, in both languages."""
    overview(repository, TODAY)
    facts = Facts.of(repository, TODAY)
    territory_evidence(facts)
    evidence_by_lever(repository.levers, facts)
    items = repository.roadmap
    roadmap_insights.violations(items, TODAY)
    roadmap_insights.late_items(items, TODAY)
    roadmap_insights.due_this_quarter(items, TODAY)
    for grouping in roadmap_insights.Grouping:
        roadmap_insights.group_items(items, grouping, repository.levers, lambda ref: ref[:4])
    for actor in repository.actors:
        actor_insights.neighbourhood(actor.id, repository.relations)
    actor_insights.unbalanced_tensions(repository.relations)
    meetings_list = repository.meetings
    for meeting in meetings_list:
        previous_of_kind(meetings_list, meeting)
        next_of_kind(meetings_list, meeting)
        related_earlier(meetings_list, meeting)
        follow_up(meetings_list, meeting)
        source = MinutesSource.from_repository(repository, meeting)
        for template in TEMPLATES:
            for fmt in ("md", "html"):
                assert render(source, template, fmt, "fr")
                assert render(source, template, fmt, "en")
    for fmt in ("text", "md"):
        assert status_report(repository, TODAY, fmt, "fr")
        assert status_report(repository, TODAY, fmt, "en")
    assert store_calendar(repository)
    for private in (False, True):
        assert actors_csv(repository.actors, include_private=private)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=stores())
def test_every_reading_and_export_holds_on_any_mix_of_missing_fields(
        records: list[Record]) -> None:
    with tempfile.TemporaryDirectory(prefix="coop-tui-order-") as folder:
        path = Path(folder) / "store.json"
        create(path, data_from_records(records))
        repository = open_store(path, read_only=True)
        try:
            run_every_reading_and_export(repository)
        finally:
            repository.close()


def test_two_meetings_on_one_day_one_untimed_come_in_order() -> None:
    day = TODAY + timedelta(days=3)
    untimed = Meeting(title="Sans heure", on=day)
    timed = Meeting(title="À 9 h", on=day, start=time(9, 0))
    panel = meetings_panel([untimed, timed], TODAY)
    assert [line.meeting.title for line in panel.upcoming] == ["À 9 h", "Sans heure"]


def test_missing_values_go_where_the_key_says() -> None:
    values = [None, 3, None, 1]
    assert sorted(values, key=missing_last) == [1, 3, None, None]
    assert sorted(values, key=missing_first) == [None, None, 1, 3]


async def test_the_app_starts_on_a_day_with_a_timed_and_an_untimed_meeting(
        repository: Repository) -> None:
    """The store that stopped the app on every start: it opens on the dashboard, which
    lists both meetings of the day, the timed one first."""
    from coop_tui.core.settings import Settings
    from coop_tui.shell.app import CoopApp

    day = TODAY + timedelta(days=1)
    untimed = Meeting(title="Bureau sans heure", on=day)
    timed = Meeting(title="Bureau à 9 h", on=day, start=time(9, 0))
    repository.save(untimed)
    repository.save(timed)
    lone = Actor(name="Sans rien", kind=ActorKind.SERVICE)
    repository.save(lone)
    repository.save(Meeting(title="Sans rien", on=day, actions=[Action(text="À faire")]))
    app = CoopApp(repository, Settings(), today=lambda: TODAY)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert app.current_mode == "dashboard"
        upcoming = overview(repository, TODAY).meetings.upcoming
        titles = [line.meeting.title for line in upcoming]
        assert titles.index("Bureau à 9 h") < titles.index("Bureau sans heure")
        shown = app.screen.query_one("#panel-meetings").targets  # type: ignore[attr-defined]
        ids = [target.record_id for target in shown]
        assert ids.index(timed.id) < ids.index(untimed.id)
