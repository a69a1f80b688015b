"""The diagnostic's rules on worked examples: matrix totals, sorting, candidates and their
reasons, coverage, the lines a roadmap item cites, and the lever evidence."""

from __future__ import annotations

from datetime import date

import pytest

from coop_tui.core.diagnostic import (
    build_matrix,
    candidates,
    cited_lines,
    coverage,
    diagnostic_lines,
    format_fte,
    mission_name,
    need_text,
    sorted_missions,
)
from coop_tui.core.i18n import set_language
from coop_tui.core.insights.levers import Facts
from coop_tui.core.insights.levers.diagnostic import diagnostic_coverage
from coop_tui.store.models import (
    Actor,
    ActorKind,
    LivingArea,
    Mission,
    MissionStaff,
    OrganisationMissions,
    RoadmapItem,
    ServiceNeed,
    Territory,
)

A = Actor(name="Aurel", kind=ActorKind.COMMUNE)
B = Actor(name="Bise", kind=ActorKind.COMMUNE)
C = Actor(name="Cerny", kind=ActorKind.COMMUNE)
D = Actor(name="Dornes", kind=ActorKind.COMMUNE)
CC = Actor(name="CC du Val", kind=ActorKind.COMMUNITY)
ACTORS = [A, B, C, D, CC]
OWN = Mission(name="Médiathèque")


def _lines(actor: Actor, *lines: MissionStaff) -> OrganisationMissions:
    return OrganisationMissions(actor_id=actor.id, missions=list(lines))


# The worked example of docs/diagnostic.md.
#                    Aurel  Bise  Cerny  CC   total
# civil_status        0.5   0.4   0.3         1.2   <- scattered (3 under one FTE)
# town_planning       0.2*               2    2.2   <- partly shared (* shared)
#                            0.3
# roads               1.0   1.5                2.5
# Médiathèque                      1           1
# total               1.7   2.2   1.3    2    7.2
RECORDS = [
    _lines(A, MissionStaff(mission="civil_status", fte=0.5),
           MissionStaff(mission="town_planning", fte=0.2, shared=True, shared_with=[CC.id]),
           MissionStaff(mission="roads", fte=1.0)),
    _lines(B, MissionStaff(mission="civil_status", fte=0.4),
           MissionStaff(mission="town_planning", fte=0.3),
           MissionStaff(mission="roads", fte=1.5)),
    _lines(C, MissionStaff(mission="civil_status", fte=0.3),
           MissionStaff(mission=OWN.id, fte=1.0)),
    _lines(CC, MissionStaff(mission="town_planning", fte=2.0, shared=True)),
    _lines(D),
]


def test_matrix_cells_and_totals() -> None:
    matrix = build_matrix(RECORDS, ACTORS, [OWN])
    assert matrix.missions == ["civil_status", "town_planning", "roads", OWN.id]
    assert [a.name for a in matrix.organisations] == ["CC du Val", "Aurel", "Bise", "Cerny"]
    assert matrix.row_total("civil_status") == pytest.approx(1.2)
    assert matrix.row_total("town_planning") == pytest.approx(2.5)
    assert matrix.row_total("roads") == pytest.approx(2.5)
    assert matrix.column_total(A.id) == pytest.approx(1.7)
    assert matrix.column_total(B.id) == pytest.approx(2.2)
    assert matrix.column_total(CC.id) == pytest.approx(2.0)
    assert matrix.total == pytest.approx(7.2)
    assert matrix.carriers("town_planning") == 3
    assert matrix.cell("roads", C.id) is None


def test_two_lines_of_one_mission_add_up() -> None:
    twice = [_lines(A, MissionStaff(mission="it", fte=0.5)),
             _lines(A, MissionStaff(mission="it", fte=0.25, shared=True))]
    cell = build_matrix(twice, ACTORS, []).cell("it", A.id)
    assert cell is not None
    assert cell.fte == pytest.approx(0.75)
    assert cell.shared
    assert len(cell.line_ids) == 2


