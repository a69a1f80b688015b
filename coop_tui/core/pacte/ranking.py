"""The projects ranked by the council's weighted criteria, each score explained, and which
of them fit the budget capacity the bilan shows.

Rules (docs/pacte.md):

- a project's score is Σ weight × score ÷ (5 × Σ weight) × 100, over every criterion of
  the council: 100 is a project scored 5 on every criterion; a criterion not scored counts
  as 0 and is named as not scored;
- the ranking puts the highest score first, then the cheaper project, then by title;
  rejected projects are not ranked;
- a payer's capacity over the mandate is its épargne nette of the bilan year (épargne
  brute minus the capital of the debt repaid, never below 0) times the years left: from
  the year after the bilan to the mandate's last year, at least one;
- what a project asks of each payer: its carrier pays the cost the financing plan leaves,
  and each line of the plan that names a payer (a fonds de concours) is that payer's;
- selected projects take their share of capacity first (the council has committed it),
  then the proposed ones in the order of the ranking; a project fits when every payer
  still has what it asks; one that does not fit takes nothing, and deferred projects take
  nothing either. A payer without an épargne brute known makes the fit unknown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from coop_tui.store.models import (
    Finances,
    PactCriterion,
    PactProject,
    SelectionStatus,
    Territory,
)

MAX_SCORE = 5


@dataclass(frozen=True)
class ScorePart:
    """One criterion's part of a project's score: ``points`` = weight × score, out of
    ``out_of`` = weight × 5; ``score`` None when the project is not scored on it."""

    criterion: PactCriterion
    score: int | None
    reason: str

    @property
    def points(self) -> int:
        return self.criterion.weight * (self.score or 0)

    @property
    def out_of(self) -> int:
        return self.criterion.weight * MAX_SCORE


class Fit(StrEnum):
    FITS = "fits"
    EXCEEDS = "exceeds"
    UNKNOWN = "unknown"
    NOT_COUNTED = "not_counted"


@dataclass(frozen=True)
class RankedProject:
    """A project, its place, its score out of 100 and its parts, and whether it fits."""

    project: PactProject
    rank: int
    score: float
    parts: tuple[ScorePart, ...]
    asks: dict[str | None, int]
    fit: Fit
    short_of: dict[str, int] = field(default_factory=dict)

    @property
    def fully_scored(self) -> bool:
        return bool(self.parts) and all(part.score is not None for part in self.parts)


@dataclass(frozen=True)
class Capacity:
    """A payer's capacity over the mandate, and how it is reached."""

    actor_id: str
    net_savings: int
    years: int

    @property
    def total(self) -> int:
        return max(0, self.net_savings) * self.years


def score_parts(project: PactProject, criteria: Sequence[PactCriterion]) -> tuple[ScorePart, ...]:
    parts = []
    for criterion in criteria:
        found = project.score_of(criterion.id)
        parts.append(ScorePart(criterion, found.score if found else None,
                               found.reason if found else ""))
    return tuple(parts)


def weighted_score(parts: Sequence[ScorePart]) -> float:
    """The score out of 100 (0 without criteria)."""
    out_of = sum(part.out_of for part in parts)
    return sum(part.points for part in parts) / out_of * 100 if out_of else 0.0


def years_left(territory: Territory, year: int) -> int:
    """The budget years after ``year`` up to the mandate's last, at least one."""
    return max(1, territory.mandate_end.year - year)


def capacities(finances: Iterable[Finances], year: int | None,
               territory: Territory) -> dict[str, Capacity]:
    """Per actor id with an épargne brute known for ``year``: its capacity."""
    if year is None:
        return {}
    from coop_tui.core.pacte.bilan import latest_by_actor_year

    found = {}
    for (actor_id, row_year), row in latest_by_actor_year(finances).items():
        if row_year == year and row.gross_savings is not None:
            net = row.gross_savings - (row.debt_repayment or 0)
            found[actor_id] = Capacity(actor_id, net, years_left(territory, year))
    return found


def asks_of(project: PactProject) -> dict[str | None, int]:
    """What the project asks of each payer (None: a share with no payer named)."""
    asks: dict[str | None, int] = {}
    rest = project.cost - project.financed
    if rest:
        asks[project.carrier_id] = rest
    for line in project.financing:
        if line.payer_id is not None and line.amount:
            asks[line.payer_id] = asks.get(line.payer_id, 0) + line.amount
    return asks


def rank_projects(projects: Iterable[PactProject], criteria: Sequence[PactCriterion],
                  capacity: dict[str, Capacity]) -> list[RankedProject]:
    """The projects not rejected, best first, each with its fit."""
    criteria = sorted(criteria, key=lambda c: (-c.weight, c.name.casefold(), c.id))
    scored = [(project, score_parts(project, criteria)) for project in projects
              if project.selection is not SelectionStatus.REJECTED]
    scored.sort(key=lambda pair: (-round(weighted_score(pair[1]), 6), pair[0].cost,
                                  pair[0].title.casefold(), pair[0].id))
    left = {actor_id: found.total for actor_id, found in capacity.items()}
    fits: dict[str, tuple[Fit, dict[str, int]]] = {}
    committed = [p for p, _parts in scored if p.selection is SelectionStatus.SELECTED]
    proposed = [p for p, _parts in scored if p.selection is SelectionStatus.PROPOSED]
    for project in (*committed, *proposed):
        fits[project.id] = _take(asks_of(project), left)
    ranked = []
    for rank, (project, parts) in enumerate(scored, start=1):
        fit, short = fits.get(project.id, (Fit.NOT_COUNTED, {}))
        ranked.append(RankedProject(project, rank, weighted_score(parts), parts,
                                    asks_of(project), fit, short))
    return ranked


def _take(asks: dict[str | None, int], left: dict[str, int]) -> tuple[Fit, dict[str, int]]:
    """Whether ``asks`` fit what is ``left`` (taken from it when they do)."""
    if any(payer is None or payer not in left for payer in asks):
        return Fit.UNKNOWN, {}
    short = {payer: amount - left[payer] for payer, amount in asks.items()
             if payer is not None and amount > left[payer]}
    if short:
        return Fit.EXCEEDS, short
    for payer, amount in asks.items():
        if payer is not None:
            left[payer] -= amount
    return Fit.FITS, {}
