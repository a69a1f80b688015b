"""The shared diagnostic of the schéma de mutualisation: the missions each organisation
carries with its staff, the missions of the territory's own, and the bassins de vie with
their service needs."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import AfterValidator, BeforeValidator, Field, field_validator

from coop_tui.store.models.base import (
    Line,
    Model,
    Name,
    Part,
    Record,
    RecordId,
    Text,
    _clean_line,
    _error,
    _unique,
)


def _insee_shape(value: str) -> str:
    """Five digits, or Corsica's 2A/2B and three digits; empty when unknown."""
    upper = value.upper()
    corsica = upper[:2] in ("2A", "2B") and upper[2:].isdigit()
    if value and (len(value) != 5 or not (upper.isdigit() or corsica) or not value.isascii()):
        raise _error("bad_insee")
    return upper


InseeCode = Annotated[str, BeforeValidator(_clean_line), AfterValidator(_insee_shape)]
# Staff in full-time equivalents: 0.5 is a half-time post.
Fte = Annotated[float, Field(ge=0, le=100_000, allow_inf_nan=False)]
Headcount = Annotated[int, Field(ge=0, le=100_000)]


class Mission(Record):
    """A public-service mission of the territory's own, beside the reference list."""

    table: ClassVar[str] = "missions"

    name: Name
    description: Text = ""


class MissionStaff(Part):
    """One line of the diagnostic: a mission an organisation carries, and its staff.

    ``mission`` is a reference key (``store/missions.py``) or the id of a :class:`Mission`.
    ``category_a`` to ``category_c`` count the agents of each civil-service category, when
    known. ``shared_with`` names the organisations the mission is already shared with.
    """

    mission: Name
    fte: Fte = 0.0
    category_a: Headcount | None = None
    category_b: Headcount | None = None
    category_c: Headcount | None = None
    shared: bool = False
    shared_with: list[RecordId] = Field(default_factory=list)
    note: Line = ""

    _unique_partners = field_validator("shared_with")(_unique)


class OrganisationMissions(Record):
    """The missions one organisation (a commune, the community, a syndicate, a CCAS, an
    association of the actor map) carries, as the diagnostic found them."""

    table: ClassVar[str] = "diagnostic"

    actor_id: RecordId
    missions: list[MissionStaff] = Field(default_factory=list)
    note: Text = ""


class AreaCommune(Model):
    """A commune of a bassin de vie: an actor of the map, with its INSEE code if known."""

    actor_id: RecordId
    insee: InseeCode = ""


class ServiceNeed(Part):
    """A need for services the people of a bassin de vie have, with a figure:
    « petite enfance : 40 places manquantes »."""

    text: Name
    figure: float | None = Field(default=None, ge=-1e12, le=1e12, allow_inf_nan=False)
    unit: Line = ""
    mission: Line = ""


class LivingArea(Record):
    """A bassin de vie: a named group of communes and the service needs found there."""

    table: ClassVar[str] = "living_areas"

    name: Name
    communes: list[AreaCommune] = Field(default_factory=list)
    needs: list[ServiceNeed] = Field(default_factory=list)
    note: Text = ""
