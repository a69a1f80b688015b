"""The bilan partagé: each commune's resources per inhabitant against the territory's
median, and the money that flows between the community and each commune, for one year.

Rules (docs/pacte.md):

- the communes are the actors of kind commune, those named in the territory's list of
  communes when the list is set; the community is the actor of kind community that has
  figures that year (the first by name when several have);
- a commune's figures for a year are its ``finances`` record for that year (the one
  updated last when a merge left two);
- the potentials are per inhabitant already; the épargne brute, the épargne nette and the
  debt are divided by the population of that year's record (no population: no figure);
- the median of a figure is the median of the communes' per-inhabitant values that are
  known (not weighted by population, the community left out; with an even count, the
  mean of the two middle values); each commune's index is its value over the median × 100;
- a commune's net flow is what it receives from the community (attribution de
  compensation, which may be negative, dotation de solidarité, fonds de concours
  received) minus the fonds de concours it pays the community.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from coop_tui.store.models import Actor, ActorKind, Finances, Territory


class BilanFigure(StrEnum):
    """The per-inhabitant figures of the bilan, in the order of its table."""

    FINANCIAL_POTENTIAL = "financial_potential"
    FISCAL_POTENTIAL = "fiscal_potential"
    GROSS_SAVINGS = "gross_savings"
    NET_SAVINGS = "net_savings"
    DEBT = "debt"


@dataclass(frozen=True)
class Flows:
    """What one commune receives from and pays to the community in a year, in euros
    (None: not known)."""

    compensation: int | None
    solidarity_grant: int | None
    funds_received: int | None
    funds_given: int | None

    @property
    def net(self) -> int | None:
        """Received minus paid; None when no flow is known at all."""
        parts = (self.compensation, self.solidarity_grant, self.funds_received)
        if all(part is None for part in (*parts, self.funds_given)):
            return None
        return sum(part or 0 for part in parts) - (self.funds_given or 0)


@dataclass(frozen=True)
class CommuneLine:
    """One commune in the bilan: its population, figures per inhabitant, indexes against
    the median (100 = the median), its flows and its FPIC."""

    actor_id: str
    name: str
    finances: Finances | None
    population: int | None
    per_inhabitant: dict[BilanFigure, float | None]
    index: dict[BilanFigure, float | None]
    flows: Flows
    fpic: int | None

    @property
    def net_flow_per_inhabitant(self) -> float | None:
        net = self.flows.net
        return None if net is None or not self.population else net / self.population


@dataclass(frozen=True)
class Bilan:
    """The bilan partagé of one year (None: no figures at all)."""

    year: int | None
    communes: list[CommuneLine] = field(default_factory=list)
    medians: dict[BilanFigure, float | None] = field(default_factory=dict)
    community: Finances | None = None
    community_name: str = ""
    years: tuple[int, ...] = ()

    @property
    def with_figures(self) -> list[CommuneLine]:
        return [line for line in self.communes if line.finances is not None]

    @property
    def without_figures(self) -> list[CommuneLine]:
        return [line for line in self.communes if line.finances is None]

    def total_flow(self) -> Flows:
        """The flows of every commune added up (a figure known for none stays None)."""
        def total(values: Iterable[int | None]) -> int | None:
            known = [value for value in values if value is not None]
            return sum(known) if known else None

        flows = [line.flows for line in self.communes]
        return Flows(total(f.compensation for f in flows),
                     total(f.solidarity_grant for f in flows),
                     total(f.funds_received for f in flows),
                     total(f.funds_given for f in flows))

    @property
    def population(self) -> int:
        return sum(line.population or 0 for line in self.communes)


def member_communes(actors: Sequence[Actor], territory: Territory) -> list[Actor]:
    """The actors of kind commune that are members: those the territory names, or all of
    them when it names none; by name."""
    communes = [actor for actor in actors if actor.kind is ActorKind.COMMUNE]
    named = {name.casefold() for name in territory.communes}
    if named:
        communes = [actor for actor in communes if actor.name.casefold() in named]
    return sorted(communes, key=lambda actor: (actor.name.casefold(), actor.id))


def latest_by_actor_year(finances: Iterable[Finances]) -> dict[tuple[str, int], Finances]:
    """Per (actor id, year), the record updated last (a merge may leave two)."""
    found: dict[tuple[str, int], Finances] = {}
    for row in finances:
        key = (row.actor_id, row.year)
        kept = found.get(key)
        if kept is None or (row.updated, row.id) > (kept.updated, kept.id):
            found[key] = row
    return found


def per_inhabitant(row: Finances) -> dict[BilanFigure, float | None]:
    """A year's figures per inhabitant (the potentials are so already)."""
    population = row.population

    def divided(amount: int | None) -> float | None:
        return None if amount is None or not population else amount / population

    net = (None if row.gross_savings is None
           else row.gross_savings - (row.debt_repayment or 0))
    return {
        BilanFigure.FINANCIAL_POTENTIAL: row.financial_potential,
        BilanFigure.FISCAL_POTENTIAL: row.fiscal_potential,
        BilanFigure.GROSS_SAVINGS: divided(row.gross_savings),
        BilanFigure.NET_SAVINGS: divided(net),
        BilanFigure.DEBT: divided(row.debt),
    }


def median(values: Iterable[float | None]) -> float | None:
    """The median of the known values; None when none is known."""
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def index_of(value: float | None, middle: float | None) -> float | None:
    """``value`` as an index where the median is 100 (None: either unknown, or a median
    of zero, against which nothing compares)."""
    if value is None or middle is None or middle == 0:
        return None
    return value / middle * 100


def bilan_years(finances: Iterable[Finances], commune_ids: set[str]) -> tuple[int, ...]:
    """The years some member commune has figures for, latest first."""
    return tuple(sorted({row.year for row in finances if row.actor_id in commune_ids},
                        reverse=True))


def build_bilan(territory: Territory, actors: Sequence[Actor], finances: Sequence[Finances],
                year: int | None = None) -> Bilan:
    """The bilan of ``year`` (None: the latest year some commune has figures for)."""
    communes = member_communes(actors, territory)
    years = bilan_years(finances, {actor.id for actor in communes})
    if year is None:
        year = years[0] if years else None
    if year is None:
        return Bilan(None, years=years)
    rows = latest_by_actor_year(finances)
    figures = {actor.id: rows.get((actor.id, year)) for actor in communes}
    values = {actor_id: per_inhabitant(row) if row else dict.fromkeys(BilanFigure)
              for actor_id, row in figures.items()}
    medians = {figure: median(values[actor.id][figure] for actor in communes)
               for figure in BilanFigure}
    lines = []
    for actor in communes:
        row = figures[actor.id]
        own = values[actor.id]
        lines.append(CommuneLine(
            actor.id, actor.name, row, row.population if row else None, own,
            {figure: index_of(own[figure], medians[figure]) for figure in BilanFigure},
            Flows(row.compensation, row.solidarity_grant, row.funds_received, row.funds_given)
            if row else Flows(None, None, None, None),
            row.fpic if row else None))
    community, community_name = _community(actors, rows, year)
    return Bilan(year, lines, medians, community, community_name, years)


def _community(actors: Sequence[Actor], rows: dict[tuple[str, int], Finances],
               year: int) -> tuple[Finances | None, str]:
    candidates = sorted((a for a in actors if a.kind is ActorKind.COMMUNITY),
                        key=lambda actor: (actor.name.casefold(), actor.id))
    for actor in candidates:
        row = rows.get((actor.id, year))
        if row is not None:
            return row, actor.name
    return None, candidates[0].name if candidates else ""
