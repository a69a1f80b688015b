"""The demo territory's shared diagnostic: each commune's missions and staff, the
community's services, two or three bassins de vie with their needs, and the lines two
objectives of the demo's roadmap answer.

Drawn from its own :class:`random.Random`, after every other part of the demo, so the
records drawn before it stay the same. The staff follows what real communes of that size
have: about 1.5 FTE for 600 inhabitants (a secretary of the mairie part-time and an
agent), about 30 to 40 for 5,000 (services of their own).
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from coop_tui.store.models import (
    Actor,
    ActorKind,
    AreaCommune,
    LivingArea,
    MissionStaff,
    OrganisationMissions,
    Record,
    RoadmapItem,
    ServiceNeed,
)

SEED = 22_0622
# A commune's missions by the share of its staff they take, from the smallest commune's
# (a secretary of the mairie, an agent) to the missions a larger one adds.
SMALL_MISSIONS: tuple[tuple[str, float], ...] = (
    ("reception", 0.30), ("civil_status", 0.12), ("finance", 0.13), ("town_planning", 0.05),
    ("building_maintenance", 0.25), ("roads", 0.15),
)
LARGER_MISSIONS: tuple[tuple[str, float], ...] = (
    ("school_catering", 0.12), ("after_school", 0.12), ("green_spaces", 0.08),
    ("human_resources", 0.04), ("procurement", 0.02), ("it", 0.02), ("archives", 0.01),
    ("early_childhood", 0.10),
)
# The community's own services: mission, FTE, agents of category A, B, C.
COMMUNITY_SERVICES: tuple[tuple[str, float, tuple[int, int, int]], ...] = (
    ("town_planning", 3.0, (1, 2, 0)), ("finance", 3.5, (1, 1, 2)),
    ("human_resources", 2.0, (1, 1, 0)), ("early_childhood", 11.0, (1, 4, 6)),
    ("it", 1.0, (0, 1, 0)), ("procurement", 1.0, (0, 1, 0)), ("reception", 2.0, (0, 0, 2)),
)
NEEDS: tuple[tuple[str, str, int, int], ...] = (
    ("Petite enfance", "places d'accueil manquantes", 10, 45),
    ("Périscolaire", "enfants sans accueil le mercredi", 10, 40),
    ("Médecins généralistes", "départs en retraite d'ici 2028", 1, 3),
    ("Transport à la demande", "trajets demandés par semaine", 20, 80),
    ("Portage de repas", "personnes âgées en attente", 5, 25),
    ("Accès au numérique", "foyers sans connexion fixe", 30, 150),
)
# Objectives of the demo's roadmap (store/demo/pools_work.py) that answer the diagnostic.
SECRETARIAT = "Secrétariat de mairie itinérant pour les petites communes"
ADS_EXTENDED = "Extension du service commun ADS à toutes les communes"
AREA_NAMES = ("Bassin de {name}", "Vallée de {name}", "Plateau de {name}")
COMMUNES_PER_AREA = 5


def total_fte(population: int) -> float:
    """The staff of a commune of ``population``: 1.5 FTE at 600 inhabitants, about 31 at
    4,800 (one agent per 400 inhabitants, more per head as a commune grows)."""
    return float(population / 400 * max(1.0, population / 1000) ** 0.6)


class DiagnosticDraw:
    """Draws the diagnostic from the demo's actors, levers and day."""

    def __init__(self, actors: Sequence[Actor], today: date) -> None:
        self.rng = random.Random(SEED)
        self.communes = [a for a in actors if a.kind is ActorKind.COMMUNE and a.commune]
        self.community = next(a for a in actors if a.kind is ActorKind.COMMUNITY)
        self.stamp = datetime.combine(today - timedelta(days=45), time(10, 0), tzinfo=UTC)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def meta(self) -> dict[str, object]:
        return {"id": self.uid(), "created": self.stamp, "updated": self.stamp}

    def line(self, mission: str, fte: float, **fields: object) -> MissionStaff:
        return MissionStaff(id=self.uid(), mission=mission, fte=round(fte, 2), **fields)

    def commune(self, actor: Actor) -> OrganisationMissions:
        population = actor.commune.population if actor.commune else None
        total = total_fte(population or 500) * self.rng.uniform(0.85, 1.15)
        missions = list(SMALL_MISSIONS)
        if total >= 8:  # a commune of about 2,000 inhabitants has services of its own
            missions += list(LARGER_MISSIONS)
        weight = sum(share for _mission, share in missions)
        lines = []
        for mission, share in missions:
            fte = max(0.05, total * share / weight * self.rng.uniform(0.7, 1.3))
            shared = mission == "town_planning" and self.rng.random() < 0.6
            count = round(fte)
            lines.append(self.line(
                mission, fte, shared=shared,
                shared_with=[self.community.id] if shared else [],
                category_c=count if count and mission not in ("reception", "finance") else None,
                category_b=1 if mission == "reception" and total >= 3 else None))
        return OrganisationMissions(**self.meta(), actor_id=actor.id, missions=lines)

    def community_record(self) -> OrganisationMissions:
        lines = [self.line(mission, fte, category_a=a, category_b=b, category_c=c,
                           shared=mission == "town_planning",
                           note="Service commun d'instruction ADS"
                           if mission == "town_planning" else "")
                 for mission, fte, (a, b, c) in COMMUNITY_SERVICES]
        return OrganisationMissions(**self.meta(), actor_id=self.community.id, missions=lines)

    def areas(self) -> list[LivingArea]:
        count = max(2, min(3, math.ceil(len(self.communes) / COMMUNES_PER_AREA)))
        if len(self.communes) > 3 * COMMUNES_PER_AREA:
            count = math.ceil(len(self.communes) / COMMUNES_PER_AREA)
        groups: list[list[Actor]] = [[] for _ in range(count)]
        for index, commune in enumerate(self.communes):
            groups[index % count].append(commune)
        found = []
        for index, group in enumerate(groups):
            name = AREA_NAMES[index % len(AREA_NAMES)].format(name=group[0].name)
            # The first bassin lacks places for young children.
            drawn = [NEEDS[0], *self.rng.sample(NEEDS[1:], 2)] if index == 0 else \
                self.rng.sample(NEEDS, 3)
            needs = [ServiceNeed(id=self.uid(), text=text, unit=unit,
                                 figure=self.rng.randint(low, high))
                     for text, unit, low, high in drawn]
            communes = [AreaCommune(actor_id=commune.id,
                                    insee=f"00{self.rng.randint(100, 999)}"
                                    if self.rng.random() < 0.5 else "")
                        for commune in group]
            found.append(LivingArea(**self.meta(), name=name, communes=communes, needs=needs))
        return found

    def answer(self, roadmap: Sequence[RoadmapItem], records: list[OrganisationMissions]) -> None:
        """Have two objectives the demo's roadmap already holds cite the lines they answer:
        the itinerant secretariat, the état civil of the communes with the least staff on
        it; the ADS service extended, the communes that do not share it yet. Only their
        ``answers`` change."""
        communal = [line for record in records if record.actor_id != self.community.id
                    for line in record.missions]
        small = sorted((line for line in communal if line.mission == "civil_status"),
                       key=lambda line: (line.fte, line.id))[:4]
        alone = [line for line in communal if line.mission == "town_planning"
                 and not line.shared]
        for objective, lines in ((SECRETARIAT, small), (ADS_EXTENDED, alone)):
            item = next((item for item in roadmap if item.objective == objective), None)
            if item is not None:
                item.answers = [line.id for line in lines]


def demo_diagnostic(actors: Sequence[Actor], roadmap: Sequence[RoadmapItem],
                    today: date) -> list[Record]:
    """The diagnostic's records for the demo territory; two objectives of ``roadmap`` are
    given the lines they answer."""
    draw = DiagnosticDraw(actors, today)
    records = [draw.community_record(), *(draw.commune(actor) for actor in draw.communes)]
    draw.answer(roadmap, records)
    return [*records, *draw.areas()]
