"""Counterweights suggested: where a tension has no counterweight, who could be one.

The seed asks to understand the power relations and, where needed, to bring into the
project actors who will act as a counterweight. A tension is an opposing relation between
two actors, or a blocker (read as reluctant, or with a blockage not lifted) of high
influence. It has a counterweight once a relation of kind counterweight touches one of
its parties. Candidates are ranked; each comes with its reason in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.levers.communes import communes_by_actor
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.target import Target
from coop_tui.store.models import (
    Actor,
    BlockageState,
    Relation,
    RelationKind,
    Role,
)

# A blocker with this influence or more is a tension of its own.
HIGH_INFLUENCE = 4
# How many candidates are suggested for one tension.
SUGGESTED = 3


@dataclass(frozen=True)
class Tension:
    """An opposing relation (``relation`` set) or a blocker of high influence (alone).

    ``key`` names it in the store: ``relation:<id>`` or ``blocker:<actor id>``; a candidate
    dismissed for it keeps that key in its private reading.
    """

    key: str
    parties: tuple[Actor, ...]
    relation: Relation | None = None

    @property
    def anchor(self) -> Actor:
        """The party a counterweight balances: the most influential one."""
        return max(self.parties, key=lambda a: a.private.influence or 0)


@dataclass(frozen=True)
class Suggestion:
    """An actor who could be a counterweight to a tension, and why in words."""

    tension: Tension
    candidate: Actor
    allies: tuple[Actor, ...]  # the parties the candidate works with
    reason: str

    def relation(self) -> Relation:
        """The relation that accepting the suggestion records."""
        return Relation(source_id=self.candidate.id, target_id=self.tension.anchor.id,
                        kind=RelationKind.COUNTERWEIGHT, note=self.reason)


def _is_blocker(actor: Actor) -> bool:
    reading = actor.private
    return reading.role is Role.RELUCTANT or any(
        b.state is not BlockageState.LIFTED for b in reading.blockages)


def tensions_without_counterweight(actors: list[Actor],
                                   relations: list[Relation]) -> list[Tension]:
    """The tensions none of whose parties is touched by a counterweight relation."""
    by_id = {actor.id: actor for actor in actors}
    balanced = {end for r in relations if r.kind is RelationKind.COUNTERWEIGHT
                for end in (r.source_id, r.target_id)}
    found: list[Tension] = []
    in_relation: set[str] = set()
    for relation in relations:
        if relation.kind is not RelationKind.TENSION:
            continue
        source, target = by_id.get(relation.source_id), by_id.get(relation.target_id)
        if source is None or target is None:
            continue
        in_relation.update((source.id, target.id))
        if source.id not in balanced and target.id not in balanced:
            found.append(Tension(f"relation:{relation.id}", (source, target), relation))
    for actor in sorted(actors, key=lambda a: (a.name.casefold(), a.id)):
        if (_is_blocker(actor) and (actor.private.influence or 0) >= HIGH_INFLUENCE
                and actor.id not in balanced and actor.id not in in_relation):
            found.append(Tension(f"blocker:{actor.id}", (actor,)))
    return found


def _cooperating(relations: list[Relation]) -> dict[str, set[str]]:
    partners: dict[str, set[str]] = {}
    for r in relations:
        if r.kind is RelationKind.COOPERATION:
            partners.setdefault(r.source_id, set()).add(r.target_id)
            partners.setdefault(r.target_id, set()).add(r.source_id)
    return partners


def _opposed(relations: list[Relation]) -> dict[str, set[str]]:
    opposed: dict[str, set[str]] = {}
    for r in relations:
        if r.kind is RelationKind.TENSION:
            opposed.setdefault(r.source_id, set()).add(r.target_id)
            opposed.setdefault(r.target_id, set()).add(r.source_id)
    return opposed


def _who(candidate: Actor, commune: Actor | None) -> str:
    """« Mayor of X » when the commune's profile names the candidate as its mayor, else the
    name with its commune."""
    if commune is not None and commune.commune is not None and (
            commune.commune.mayor.casefold() == candidate.name.casefold()):
        return _("{name}, mayor of {commune}").format(name=candidate.name, commune=commune.name)
    if commune is not None and commune.id != candidate.id:
        return f"{candidate.name} ({commune.name})"
    return candidate.name


def _reason(candidate: Actor, commune: Actor | None, allies: list[Actor]) -> str:
    names = [a.name for a in allies]
    works_with = names[0] if len(names) == 1 else _("{first} and {second}").format(
        first=names[0], second=names[1])
    return _("{who}, influence {influence}, works with {names}").format(
        who=_who(candidate, commune), influence=candidate.private.influence or 0,
        names=works_with)


@dataclass(frozen=True)
class _Map:
    """What the ranking reads of the actor map, read once for every tension."""

    by_id: dict[str, Actor]
    belongs: dict[str, Actor]
    partners: dict[str, set[str]]
    opposed: dict[str, set[str]]

    @classmethod
    def of(cls, actors: list[Actor], relations: list[Relation]) -> _Map:
        return cls({a.id: a for a in actors}, communes_by_actor(actors),
                   _cooperating(relations), _opposed(relations))


def _ranked(tension: Tension, found: _Map) -> list[Suggestion]:
    """The ranked candidates for one tension (at most ``SUGGESTED``).

    A candidate cooperates with one party or both, has an influence at least one step below
    the most influential party's, is not itself opposed to a party nor read as reluctant,
    and sits in another commune or at another level than every party; the candidates
    dismissed for this tension are left out. Ranked by parties worked with, then
    influence, then interest, then name.
    """
    party_ids = {p.id for p in tension.parties}
    party_places = {found.belongs[p.id].id if p.id in found.belongs else None
                    for p in tension.parties}
    wanted = max(p.private.influence or 0 for p in tension.parties) - 1
    near = {other for p in party_ids for other in found.partners.get(p, set())} - party_ids
    ranked: list[tuple[tuple[int, int, int, str, str], Suggestion]] = []
    for candidate_id in near:
        candidate = found.by_id.get(candidate_id)
        if candidate is None:
            continue
        reading = candidate.private
        if (tension.key in reading.dismissed_counterweights
                or reading.role is Role.RELUCTANT or (reading.influence or 0) < wanted
                or found.opposed.get(candidate.id, set()) & party_ids):
            continue
        commune = found.belongs.get(candidate.id)
        if (commune.id if commune else None) in party_places:
            continue
        allies = [p for p in tension.parties if p.id in found.partners.get(candidate.id, set())]
        suggestion = Suggestion(tension, candidate, tuple(allies),
                                _reason(candidate, commune, allies))
        key = (-len(allies), -(reading.influence or 0), -(reading.interest or 0),
               candidate.name.casefold(), candidate.id)
        ranked.append((key, suggestion))
    return [suggestion for _key, suggestion in sorted(ranked, key=lambda pair: pair[0])][
        :SUGGESTED]


def counterweight_suggestions(actors: list[Actor],
                              relations: list[Relation]) -> list[Suggestion]:
    """Every suggestion, tension by tension (relations first, then blockers by name)."""
    found = _Map.of(actors, relations)
    return [suggestion for tension in tensions_without_counterweight(actors, relations)
            for suggestion in _ranked(tension, found)]


def tension_words(tension: Tension) -> str:
    """The tension in words (« tension between A and B », « A blocks, influence 5 »)."""
    if tension.relation is not None:
        return _("tension between {first} and {second}").format(
            first=tension.parties[0].name, second=tension.parties[1].name)
    return _("{name} blocks, influence {influence}").format(
        name=tension.parties[0].name, influence=tension.parties[0].private.influence or 0)


def counterweight_evidence(facts: Facts) -> Evidence:
    """Tensions with no counterweight, and the first suggestion for them."""
    levers = RULE_LEVERS["counterweight_suggestions"]
    actors, relations = list(facts.actors), list(facts.relations)
    tensions = tensions_without_counterweight(actors, relations)
    if not tensions:
        return Evidence("counterweight_suggestions", _("Every tension has a counterweight"),
                        _("A tension is an opposing relation, or a blocker of influence "
                          "{level} or more.").format(level=HIGH_INFLUENCE), False, levers, 0,
                        0)
    suggestions = counterweight_suggestions(actors, relations)
    figure = ngettext("{count} tension without a counterweight · {suggested} suggestions",
                      "{count} tensions without a counterweight · {suggested} suggestions",
                      len(tensions)).format(count=len(tensions), suggested=len(suggestions))
    if suggestions:
        first = suggestions[0]
        explanation = _("For the {tension}: {reason}.").format(
            tension=tension_words(first.tension), reason=first.reason)
        target = Target("actors", first.tension.anchor.id)
    else:
        explanation = _("No actor fits yet: influence comparable, working with a party, "
                        "from another commune or level.")
        target = Target("actors", tensions[0].anchor.id)
    return Evidence("counterweight_suggestions", figure, explanation, True, levers,
                    len(tensions), 0, target)

