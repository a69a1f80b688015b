"""Which member commune an actor belongs to, read from the actor map.

An actor of kind commune is its own commune; any other actor belongs to the first commune
found going up its parents (a mayor, a deputy, a municipal service). Actors with no commune
above them sit at another level (the community, the département, an association).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from coop_tui.store.models import Actor, ActorKind, Meeting, MeetingKind, Presence


def commune_of(actor: Actor, by_id: Mapping[str, Actor]) -> Actor | None:
    """The commune actor ``actor`` is, or sits under; None at another level."""
    seen: set[str] = set()
    current: Actor | None = actor
    while current is not None and current.id not in seen:
        if current.kind is ActorKind.COMMUNE:
            return current
        seen.add(current.id)
        current = by_id.get(current.parent_id) if current.parent_id else None
    return None


def communes_by_actor(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Per actor id, the commune it belongs to (actors at another level are left out)."""
    every = list(actors)
    by_id = {actor.id: actor for actor in every}
    found: dict[str, Actor] = {}
    for actor in every:
        commune = commune_of(actor, by_id)
        if commune is not None:
            found[actor.id] = commune
    return found


def member_communes(actors: Iterable[Actor]) -> list[Actor]:
    """The commune actors, by name."""
    return sorted((a for a in actors if a.kind is ActorKind.COMMUNE),
                  key=lambda actor: (actor.name.casefold(), actor.id))


# A commune counts as there when someone of it sat at the meeting, in person or by proxy.
THERE = (Presence.PRESENT, Presence.REPRESENTED, Presence.SUBSTITUTED)


def collective(meetings: Sequence[Meeting]) -> list[Meeting]:
    """Meetings to which the communes are called together: not a bilateral, and with an
    attendance recorded."""
    return [m for m in meetings if m.kind is not MeetingKind.BILATERAL and m.attendance]
