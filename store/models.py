"""The domain as pydantic models: the single source of truth for fields and validation.

Every stored record has a stable UUID ``id`` and ``created``/``updated`` timestamps, so two
copies of a store can later be compared and merged. Records refer to each other by ``id``
only. What the facilitator thinks of people (roles, influence, blockages, relations,
private notes) lives in fields named ``private`` or in :class:`Relation`, which no export
includes unless asked.

Error messages are English templates marked with ``N_``; the interface translates them
(see :data:`ERROR_MESSAGES`).
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal, Self

# No pydantic plugin is used: skip their discovery, which scans every installed package's
# metadata on the first model (about 10 ms of start-up).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from coop_tui.store.text import N_, clean_line, clean_multiline

SCHEMA_VERSION = 2

# Custom error types and their message templates (English msgids, translated upstream).
ERROR_MESSAGES: dict[str, str] = {
    "empty_text": N_("must not be empty"),
    "bad_id": N_("is not a valid identifier (UUID expected)"),
    "date_order": N_("the due date ({due}) is before the start date ({start})"),
    "time_order": N_("the end time ({end}) is not after the start time ({start})"),
    "mandate_order": N_("the mandate ends ({end}) before it starts ({start})"),
    "self_reference": N_("cannot refer to itself"),
    "bad_email": N_("is not an e-mail address"),
    "proxy_missing": N_("a represented member needs the name of the proxy holder"),
    "duplicate_item": N_("appears twice"),
    "duplicate_name": N_("« {name} » appears twice"),
    "deadline_incomplete": N_("a deadline of your own needs a title and a due date"),
    "met_and_dismissed": N_("an obligation is either met or dismissed, not both"),
}


def _error(kind: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, ERROR_MESSAGES[kind], context)


def _non_empty(value: str) -> str:
    if not value:
        raise _error("empty_text")
    return value


# The form ids are written in: checked without parsing, about 5x faster on a large store.
_CANONICAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _valid_id(value: str) -> str:
    if isinstance(value, str) and _CANONICAL_ID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        raise _error("bad_id") from None


def _clean_line(value: Any) -> Any:
    return clean_line(value) if isinstance(value, str) else value


def _clean_multiline(value: Any) -> Any:
    return clean_multiline(value) if isinstance(value, str) else value


def _email_shape(value: str) -> str:
    if value and (value.count("@") != 1 or "." not in value.rpartition("@")[2] or " " in value):
        raise _error("bad_email")
    return value


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# One line of printable text, trimmed (may be empty).
Line = Annotated[str, BeforeValidator(_clean_line)]
# A required name or title: one trimmed line, never empty.
Name = Annotated[str, BeforeValidator(_clean_line), AfterValidator(_non_empty)]
# Free text that keeps its line breaks (notes, descriptions).
Text = Annotated[str, BeforeValidator(_clean_multiline)]
RecordId = Annotated[str, AfterValidator(_valid_id)]
Score = Annotated[int, Field(ge=1, le=5)]
Email = Annotated[str, BeforeValidator(_clean_line), AfterValidator(_email_shape)]
Language = Literal["fr", "en"]

# The days a store can hold. Wide enough for any mandate, history or plan, and far enough
# from the calendar's ends (year 1 and 9999) that date arithmetic on them (a day after a
# meeting, the end of a quarter, thirty days ahead) never overflows.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)
# A day in that range.
Day = Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]
# A moment in that range, with its time zone.
Stamp = Annotated[
    AwareDatetime,
    Field(ge=datetime(FIRST_DAY.year, 1, 1, tzinfo=UTC),
          le=datetime(LAST_DAY.year, 12, 31, 23, 59, 59, tzinfo=UTC)),
]


class Model(BaseModel):
    """Base of every model: unknown fields are an error, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    @model_validator(mode="after")
    def _share_full_fields_set(self) -> Self:
        """Give a model that has every field set the one set of names its class shares.

        pydantic keeps a set of the fields given, per instance: 13 MB of the 20 MB that a
        mandate's 19,000 records take once read, where every stored record has every
        field. Sharing is safe because pydantic only ever adds names to that set, and a
        full set has them all already.
        """
        fields_set = self.__pydantic_fields_set__
        full = _FULL_FIELDS_SETS.get(type(self))
        if full is None:
            full = _FULL_FIELDS_SETS[type(self)] = set(type(self).model_fields)
        if fields_set is not full and len(fields_set) == len(full):
            object.__setattr__(self, "__pydantic_fields_set__", full)
        return self


