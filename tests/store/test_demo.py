"""The demo generator: a valid, believable, deterministic fictional territory."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from coop_tui.store.catalogue import CATALOGUE
from coop_tui.store.database import Loaded, parse
from coop_tui.store.demo import DEFAULT_TODAY, DemoSize, demo_data, demo_records
from coop_tui.store.models import (
    Actor,
    ActorKind,
    Lever,
    LeverCategory,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Presence,
    Record,
    Relation,
    RelationKind,
    RoadmapItem,
    Role,
    Territory,
)
from coop_tui.store.storage import serialise

TODAY = date(2026, 11, 26)
LISTED_KINDS = {MeetingKind.COPIL, MeetingKind.COTECH, MeetingKind.MAYORS_CONFERENCE,
                MeetingKind.BUREAU, MeetingKind.COUNCIL, MeetingKind.WORKSHOP,
                MeetingKind.BILATERAL}


def load(size: DemoSize) -> Loaded:
    payload = serialise(demo_data(size, TODAY))
    return parse(Path(f"demo-{size}.json"), payload)  # raises StoreCorrupt on any problem


@pytest.fixture(scope="module")
def small() -> Loaded:
    return load("small")


@pytest.fixture(scope="module")
def large() -> Loaded:
    return load("large")


def records(loaded: Loaded, kind: type[Record]) -> list[Record]:
    """A table's records in the order they are served: when they were created."""
    return list(loaded.records[kind.table].values())


def actors(loaded: Loaded) -> list[Actor]:
    return [r for r in records(loaded, Actor) if isinstance(r, Actor)]


def meetings(loaded: Loaded) -> list[Meeting]:
    return [r for r in records(loaded, Meeting) if isinstance(r, Meeting)]


def roadmap(loaded: Loaded) -> list[RoadmapItem]:
    return [r for r in records(loaded, RoadmapItem) if isinstance(r, RoadmapItem)]


def territory(loaded: Loaded) -> Territory:
    (found,) = records(loaded, Territory)
    assert isinstance(found, Territory)
    return found


def test_default_day_is_the_documented_one() -> None:
    assert DEFAULT_TODAY == TODAY


def test_small_counts(small: Loaded) -> None:
    kinds = Counter(actor.kind for actor in actors(small))
    assert kinds[ActorKind.COMMUNE] == 12
    assert len(territory(small).communes) == 12
    assert len(actors(small)) == 40
    assert len(records(small, Relation)) == 60
    assert len(roadmap(small)) == 25
    assert len(meetings(small)) == 11  # ten, and the council of the coming week
    assert kinds[ActorKind.COMMUNITY] == 1
    for kind in ActorKind:
        assert kinds[kind] >= 1, kind


def test_large_counts(large: Loaded) -> None:
    kinds = Counter(actor.kind for actor in actors(large))
    assert kinds[ActorKind.COMMUNE] == 50
    assert len(territory(large).communes) == 50
    assert len(actors(large)) == 400
    assert len(records(large, Relation)) == 1000
    assert len(roadmap(large)) == 300
    assert len(meetings(large)) == 501  # and the council of the coming week
    held = [m.on for m in meetings(large) if m.on <= TODAY]
    assert (max(held) - min(held)).days > 5 * 365


def test_the_territory_and_its_mandate(small: Loaded) -> None:
    found = territory(small)
    assert found.name == "Communauté de communes du Val de Loubière"
    assert (found.mandate_start, found.mandate_end) == (date(2026, 3, 15), date(2032, 3, 15))
    communes = [a.name for a in actors(small) if a.kind is ActorKind.COMMUNE]
    assert sorted(communes) == sorted(found.communes)
    assert len(communes) == len(found.communes)
    assert len({a.name for a in actors(small)}) == 40


@pytest.mark.parametrize("size", ["small", "large"])
def test_deterministic(size: DemoSize) -> None:
    assert serialise(demo_data(size, TODAY)) == serialise(demo_data(size, TODAY))


def test_default_arguments_give_the_small_demo_of_the_default_day() -> None:
    assert serialise(demo_data()) == serialise(demo_data("small", TODAY))


def test_reads_no_clock() -> None:
    """Every timestamp comes from ``today``, even a day long gone."""
    long_ago = date(2021, 5, 4)
    end_of_day = datetime.combine(long_ago, time(23, 59, 59), tzinfo=UTC)
    built = demo_records("small", long_ago)
    assert all(r.created <= r.updated <= end_of_day for r in built)
    held = [r for r in built if isinstance(r, Meeting) and r.on <= long_ago]
    assert held and max(m.on for m in held) > date(2021, 4, 1)
    parse(Path("old.json"), serialise(demo_data("small", long_ago)))


def test_demo_records_match_demo_data() -> None:
    built = demo_records("small", TODAY)
    data = demo_data("small", TODAY)
    assert sum(len(table) for table in data.values()) == len(built)
    with pytest.raises(ValueError):
        demo_records("medium", TODAY)  # type: ignore[arg-type]


def test_every_presence_status_and_meeting_kind_appears(small: Loaded) -> None:
    found = meetings(small)
    assert {m.kind for m in found} >= LISTED_KINDS
    statuses = {row.status for m in found for row in m.attendance}
    assert statuses == set(Presence)
    for meeting in found:
        voters = {row.actor_id for row in meeting.attendance}
        for row in meeting.attendance:
            if row.status is Presence.REPRESENTED:
                assert row.proxy_id in voters and row.proxy_id != row.actor_id
            if row.status is Presence.SUBSTITUTED:
                assert row.substitute


