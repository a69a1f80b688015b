"""The JSON Schema of a whole store file (``coop-tui schema``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from coop_tui.store.models import (
    Actor,
    Lever,
    Meeting,
    Obligation,
    Relation,
    RoadmapItem,
    Territory,
)


class StoreFile(BaseModel):
    """One territory: each table maps TinyDB document ids ("1", "2"…) to records."""

    model_config = ConfigDict(
        extra="forbid",
        title="coop-tui store",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    territory: dict[str, Territory] = Field(description="Exactly one record: the territory.")
    actors: dict[str, Actor] = Field(default_factory=dict)
    relations: dict[str, Relation] = Field(
        default_factory=dict, description="Private: the facilitator's reading of relations."
    )
    levers: dict[str, Lever] = Field(default_factory=dict)
    roadmap: dict[str, RoadmapItem] = Field(default_factory=dict)
    meetings: dict[str, Meeting] = Field(default_factory=dict)
    obligations: dict[str, Obligation] = Field(
        default_factory=dict,
        description="States of statutory obligations and deadlines the user added.")


def store_schema() -> dict[str, Any]:
    return StoreFile.model_json_schema()
