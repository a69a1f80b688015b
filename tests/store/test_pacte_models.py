"""The pacte's tables: what each record refuses, and every field kept through a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from coop_tui.store.database import create, data_from_records, open_store
from coop_tui.store.models import (
    Actor,
    ActorKind,
    CharterCommitment,
    CommitmentLevel,
    CriterionScore,
    Endorsement,
    FinanceFigure,
    Finances,
    FinancingLine,
    PactCriterion,
    PactProject,
    SelectionStatus,
    Territory,
)


def test_figures_that_cannot_be_negative_are_refused() -> None:
    commune = Actor(name="Aubrac", kind=ActorKind.COMMUNE)
    for figure in ("population", "debt", "solidarity_grant", "funds_given", "funds_received",
                   "debt_repayment", "financial_potential"):
        with pytest.raises(ValidationError):
            Finances(actor_id=commune.id, year=2025, source="fiche DGF", **{figure: -1})
    # an attribution de compensation, the FPIC and the épargne brute may be negative
    row = Finances(actor_id=commune.id, year=2025, source="comptes", compensation=-12_000,
                   fpic=-3_000, gross_savings=-500)
    assert (row.compensation, row.fpic, row.gross_savings) == (-12_000, -3_000, -500)


def test_each_figure_says_its_source() -> None:
    row = Finances(actor_id=Actor(name="A", kind=ActorKind.COMMUNE).id, year=2025,
                   source="comptes individuels 2025", financial_potential=812.456,
                   sources={FinanceFigure.FINANCIAL_POTENTIAL: "fiche DGF 2025"})
    assert row.financial_potential == 812.46
    assert row.source_of(FinanceFigure.FINANCIAL_POTENTIAL) == "fiche DGF 2025"
    assert row.source_of(FinanceFigure.DEBT) == "comptes individuels 2025"
    with pytest.raises(ValidationError):
        Finances(actor_id=row.actor_id, year=2025, source="")


def test_a_project_is_not_financed_beyond_its_cost() -> None:
    with pytest.raises(ValidationError, match="more than the cost"):
        PactProject(title="Crèche", cost=100_000,
                    financing=[FinancingLine(source="DETR", amount=60_000),
                               FinancingLine(source="CAF", amount=50_000)])


def test_a_decision_needs_its_day_and_a_criterion_is_scored_once() -> None:
    with pytest.raises(ValidationError, match="day it was made"):
        PactProject(title="Voirie", cost=1, selection=SelectionStatus.SELECTED)
    criterion = PactCriterion(name="Intérêt communautaire", weight=3)
    with pytest.raises(ValidationError):
        PactProject(title="Voirie", cost=1, scores=[
            CriterionScore(criterion_id=criterion.id, score=3),
            CriterionScore(criterion_id=criterion.id, score=4)])
    with pytest.raises(ValidationError):
        CriterionScore(criterion_id=criterion.id, score=6)


def test_every_pacte_record_survives_a_file(tmp_path: Path) -> None:
    territory = Territory(name="CC", communes=["Aubrac"], mandate_start=date(2026, 3, 1),
                          mandate_end=date(2032, 3, 1))
    commune = Actor(name="Aubrac", kind=ActorKind.COMMUNE)
    mayor = Actor(name="Jeanne Roux", kind=ActorKind.ELECTED)
    criterion = PactCriterion(name="Intérêt communautaire", weight=3, description="x")
    records = [
        territory, commune, mayor, criterion,
        Finances(actor_id=commune.id, year=2025, population=1200, financial_potential=850.5,
                 fiscal_potential=640.0, gross_savings=180_000, debt_repayment=60_000,
                 debt=700_000, compensation=-4_000, solidarity_grant=15_000, funds_given=0,
                 funds_received=20_000, fpic=8_000, source="comptes 2025",
                 sources={FinanceFigure.POPULATION: "fiche DGF 2025"}, note="n"),
        CharterCommitment(actor_id=commune.id, text="Ne pas augmenter les taux",
                          level=CommitmentLevel.FIRM, theme="fiscalité", detail="d",
                          endorsements=[Endorsement(actor_id=mayor.id, day=date(2026, 5, 4),
                                                    note="conseil municipal")]),
        PactProject(title="Crèche", cost=900_000, carrier_id=commune.id,
                    financing=[FinancingLine(source="CAF", amount=300_000)],
                    scores=[CriterionScore(criterion_id=criterion.id, score=4, reason="r")],
                    selection=SelectionStatus.SELECTED, selection_day=date(2026, 6, 1)),
    ]
    path = tmp_path / "store.json"
    create(path, data_from_records(records))
    repository = open_store(path, read_only=True)
    try:
        for record in records:
            assert repository.get(type(record), record.id) == record
        assert len(repository.finances) == len(repository.charter) == 1
        assert len(repository.pact_projects) == len(repository.pact_criteria) == 1
    finally:
        repository.close()
