"""Reading the actor map: who drives, who follows, who balances whom, who is left out.

The seed document asks the facilitator to find the drivers ("moteurs"), keep the followers
("suiveurs") involved by communicating regularly, understand each actor's channels, and
bring in counterweights where power is unbalanced. Each figure below is a pure function
over the models, with its rule written next to it, so the actor screen, the levers'
evidence and the dashboard count the same way. ``today`` is always a parameter: callers
pass ``session.today()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Actor, Relation, RelationKind, Role, Thresholds

# A score (1-5) of this value or more counts as high: a middle score is already worth
# engaging, so the middle row and column belong to the upper quadrants.
HIGH_SCORE = 3


class Quadrant(StrEnum):
    """Where an actor stands on the power / interest map, and what that calls for."""

    MANAGE_CLOSELY = "manage_closely"  # high influence, high interest
    KEEP_SATISFIED = "keep_satisfied"  # high influence, low interest
    KEEP_INFORMED = "keep_informed"  # low influence, high interest
    MONITOR = "monitor"  # low influence, low interest


QUADRANT_LABELS: dict[Quadrant, str] = {
    Quadrant.MANAGE_CLOSELY: N_("manage closely"),
    Quadrant.KEEP_SATISFIED: N_("keep satisfied"),
    Quadrant.KEEP_INFORMED: N_("keep informed"),
    Quadrant.MONITOR: N_("monitor"),
}


def quadrant_label(value: Quadrant) -> str:
    """The quadrant's name in the current language (« associer étroitement »…)."""
    return _(QUADRANT_LABELS[value])


def is_high(score: int) -> bool:
    return score >= HIGH_SCORE


def quadrant(influence: int | None, interest: int | None) -> Quadrant | None:
    """The quadrant of a pair of scores; None while either score is unknown."""
    if influence is None or interest is None:
        return None
    if is_high(influence):
        return Quadrant.MANAGE_CLOSELY if is_high(interest) else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if is_high(interest) else Quadrant.MONITOR


def actor_quadrant(actor: Actor) -> Quadrant | None:
    return quadrant(actor.private.influence, actor.private.interest)


# ---------------------------------------------------------------------------- roles


def with_role(actors: Iterable[Actor], role: Role) -> list[Actor]:
    """Actors the facilitator reads as playing ``role`` (the private reading)."""
    return [actor for actor in actors if actor.private.role is role]


def drivers(actors: Iterable[Actor]) -> list[Actor]:
    """The « moteurs »: actors whose role is driver."""
    return with_role(actors, Role.DRIVER)


def followers(actors: Iterable[Actor]) -> list[Actor]:
    """The « suiveurs »: actors whose role is follower."""
    return with_role(actors, Role.FOLLOWER)


def counterweights(actors: Iterable[Actor]) -> list[Actor]:
    """Actors whose role is counterweight."""
    return with_role(actors, Role.COUNTERWEIGHT)


def reluctant(actors: Iterable[Actor]) -> list[Actor]:
    """Actors whose role is reluctant (« réticent·e »)."""
    return with_role(actors, Role.RELUCTANT)


def is_assessed(actor: Actor) -> bool:
    """Assessed means both influence and interest are scored: the actor is on the map."""
    return actor.private.influence is not None and actor.private.interest is not None


def not_assessed(actors: Iterable[Actor]) -> list[Actor]:
    """Actors missing their influence or their interest score (not on the map)."""
    return [actor for actor in actors if not is_assessed(actor)]


# ---------------------------------------------------------------------------- channels


def without_channel(actors: Iterable[Actor]) -> list[Actor]:
    """Actors with no known channel: neither a preferred channel nor any channel listed."""
    return [actor for actor in actors if actor.known_channel() is None]


def days_since_contact(actor: Actor, today: date) -> int | None:
    """Days since the last logged contact; None when there never was one."""
    last = actor.last_contact()
    return None if last is None else (today - last).days


def needs_contact(actor: Actor, today: date, days: int) -> bool:
    """A follower never contacted, or last contacted ``days`` days ago or more.

    Only followers count: the document asks to keep them involved by communicating
    regularly; drivers come by themselves and the others call for other levers.
    """
    if actor.private.role is not Role.FOLLOWER:
        return False
    since = days_since_contact(actor, today)
    return since is None or since >= days


def followers_to_contact(actors: Iterable[Actor], today: date, days: int) -> list[Actor]:
    """Followers not contacted for ``days`` days (``thresholds.follower_contact_days``)."""
    return [actor for actor in actors if needs_contact(actor, today, days)]


