"""The meetings: attendance, agenda, decisions with their votes, actions and minutes."""

from __future__ import annotations

from datetime import time
from enum import StrEnum
from typing import ClassVar, Self

from pydantic import Field, model_validator

from coop_tui.store.models.base import (
    Day,
    Line,
    Model,
    Name,
    Part,
    Record,
    RecordId,
    Text,
    _error,
    _unique,
)


class MeetingKind(StrEnum):
    COPIL = "copil"
    COTECH = "cotech"
    MAYORS_CONFERENCE = "mayors_conference"
    BUREAU = "bureau"
    COUNCIL = "council"
    WORKSHOP = "workshop"
    BILATERAL = "bilateral"
    OTHER = "other"


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    HYBRID = "hybrid"


class Presence(StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"
    REPRESENTED = "represented"
    SUBSTITUTED = "substituted"


class Attendance(Model):
    actor_id: RecordId
    status: Presence = Presence.PRESENT
    proxy_id: RecordId | None = None  # who holds the proxy of a represented member
    substitute: Line = ""  # who sat in for a substituted member
    voting: bool = True


class AgendaItem(Part):
    title: Name
    planned_minutes: int = Field(default=15, ge=0, le=24 * 60)
    notes: Text = ""
    elapsed_seconds: int = Field(default=0, ge=0, le=10**7)


class Vote(Model):
    """A vote on a decision; names are kept for a public vote."""

    yes: int = Field(default=0, ge=0, le=10**6)
    no: int = Field(default=0, ge=0, le=10**6)
    abstain: int = Field(default=0, ge=0, le=10**6)
    public: bool = False
    yes_names: list[Name] = Field(default_factory=list)
    no_names: list[Name] = Field(default_factory=list)
    abstain_names: list[Name] = Field(default_factory=list)


class DeliberationResult(StrEnum):
    """How a deliberation ended; without one, its vote says it (adopted or rejected)."""

    ADOPTED = "adopted"
    REJECTED = "rejected"
    DEFERRED = "deferred"


class Decision(Part):
    text: Name
    agenda_item_id: RecordId | None = None
    vote: Vote | None = None
    result: DeliberationResult | None = None


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Action(Part):
    """Something someone must do, decided in a meeting; it may become a roadmap item."""

    text: Name
    owner_id: RecordId | None = None
    owner_name: Line = ""  # a name not (yet) in the actor map
    due: Day | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: Day | None = None
    agenda_item_id: RecordId | None = None
    roadmap_item_id: RecordId | None = None

    @property
    def is_open(self) -> bool:
        return self.status in (ActionStatus.OPEN, ActionStatus.POSTPONED)


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class Meeting(Record):
    table: ClassVar[str] = "meetings"

    title: Name
    kind: MeetingKind = MeetingKind.OTHER
    on: Day
    start: time | None = None
    end: time | None = None
    place: Line = ""
    commune: Line = ""  # the member commune that hosts it (a name of Territory.communes)
    format: MeetingFormat = MeetingFormat.IN_PERSON
    facilitator_id: RecordId | None = None
    note_taker_id: RecordId | None = None
    secretary_id: RecordId | None = None  # the secrétaire de séance, a member (CGCT L2121-15)
    voting_members: int | None = Field(default=None, ge=1, le=10**6)
    attendance: list[Attendance] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    private_notes: Text = ""
    next_meeting_on: Day | None = None
    next_meeting_note: Line = ""
    minutes_status: MinutesStatus = MinutesStatus.DRAFT
    approved_in_id: RecordId | None = None  # the later meeting that approved these minutes
    approves_id: RecordId | None = None  # the earlier meeting whose minutes this one approves

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if self.start and self.end and self.end <= self.start:
            raise _error("time_order", start=self.start.strftime("%H:%M"),
                         end=self.end.strftime("%H:%M"))
        for row in self.attendance:
            if row.status is Presence.REPRESENTED and row.proxy_id is None:
                raise _error("proxy_missing")
        _unique([row.actor_id for row in self.attendance])
        return self

    def duration_minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    def open_actions(self) -> list[Action]:
        return [action for action in self.actions if action.is_open]

