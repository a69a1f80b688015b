"""The levers with their checklist, and the roadmap items that serve them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar, Self

from pydantic import Field, field_validator, model_validator

from coop_tui.store.models.base import (
    Day,
    Line,
    LocalizedText,
    Model,
    Name,
    Part,
    Record,
    RecordId,
    Text,
    _error,
    _unique,
)


class LeverCategory(StrEnum):
    REGULATORY = "regulatory"
    METHODOLOGICAL = "methodological"
    HUMAN = "human"


class LeverStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


class ChecklistItem(Part):
    key: Line = ""  # catalogue key; empty for items the user added
    text: LocalizedText
    done: bool = False
    done_on: Day | None = None


class Lever(Record):
    """A lever of cooperation and its checklist, from the catalogue or added by the user."""

    table: ClassVar[str] = "levers"

    key: Line = ""  # catalogue key; empty for levers the user added
    category: LeverCategory
    position: int = Field(default=0, ge=-(10**6), le=10**6)
    title: LocalizedText
    description: LocalizedText = Field(default_factory=LocalizedText)
    items: list[ChecklistItem] = Field(default_factory=list)
    status: LeverStatus = LeverStatus.TODO
    owner_id: RecordId | None = None
    due: Day | None = None
    notes: Text = ""
    evidence: list[Line] = Field(default_factory=list)

    @property
    def from_catalogue(self) -> bool:
        return bool(self.key)

    def progress(self) -> tuple[int, int]:
        """Items done and items in all."""
        return sum(item.done for item in self.items), len(self.items)


# ---------------------------------------------------------------------------- roadmap


class RoadmapStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"


class Means(Model):
    """What an objective is given: money, people, a legal text."""

    budget_eur: float | None = Field(default=None, ge=0, le=1e12, allow_inf_nan=False)
    staff_fte: float | None = Field(default=None, ge=0, le=1e6, allow_inf_nan=False)
    text: Text = ""

    def is_set(self) -> bool:
        return self.budget_eur is not None or self.staff_fte is not None or bool(self.text)


class RoadmapItem(Record):
    """An objective of the feuille de route, serving a lever."""

    table: ClassVar[str] = "roadmap"

    objective: Name
    description: Text = ""
    lever_id: RecordId | None = None
    owner_ids: list[RecordId] = Field(default_factory=list)
    partner_ids: list[RecordId] = Field(default_factory=list)
    start: Day | None = None
    due: Day | None = None
    means: Means = Field(default_factory=Means)
    status: RoadmapStatus = RoadmapStatus.PLANNED
    progress: int = Field(default=0, ge=0, le=100)
    milestone: bool = False
    depends_on: list[RecordId] = Field(default_factory=list)
    indicator: Text = ""
    meeting_id: RecordId | None = None
    action_id: RecordId | None = None
    # The diagnostic lines it answers: ids of mission lines or of bassins de vie's needs.
    answers: list[RecordId] = Field(default_factory=list)

    _unique_lists = field_validator("owner_ids", "partner_ids", "depends_on", "answers")(
        _unique)

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if self.start and self.due and self.due < self.start:
            raise _error("date_order", start=self.start, due=self.due)
        if self.id in self.depends_on:
            raise _error("self_reference")
        return self

    def is_late(self, today: date) -> bool:
        return (
            self.due is not None
            and self.due < today
            and self.status not in (RoadmapStatus.DONE, RoadmapStatus.CANCELLED)
        )

