"""What every model shares: the schema version, the error messages and their validators,
the field types (ids, names, text, days, stamps), and the bases :class:`Model`,
:class:`Record` and :class:`Part`."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
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
    "bad_insee": N_("is not an INSEE code (five characters, such as 01053 or 2A004)"),
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