def test_meetings_past_and_upcoming(small: Loaded) -> None:
    found = sorted(meetings(small), key=lambda m: m.on)
    upcoming = [m for m in found if m.on > TODAY]
    held = [m for m in found if m.on <= TODAY]
    assert 1 <= len(upcoming) <= 2
    assert all(not m.attendance and not m.decisions for m in upcoming)
    assert all((TODAY - m.on).days <= 366 for m in held)
    for meeting in held:
        assert meeting.place and meeting.start and meeting.end
        assert meeting.facilitator_id and meeting.note_taker_id
        assert meeting.attendance and meeting.agenda
        assert meeting.next_meeting_on is not None and meeting.next_meeting_on > meeting.on
        assert all(item.planned_minutes > 0 and item.notes for item in meeting.agenda)
    councils = [m for m in held if m.kind is MeetingKind.COUNCIL]
    assert councils and all(m.voting_members for m in councils)
    votes = [d.vote for m in councils for d in m.decisions if d.vote is not None]
    assert votes and any(v.public for v in votes)
    for vote in votes:
        if vote.public:
            assert len(vote.yes_names) == vote.yes and len(vote.no_names) == vote.no
            assert len(vote.abstain_names) == vote.abstain


def test_minutes_are_approved_by_the_next_meeting_of_the_same_kind(small: Loaded) -> None:
    by_id = {m.id: m for m in meetings(small)}
    approved = [m for m in by_id.values() if m.approved_in_id]
    assert len(approved) >= 2
    for meeting in approved:
        later = by_id[meeting.approved_in_id or ""]
        assert meeting.minutes_status is MinutesStatus.APPROVED
        assert later.approves_id == meeting.id
        assert later.kind is meeting.kind and later.on > meeting.on
    assert any(m.minutes_status is MinutesStatus.DRAFT for m in by_id.values())


def test_actions_some_late_some_done(small: Loaded) -> None:
    actions = [a for m in meetings(small) for a in m.actions]
    assert any(a.is_open and a.due is not None and a.due < TODAY for a in actions)
    assert any(a.done_on is not None for a in actions)
    assert any(a.owner_id for a in actions)


def test_roadmap(small: Loaded) -> None:
    items = roadmap(small)
    assert sum(item.is_late(TODAY) for item in items) >= 3
    assert any(item.milestone for item in items)
    assert any(item.depends_on for item in items)
    assert all(item.lever_id and item.owner_ids and item.start and item.due for item in items)
    assert any(item.means.budget_eur for item in items)
    assert any(item.means.staff_fte for item in items)
    assert all(item.indicator for item in items)
    linked = [item for item in items if item.meeting_id]
    assert 1 <= len(linked) <= 5
    by_meeting = {m.id: m for m in meetings(small)}
    for item in linked:
        meeting = by_meeting[item.meeting_id or ""]
        action = next(a for a in meeting.actions if a.id == item.action_id)
        assert action.roadmap_item_id == item.id
    order = {item.id: index for index, item in enumerate(items)}
    for item in items:
        assert all(order[dependency] < order[item.id] for dependency in item.depends_on)


def test_levers_come_from_the_catalogue_unevenly_advanced(small: Loaded) -> None:
    levers = [r for r in records(small, Lever) if isinstance(r, Lever)]
    keys = [lever.key for lever in sorted(levers, key=lambda lever: lever.position)
            if lever.key]
    assert keys == [spec.key for spec in CATALOGUE]
    assert any(not lever.key for lever in levers)  # one of the team's own
    share: dict[LeverCategory, float] = {}
    for category in LeverCategory:
        done = sum(lever.progress()[0] for lever in levers if lever.category is category)
        total = sum(lever.progress()[1] for lever in levers if lever.category is category)
        share[category] = done / total
    assert max(share.values()) - min(share.values()) >= 0.3
    assert any(lever.owner_id and lever.due for lever in levers)
    ticked = [item for lever in levers for item in lever.items if item.done]
    assert ticked and all(item.done_on for item in ticked)


def test_actors_are_read_over_every_quadrant(small: Loaded) -> None:
    everyone = actors(small)
    assert {a.private.role for a in everyone} >= set(Role)
    quadrants = {(a.private.influence >= 3, a.private.interest >= 3) for a in everyone
                 if a.private.influence is not None and a.private.interest is not None}
    assert quadrants == {(True, True), (True, False), (False, True), (False, False)}
    assert any(a.private.blockages and a.private.blockages[0].reason for a in everyone)
    assert any(a.contact_log for a in everyone)
    assert any(a.preferred_channel for a in everyone)
    communes = [a for a in everyone if a.kind is ActorKind.COMMUNE]
    assert all(a.commune and a.commune.population and a.commune.mayor for a in communes)
    by_id = {a.id: a for a in everyone}
    officials = [a for a in everyone if a.kind is ActorKind.ELECTED]
    assert all(a.parent_id for a in officials)
    assert {by_id[a.parent_id or ""].kind for a in officials} >= {ActorKind.COMMUNE,
                                                                   ActorKind.COMMUNITY}
    emails = [a.contact.email for a in everyone if a.contact.email]
    assert emails and all(email.endswith(".example.fr") for email in emails)


def test_every_relation_kind_is_used(small: Loaded) -> None:
    kinds = {r.kind for r in records(small, Relation) if isinstance(r, Relation)}
    assert kinds == set(RelationKind)
