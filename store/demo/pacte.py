"""The demo territory's pacte financier et fiscal: two years of figures for each commune
and the community, a charter with endorsed commitments, the council's criteria and six
projects scored, one selected and one deferred.

The figures are fictional, drawn in the ranges French communes of these sizes have
(potentiel financier 700 to 1,100 €/inhabitant, épargne brute 100 to 250 €/inhabitant,
debt 400 to 900 €/inhabitant); the bourg-centre is the richest. Drawn from a generator of
its own, after every other record, so the rest of the demo does not change; ids and stamps
come from keys and ``today``.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time

from coop_tui.store.models import (
    Actor,
    ActorKind,
    CharterCommitment,
    CommitmentLevel,
    CriterionScore,
    Endorsement,
    FinanceFigure,
    Finances,
    FinancingLine,
    Meeting,
    MeetingKind,
    PactCriterion,
    PactProject,
    ProjectScope,
    Record,
    SelectionStatus,
    Territory,
)

_SEED = 2205
_NAMESPACE = uuid.UUID("0c8e3f52-7d4a-4b16-9a7e-5f2b8c1d9e03")

CRITERIA: tuple[tuple[str, int, str], ...] = (
    ("Intérêt communautaire", 3, "Le projet sert-il plusieurs communes ?"),
    ("Réponse aux besoins des bassins de vie", 3, "Au regard du diagnostic partagé."),
    ("Coût de fonctionnement induit", 2, "5 : aucun coût nouveau ; 0 : lourd."),
    ("Équilibre territorial", 2, "Le projet profite-t-il aux communes rurales ?"),
    ("Maturité du projet", 1, "Études faites, foncier maîtrisé."),
)
# title, scope, carrier (0: the bourg-centre, None: the community, n: the nth commune),
# cost, financing lines (source, amount, paid by the community)
PROJECTS: tuple[tuple[str, ProjectScope, int | None, int,
                      tuple[tuple[str, int, bool], ...]], ...] = (
    ("Maison de santé pluriprofessionnelle", ProjectScope.COMMUNITY, None, 2_400_000,
     (("DETR", 600_000, False), ("Région", 400_000, False), ("ARS", 150_000, False))),
    ("Crèche intercommunale de 30 places", ProjectScope.COMMUNITY, None, 1_900_000,
     (("CAF", 700_000, False), ("DETR", 300_000, False))),
    ("Rénovation énergétique de l'école", ProjectScope.COMMUNAL, 2, 620_000,
     (("DSIL", 200_000, False), ("Fonds de concours de la communauté", 100_000, True),
      ("Département", 90_000, False))),
    ("Voie verte de la vallée", ProjectScope.COMMUNITY, None, 1_300_000,
     (("Région", 390_000, False), ("LEADER", 260_000, False))),
    ("Salle multi-activités", ProjectScope.COMMUNAL, 9, 950_000,
     (("DETR", 250_000, False), ("Fonds de concours de la communauté", 150_000, True))),
    ("Réseau de chaleur bois du bourg", ProjectScope.COMMUNAL, 0, 4_900_000,
     (("ADEME, fonds chaleur", 1_100_000, False),)),
)
COMMUNITY_COMMITMENTS: tuple[tuple[str, str, CommitmentLevel], ...] = (
    ("Maintenir l'enveloppe de la DSC à son niveau de l'an dernier jusqu'à la fin du mandat",
     "solidarité", CommitmentLevel.FIRM),
    ("Verser un fonds de concours égal à 50 % du reste à charge des projets communaux "
     "retenus, plafonné à 150 000 €", "investissement", CommitmentLevel.CONTRACTED),
    ("Présenter chaque année le bilan partagé en conférence des maires avant le DOB",
     "gouvernance", CommitmentLevel.FIRM),
)
COMMUNE_COMMITMENTS: tuple[tuple[str, str, CommitmentLevel], ...] = (
    ("Transmettre ses comptes et sa fiche DGF chaque année avant le 31 mars", "gouvernance",
     CommitmentLevel.FIRM),
    ("Ne pas augmenter le taux de foncier bâti avant 2028", "fiscalité",
     CommitmentLevel.INTENT),
    ("Inscrire ses projets d'investissement au plan pluriannuel partagé", "investissement",
     CommitmentLevel.FIRM),
)


def _id(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


class _PacteDraw:
    def __init__(self, records: Sequence[Record], today: date) -> None:
        self.rng = random.Random(_SEED)
        self.today = today
        self.stamp = datetime.combine(today, time(8, 0), tzinfo=UTC)
        territory = next(r for r in records if isinstance(r, Territory))
        actors = [r for r in records if isinstance(r, Actor)]
        named = {name.casefold() for name in territory.communes}
        self.communes = [a for a in actors
                         if a.kind is ActorKind.COMMUNE and a.name.casefold() in named]
        self.community = next(a for a in actors if a.kind is ActorKind.COMMUNITY)
        self.mayors = {commune.id: next(
            (a for a in actors if a.kind is ActorKind.ELECTED
             and a.responsibilities.split(" ;")[0] == f"Maire de {commune.name}"), commune)
            for commune in self.communes}
        held = sorted((r for r in records if isinstance(r, Meeting) and r.on < today),
                      key=lambda m: (m.on, m.id))
        self.council = next((m for m in reversed(held) if m.kind is MeetingKind.COUNCIL), None)
        self.conference = next((m for m in reversed(held)
                                if m.kind is MeetingKind.MAYORS_CONFERENCE), self.council)
        self.years = (today.year - 2, today.year - 1)

    def meta(self, key: str) -> dict[str, object]:
        return {"id": _id(key), "created": self.stamp, "updated": self.stamp}

    def amount(self, per_inhabitant: float, population: int) -> int:
        return round(per_inhabitant * population / 100) * 100

    def finances(self) -> list[Finances]:
        found: list[Finances] = []
        totals: dict[int, dict[str, int]] = {year: {} for year in self.years}
        for index, commune in enumerate(self.communes):
            central = index == 0
            base_population = (commune.commune.population if commune.commune
                               and commune.commune.population else 500)
            potential = self.rng.uniform(960, 1090) if central else self.rng.uniform(700, 1000)
            savings = self.rng.uniform(150, 240) if central else self.rng.uniform(100, 230)
            debt = self.rng.uniform(600, 880) if central else self.rng.uniform(400, 850)
            compensation = self.rng.uniform(60, 140) if central else self.rng.uniform(-25, 70)
            solidarity = self.rng.uniform(10, 25)
            gives = self.rng.random() < 0.4
            receives = not gives and self.rng.random() < 0.5
            for step, year in enumerate(self.years):
                population = base_population + self.rng.randint(-8, 12) + step * 4
                drift = 1 + step * self.rng.uniform(0.005, 0.03)
                gross = self.amount(savings * drift, population)
                row = Finances(
                    **self.meta(f"finances/{commune.id}/{year}"),
                    actor_id=commune.id, year=year, population=population,
                    financial_potential=round(potential * drift, 2),
                    fiscal_potential=round(potential * drift * self.rng.uniform(0.84, 0.92), 2),
                    gross_savings=gross,
                    debt_repayment=round(gross * self.rng.uniform(0.3, 0.45) / 100) * 100,
                    debt=self.amount(debt * (1 - step * 0.04), population),
                    compensation=self.amount(compensation, population),
                    solidarity_grant=self.amount(solidarity, population),
                    funds_given=self.rng.choice((10_000, 20_000, 30_000)) if gives else 0,
                    funds_received=(self.rng.choice((25_000, 40_000, 80_000))
                                    if receives else 0),
                    fpic=self.amount(self.rng.uniform(5, 14), population),
                    source=f"compte administratif {year}",
                    sources={FinanceFigure.POPULATION: f"fiche DGF {year}",
                             FinanceFigure.FINANCIAL_POTENTIAL: f"fiche DGF {year}",
                             FinanceFigure.FISCAL_POTENTIAL: f"fiche DGF {year}",
                             FinanceFigure.FPIC: f"fiche DGF {year}"})
                found.append(row)
                total = totals[year]
                for name in ("population", "compensation", "solidarity_grant", "funds_given",
                             "funds_received", "fpic"):
                    total[name] = total.get(name, 0) + int(getattr(row, name) or 0)
        for year in self.years:
            total = totals[year]
            population = total["population"]
            gross = self.amount(self.rng.uniform(95, 125), population)
            found.append(Finances(
                **self.meta(f"finances/{self.community.id}/{year}"),
                actor_id=self.community.id, year=year, population=population,
                gross_savings=gross, debt_repayment=round(gross * 0.36 / 100) * 100,
                debt=self.amount(self.rng.uniform(380, 520), population),
                compensation=total["compensation"],
                solidarity_grant=total["solidarity_grant"],
                funds_given=total["funds_received"], funds_received=total["funds_given"],
                fpic=self.amount(self.rng.uniform(3, 6), population),
                source=f"compte administratif {year} de la communauté",
                note="Attribution de compensation et DSC : totaux versés aux communes."))
        return found

    def endorse(self, key: str, actor: Actor, day: date, meeting: Meeting | None,
                note: str = "") -> Endorsement:
        return Endorsement(id=_id(f"endorsement/{key}"), actor_id=actor.id, day=day,
                           meeting_id=meeting.id if meeting else None, note=note)

    def charter(self) -> list[CharterCommitment]:
        day = self.conference.on if self.conference else self.today
        found = []
        president = self.mayors[self.communes[0].id]
        for index, (text, theme, level) in enumerate(COMMUNITY_COMMITMENTS):
            endorsements = ([self.endorse(f"community/{index}", president, day,
                                          self.conference, "au nom de la communauté")]
                            if index < 2 else [])
            found.append(CharterCommitment(
                **self.meta(f"charter/community/{index}"),
                actor_id=self.community.id, text=text, theme=theme, level=level,
                endorsements=endorsements))
        for index, commune in enumerate(self.communes[:6]):
            text, theme, level = COMMUNE_COMMITMENTS[index % len(COMMUNE_COMMITMENTS)]
            endorsed = index != 4
            endorsements = [self.endorse(f"{commune.id}/mayor", self.mayors[commune.id], day,
                                         self.conference)] if endorsed else []
            if endorsed and index % 2 == 0:
                endorsements.append(self.endorse(
                    f"{commune.id}/council", commune, day, None,
                    "délibération du conseil municipal"))
            found.append(CharterCommitment(
                **self.meta(f"charter/{commune.id}"),
                actor_id=commune.id, text=text, theme=theme, level=level,
                endorsements=endorsements))
        return found

    def projects(self, criteria: list[PactCriterion]) -> list[PactProject]:
        found = []
        for index, (title, scope, carrier, cost, lines) in enumerate(PROJECTS):
            commune = self.communes[carrier % len(self.communes)] if carrier is not None \
                else None
            carrier_actor = commune or self.community
            if commune is not None:
                title = f"{title} ({commune.name})"
            scores = [CriterionScore(criterion_id=criterion.id,
                                     score=self.rng.randint(1, 5) if scope is
                                     ProjectScope.COMMUNITY else self.rng.randint(0, 4))
                      for number, criterion in enumerate(criteria)
                      if not (index == 3 and number == 4)]  # the voie verte's maturity: open
            if scores:
                scores[0] = scores[0].model_copy(update={"reason": (
                    "Sert toutes les communes" if scope is ProjectScope.COMMUNITY
                    else "Profite surtout à la commune")})
            selection, day, meeting = SelectionStatus.PROPOSED, None, None
            if index == 1 and self.council is not None:
                selection, day, meeting = SelectionStatus.SELECTED, self.council.on, self.council
            elif index == 3 and self.council is not None:
                selection, day, meeting = SelectionStatus.DEFERRED, self.council.on, self.council
            found.append(PactProject(
                **self.meta(f"project/{index}"),
                title=title, scope=scope, carrier_id=carrier_actor.id, cost=cost,
                financing=[FinancingLine(id=_id(f"project/{index}/{number}"), source=source,
                                         amount=amount,
                                         payer_id=self.community.id if ours else None)
                           for number, (source, amount, ours) in enumerate(lines)],
                scores=scores, selection=selection, selection_day=day,
                selection_meeting_id=meeting.id if meeting else None))
        return found


def with_pacte(records: list[Record], today: date) -> list[Record]:
    """``records`` with the pacte's figures, charter, criteria and projects."""
    draw = _PacteDraw(records, today)
    if not draw.communes:
        return records
    criteria = [PactCriterion(**draw.meta(f"criterion/{index}"),
                              name=name, weight=weight, description=description)
                for index, (name, weight, description) in enumerate(CRITERIA)]
    return [*records, *draw.finances(), *draw.charter(), *criteria,
            *draw.projects(criteria)]
