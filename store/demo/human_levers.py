"""The demo's human levers: the shared project and who endorsed it, each actor's commitment
to it, the blockages with their state and the answers tried, and the communes hosting the
meetings, so that a newcomer sees each piece at work.

Called once by the demo builder after every other draw, with a random generator of its
own: the records drawn before keep their values, and the same records and day give the
same result.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta

from coop_tui.store.models import (
    Actor,
    ActorKind,
    BlockageAnswer,
    BlockageState,
    Commitment,
    Endorsement,
    Meeting,
    MeetingKind,
    Record,
    Role,
    SharedProject,
    Territory,
)

SEED = 18_2026

STATEMENT = (
    "Faire du Val de Loubière un territoire où chaque habitant trouve, à moins de vingt "
    "minutes, les services publics du quotidien, en mutualisant ce que les communes ne "
    "peuvent porter seules et en laissant à chaque mairie ce qu'elle fait le mieux.")
COMMON_INTERESTS = (
    "Garder des secrétariats de mairie ouverts dans les petites communes.\n"
    "Peser ensemble face au Département et à l'État pour les financements.")
CROSSED_INTERESTS = (
    "La ville-centre gagne des usagers pour ses équipements ; les communes rurales gagnent "
    "un accès à l'ingénierie (ADS, marchés publics) qu'elles n'ont pas.")
PATTE_NAME = "Loubière en commun"
WAY_OF_WORKING = (
    "Chaque instance se tient dans une commune différente, le maire hôte ouvre la séance ; "
    "une décision n'est prise qu'après un tour de table de toutes les communes.")
SYMBOLS = "Le pont de la Loubière comme logo ; le « café des maires » avant chaque conférence."

# What the facilitator tried, by the kind of answer.
ANSWERS = (
    "Rencontre bilatérale en mairie pour entendre les réserves",
    "Note chiffrée envoyée sur l'impact financier",
    "Visite d'un service commun qui fonctionne dans une commune voisine",
    "Point inscrit à l'ordre du jour du bureau",
    "Proposition d'une phase d'essai de six mois",
)
INTERESTS = (
    "Attend un appui en ingénierie pour ses projets d'équipement.",
    "Veut garder la maîtrise de ses services de proximité.",
    "Cherche à réduire ses coûts de fonctionnement.",
    "Souhaite que les petites communes pèsent autant que la ville-centre.",
    "Attend des résultats visibles avant la fin du mandat.",
)
# Commitment levels drawn per role, from most to least likely.
COMMITMENT_BY_ROLE: dict[Role | None, tuple[Commitment, ...]] = {
    Role.DRIVER: (Commitment.CHAMPION, Commitment.COMMITTED),
    Role.FOLLOWER: (Commitment.INVOLVED, Commitment.INFORMED, Commitment.COMMITTED),
    Role.COUNTERWEIGHT: (Commitment.COMMITTED, Commitment.INVOLVED),
    Role.RELUCTANT: (Commitment.INFORMED, Commitment.UNAWARE),
    Role.NEUTRAL: (Commitment.INFORMED, Commitment.INVOLVED),
    None: (Commitment.INFORMED, Commitment.UNAWARE, Commitment.INVOLVED),
}
_LEVELS = list(Commitment)
STATES = (BlockageState.OPEN, BlockageState.ADDRESSING, BlockageState.LIFTED)


def _stamp(on: date, today: date) -> datetime:
    return datetime.combine(min(on, today), time(10, 0), tzinfo=UTC)


class _Draws:
    def __init__(self, today: date) -> None:
        self.rng = random.Random(SEED)
        self.today = today

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low, high))


def _mayors(actors: list[Actor]) -> list[Actor]:
    """The elected officials a commune's profile names as its mayor."""
    names = {(a.id, a.commune.mayor.casefold()) for a in actors
             if a.kind is ActorKind.COMMUNE and a.commune is not None and a.commune.mayor}
    return [a for a in actors if a.kind is ActorKind.ELECTED
            and (a.parent_id, a.name.casefold()) in names]


def _host_commune(meeting: Meeting, communes: list[str]) -> str:
    """The territory commune the meeting's place names (the longest name found)."""
    place = meeting.place.casefold()
    found = [name for name in communes if name.casefold() in place]
    return max(found, key=len, default="")


def with_human_levers(records: list[Record], today: date) -> list[Record]:
    """``records`` with the human levers filled, and the shared project added."""
    draws = _Draws(today)
    rng = draws.rng
    territory = next(r for r in records if isinstance(r, Territory))
    actors = [r for r in records if isinstance(r, Actor)]
    meetings = sorted((r for r in records if isinstance(r, Meeting)), key=lambda m: m.on)
    held = [m for m in meetings if m.on <= today]
    for meeting in meetings:
        meeting.commune = _host_commune(meeting, territory.communes)
    for actor in actors:
        reading = actor.private
        if rng.random() < 0.85:
            choices = COMMITMENT_BY_ROLE[reading.role]
            reading.commitment = choices[0] if rng.random() < 0.6 else rng.choice(choices)
            step = 0 if reading.commitment is Commitment.CHAMPION else rng.randint(0, 2)
            reading.commitment_wanted = _LEVELS[min(reading.commitment.rank + step, 4)]
        if reading.role is not None and rng.random() < 0.6:
            reading.project_interests = rng.choice(INTERESTS)
        for index, blockage in enumerate(reading.blockages):
            blockage.noted_on = draws.days_ago(60, 200)
            state = STATES[(len(actor.name) + index) % len(STATES)]
            blockage.state = state
            if state is BlockageState.OPEN:
                continue
            tries = 1 if state is BlockageState.ADDRESSING else rng.randint(1, 2)
            moved = [m for m in held if m.on > blockage.noted_on and any(
                row.actor_id == actor.id for row in m.attendance)]
            for attempt in range(tries):
                met = moved[attempt] if attempt < len(moved) else None
                blockage.answers.append(BlockageAnswer(
                    id=draws.uid(), text=rng.choice(ANSWERS),
                    on=met.on if met else draws.days_ago(10, 50),
                    by_id=met.facilitator_id if met else None,
                    meeting_id=met.id if met else None))
            blockage.answers.sort(key=lambda answer: answer.on)
    endorsing = [m for m in held
                 if m.kind in (MeetingKind.MAYORS_CONFERENCE, MeetingKind.COUNCIL)]
    endorsements: list[Endorsement] = []
    for mayor in _mayors(actors):
        if mayor.private.role is Role.RELUCTANT or rng.random() < 0.25:
            continue
        where = endorsing[-1] if endorsing else None
        endorsements.append(Endorsement(
            id=draws.uid(), actor_id=mayor.id, day=where.on if where else today,
            meeting_id=where.id if where else None,
            note="" if where else "par courrier"))
    first = endorsing[0].on if endorsing else today
    project = SharedProject(
        id=draws.uid(), created=_stamp(first, today), updated=_stamp(today, today),
        statement=STATEMENT, common_interests=COMMON_INTERESTS,
        crossed_interests=CROSSED_INTERESTS, patte_name=PATTE_NAME,
        way_of_working=WAY_OF_WORKING, symbols=SYMBOLS, endorsements=endorsements)
    return [*records, project]
