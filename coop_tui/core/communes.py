"""The member communes as actors: each commune of the territory has an actor of its own, and
a mayor (« Maire de X ») is attached to the commune X, so « Part of » says where they sit.

The territory lists its communes by name; the actor map needs records. These functions
find what is missing and link what is said, and never write: the caller saves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from coop_tui.core.dates import fold
from coop_tui.core.i18n import _
from coop_tui.store.models import Actor, ActorKind, CommuneProfile

# « Maire de Lussac », « Maire d'Avrillé », « Maire de la commune de X », « Mayor of X ».
_MAYOR_OF = re.compile(
    r"^\s*(?:maire|mayor)\s+(?:de\s+la\s+commune\s+|of\s+the\s+commune\s+)?"
    r"(?:d['’]\s*|de\s+|of\s+)(?P<commune>.+?)\s*$",
    re.IGNORECASE,
)


def commune_actors(actors: Iterable[Actor]) -> dict[str, Actor]:
    """The actors that are communes, by their folded name."""
    return {fold(actor.name): actor for actor in actors if actor.kind is ActorKind.COMMUNE}


def missing_communes(communes: Sequence[str], actors: Iterable[Actor]) -> list[Actor]:
    """A new commune actor for each member commune that has none yet, in the list's order."""
    known = commune_actors(actors)
    created: list[Actor] = []
    for name in communes:
        if fold(name) not in known:
            actor = Actor(name=name, kind=ActorKind.COMMUNE, commune=CommuneProfile())
            known[fold(name)] = actor
            created.append(actor)
    return created


def mayor_role(commune: str) -> str:
    """The role written for the mayor of ``commune`` (« Maire de Lussac »); French elides
    « de » before a vowel (« Maire d’Échiré »)."""
    role = _("Mayor of {commune}").format(commune=commune)
    wordy = f" de {commune}"
    if role.endswith(wordy) and fold(commune)[:1] in tuple("aeiouy"):
        return role[:-len(wordy)] + f" d’{commune}"
    return role


def mayor_commune(role: str) -> str | None:
    """The commune a role names its holder mayor of, if it says so on its first line."""
    first = role.strip().split("\n", 1)[0] if role.strip() else ""
    found = _MAYOR_OF.match(first)
    return found["commune"] if found else None


def attach_mayors(people: Iterable[Actor], actors: Iterable[Actor]) -> list[Actor]:
    """Link each of ``people`` whose role says « Maire de X » to the commune actor X (when
    they have no parent yet), and name them as that commune's mayor. Changes ``people`` in
    place; returns the commune actors changed (copies), to be saved with them."""
    communes = commune_actors(actors)
    changed: dict[str, Actor] = {}
    for person in people:
        named = mayor_commune(person.responsibilities)
        commune = communes.get(fold(named)) if named else None
        if commune is None or person.kind is ActorKind.COMMUNE:
            continue
        if person.parent_id is None:
            person.parent_id = commune.id
        profile = commune.commune or CommuneProfile()
        if not profile.mayor:
            updated = changed.get(commune.id) or commune.model_copy(deep=True)
            updated.commune = profile.model_copy(update={"mayor": person.name})
            changed[commune.id] = updated
            communes[fold(commune.name)] = updated
    return list(changed.values())


def mayors_of(communes: Sequence[str], actors: Sequence[Actor]) -> list[Actor]:
    """The mayors of the member communes: the people attached to a member commune's actor
    whose role says they are its mayor, in the order of the communes."""
    by_name = commune_actors(actors)
    found: list[Actor] = []
    for name in communes:
        commune = by_name.get(fold(name))
        if commune is None:
            continue
        for actor in actors:
            role = mayor_commune(actor.responsibilities)
            if actor.parent_id == commune.id and role is not None \
                    and fold(role) == fold(commune.name) and actor not in found:
                found.append(actor)
    return found
