"""A fictional territory to try coop-tui with: ``coop-tui --demo`` and ``coop-tui demo OUT``.

The « Communauté de communes du Val de Loubière », its communes, people and organisations
are invented; e-mail addresses are on example.fr. The generator is
deterministic: it draws from a :class:`random.Random` with a fixed seed and reads no clock,
so the same ``size`` and ``today`` always give the same bytes. Every date is placed
relative to ``today`` (meetings, contacts, late actions), except the mandate (2026-2032) and
the roadmap objectives and levers planned on it.

``small`` is a believable territory to explore (12 communes, 40 actors, 10 meetings);
``large`` is the same generator scaled up (50 communes, 400 actors, 500 meetings over six
years) to try the interface on a big store.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from coop_tui.store.demo.diagnostic import demo_diagnostic
from coop_tui.store.demo.human_levers import with_human_levers
from coop_tui.store.demo.meetings import MeetingsBuilder
from coop_tui.store.demo.obligations import with_statutory_calendar
from coop_tui.store.demo.pacte import with_pacte
from coop_tui.store.demo.pools_people import (
    DEFAULT_TODAY,
    MANDATE_END,
    MANDATE_START,
    PLANS,
    TERRITORY_NAME,
    DemoSize,
)
from coop_tui.store.models import Record, Territory

if TYPE_CHECKING:
    from coop_tui.store.storage import Data

__all__ = ["DEFAULT_TODAY", "DemoSize", "demo_data", "demo_records"]


class DemoBuilder(MeetingsBuilder):
    """Draws a whole territory from one random generator, in a fixed order."""

    # ------------------------------------------------------------------ all

    def build(self) -> list[Record]:
        self.build_actors()
        self.build_relations()
        self.build_levers()
        self.build_roadmap()
        self.build_meetings()
        self.link_roadmap_to_meetings()
        territory = Territory(
            **self.meta(self.history_start),
            name=TERRITORY_NAME,
            communes=self.commune_names,
            mandate_start=MANDATE_START,
            mandate_end=MANDATE_END,
            language="fr",
        )
        return [territory, *self.actors, *self.relations, *self.levers.values(),
                *self.roadmap, *self.meetings,
                *demo_diagnostic(self.actors, self.roadmap, self.today)]



def demo_records(size: DemoSize = "small", today: date = DEFAULT_TODAY) -> list[Record]:
    """Every record of the demo territory: the same ones for the same size and day."""
    if size not in PLANS:
        raise ValueError(f"unknown demo size {size!r}: small or large")
    records = with_statutory_calendar(DemoBuilder(PLANS[size], today).build(), today)
    return with_human_levers(with_pacte(records, today), today)


def demo_data(size: DemoSize = "small", today: date = DEFAULT_TODAY) -> Data:
    """The demo territory in the store file layout, ready to be written or opened."""
    from coop_tui.store.database import data_from_records

    return data_from_records(demo_records(size, today))