# ---------------------------------------------------------------------------- relations


def _counterweights(relations: Iterable[Relation]) -> dict[str, set[str]]:
    """Each actor that has counterweights, and who they are (target id → source ids)."""
    found: dict[str, set[str]] = {}
    for relation in relations:
        if relation.kind is RelationKind.COUNTERWEIGHT:
            found.setdefault(relation.target_id, set()).add(relation.source_id)
    return found


def _balanced(tension: Relation, counterweights: dict[str, set[str]]) -> bool:
    parties = {tension.source_id, tension.target_id}
    return any(counterweights.get(party, set()) - parties for party in parties)


def is_balanced(tension: Relation, relations: Iterable[Relation]) -> bool:
    """A tension between A and B is balanced when a third actor is a counterweight to A
    or to B: a counterweight relation from someone other than A and B, aimed at either."""
    return _balanced(tension, _counterweights(relations))


def unbalanced_tensions(relations: Sequence[Relation]) -> list[Relation]:
    """Tension relations that no counterweight balances (see :func:`is_balanced`)."""
    counterweights = _counterweights(relations)
    return [
        relation for relation in relations
        if relation.kind is RelationKind.TENSION and not _balanced(relation, counterweights)
    ]


# Relations that read the same both ways; the others go from source to target (the
# source funds, informs, has authority over or is a counterweight to the target).
SYMMETRIC = frozenset({RelationKind.COOPERATION, RelationKind.TENSION})


@dataclass(frozen=True)
class Neighbour:
    """One relation seen from an actor: the other actor, and which way it goes."""

    relation: Relation
    other_id: str
    outgoing: bool  # the actor is the source (always True for symmetric kinds)


def neighbourhood(actor_id: str, relations: Iterable[Relation]) -> list[Neighbour]:
    """Every relation of an actor, by kind (in the kinds' order), outgoing first, then
    strongest first."""
    found = [
        Neighbour(relation, relation.target_id if outgoing else relation.source_id,
                  outgoing or relation.kind in SYMMETRIC)
        for relation in relations
        for outgoing in (relation.source_id == actor_id,)
        if outgoing or relation.target_id == actor_id
    ]
    order = {kind: index for index, kind in enumerate(RelationKind)}
    return sorted(found, key=lambda n: (order[n.relation.kind], not n.outgoing,
                                        -n.relation.strength, n.relation.id))


# ---------------------------------------------------------------------------- summary


def _percent(part: int, whole: int) -> int:
    """A share in whole percent; an empty map counts as fully covered."""
    return 100 if whole == 0 else round(100 * part / whole)


@dataclass(frozen=True)
class ActorFigures:
    """The summary of an actor map: the actors and relations behind each figure.

    Records are kept (not only counts) so a screen can list who is behind a number and
    the levers can cite them as evidence.
    """

    total: int
    drivers: tuple[Actor, ...]
    followers: tuple[Actor, ...]
    counterweights: tuple[Actor, ...]
    reluctant: tuple[Actor, ...]
    without_channel: tuple[Actor, ...]
    not_assessed: tuple[Actor, ...]
    unbalanced_tensions: tuple[Relation, ...]
    followers_to_contact: tuple[Actor, ...]
    contact_days: int

    @property
    def channel_coverage(self) -> int:
        """Percent of actors with a known channel (``thresholds.channel_coverage_percent``)."""
        return _percent(self.total - len(self.without_channel), self.total)

    @property
    def assessed_share(self) -> int:
        """Percent of actors placed on the map (``thresholds.assessed_percent``)."""
        return _percent(self.total - len(self.not_assessed), self.total)


def actor_figures(
    actors: Sequence[Actor], relations: Sequence[Relation], today: date,
    thresholds: Thresholds,
) -> ActorFigures:
    """Every figure of the actor map at once, by the rules above."""
    days = thresholds.follower_contact_days
    return ActorFigures(
        total=len(actors),
        drivers=tuple(drivers(actors)),
        followers=tuple(followers(actors)),
        counterweights=tuple(counterweights(actors)),
        reluctant=tuple(reluctant(actors)),
        without_channel=tuple(without_channel(actors)),
        not_assessed=tuple(not_assessed(actors)),
        unbalanced_tensions=tuple(unbalanced_tensions(relations)),
        followers_to_contact=tuple(followers_to_contact(actors, today, days)),
        contact_days=days,
    )
