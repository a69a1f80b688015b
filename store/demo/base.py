"""The demo builder's randomness and the small helpers every part of it uses."""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from coop_tui.store.models import (
    Actor,
    ActorKind,
    Lever,
    Meeting,
    Relation,
    RoadmapItem,
)

if TYPE_CHECKING:
    pass
from coop_tui.store.demo.pools_people import FIRST_F, FIRST_M, SURNAMES, T, _Plan
from coop_tui.store.demo.pools_work import MONTHS


def slug_of(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(char if char.isalnum() else " " for char in plain).split()
    return "-".join(words)[:32].strip("-")


def french_date(day: date) -> str:
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))


def working_day(day: date) -> date:
    """A working day near ``day``: a Saturday moves back to Friday, a Sunday or a fixed
    public holiday on to the next day."""
    if day.weekday() == 5:
        day -= timedelta(days=1)
    while day.weekday() == 6 or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=1)
    return day


def gendered(feminine: bool, masculine: str, feminine_form: str) -> str:
    return feminine_form if feminine else masculine


@dataclass
class Person:
    name: str
    feminine: bool


class Builder:
    """Draws a whole territory from one random generator, in a fixed order."""

    def __init__(self, plan: _Plan, today: date) -> None:
        self.plan = plan
        self.today = today
        self.rng = random.Random(plan.seed)
        self.history_start = today - timedelta(days=plan.history_days)
        self.people: set[str] = set()
        self.actors: list[Actor] = []
        self.named: dict[str, Actor] = {}
        self.by_kind: dict[ActorKind, list[Actor]] = {kind: [] for kind in ActorKind}
        self.commune_names: list[str] = []
        self.communes: list[Actor] = []
        self.mayors: list[Actor] = []
        self.mayor_of: dict[str, Actor] = {}  # commune name -> mayor
        self.councillors: list[Actor] = []  # everyone with a seat at the community council
        self.commune_services: dict[str, Actor] = {}
        self.actor_by_id: dict[str, Actor] = {}
        self.relation_groups: dict[str, list[Actor]] = {}
        self.levers: dict[str, Lever] = {}
        self.relations: list[Relation] = []
        self.roadmap: list[RoadmapItem] = []
        self.meetings: list[Meeting] = []

    # ------------------------------------------------------------------ randomness

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, values: Sequence[T]) -> T:
        return values[self.rng.randrange(len(values))]

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([value for value, _weight in pairs],
                                [weight for _value, weight in pairs])[0]

    def sample(self, values: Sequence[T], count: int) -> list[T]:
        return self.rng.sample(list(values), min(count, len(values)))

    def stamp(self, day: date) -> datetime:
        """A time of day on ``day`` (never after ``today``), for created/updated."""
        day = min(day, self.today)
        return datetime.combine(day, time(self.rng.randint(7, 18), self.rng.randint(0, 59)),
                                tzinfo=UTC)

    def meta(self, created_on: date, updated_on: date | None = None) -> dict[str, Any]:
        created = self.stamp(created_on)
        updated = self.stamp(updated_on) if updated_on is not None else created
        return {"id": self.uid(), "created": created, "updated": max(created, updated)}

    def person(self) -> Person:
        while True:
            feminine = self.chance(0.5)
            first = self.pick(FIRST_F if feminine else FIRST_M)
            name = f"{first} {self.pick(SURNAMES)}"
            if name not in self.people:
                self.people.add(name)
                return Person(name, feminine)

    def passer_by(self) -> str:
        """A name that need not be unique (substitutes, deputies)."""
        return f"{self.pick(FIRST_F + FIRST_M)} {self.pick(SURNAMES)}"

    def context(self, **extra: str) -> dict[str, str]:
        """Names to fill a template text with: two different communes, a mayor, a count."""
        commune, commune2 = self.sample(self.commune_names[1:], 2)
        values = {
            "central": self.commune_names[0],
            "commune": commune,
            "commune2": commune2,
            "person": self.pick(self.mayors).name,
            "n": str(self.rng.randint(5, max(6, len(self.commune_names) - 1))),
        }
        values.update(extra)
        return values

    def fill(self, text: str, **extra: str) -> str:
        return text.format_map(self.context(**extra))

    def phone(self, mobile: bool = False) -> str:
        # Fictional numbers.
        prefix = "06 39 98" if mobile else "04 65 71"
        return f"{prefix} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"

    # ------------------------------------------------------------------ actors

