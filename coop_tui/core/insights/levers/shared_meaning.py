"""Shared meaning: the communes that endorsed the project statement, and the communes where
nobody is committed to the project yet."""

from __future__ import annotations

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.levers.communes import communes_by_actor, member_communes
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _names, _share, percent
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.store.models import Actor, ActorKind, Commitment

# Below this share of communes endorsing it, the statement is not yet shared.
ENDORSEMENT_PERCENT = 50
# The level the commitment rule asks of at least one actor in each commune.
COMMITTED_LEVEL = Commitment.COMMITTED


def endorsing_communes(facts: Facts) -> set[str]:
    """Ids of the communes whose commune, mayor or a delegate (an elected official of it)
    endorsed the statement."""
    if facts.project is None:
        return set()
    belongs = communes_by_actor(facts.actors)
    kinds = {actor.id: actor.kind for actor in facts.actors}
    found: set[str] = set()
    for endorsement in facts.project.endorsements:
        commune = belongs.get(endorsement.actor_id)
        if commune is None:
            continue
        kind = kinds.get(endorsement.actor_id)
        if kind in (ActorKind.COMMUNE, ActorKind.ELECTED):
            found.add(commune.id)
    return found


def project_endorsement(facts: Facts) -> Evidence:
    """The share of member communes whose mayor or a delegate endorsed the statement."""
    levers = RULE_LEVERS["project_endorsement"]
    communes = member_communes(facts.actors)
    if facts.project is None or not facts.project.statement:
        return Evidence("project_endorsement", _("No shared project statement yet"),
                        _("Write the project's statement in a few lines, then record who "
                          "endorses it (palette: « Shared project: edit »)."), True, levers, 0,
                        ENDORSEMENT_PERCENT)
    if not communes:
        return Evidence("project_endorsement", _("No member commune recorded yet"),
                        _("Record the member communes in the actor map."), False, levers, 0,
                        ENDORSEMENT_PERCENT)
    endorsed = endorsing_communes(facts)
    ratio = _share(len(endorsed), len(communes))
    figure = _("{count} of {total} member communes endorsed the project statement "
               "({percent})").format(count=len(endorsed), total=len(communes),
                                     percent=percent(ratio))
    missing = [a for a in communes if a.id not in endorsed]
    parts = [_("A commune endorses through itself, its mayor or a delegate.")]
    if missing:
        parts.append(_("Not yet: {names}.").format(names=_names([a.name for a in missing])))
    parts.append(_("Attention below {percent}.").format(
        percent=percent(ENDORSEMENT_PERCENT / 100)))
    return Evidence("project_endorsement", figure, " ".join(parts),
                    ratio * 100 < ENDORSEMENT_PERCENT, levers, round(ratio * 100, 1),
                    ENDORSEMENT_PERCENT, Target("actors", missing[0].id) if missing else None)


def communes_below(actors: list[Actor], level: Commitment) -> list[Actor]:
    """The communes with no actor of theirs (the commune, its elected, its services) at
    ``level`` or above, by name."""
    belongs = communes_by_actor(actors)
    reached: set[str] = set()
    for actor in actors:
        commitment = actor.private.commitment
        commune = belongs.get(actor.id)
        if commune is not None and commitment is not None and commitment.rank >= level.rank:
            reached.add(commune.id)
    return [a for a in member_communes(actors) if a.id not in reached]


def commitment_gaps(facts: Facts, level: Commitment = COMMITTED_LEVEL) -> Evidence:
    """Communes where nobody is at the given commitment level or above."""
    levers = RULE_LEVERS["commitment_gaps"]
    communes = member_communes(facts.actors)
    if not communes:
        return Evidence("commitment_gaps", _("No member commune recorded yet"),
                        _("Record the member communes in the actor map."), False, levers, 0, 0)
    lacking = communes_below(list(facts.actors), level)
    level_name = label(level)
    figure = ngettext("{count} of {total} member communes has nobody « {level} » or beyond",
                      "{count} of {total} member communes have nobody « {level} » or beyond",
                      len(lacking)).format(count=len(lacking), total=len(communes),
                                                       level=level_name)
    if lacking:
        explanation = _("To win over: {names}.").format(names=_names([a.name for a in lacking]))
    else:
        explanation = _("Every member commune has someone committed to the project.")
    assessed = sum(1 for a in facts.actors if a.private.commitment is not None)
    explanation += " " + ngettext("{count} actor has a commitment level read.",
                                  "{count} actors have a commitment level read.",
                                  assessed).format(count=assessed)
    return Evidence("commitment_gaps", figure, explanation, bool(lacking), levers,
                    len(lacking), 0, Target("actors", lacking[0].id) if lacking else None)
