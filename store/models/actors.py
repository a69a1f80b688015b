"""The actors, what the facilitator reads of them (private), and the relations between
them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar, Self

from pydantic import Field, model_validator

from coop_tui.store.models.base import (
    Day,
    Email,
    Line,
    Model,
    Name,
    Part,
    Record,
    RecordId,
    Score,
    Text,
    _error,
)


class ActorKind(StrEnum):
    COMMUNE = "commune"
    COMMUNITY = "community"
    ELECTED = "elected"
    SERVICE = "service"
    ASSOCIATION = "association"
    PUBLIC_BODY = "public_body"
    COMPANY = "company"
    CITIZEN_GROUP = "citizen_group"


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    SMS = "sms"
    MESSAGING = "messaging"
    MEETING = "meeting"
    VISIT = "visit"
    MAIL = "mail"
    NEWSLETTER = "newsletter"
    SOCIAL = "social"


class Role(StrEnum):
    """The facilitator's reading of an actor's part in the cooperation (private)."""

    DRIVER = "driver"
    FOLLOWER = "follower"
    COUNTERWEIGHT = "counterweight"
    RELUCTANT = "reluctant"
    NEUTRAL = "neutral"


class Contact(Model):
    email: Email = ""
    phone: Line = ""
    address: Text = ""


class ContactEntry(Part):
    """One exchange with an actor: when, how, about what."""

    on: Day
    channel: Channel
    subject: Line = ""


class CommuneProfile(Model):
    """How a member commune works, which the facilitator must know."""

    population: int | None = Field(default=None, ge=0, le=10**9)
    council_rhythm: Line = ""
    mayor: Line = ""
    deputies: list[Name] = Field(default_factory=list)
    secretary: Line = ""
    shared_services: Text = ""


class BlockageState(StrEnum):
    """Where the answer to a blockage stands: the seed asks to try to answer each one."""

    OPEN = "open"
    ADDRESSING = "addressing"
    LIFTED = "lifted"


class BlockageAnswer(Part):
    """What was tried to answer a blockage: by whom, on which day, at which meeting."""

    text: Name
    on: Day
    by_id: RecordId | None = None
    meeting_id: RecordId | None = None


class Blockage(Part):
    """Something that holds an actor back, and why (private), and how it is answered.

    ``noted_on`` is the day it was recorded (None for blockages recorded before the day
    was kept); a blockage with no answer since then is flagged after some weeks.
    """

    text: Name
    reason: Text = ""
    state: BlockageState = BlockageState.OPEN
    noted_on: Day | None = None
    answers: list[BlockageAnswer] = Field(default_factory=list)

    def last_moved(self) -> date | None:
        """The last day something happened to it: its last answer, else when noted."""
        return max((answer.on for answer in self.answers), default=self.noted_on)


class Commitment(StrEnum):
    """How far an actor is committed to the shared project, from unaware to champion."""

    UNAWARE = "unaware"
    INFORMED = "informed"
    INVOLVED = "involved"
    COMMITTED = "committed"
    CHAMPION = "champion"

    @property
    def rank(self) -> int:
        """0 for unaware up to 4 for champion: the steps compare in this order."""
        return list(Commitment).index(self)


class PrivateReading(Model):
    """The facilitator's own reading of an actor. Never exported unless asked.

    ``project_interests`` are the actor's interests and expectations regarding the shared
    project; ``dismissed_counterweights`` the tensions (keys, see
    ``coop_tui.core.insights.levers.counterweights``) for which the facilitator dismissed
    this actor as a suggested counterweight, so the suggestion stays dismissed.
    """

    role: Role | None = None
    influence: Score | None = None
    interest: Score | None = None
    blockages: list[Blockage] = Field(default_factory=list)
    stance: Text = ""
    project_interests: Text = ""
    commitment: Commitment | None = None
    commitment_wanted: Commitment | None = None
    dismissed_counterweights: list[Line] = Field(default_factory=list)


class Actor(Record):
    table: ClassVar[str] = "actors"

    name: Name
    kind: ActorKind
    parent_id: RecordId | None = None
    responsibilities: Text = ""
    competences: Text = ""
    channels: list[Channel] = Field(default_factory=list)
    preferred_channel: Channel | None = None
    contact: Contact = Field(default_factory=Contact)
    tags: list[Name] = Field(default_factory=list)
    contact_log: list[ContactEntry] = Field(default_factory=list)
    commune: CommuneProfile | None = None
    private: PrivateReading = Field(default_factory=PrivateReading)

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if self.parent_id is not None and self.parent_id == self.id:
            raise _error("self_reference")
        if self.preferred_channel is not None and self.preferred_channel not in self.channels:
            self.channels.insert(0, self.preferred_channel)
        return self

    def last_contact(self) -> date | None:
        return max((entry.on for entry in self.contact_log), default=None)

    def known_channel(self) -> Channel | None:
        """The channel to use: the preferred one, else the first one known."""
        return self.preferred_channel or (self.channels[0] if self.channels else None)


class RelationKind(StrEnum):
    COOPERATION = "cooperation"
    TENSION = "tension"
    HIERARCHY = "hierarchy"
    FUNDING = "funding"
    COUNTERWEIGHT = "counterweight"
    INFORMATION = "information"


class Relation(Record):
    """A link between two actors, as the facilitator reads it (private as a whole)."""

    table: ClassVar[str] = "relations"

    source_id: RecordId
    target_id: RecordId
    kind: RelationKind
    strength: int = Field(default=2, ge=1, le=3)
    note: Text = ""

    @model_validator(mode="after")
    def _two_actors(self) -> Self:
        if self.source_id == self.target_id:
            raise _error("self_reference")
        return self

