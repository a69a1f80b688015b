"""The demo shows each human lever without setting anything up (issue 18)."""

from __future__ import annotations

from coop_tui.core.insights.levers import Facts
from coop_tui.core.insights.levers.counterweight_suggestions import counterweight_suggestions
from coop_tui.core.insights.levers.meeting_conditions import absent_communes
from coop_tui.store.demo import DEFAULT_TODAY, demo_records
from coop_tui.store.models import (
    Actor,
    ActorKind,
    BlockageState,
    Meeting,
    Relation,
    SharedProject,
    Territory,
)


def _facts() -> Facts:
    records = demo_records("small")
    return Facts(
        today=DEFAULT_TODAY,
        territory=next(r for r in records if isinstance(r, Territory)),
        actors=[r for r in records if isinstance(r, Actor)],
        meetings=[r for r in records if isinstance(r, Meeting)],
        relations=[r for r in records if isinstance(r, Relation)],
        project=next(r for r in records if isinstance(r, SharedProject)))


def test_the_demo_fills_every_human_lever() -> None:
    facts = _facts()
    assert facts.project is not None and facts.project.statement
    assert facts.project.patte_name
    by_id = {a.id: a for a in facts.actors}
    endorsers = [by_id[e.actor_id] for e in facts.project.endorsements]
    assert len(endorsers) >= 3
    assert all(a.kind is ActorKind.ELECTED for a in endorsers)
    read = [a for a in facts.actors if a.private.commitment is not None]
    assert len(read) > len(facts.actors) * 0.7
    blockages = [b for a in facts.actors for b in a.private.blockages]
    assert {b.state for b in blockages} == set(BlockageState)
    assert all(b.answers for b in blockages if b.state is not BlockageState.OPEN)
    assert any(answer.meeting_id for b in blockages for answer in b.answers)
    assert counterweight_suggestions(list(facts.actors), list(facts.relations))
    hosts = {m.commune for m in facts.held if m.commune}
    assert len(hosts) >= 3
    assert len({m.format for m in facts.held}) == 3
    assert absent_communes(facts)


def test_the_demo_is_the_same_twice() -> None:
    one, two = demo_records("small"), demo_records("small")
    assert [r.model_dump() for r in one] == [r.model_dump() for r in two]
