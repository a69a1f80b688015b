"""The territory (one per store file) with its thresholds and the settings of its
statutory calendar, and the obligations of that calendar."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar, Self

from pydantic import Field, field_validator, model_validator

from coop_tui.store.models.base import (
    SCHEMA_VERSION,
    Day,
    Language,
    Line,
    Model,
    Name,
    Record,
    RecordId,
    Stamp,
    Text,
    _error,
    _unique_names,
)


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
