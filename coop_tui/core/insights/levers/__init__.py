"""Evidence for the levers: figures read from the store, each with its rule and threshold.

The seed document names what makes each lever work (regular meetings, knowing each
commune, the drivers and followers, a roadmap with objectives, deadlines and means…).
Each rule here reads the store for one such sign and returns an :class:`Evidence`: the
figure, how it is read, and whether it crosses its threshold (``territory.thresholds``).
A lever with a figure past its threshold needs attention. The rules are written out in
``docs/evidence-rules.md``; the text is in the current language, built when called.

The progress of the checklist (per lever, per category, overall) and the lag of a
category behind the others are read here as well, so the screen only shows them.

One module per job, every name importable from here:

- ``facts``: :class:`Facts` (what the rules read), :class:`Evidence` (what they return),
  the levers each rule speaks about, and the last exchange with each actor;
- ``wording``: shares, dates and lists of names as the explanations say them;
- ``rhythm``: the meeting-rhythm rules; ``actors``: the actor rules;
- ``roadmap``: the roadmap rules and a lever's own deadline; ``actions``: the meetings'
  work (overdue actions, investment, follow-up shared);
- ``per_lever``: the rules put together, territory-wide and per lever;
- ``progress``: checklist progress and the lag of a category;
- the human levers: ``communes`` (which commune an actor belongs to), ``shared_meaning``
  (endorsements, commitment), ``blockages`` (answered or quiet), ``counterweight_suggestions``,
  ``meeting_conditions`` (venues, formats, absent communes), ``recognition`` (who to thank).
"""

from __future__ import annotations

from coop_tui.core.insights.levers.actions import investment, overdue_actions, shared_follow_up
from coop_tui.core.insights.levers.actors import (
    ROLE_COUNTS,
    channel_coverage,
    commune_knowledge,
    counterweights,
    follower_contact,
    role_assessment,
    role_counts,
)
from coop_tui.core.insights.levers.facts import (
    MEETING_KIND_LEVERS,
    RULE_LEVERS,
    Evidence,
    Facts,
    last_met,
    last_presence,
)
from coop_tui.core.insights.levers.per_lever import (
    TERRITORY_RULES,
    evidence_by_lever,
    evidence_for,
    needs_attention,
    territory_evidence,
)
from coop_tui.core.insights.levers.progress import (
    Lag,
    Progress,
    category_lag,
    category_progress,
    lever_progress,
    overall_progress,
)
from coop_tui.core.insights.levers.rhythm import (
    Series,
    meeting_cadence,
    meeting_rhythm,
    meeting_series,
    next_planned,
    usual_interval,
)
from coop_tui.core.insights.levers.roadmap import (
    lever_deadline,
    lever_roadmap,
    roadmap_completeness,
    roadmap_late,
)
from coop_tui.core.insights.levers.wording import NAMES_SHOWN, percent

__all__ = [
    "MEETING_KIND_LEVERS",
    "NAMES_SHOWN",
    "ROLE_COUNTS",
    "RULE_LEVERS",
    "TERRITORY_RULES",
    "Evidence",
    "Facts",
    "Lag",
    "Progress",
    "Series",
    "category_lag",
    "category_progress",
    "channel_coverage",
    "commune_knowledge",
    "counterweights",
    "evidence_by_lever",
    "evidence_for",
    "follower_contact",
    "investment",
    "last_met",
    "last_presence",
    "lever_deadline",
    "lever_progress",
    "lever_roadmap",
    "meeting_cadence",
    "meeting_rhythm",
    "meeting_series",
    "needs_attention",
    "next_planned",
    "overall_progress",
    "overdue_actions",
    "percent",
    "roadmap_completeness",
    "roadmap_late",
    "role_assessment",
    "role_counts",
    "shared_follow_up",
    "territory_evidence",
    "usual_interval",
]
