"""The pacte's rules on worked examples: per-inhabitant figures, medians and indexes, the
flows, the weighted scores, the capacity and which projects fit it, the evidence."""

from __future__ import annotations

from datetime import date

import pytest

from coop_tui.core.pacte import PactRecords, read_pacte
from coop_tui.core.pacte.bilan import BilanFigure, build_bilan, median
from coop_tui.core.pacte.evidence import pact_evidence
from coop_tui.core.pacte.ranking import Fit, capacities, rank_projects
from coop_tui.store.models import (
    Actor,
    ActorKind,
    CharterCommitment,
    CriterionScore,
    Endorsement,
    Finances,
    FinancingLine,
    PactCriterion,
    PactProject,
    SelectionStatus,
    Territory,
)

TERRITORY = Territory(name="CC du Val", communes=["Aubrac", "Bessan", "Cruéjouls", "Durfort"],
                      mandate_start=date(2026, 3, 15), mandate_end=date(2032, 3, 15))
A, B, C, D = (Actor(name=name, kind=ActorKind.COMMUNE) for name in TERRITORY.communes)
OUTSIDER = Actor(name="Hors CC", kind=ActorKind.COMMUNE)
COMMUNITY = Actor(name="CC du Val", kind=ActorKind.COMMUNITY)
ACTORS = [A, B, C, D, OUTSIDER, COMMUNITY]
FINANCES = [
    Finances(actor_id=A.id, year=2025, population=1000, financial_potential=700,
             fiscal_potential=600, gross_savings=150_000, debt_repayment=50_000,
             debt=600_000, compensation=20_000, solidarity_grant=10_000,
             funds_received=5_000, funds_given=0, fpic=3_000, source="comptes 2025"),
    Finances(actor_id=B.id, year=2025, population=2000, financial_potential=900,
             gross_savings=400_000, debt_repayment=100_000, debt=1_000_000,
             compensation=-10_000, solidarity_grant=15_000, funds_given=8_000,
             source="comptes 2025"),
    Finances(actor_id=C.id, year=2025, population=500, financial_potential=1100,
             gross_savings=50_000, debt_repayment=25_000, debt=450_000, source="comptes 2025"),
    Finances(actor_id=A.id, year=2024, population=990, financial_potential=690,
             source="comptes 2024"),
    Finances(actor_id=OUTSIDER.id, year=2026, population=10, financial_potential=5000,
             source="x"),
    Finances(actor_id=COMMUNITY.id, year=2025, gross_savings=1_000_000,
             debt_repayment=400_000, source="comptes 2025"),
]


def test_per_inhabitant_figures_medians_and_indexes() -> None:
    bilan = build_bilan(TERRITORY, ACTORS, FINANCES)
    # the latest year of a member commune: the outsider's 2026 is not one
    assert bilan.year == 2025
    assert bilan.years == (2025, 2024)
    assert [line.name for line in bilan.communes] == ["Aubrac", "Bessan", "Cruéjouls",
                                                      "Durfort"]
    a, b, c, d = bilan.communes
    # épargne brute per inhabitant: 150, 200, 100 → median 150
    assert a.per_inhabitant[BilanFigure.GROSS_SAVINGS] == 150
    assert bilan.medians[BilanFigure.GROSS_SAVINGS] == 150
    assert b.index[BilanFigure.GROSS_SAVINGS] == pytest.approx(133.33, abs=0.01)
    assert c.index[BilanFigure.GROSS_SAVINGS] == pytest.approx(66.67, abs=0.01)
    # épargne nette (brute − capital repaid): 100, 150, 50 → median 100
    assert bilan.medians[BilanFigure.NET_SAVINGS] == 100
    # potentiel financier 700, 900, 1100 → median 900, Aubrac at 77.8
    assert bilan.medians[BilanFigure.FINANCIAL_POTENTIAL] == 900
    assert a.index[BilanFigure.FINANCIAL_POTENTIAL] == pytest.approx(77.78, abs=0.01)
    # debt per inhabitant 600, 500, 900 → median 600
    assert bilan.medians[BilanFigure.DEBT] == 600
    # the potentiel fiscal is known for Aubrac only: it is its own median
    assert bilan.medians[BilanFigure.FISCAL_POTENTIAL] == 600
    # Durfort has no figures: none of its own, and it is not counted in the medians
    assert d.finances is None and d.index[BilanFigure.DEBT] is None
    assert [line.name for line in bilan.without_figures] == ["Durfort"]
    assert bilan.community is not None and bilan.community_name == "CC du Val"


def test_an_even_count_takes_the_mean_of_the_two_middle_values() -> None:
    assert median([100, 200, None]) == 150
    assert median([None]) is None


def test_flows_between_the_community_and_each_commune() -> None:
    bilan = build_bilan(TERRITORY, ACTORS, FINANCES)
    a, b, c, _d = bilan.communes
    assert a.flows.net == 20_000 + 10_000 + 5_000 - 0
    assert a.net_flow_per_inhabitant == 35
    # a negative attribution de compensation is paid by the commune
    assert b.flows.net == -10_000 + 15_000 - 8_000
    assert c.flows.net is None
    total = bilan.total_flow()
    assert (total.compensation, total.solidarity_grant, total.funds_given) == (
        10_000, 25_000, 8_000)


def test_an_earlier_year_is_read_when_asked() -> None:
    bilan = build_bilan(TERRITORY, ACTORS, FINANCES, 2024)
    assert [line.name for line in bilan.with_figures] == ["Aubrac"]
    assert bilan.communes[0].per_inhabitant[BilanFigure.FINANCIAL_POTENTIAL] == 690


