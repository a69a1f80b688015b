"""The pacte financier et fiscal as data: the figures of each commune and of the community
by year (the bilan partagé reads them), the charter's commitments, and the projects the
council ranks and selects.

Every figure names its source (« fiche DGF 2025 », « comptes individuels 2024 »): a bilan
is only shared when everyone can check where a number comes from. ``actor_id`` and
``meeting_id`` are soft links, as an obligation's ``meeting_id`` is: a commune or a
meeting deleted leaves its figures and commitments in place, shown without a name.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar, Self

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from coop_tui.store.models.base import (
    Day,
    Line,
    Model,
    Name,
    Part,
    Record,
    RecordId,
    Text,
)
from coop_tui.store.models.endorsement import Endorsement
from coop_tui.store.text import N_

# Years a figure can be about.
FIRST_YEAR = 1900
LAST_YEAR = 2200
# Euros a single figure can reach (a commune's budget is far below; a typo is not).
MAX_EUROS = 10**12


def _pact_error(kind: str, template: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, template, context)


class FinanceFigure(StrEnum):
    """The figures a pacte reads for each commune and the community, one year."""

    POPULATION = "population"
    FINANCIAL_POTENTIAL = "financial_potential"
    FISCAL_POTENTIAL = "fiscal_potential"
    GROSS_SAVINGS = "gross_savings"
    DEBT_REPAYMENT = "debt_repayment"
    DEBT = "debt"
    COMPENSATION = "compensation"
    SOLIDARITY_GRANT = "solidarity_grant"
    FUNDS_GIVEN = "funds_given"
    FUNDS_RECEIVED = "funds_received"
    FPIC = "fpic"


Euros = int
NonNegativeEuros = Field(default=None, ge=0, le=MAX_EUROS)
SignedEuros = Field(default=None, ge=-MAX_EUROS, le=MAX_EUROS)


class Finances(Record):
    """One year of one commune's (or the community's) resources and flows.

    Amounts are whole euros for the year; the two potentials are euros per inhabitant, as
    the fiche DGF gives them. A figure not known is null, never zero. The attribution de
    compensation is what the commune receives (negative: what it pays the community), the
    FPIC its net balance (attribution minus contribution).
    """

    table: ClassVar[str] = "finances"

    actor_id: RecordId
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    population: int | None = Field(default=None, ge=0, le=10**9)
    financial_potential: float | None = Field(default=None, ge=0, le=10**6)
    fiscal_potential: float | None = Field(default=None, ge=0, le=10**6)
    gross_savings: Euros | None = SignedEuros
    debt_repayment: Euros | None = NonNegativeEuros
    debt: Euros | None = NonNegativeEuros
    compensation: Euros | None = SignedEuros
    solidarity_grant: Euros | None = NonNegativeEuros
    funds_given: Euros | None = NonNegativeEuros
    funds_received: Euros | None = NonNegativeEuros
    fpic: Euros | None = SignedEuros
    source: Name
    # Figures taken from another source than ``source``: figure -> its source.
    sources: dict[FinanceFigure, Name] = Field(default_factory=dict)
    note: Text = ""

    @field_validator("financial_potential", "fiscal_potential")
    @classmethod
    def _cents(cls, value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    def figure(self, figure: FinanceFigure) -> float | None:
        value = getattr(self, figure.value)
        return None if value is None else float(value)

    def source_of(self, figure: FinanceFigure) -> str:
        return self.sources.get(figure, self.source)


class CommitmentLevel(StrEnum):
    """How far a commitment of the charter binds the one who makes it."""

    INTENT = "intent"
    FIRM = "firm"
    CONTRACTED = "contracted"


class CharterCommitment(Record):
    """A commitment of the charter between the communes and the community: who commits
    (a commune or the community), to what, how firmly, and who endorsed it."""

    table: ClassVar[str] = "charter"

    actor_id: RecordId
    text: Name
    detail: Text = ""
    theme: Line = ""
    level: CommitmentLevel = CommitmentLevel.INTENT
    endorsements: list[Endorsement] = Field(default_factory=list)


class PactCriterion(Record):
    """A criterion the council ranks projects by, with its weight."""

    table: ClassVar[str] = "pact_criteria"

    name: Name
    weight: int = Field(default=1, ge=1, le=10)
    description: Text = ""


class ProjectScope(StrEnum):
    COMMUNAL = "communal"
    COMMUNITY = "community"


class SelectionStatus(StrEnum):
    """Where a project stands with the council."""

    PROPOSED = "proposed"
    SELECTED = "selected"
    DEFERRED = "deferred"
    REJECTED = "rejected"


class FinancingLine(Part):
    """A line of a project's financing plan: who pays how much. ``payer_id`` names the
    commune or the community when the line draws on its budget (a fonds de concours);
    a grant from outside (DETR, région, Europe) names none."""

    source: Name
    amount: Euros = Field(ge=0, le=MAX_EUROS)
    payer_id: RecordId | None = None


class CriterionScore(Model):
    """A project's score on one criterion, 0 to 5, and why."""

    criterion_id: RecordId
    score: int = Field(ge=0, le=5)
    reason: Line = ""


class PactProject(Record):
    """A communal or communautaire project put to the council: its cost, how it is
    financed, its scores, and the selection once a meeting made it."""

    table: ClassVar[str] = "pact_projects"

    title: Name
    scope: ProjectScope = ProjectScope.COMMUNITY
    carrier_id: RecordId | None = None
    cost: Euros = Field(default=0, ge=0, le=MAX_EUROS)
    financing: list[FinancingLine] = Field(default_factory=list)
    scores: list[CriterionScore] = Field(default_factory=list)
    selection: SelectionStatus = SelectionStatus.PROPOSED
    selection_day: Day | None = None
    selection_meeting_id: RecordId | None = None
    description: Text = ""

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        financed = sum(line.amount for line in self.financing)
        if financed > self.cost:
            raise _pact_error("financing_over_cost", N_(
                "the financing plan ({financed} €) is more than the cost ({cost} €)"),
                financed=financed, cost=self.cost)
        criteria = [score.criterion_id for score in self.scores]
        if len(set(criteria)) != len(criteria):
            raise _pact_error("duplicate_item", N_("appears twice"))
        if self.selection is not SelectionStatus.PROPOSED and self.selection_day is None:
            raise _pact_error("selection_day_missing", N_(
                "a decision on the project needs the day it was made"))
        return self

    @property
    def financed(self) -> int:
        return sum(line.amount for line in self.financing)

    def score_of(self, criterion_id: str) -> CriterionScore | None:
        return next((s for s in self.scores if s.criterion_id == criterion_id), None)