# Per model class, the names of all its fields: the set a full instance shares.
_FULL_FIELDS_SETS: dict[type[Model], set[str]] = {}


class Record(Model):
    """A stored record, referred to by its ``id``."""

    table: ClassVar[str] = ""

    id: RecordId = Field(default_factory=new_id)
    created: Stamp = Field(default_factory=utc_now)
    updated: Stamp = Field(default_factory=utc_now)


class Part(Model):
    """A piece of a record with its own stable id (an agenda item, an action…)."""

    id: RecordId = Field(default_factory=new_id)


class LocalizedText(Model):
    """Text in both languages; either may be empty for text a user typed in one."""

    fr: Text = ""
    en: Text = ""

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to the other one."""
        primary, other = (self.fr, self.en) if language == "fr" else (self.en, self.fr)
        return primary or other


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise _error("duplicate_item")
        seen.add(value)
    return values


def _unique_names(values: list[str]) -> list[str]:
    """Names that differ only in case are one name: the evidence rules match them so."""
    seen: set[str] = set()
    for value in values:
        key = value.casefold()
        if key in seen:
            raise _error("duplicate_name", name=value)
        seen.add(key)
    return values


# ---------------------------------------------------------------------------- territory


class Thresholds(Model):
    """Figures past which a lever or an actor needs attention."""

    follower_contact_days: int = Field(default=60, ge=1, le=3650)
    meeting_cadence_factor: float = Field(default=1.5, ge=1.0, le=10.0)
    channel_coverage_percent: int = Field(default=80, ge=0, le=100)
    assessed_percent: int = Field(default=70, ge=0, le=100)
    category_gap_percent: int = Field(default=30, ge=0, le=100)
    roadmap_complete_percent: int = Field(default=80, ge=0, le=100)
    follow_up_days: int = Field(default=30, ge=1, le=3650)


class GovernancePact(StrEnum):
    """What the council decided, after the renewal, about a pacte de gouvernance."""

    UNDECIDED = "undecided"
    DRAFTING = "drafting"
    DECLINED = "declined"


class CalendarSettings(Model):
    """What the statutory calendar needs to know of the territory: the facts of its size
    and its choices that decide which rules apply (see docs/statutory-calendar.md)."""

    # L5211-36: the DOB of L2312-1 binds an EPCI with at least one commune of 3,500+.
    commune_of_3500: bool = True
    # L2121-12 via L5211-1: five clear days; a règlement intérieur may ask for more.
    convocation_clear_days: int = Field(default=5, ge=5, le=60)
    # L5211-39-1: the yearly communication is due once a schéma de mutualisation exists.
    mutualisation_scheme: bool = False
    governance_pact: GovernancePact = GovernancePact.UNDECIDED
    budget_votes: list[date] = Field(default_factory=list)
    # Alsace-Moselle keeps Good Friday and 26 December as public holidays.
    alsace_moselle: bool = False

    @field_validator("budget_votes")
    @classmethod
    def _votes_in_order(cls, votes: list[date]) -> list[date]:
        """One budget vote a day at most, kept in date order."""
        if len(set(votes)) != len(votes):
            raise _error("duplicate_item")
        return sorted(votes)


class Territory(Record):
    """The intercommunality a store file describes (one per file)."""

    table: ClassVar[str] = "territory"

    name: Name
    communes: list[Name] = Field(default_factory=list)
    mandate_start: Day
    mandate_end: Day
    language: Language = "fr"
    schema_version: int = SCHEMA_VERSION
    thresholds: Thresholds = Field(default_factory=Thresholds)
    last_minutes_export: Stamp | None = None
    last_status_report: Stamp | None = None
    address: Text = ""  # the letterhead's postal address, one line per line
    logo_path: Line = ""  # a PNG or JPEG for the letterhead of Word and PDF documents
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)
    # Shared through git with the private parts in a file of their own (store/private.py).
    private_apart: bool = False

    _unique_communes = field_validator("communes")(_unique_names)

    @model_validator(mode="after")
    def _mandate_in_order(self) -> Self:
        if self.mandate_end < self.mandate_start:
            raise _error("mandate_order", start=self.mandate_start, end=self.mandate_end)
        return self


# ---------------------------------------------------------------------------- actors


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


class Blockage(Part):
    """Something that holds an actor back, and why (private)."""

    text: Name
    reason: Text = ""


class PrivateReading(Model):
    """The facilitator's own reading of an actor. Never exported unless asked."""

    role: Role | None = None
    influence: Score | None = None
    interest: Score | None = None
    blockages: list[Blockage] = Field(default_factory=list)
    stance: Text = ""


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


