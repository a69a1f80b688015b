"""The dashboard's line on the human levers, as plain data: the shared project and who
endorsed it, the blockages left without an answer, the counterweights suggested and the
communes that stay away from the meetings (rules in ``levers/``, docs/evidence-rules.md)."""

from __future__ import annotations

from dataclasses import dataclass

from coop_tui.core.insights.levers.blockages import QUIET_WEEKS, quiet_blockages
from coop_tui.core.insights.levers.communes import member_communes
from coop_tui.core.insights.levers.counterweight_suggestions import (
    counterweight_suggestions,
    tensions_without_counterweight,
)
from coop_tui.core.insights.levers.facts import Facts
from coop_tui.core.insights.levers.meeting_conditions import absent_communes
from coop_tui.core.insights.levers.recognition import recognition
from coop_tui.core.insights.levers.shared_meaning import endorsing_communes
from coop_tui.core.target import Target

# How many quiet blockages the panel lists by name.
QUIET_SHOWN = 3


@dataclass(frozen=True)
class QuietLine:
    """A blockage left without an answer: whose, what, since when (days; None unknown)."""

    actor_name: str
    text: str
    days: int | None
    target: Target


@dataclass(frozen=True)
class HumanPanel:
    statement: str  # the shared project's statement, "" while none is written
    endorsed: int  # member communes whose mayor or a delegate endorsed it
    communes: int
    quiet: tuple[QuietLine, ...]  # the first QUIET_SHOWN, oldest first
    quiet_count: int
    quiet_weeks: int
    tensions: int  # tensions without a counterweight
    suggestions: int
    absent: tuple[str, ...]  # member communes absent from the last meetings
    target: Target
    patte_name: str = ""
    thanks: tuple[str, ...] = ()  # who carried actions and hosted meetings, to thank


def human_panel(facts: Facts) -> HumanPanel:
    quiet = quiet_blockages(list(facts.actors), facts.today)
    actors, relations = list(facts.actors), list(facts.relations)
    tensions = tensions_without_counterweight(actors, relations)
    project = facts.project
    return HumanPanel(
        statement=project.statement if project else "",
        endorsed=len(endorsing_communes(facts)),
        communes=len(member_communes(facts.actors)),
        quiet=tuple(QuietLine(q.actor.name, q.blockage.text,
                              (facts.today - q.since).days if q.since else None,
                              Target("actors", q.actor.id)) for q in quiet[:QUIET_SHOWN]),
        quiet_count=len(quiet),
        quiet_weeks=QUIET_WEEKS,
        tensions=len(tensions),
        suggestions=len(counterweight_suggestions(actors, relations)) if tensions else 0,
        absent=tuple(a.name for a in absent_communes(facts)),
        target=Target("project", ""),
        patte_name=project.patte_name if project else "",
        thanks=tuple(recognition(facts).names()),
    )
