"""The actor rules: channels known, roles read, counterweights, followers kept in touch
and member communes known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from coop_tui.core.i18n import N_, _, format_days, ngettext
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _names, _share, percent
from coop_tui.core.target import Target
from coop_tui.store.models import Actor, ActorKind, RelationKind, Role


def _by_name(actors: Iterable[Actor]) -> list[Actor]:
    return sorted(actors, key=lambda actor: (actor.name.casefold(), actor.id))


def channel_coverage(facts: Facts) -> Evidence:
    """How many actors have a preferred channel, against the coverage wanted."""
    total = len(facts.actors)
    preferred = [a for a in facts.actors if a.preferred_channel is not None]
    unknown = [a for a in facts.actors if a.known_channel() is None]
    ratio = _share(len(preferred), total)
    threshold = facts.thresholds.channel_coverage_percent
    missing = _by_name(a for a in facts.actors if a.preferred_channel is None)
    if not total:
        return Evidence("channel_coverage", _("No actor recorded yet"),
                        _("Record the actors to know how to reach each one."), False,
                        RULE_LEVERS["channel_coverage"], 0, threshold)
    figure = _("{count} of {total} actors have a preferred channel ({percent})").format(
        count=len(preferred), total=total, percent=percent(ratio))
    explanation = ngettext("{count} has no channel known at all.",
                           "{count} have no channel known at all.", len(unknown)).format(
        count=len(unknown))
    explanation += " " + _("Attention below {percent}.").format(percent=percent(threshold / 100))
    return Evidence("channel_coverage", figure, explanation, ratio * 100 < threshold,
                    RULE_LEVERS["channel_coverage"], round(ratio * 100, 1), threshold,
                    Target("actors", missing[0].id) if missing else None)


ROLE_COUNTS: dict[Role, str] = {
    Role.DRIVER: N_("drivers: {count}"),
    Role.FOLLOWER: N_("followers: {count}"),
    Role.COUNTERWEIGHT: N_("counterweights: {count}"),
    Role.RELUCTANT: N_("reluctant: {count}"),
    Role.NEUTRAL: N_("neutral: {count}"),
}


def role_counts(actors: Iterable[Actor]) -> Counter[Role]:
    """How many actors the facilitator reads in each role."""
    return Counter(actor.private.role for actor in actors if actor.private.role is not None)


def role_assessment(facts: Facts) -> Evidence:
    """How many actors have a role in the cooperation, and whether drivers are known."""
    total = len(facts.actors)
    roles = role_counts(facts.actors)
    assessed = sum(roles.values())
    ratio = _share(assessed, total)
    threshold = facts.thresholds.assessed_percent
    if not total:
        return Evidence("role_assessment", _("No actor recorded yet"),
                        _("Record the actors, then read who drives and who follows."), False,
                        RULE_LEVERS["role_assessment"], 0, threshold)
    figure = _("{count} of {total} actors assessed ({percent})").format(
        count=assessed, total=total, percent=percent(ratio))
    counts = " · ".join(_(ROLE_COUNTS[role]).format(count=roles[role]) for role in ROLE_COUNTS)
    explanation = counts + ". " + _("Attention below {percent} assessed, or with no driver.")
    explanation = explanation.format(percent=percent(threshold / 100))
    unassessed = _by_name(a for a in facts.actors if a.private.role is None)
    attention = ratio * 100 < threshold or roles[Role.DRIVER] == 0
    return Evidence("role_assessment", figure, explanation, attention,
                    RULE_LEVERS["role_assessment"], round(ratio * 100, 1), threshold,
                    Target("actors", unassessed[0].id) if unassessed else None)


def counterweights(facts: Facts) -> Evidence:
    """Counterweights against the reluctant actors and the tensions recorded."""
    roles = role_counts(facts.actors)
    tensions = sum(1 for r in facts.relations if r.kind is RelationKind.TENSION)
    count = roles[Role.COUNTERWEIGHT]
    figure = _("Counterweights: {count} · reluctant: {reluctant} · tensions: {tensions}").format(
        count=count, reluctant=roles[Role.RELUCTANT], tensions=tensions)
    attention = count == 0 and (roles[Role.RELUCTANT] > 0 or tensions > 0)
    explanation = _("Attention when reluctant actors or tensions are recorded and no actor is "
                    "read as a counterweight.")
    first = _by_name(a for a in facts.actors if a.private.role is Role.COUNTERWEIGHT)
    return Evidence("counterweights", figure, explanation, attention,
                    RULE_LEVERS["counterweights"], count, None,
                    Target("actors", first[0].id) if first else None)


def follower_contact(facts: Facts) -> Evidence:
    """Followers with no exchange for longer than the threshold: they need a word."""
    days = facts.thresholds.follower_contact_days
    followers = [a for a in facts.actors if a.private.role is Role.FOLLOWER]
    seen = {a.id: facts.last_met(a) or date.min for a in followers}
    stale = sorted((a for a in followers if (facts.today - seen[a.id]).days > days),
                   key=lambda a: (seen[a.id], a.name.casefold(), a.id))
    if not followers:
        return Evidence("follower_contact", _("No actor read as a follower"),
                        _("Followers are the actors to keep involved by regular contact."),
                        False, RULE_LEVERS["follower_contact"], 0, days)
    figure = _("{count} of {total} followers without contact for over {days}").format(
        count=len(stale), total=len(followers), days=format_days(days))
    if stale:
        explanation = _("Longest without contact: {names}.").format(
            names=_names([a.name for a in stale]))
    else:
        explanation = _("Every follower had an exchange recently.")
    explanation += " " + _("An exchange is an entry of the contact log or presence at a "
                           "meeting.")
    return Evidence("follower_contact", figure, explanation, bool(stale),
                    RULE_LEVERS["follower_contact"], len(stale), days,
                    Target("actors", stale[0].id) if stale else None)


def commune_knowledge(facts: Facts) -> Evidence:
    """Member communes met and described: the seed asks to know each one."""
    communes = _by_name(a for a in facts.actors if a.kind is ActorKind.COMMUNE)
    mapped = {a.name.casefold() for a in communes}
    unmapped = [name for name in facts.territory.communes if name.casefold() not in mapped]
    met = {a.id for a in communes if facts.last_met(a) is not None}
    described = {a.id for a in communes if a.commune is not None and a.commune.mayor
                 and a.commune.council_rhythm}
    if not communes and not unmapped:
        return Evidence("commune_knowledge", _("No member commune recorded yet"),
                        _("Record the member communes in the actor map."), False,
                        RULE_LEVERS["commune_knowledge"], 0, None)
    figure = _("{met} of {total} member communes met · {described} described").format(
        met=len(met), total=len(communes), described=len(described))
    parts = [_("Met: a contact logged or presence at a meeting. Described: the mayor and the "
               "council rhythm are known.")]
    if unmapped:
        parts.append(ngettext("{count} listed commune is not in the actor map: {names}.",
                              "{count} listed communes are not in the actor map: {names}.",
                              len(unmapped)).format(count=len(unmapped),
                                                    names=_names(unmapped)))
    lacking = [a for a in communes if a.id not in met or a.id not in described]
    if lacking:
        parts.append(_("Still to know: {names}.").format(names=_names([a.name for a in lacking])))
    attention = bool(lacking or unmapped)
    return Evidence("commune_knowledge", figure, " ".join(parts), attention,
                    RULE_LEVERS["commune_knowledge"], len(lacking) + len(unmapped), None,
                    Target("actors", lacking[0].id) if lacking else None)