INTEREST = PactCriterion(name="Intérêt communautaire", weight=3)
RUNNING_COST = PactCriterion(name="Coût de fonctionnement", weight=1)


def scored(interest: int | None, cost: int | None) -> list[CriterionScore]:
    scores = []
    if interest is not None:
        scores.append(CriterionScore(criterion_id=INTEREST.id, score=interest, reason="i"))
    if cost is not None:
        scores.append(CriterionScore(criterion_id=RUNNING_COST.id, score=cost))
    return scores


def test_weighted_scores_explained() -> None:
    pool = PactProject(title="Piscine", cost=2_500_000, carrier_id=COMMUNITY.id,
                       scores=scored(4, 2))
    ranked = rank_projects([pool], [RUNNING_COST, INTEREST], {})
    [entry] = ranked
    # (3 × 4 + 1 × 2) / (5 × (3 + 1)) × 100 = 14 / 20 = 70
    assert entry.score == 70
    interest, cost = entry.parts  # the heavier criterion first
    assert (interest.criterion, interest.points, interest.out_of, interest.reason) == (
        INTEREST, 12, 15, "i")
    assert (cost.points, cost.out_of) == (2, 5)
    assert entry.fully_scored


def test_capacity_and_which_projects_fit() -> None:
    capacity = capacities(FINANCES, 2025, TERRITORY)
    # the community: (1,000,000 − 400,000) × 7 years (2026 to 2032)
    assert capacity[COMMUNITY.id].total == 4_200_000
    assert capacity[A.id].total == 100_000 * 7
    pool = PactProject(title="Piscine", cost=2_500_000, carrier_id=COMMUNITY.id,
                       scores=scored(4, 2))
    nursery = PactProject(title="Crèche", cost=3_000_000, carrier_id=COMMUNITY.id,
                          financing=[FinancingLine(source="DETR", amount=1_000_000)],
                          scores=scored(5, 5))
    hall = PactProject(title="Salle", cost=100_000, carrier_id=A.id, scores=scored(2, None),
                       financing=[FinancingLine(source="Fonds de concours", amount=50_000,
                                                payer_id=COMMUNITY.id)])
    dropped = PactProject(title="Golf", cost=9, selection=SelectionStatus.REJECTED,
                          selection_day=date(2026, 6, 1))
    unknown = PactProject(title="Gymnase", cost=10, carrier_id=D.id)
    ranked = rank_projects([pool, hall, nursery, dropped, unknown],
                           [INTEREST, RUNNING_COST], capacity)
    assert [(r.project.title, round(r.score), r.fit) for r in ranked] == [
        ("Crèche", 100, Fit.FITS),      # asks 2,000,000: 2,200,000 left
        ("Piscine", 70, Fit.EXCEEDS),   # asks 2,500,000: 300,000 short
        ("Salle", 30, Fit.FITS),        # Aubrac 50,000 of 700,000, the community 50,000
        ("Gymnase", 0, Fit.UNKNOWN),    # Durfort's épargne is not known
    ]
    assert ranked[1].short_of == {COMMUNITY.id: 300_000}
    assert ranked[2].asks == {A.id: 50_000, COMMUNITY.id: 50_000}
    assert not ranked[2].fully_scored


def test_selected_projects_take_their_share_first() -> None:
    capacity = capacities(FINANCES, 2025, TERRITORY)
    nursery = PactProject(title="Crèche", cost=3_000_000, carrier_id=COMMUNITY.id,
                          financing=[FinancingLine(source="DETR", amount=1_000_000)],
                          scores=scored(5, 5))
    roads = PactProject(title="Voirie", cost=2_500_000, carrier_id=COMMUNITY.id,
                        selection=SelectionStatus.SELECTED, selection_day=date(2026, 6, 1))
    deferred = PactProject(title="Musée", cost=1, carrier_id=COMMUNITY.id,
                           selection=SelectionStatus.DEFERRED, selection_day=date(2026, 6, 1))
    ranked = rank_projects([nursery, roads, deferred], [INTEREST], capacity)
    fits = {r.project.title: r.fit for r in ranked}
    # 4,200,000 − 2,500,000 committed leaves 1,700,000 for the 2,000,000 the crèche asks
    assert fits == {"Crèche": Fit.EXCEEDS, "Voirie": Fit.FITS, "Musée": Fit.NOT_COUNTED}


def test_the_evidence_of_the_pacte_lever() -> None:
    empty = pact_evidence(PactRecords(TERRITORY, ACTORS))
    assert [e.rule for e in empty] == ["pact_bilan", "pact_charter", "pact_projects"]
    assert not any(e.attention for e in empty)
    commitment = CharterCommitment(actor_id=A.id, text="Taux stables")
    endorsed = CharterCommitment(actor_id=B.id, text="DSC", endorsements=[
        Endorsement(actor_id=B.id, day=date(2026, 5, 1))])
    project = PactProject(title="Crèche", cost=10, carrier_id=COMMUNITY.id,
                          scores=scored(3, 3))
    bilan, charter, projects = pact_evidence(PactRecords(
        TERRITORY, ACTORS, FINANCES, [commitment, endorsed], [INTEREST, RUNNING_COST],
        [project]))
    assert bilan.figure == "Bilan partagé 2025: 3 of 4 communes with figures"
    assert "Durfort" in bilan.explanation and bilan.attention
    assert charter.figure == "Charter: 1 of 2 commitments endorsed" and charter.attention
    assert projects.figure == "1 of 1 projects scored on every criterion"
    assert not projects.attention
    assert read_pacte(PactRecords(TERRITORY, ACTORS, FINANCES)).bilan.year == 2025
