"""The rules put together: every territory-wide figure, then the figures of each lever."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from coop_tui.core.insights.levers.actions import investment, overdue_actions, shared_follow_up
from coop_tui.core.insights.levers.actors import (
    channel_coverage,
    commune_knowledge,
    counterweights,
    follower_contact,
    role_assessment,
)
from coop_tui.core.insights.levers.blockages import quiet_blockages_evidence
from coop_tui.core.insights.levers.counterweight_suggestions import counterweight_evidence
from coop_tui.core.insights.levers.diagnostic import diagnostic_coverage
from coop_tui.core.insights.levers.facts import Evidence, Facts
from coop_tui.core.insights.levers.meeting_conditions import (
    commune_attendance,
    meeting_formats,
    meeting_venues,
)
from coop_tui.core.insights.levers.recognition import recognition_evidence
from coop_tui.core.insights.levers.rhythm import meeting_cadence, meeting_rhythm
from coop_tui.core.insights.levers.roadmap import (
    lever_deadline,
    lever_roadmap,
    roadmap_completeness,
    roadmap_late,
)
from coop_tui.core.insights.levers.shared_meaning import commitment_gaps, project_endorsement
from coop_tui.store.models import Lever, LeverStatus


def _statutory_steps(facts: Facts) -> list[Evidence]:
    from coop_tui.core.insights.statutory_steps import statutory_steps

    return statutory_steps(facts.dues)


def _pact(facts: Facts) -> list[Evidence]:
    from coop_tui.core.pacte.evidence import pact_evidence

    return pact_evidence(facts.pact)


TERRITORY_RULES: tuple[Callable[[Facts], Evidence | list[Evidence]], ...] = (
    meeting_rhythm, meeting_cadence, channel_coverage, role_assessment, counterweights,
    follower_contact, commune_knowledge, roadmap_completeness, roadmap_late, overdue_actions,
    investment, shared_follow_up, _statutory_steps, _pact,
    # The human levers (issue 18): shared meaning, blockages, counterweights, meetings.
    project_endorsement, commitment_gaps, quiet_blockages_evidence, counterweight_evidence,
    meeting_venues, meeting_formats, commune_attendance, recognition_evidence,
    diagnostic_coverage,
)


def territory_evidence(facts: Facts) -> list[Evidence]:
    """Every territory-wide figure, in the order of the rules."""
    found: list[Evidence] = []
    for rule in TERRITORY_RULES:
        result = rule(facts)
        found.extend(result if isinstance(result, list) else [result])
    return found


def evidence_for(lever: Lever, facts: Facts, shared: Sequence[Evidence]) -> list[Evidence]:
    """The figures about one lever: its own, then the shared ones that name its key;
    those calling for attention first."""
    from coop_tui.core.insights.statutory_steps import lever_subject, subject_steps

    own = [lever_roadmap(lever, facts)]
    subject = lever_subject(lever)
    steps = subject_steps(subject, facts.dues) if subject is not None else None
    if steps is not None:
        own.append(steps)
    deadline = lever_deadline(lever, facts)
    if deadline is not None:
        own.insert(0, deadline)
    named = [e for e in shared if lever.key and lever.key in e.levers]
    found = own + named
    return sorted(found, key=lambda evidence: not evidence.attention)


def evidence_by_lever(levers: Iterable[Lever], facts: Facts) -> dict[str, list[Evidence]]:
    """Figures per lever id, the territory-wide rules read once (about 10 ms on the large
    demo: no cache is worth its risk of showing stale figures)."""
    shared = territory_evidence(facts)
    return {lever.id: evidence_for(lever, facts, shared) for lever in levers}


def needs_attention(lever: Lever, evidence: Iterable[Evidence]) -> bool:
    """A lever set aside as not applicable never calls for attention."""
    return lever.status is not LeverStatus.NOT_APPLICABLE and any(e.attention for e in evidence)
