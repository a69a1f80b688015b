"""The JSON Schema of a whole store file (``coop-tui schema``)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from coop_tui.store.models import (
    Actor,
    CharterCommitment,
    Conflict,
    Finances,
    Lever,
    LivingArea,
    Meeting,
    Mission,
    Obligation,
    OrganisationMissions,
    PactCriterion,
    PactProject,
    Relation,
    RoadmapItem,
    SharedProject,
    Territory,
)

# The key of a record in its table: its own id, lower case with dashes.
RecordKey = Annotated[str, StringConstraints(
    pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]


class StoreFile(BaseModel):
    """One territory: each table maps each record's id (a UUID) to the record."""

    model_config = ConfigDict(
        extra="forbid",
        title="coop-tui store",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    territory: dict[RecordKey, Territory] = Field(
        description="Exactly one record: the territory.")
    actors: dict[RecordKey, Actor] = Field(default_factory=dict)
    relations: dict[RecordKey, Relation] = Field(
        default_factory=dict, description="Private: the facilitator's reading of relations."
    )
    levers: dict[RecordKey, Lever] = Field(default_factory=dict)
    roadmap: dict[RecordKey, RoadmapItem] = Field(default_factory=dict)
    meetings: dict[RecordKey, Meeting] = Field(default_factory=dict)
    conflicts: dict[RecordKey, Conflict] = Field(
        default_factory=dict,
        description="Values two copies changed two ways, left by a merge to be settled.")
    obligations: dict[RecordKey, Obligation] = Field(
        default_factory=dict,
        description="States of statutory obligations and deadlines the user added.")
    finances: dict[RecordKey, Finances] = Field(
        default_factory=dict,
        description="Pacte financier et fiscal: a commune's or the community's figures, "
                    "one year.")
    charter: dict[RecordKey, CharterCommitment] = Field(
        default_factory=dict, description="Pacte: the charter's commitments.")
    pact_criteria: dict[RecordKey, PactCriterion] = Field(
        default_factory=dict, description="Pacte: the council's criteria and weights.")
    pact_projects: dict[RecordKey, PactProject] = Field(
        default_factory=dict, description="Pacte: the projects to rank and select.")
    shared_project: dict[RecordKey, SharedProject] = Field(
        default_factory=dict,
        description="The shared project (one record expected): statement, interests, "
                    "its « patte », its endorsements.")
    missions: dict[RecordKey, Mission] = Field(
        default_factory=dict,
        description="Public-service missions of the territory's own, beside the reference list.")
    diagnostic: dict[RecordKey, OrganisationMissions] = Field(
        default_factory=dict,
        description="The shared diagnostic: the missions and staff of each organisation.")
    living_areas: dict[RecordKey, LivingArea] = Field(
        default_factory=dict, description="Bassins de vie and their service needs.")


def store_schema() -> dict[str, Any]:
    return StoreFile.model_json_schema()