# ---------------------------------------------------------------------------- levers


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

    _unique_lists = field_validator("owner_ids", "partner_ids", "depends_on")(_unique)

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


# ---------------------------------------------------------------------------- meetings


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


# ---------------------------------------------------------------------------- conflicts


class Conflict(Record):
    """A value two copies of the store changed two ways, left for a person to settle.

    A merge (``store/merge.py``) keeps one value in the record (``ours``) and sets the other
    aside here (``theirs``), with the value both started from (``base``). ``field`` is the
    path of the value in the record's document: top-level field names and the ids of parts
    (an agenda item, an action…) joined by dots, such as ``agenda.<id>.notes``; empty when
    the whole record is in question (deleted in one copy, changed in the other): then a
    missing record is ``null``.
    """

    table: ClassVar[str] = "conflicts"

    record_table: Name
    record_id: RecordId
    field: Line = ""
    base: JsonValue = None
    ours: JsonValue = None
    theirs: JsonValue = None



# ---------------------------------------------------------------------------- obligations


class NonWorkingDay(StrEnum):
    """What a deadline does when it falls on a weekend or a public holiday."""

    KEEP = "keep"
    EARLIER = "earlier"
    LATER = "later"


class Obligation(Record):
    """The state of a statutory obligation (met on a day, or dismissed and why), or a
    deadline the user added.

    A statutory one is named by its ``rule`` (a key of ``store/statutory.py``) and what
    triggers it: ``meeting_id`` for a council session, ``trigger_on`` for a date (the
    mandate start, a budget vote). ``meeting_id`` is a soft link: the state of a meeting
    deleted is kept, unused, so that a copy merged back finds it again.
    """

    table: ClassVar[str] = "obligations"

    rule: Line = ""  # empty for a deadline the user added
    meeting_id: RecordId | None = None
    trigger_on: date | None = None
    title: Line = ""
    due: date | None = None
    article: Line = ""
    non_working_day: NonWorkingDay = NonWorkingDay.KEEP
    met_on: date | None = None
    dismissed: Text = ""  # why it was dismissed; empty while it is not

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if not self.rule and (not self.title or self.due is None):
            raise _error("deadline_incomplete")
        if self.met_on is not None and self.dismissed:
            raise _error("met_and_dismissed")
        return self


RECORD_TYPES: tuple[type[Record], ...] = (
    Territory, Actor, Relation, Lever, RoadmapItem, Meeting, Conflict, Obligation)
TABLES: dict[str, type[Record]] = {kind.table: kind for kind in RECORD_TYPES}
