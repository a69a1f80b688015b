"""Blockages answered: the seed asks the facilitator to identify each actor's blockages,
understand why, and try to answer them. A blockage left with no answer for weeks is
flagged, on the lever « Posture de coordination » and on the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _names
from coop_tui.core.target import Target
from coop_tui.store.models import Actor, Blockage, BlockageState

# A blockage that has not moved for this many weeks (no answer since it was noted, or
# since its last answer) is flagged.
QUIET_WEEKS = 6


@dataclass(frozen=True)
class QuietBlockage:
    """A blockage not lifted that has not moved for ``QUIET_WEEKS``; ``since`` is the day
    it last moved (None when no day is known: noted before days were kept, never answered)."""

    actor: Actor
    blockage: Blockage
    since: date | None


def quiet_blockages(actors: list[Actor], today: date,
                    weeks: int = QUIET_WEEKS) -> list[QuietBlockage]:
    """The blockages not lifted whose last move is ``weeks`` or more ago, oldest first."""
    limit = today - timedelta(weeks=weeks)
    found: list[QuietBlockage] = []
    for actor in actors:
        for blockage in actor.private.blockages:
            if blockage.state is BlockageState.LIFTED:
                continue
            since = blockage.last_moved()
            if since is None or since <= limit:
                found.append(QuietBlockage(actor, blockage, since))
    return sorted(found, key=lambda q: (q.since or date.min, q.actor.name.casefold(),
                                        q.blockage.id))


def blockage_counts(actors: list[Actor]) -> dict[BlockageState, int]:
    """How many blockages are in each state."""
    counts = dict.fromkeys(BlockageState, 0)
    for actor in actors:
        for blockage in actor.private.blockages:
            counts[blockage.state] += 1
    return counts


def quiet_blockages_evidence(facts: Facts) -> Evidence:
    """Blockages with no answer for ``QUIET_WEEKS`` weeks, against all those recorded."""
    levers = RULE_LEVERS["quiet_blockages"]
    counts = blockage_counts(list(facts.actors))
    total = sum(counts.values())
    if not total:
        return Evidence("quiet_blockages", _("No blockage recorded"),
                        _("Record an actor's blockages and their reasons in its private "
                          "reading, then the answers tried."), False, levers, 0, QUIET_WEEKS)
    quiet = quiet_blockages(list(facts.actors), facts.today)
    figure = _("Blockages: {open} open · {addressing} being addressed · {lifted} lifted").format(
        open=counts[BlockageState.OPEN], addressing=counts[BlockageState.ADDRESSING],
        lifted=counts[BlockageState.LIFTED])
    explanation = ngettext(
        "{count} has had no answer for {weeks} weeks or more",
        "{count} have had no answer for {weeks} weeks or more", len(quiet)).format(
        count=len(quiet), weeks=QUIET_WEEKS)
    if quiet:
        explanation += ": " + _names([f"{q.actor.name} ({q.blockage.text})" for q in quiet])
    explanation += "."
    return Evidence("quiet_blockages", figure, explanation, bool(quiet), levers, len(quiet),
                    QUIET_WEEKS, Target("actors", quiet[0].actor.id) if quiet else None)
