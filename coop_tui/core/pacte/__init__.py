"""The pacte financier et fiscal read from the store: the bilan partagé (``bilan``), the
projects ranked against the capacity it shows (``ranking``), the charter's endorsements,
and the lever's evidence (``evidence``). Pure: records in, figures out (docs/pacte.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from coop_tui.core.pacte.bilan import Bilan, build_bilan
from coop_tui.core.pacte.ranking import Capacity, RankedProject, capacities, rank_projects
from coop_tui.store.models import (
    Actor,
    ActorKind,
    CharterCommitment,
    Finances,
    PactCriterion,
    PactProject,
    Territory,
)

if TYPE_CHECKING:
    from coop_tui.store.repository import Repository


@dataclass(frozen=True)
class PactRecords:
    """What the pacte reads of a store."""

    territory: Territory
    actors: Sequence[Actor] = ()
    finances: Sequence[Finances] = ()
    charter: Sequence[CharterCommitment] = ()
    criteria: Sequence[PactCriterion] = ()
    projects: Sequence[PactProject] = ()

    @classmethod
    def of(cls, repository: Repository) -> PactRecords:
        return cls(repository.territory, repository.actors, repository.finances,
                   repository.charter, repository.pact_criteria, repository.pact_projects)


@dataclass(frozen=True)
class PactReading:
    """The pacte as a reading: the bilan, the capacities, the ranking, the charter."""

    records: PactRecords
    bilan: Bilan
    capacity: dict[str, Capacity]
    ranking: list[RankedProject]

    @property
    def charter(self) -> list[CharterCommitment]:
        """The commitments, the community's and then each commune's, by name."""
        actors = {actor.id: actor for actor in self.records.actors}

        def order(commitment: CharterCommitment) -> tuple[bool, str, datetime, str]:
            actor = actors.get(commitment.actor_id)
            return (actor is None or actor.kind is not ActorKind.COMMUNITY,
                    actor.name.casefold() if actor else "", commitment.created, commitment.id)

        return sorted(self.records.charter, key=order)

    @property
    def endorsed(self) -> list[CharterCommitment]:
        return [commitment for commitment in self.records.charter if commitment.endorsements]

    def actor_name(self, actor_id: str | None) -> str:
        return next((a.name for a in self.records.actors if a.id == actor_id), "")


def read_pacte(records: PactRecords, year: int | None = None) -> PactReading:
    """The pacte of ``year`` (None: the bilan's latest year)."""
    bilan = build_bilan(records.territory, records.actors, records.finances, year)
    capacity = capacities(records.finances, bilan.year, records.territory)
    ranking = rank_projects(records.projects, records.criteria, capacity)
    return PactReading(records, bilan, capacity, ranking)


__all__ = ["PactReading", "PactRecords", "read_pacte"]
