"""The figures of the actor map: quadrants, roles, channels, contacts, tensions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coop_tui.core.insights.actors import (
    HIGH_SCORE,
    Quadrant,
    actor_figures,
    days_since_contact,
    followers_to_contact,
    is_balanced,
    needs_contact,
    neighbourhood,
    not_assessed,
    quadrant,
    quadrant_label,
    unbalanced_tensions,
    without_channel,
)
from coop_tui.store.models import (
    Actor,
    ActorKind,
    Channel,
    ContactEntry,
    PrivateReading,
    Relation,
    RelationKind,
    Role,
    Thresholds,
)
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)


def actor(name: str, role: Role | None = None, influence: int | None = None,
          interest: int | None = None, channels: tuple[Channel, ...] = (),
          contacts: tuple[date, ...] = ()) -> Actor:
    return Actor(
        name=name, kind=ActorKind.ELECTED, channels=list(channels),
        private=PrivateReading(role=role, influence=influence, interest=interest),
        contact_log=[ContactEntry(on=day, channel=Channel.PHONE) for day in contacts],
    )


def relation(source: Actor, target: Actor, kind: RelationKind, strength: int = 2) -> Relation:
    return Relation(source_id=source.id, target_id=target.id, kind=kind, strength=strength)


@pytest.mark.parametrize(("influence", "interest", "expected"), [
    (5, 5, Quadrant.MANAGE_CLOSELY),
    (3, 3, Quadrant.MANAGE_CLOSELY),
    (5, 1, Quadrant.KEEP_SATISFIED),
    (3, 2, Quadrant.KEEP_SATISFIED),
    (2, 5, Quadrant.KEEP_INFORMED),
    (1, 3, Quadrant.KEEP_INFORMED),
    (2, 2, Quadrant.MONITOR),
    (1, 1, Quadrant.MONITOR),
])
def test_quadrant_of_scores(influence: int, interest: int, expected: Quadrant) -> None:
    assert quadrant(influence, interest) is expected


def test_quadrant_needs_both_scores() -> None:
    assert quadrant(None, 4) is None
    assert quadrant(4, None) is None
    assert HIGH_SCORE == 3


def test_quadrant_labels_in_both_languages(french: None) -> None:
    assert quadrant_label(Quadrant.MANAGE_CLOSELY) == "associer étroitement"
    assert quadrant_label(Quadrant.KEEP_SATISFIED) == "satisfaire"
    assert quadrant_label(Quadrant.KEEP_INFORMED) == "informer"
    assert quadrant_label(Quadrant.MONITOR) == "surveiller"


def test_quadrant_labels_in_english() -> None:
    assert quadrant_label(Quadrant.MANAGE_CLOSELY) == "manage closely"
    assert quadrant_label(Quadrant.MONITOR) == "monitor"


def test_not_assessed_means_a_score_is_missing() -> None:
    full = actor("Full", influence=2, interest=4)
    half = actor("Half", role=Role.DRIVER, influence=3)
    empty = actor("Empty")
    assert not_assessed([full, half, empty]) == [half, empty]


def test_without_channel() -> None:
    reachable = actor("Reachable", channels=(Channel.EMAIL,))
    preferred_only = actor("Preferred only").model_copy(update={"preferred_channel":
                                                                 Channel.PHONE})
    silent = actor("Silent")
    assert without_channel([reachable, preferred_only, silent]) == [silent]


def test_followers_to_contact_at_the_threshold() -> None:
    days = 60
    recent = actor("Recent", Role.FOLLOWER, contacts=(TODAY - timedelta(days=days - 1),))
    due = actor("Due", Role.FOLLOWER, contacts=(TODAY - timedelta(days=days),))
    never = actor("Never", Role.FOLLOWER)
    driver = actor("Driver", Role.DRIVER)
    found = followers_to_contact([recent, due, never, driver], TODAY, days)
    assert found == [due, never]
    assert days_since_contact(recent, TODAY) == days - 1
    assert days_since_contact(never, TODAY) is None
    assert not needs_contact(driver, TODAY, days)


def test_last_contact_is_the_latest_entry() -> None:
    late = actor("Late", Role.FOLLOWER, contacts=(TODAY - timedelta(days=200),
                                                  TODAY - timedelta(days=3)))
    assert not needs_contact(late, TODAY, 60)


def test_tension_balanced_by_a_third_actor() -> None:
    a, b, c = actor("A"), actor("B"), actor("C")
    tension = relation(a, b, RelationKind.TENSION)
    assert unbalanced_tensions([tension]) == [tension]
    balancing = relation(c, b, RelationKind.COUNTERWEIGHT)
    assert is_balanced(tension, [tension, balancing])
    assert unbalanced_tensions([tension, balancing]) == []


def test_a_party_to_the_tension_is_no_counterweight() -> None:
    a, b = actor("A"), actor("B")
    tension = relation(a, b, RelationKind.TENSION)
    own = relation(a, b, RelationKind.COUNTERWEIGHT)
    assert unbalanced_tensions([tension, own]) == [tension]


def test_counterweight_elsewhere_does_not_count() -> None:
    a, b, c, d = actor("A"), actor("B"), actor("C"), actor("D")
    tension = relation(a, b, RelationKind.TENSION)
    elsewhere = relation(c, d, RelationKind.COUNTERWEIGHT)
    assert unbalanced_tensions([tension, elsewhere]) == [tension]


def test_figures_of_a_small_map() -> None:
    a = actor("A", Role.DRIVER, 5, 5, (Channel.EMAIL,), (TODAY,))
    b = actor("B", Role.FOLLOWER, 2, 4, (), (TODAY - timedelta(days=90),))
    c = actor("C", Role.COUNTERWEIGHT, 4, 2, (Channel.PHONE,))
    d = actor("D", Role.RELUCTANT)
    relations = [relation(a, d, RelationKind.TENSION)]
    figures = actor_figures([a, b, c, d], relations, TODAY, Thresholds())
    assert (len(figures.drivers), len(figures.followers), len(figures.counterweights),
            len(figures.reluctant)) == (1, 1, 1, 1)
    assert figures.without_channel == (b, d)
    assert figures.not_assessed == (d,)
    assert figures.followers_to_contact == (b,)
    assert figures.unbalanced_tensions == tuple(relations)
    assert figures.channel_coverage == 50
    assert figures.assessed_share == 75
    assert figures.contact_days == 60


def test_figures_follow_the_threshold() -> None:
    b = actor("B", Role.FOLLOWER, contacts=(TODAY - timedelta(days=20),))
    strict = actor_figures([b], [], TODAY, Thresholds(follower_contact_days=15))
    lenient = actor_figures([b], [], TODAY, Thresholds(follower_contact_days=30))
    assert strict.followers_to_contact == (b,)
    assert lenient.followers_to_contact == ()


def test_empty_map_is_fully_covered() -> None:
    figures = actor_figures([], [], TODAY, Thresholds())
    assert figures.total == 0
    assert figures.channel_coverage == 100
    assert figures.assessed_share == 100


def test_figures_of_the_demo_territory(repository: Repository) -> None:
    figures = actor_figures(repository.actors, repository.relations, TODAY,
                            repository.territory.thresholds)
    assert figures.total == len(repository.actors)
    assert all(a.private.role is Role.DRIVER for a in figures.drivers)
    tensions = {r.id for r in repository.relations if r.kind is RelationKind.TENSION}
    assert {r.id for r in figures.unbalanced_tensions} <= tensions
    assert figures.followers_to_contact


def test_neighbourhood_groups_by_kind_and_direction() -> None:
    mayor, commune, dept, service = actor("Mayor"), actor("Commune"), actor("Dept"), \
        actor("Service")
    relations = [
        relation(dept, mayor, RelationKind.FUNDING),
        relation(mayor, commune, RelationKind.COOPERATION, strength=1),
        relation(service, mayor, RelationKind.COOPERATION, strength=3),
        relation(mayor, service, RelationKind.INFORMATION),
        relation(commune, dept, RelationKind.TENSION),
    ]
    found = neighbourhood(mayor.id, relations)
    assert [(n.relation.kind, n.other_id, n.outgoing) for n in found] == [
        (RelationKind.COOPERATION, service.id, True),
        (RelationKind.COOPERATION, commune.id, True),
        (RelationKind.FUNDING, dept.id, False),
        (RelationKind.INFORMATION, service.id, True),
    ]
