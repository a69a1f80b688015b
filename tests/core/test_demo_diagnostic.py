"""The demo's diagnostic is complete and plausible: every commune in it with staff in the
range of its size, mutualisation candidates, bassins de vie with needs, and objectives of
the roadmap citing lines that exist."""

from __future__ import annotations

from coop_tui.core.diagnostic import (
    build_matrix,
    candidates,
    coverage,
    diagnostic_lines,
    lines_by_organisation,
)
from coop_tui.store.demo import demo_records
from coop_tui.store.demo.diagnostic import total_fte
from coop_tui.store.models import (
    Actor,
    ActorKind,
    LivingArea,
    OrganisationMissions,
    Record,
    RoadmapItem,
)
from tests.conftest import TODAY


def _of(records: list[Record], kind: type) -> list:  # type: ignore[type-arg]
    return [record for record in records if isinstance(record, kind)]


def test_staff_follows_the_size_of_real_communes() -> None:
    assert 1.0 <= total_fte(600) <= 2.0
    assert 30 <= total_fte(5000) <= 40


def test_the_small_demo_holds_a_complete_diagnostic() -> None:
    records = demo_records("small", TODAY)
    actors: list[Actor] = _of(records, Actor)
    diagnostic: list[OrganisationMissions] = _of(records, OrganisationMissions)
    found = coverage(diagnostic, actors)
    assert found.lacking == () and len(found.covered) == 12
    lines = lines_by_organisation(diagnostic)
    for actor in actors:
        if actor.kind is ActorKind.COMMUNE and actor.commune and actor.commune.population:
            staff = sum(line.fte for line in lines[actor.id])
            expected = total_fte(actor.commune.population)
            assert 0.6 * expected <= staff <= 1.5 * expected, (actor.name, staff)
    matrix = build_matrix(diagnostic, actors, [])
    rules = {candidate.rule for candidate in candidates(matrix, [])}
    assert rules == {"scattered", "partly_shared"}
    areas: list[LivingArea] = _of(records, LivingArea)
    assert 2 <= len(areas) <= 3
    assert all(area.needs and area.communes for area in areas)
    known = {line.id for line in diagnostic_lines(diagnostic, areas, actors, [])}
    citing = [item for item in _of(records, RoadmapItem) if item.answers]
    assert citing
    assert all(set(item.answers) <= known for item in citing)


def test_the_large_demo_covers_its_fifty_communes() -> None:
    records = demo_records("large", TODAY)
    found = coverage(_of(records, OrganisationMissions), _of(records, Actor))
    assert (len(found.covered), found.lacking) == (50, ())
    assert len(_of(records, LivingArea)) == 10