def test_missions_sort_by_total_name_or_organisations() -> None:
    matrix = build_matrix(RECORDS, ACTORS, [OWN])
    # town planning and roads tie at 2.5: by name then.
    assert sorted_missions(matrix, "total", [OWN]) == [
        "roads", "town_planning", "civil_status", OWN.id]
    assert sorted_missions(matrix, "name", [OWN]) == [
        "civil_status", OWN.id, "roads", "town_planning"]
    assert sorted_missions(matrix, "organisations", [OWN]) == [
        "civil_status", "town_planning", "roads", OWN.id]


def test_candidates_say_their_reason() -> None:
    found = candidates(build_matrix(RECORDS, ACTORS, [OWN]), [OWN])
    assert [(c.mission, c.rule) for c in found] == [
        ("civil_status", "scattered"), ("town_planning", "partly_shared")]
    scattered, shared = found
    assert scattered.organisation_ids == (A.id, B.id, C.id)
    assert scattered.reason == (
        "Civil registration: 3 organisations carry it with under one FTE each (1.2 FTE in "
        "all: Aurel, Bise, Cerny); a shared service could gather these fractions of posts "
        "into one team.")
    assert shared.organisation_ids == (B.id,)
    assert shared.reason == (
        "Town planning and permits (ADS): already shared by 2 of the 3 organisations that "
        "carry it (CC du Val, Aurel); Bise still carries it alone and could join.")


def test_two_small_organisations_are_not_yet_a_candidate() -> None:
    two = [_lines(A, MissionStaff(mission="it", fte=0.5)),
           _lines(B, MissionStaff(mission="it", fte=0.5)),
           _lines(C, MissionStaff(mission="it", fte=1.0))]
    assert candidates(build_matrix(two, ACTORS, []), []) == []


def test_a_mission_shared_by_all_is_no_candidate() -> None:
    everyone = [_lines(a, MissionStaff(mission="it", fte=1.5, shared=True)) for a in (A, B)]
    assert candidates(build_matrix(everyone, ACTORS, []), []) == []


def test_coverage_counts_communes_with_staff() -> None:
    found = coverage(RECORDS, ACTORS)
    assert [a.name for a in found.covered] == ["Aurel", "Bise", "Cerny"]
    assert [a.name for a in found.lacking] == ["Dornes"]  # a record with no line
    assert found.total == 4  # the community is not a commune


def test_french_wording(french: None) -> None:
    assert format_fte(0.5) == "0,5"
    assert format_fte(2.0) == "2"
    assert format_fte(1234.25) == "1\u202f234,25"
    assert mission_name("civil_status", []) == "État civil"
    need = ServiceNeed(text="Petite enfance", figure=40, unit="places manquantes")
    assert need_text(need) == "Petite enfance\u00a0: 40 places manquantes"


def test_cited_lines_skip_lines_gone() -> None:
    area = LivingArea(name="Nord", needs=[ServiceNeed(text="Crèche", figure=12, unit="places")])
    lines = diagnostic_lines(RECORDS, [area], ACTORS, [OWN])
    civil = RECORDS[0].missions[0]
    item = RoadmapItem(objective="x", answers=[area.needs[0].id,
                                               "b5a2c1d0-0000-4000-8000-000000000009",
                                               civil.id])
    assert [line.text for line in cited_lines(item, lines)] == [
        "Nord · Crèche: 12 places", "Aurel · Civil registration (0.5 FTE)"]


def _facts(records: list[OrganisationMissions]) -> Facts:
    territory = Territory(name="Val", mandate_start=date(2026, 3, 15),
                          mandate_end=date(2032, 3, 15))
    return Facts(today=date(2026, 11, 26), territory=territory, actors=ACTORS,
                 diagnostic=records)


def test_evidence_names_the_communes_still_to_fill_in() -> None:
    evidence = diagnostic_coverage(_facts(RECORDS))
    assert evidence.figure == (
        "3 of 4 communes in the diagnostic · 0 bassins de vie · 0 service needs")
    assert "Still to fill in: Dornes." in evidence.explanation
    assert evidence.attention
    assert evidence.levers == ("mutualisation_scheme",)
    assert evidence.target is not None and evidence.target.record_id == D.id


def test_evidence_is_calm_when_every_commune_is_in() -> None:
    full = [*RECORDS, _lines(D, MissionStaff(mission="roads", fte=0.2))]
    evidence = diagnostic_coverage(_facts(full))
    assert not evidence.attention
    assert evidence.value == 0


def teardown_function() -> None:
    set_language("en")
