"""Deleting an actor others refer to: reassigning, or keeping a name, in one write."""

from __future__ import annotations

from coop_tui.screens.actors.delete import DeletionPlan, plan_deletion, usage, usage_lines
from coop_tui.store.integrity import store_problems
from coop_tui.store.models import (
    RECORD_TYPES,
    Action,
    Actor,
    ActorKind,
    Attendance,
    Meeting,
    Presence,
    Record,
    Relation,
    RelationKind,
    RoadmapItem,
)
from coop_tui.store.repository import Repository


def busy_actor(repository: Repository) -> tuple[Actor, Actor, Actor]:
    """An actor holding every kind of reference, a replacement, and a third actor."""
    gone = Actor(name="Élu sortant", kind=ActorKind.ELECTED)
    new = Actor(name="Élue entrante", kind=ActorKind.ELECTED)
    member = Actor(name="Membre représenté", kind=ActorKind.ELECTED)
    child = Actor(name="Service rattaché", kind=ActorKind.SERVICE, parent_id=gone.id)
    repository.save(gone, new, member, child)
    lever = repository.levers[0].model_copy(deep=True)
    lever.owner_id = gone.id
    item = RoadmapItem(objective="Objectif test", owner_ids=[gone.id, new.id],
                       partner_ids=[gone.id])
    meeting = Meeting(
        title="COPIL test", on=repository.meetings[0].on, facilitator_id=gone.id,
        attendance=[
            Attendance(actor_id=gone.id),
            Attendance(actor_id=member.id, status=Presence.REPRESENTED, proxy_id=gone.id),
        ],
        actions=[Action(text="Relancer les communes", owner_id=gone.id)],
    )
    relation = Relation(source_id=gone.id, target_id=member.id, kind=RelationKind.TENSION)
    repository.save(lever, item, meeting, relation)
    return gone, new, member


def test_usage_counts_every_reference(repository: Repository) -> None:
    gone, _new, _member = busy_actor(repository)
    found = usage(repository, gone)
    assert (found.children, found.levers, found.roadmap_items, found.meeting_roles,
            found.attendance, found.proxies, found.actions, found.relations) == (
        1, 1, 1, 1, 1, 1, 1, 1)
    assert found.referenced
    assert "owner of 1 action" in usage_lines(found)


def test_reassigning_moves_every_reference(repository: Repository) -> None:
    gone, new, member = busy_actor(repository)
    plan = plan_deletion(repository, gone, new.id)
    repository.replace(plan.saved, plan.deleted)
    assert repository.get(Actor, gone.id) is None
    child = next(a for a in repository.actors if a.name == "Service rattaché")
    assert child.parent_id == new.id
    assert any(lever.owner_id == new.id for lever in repository.levers)
    item = next(i for i in repository.roadmap if i.objective == "Objectif test")
    assert item.owner_ids == [new.id]
    assert item.partner_ids == [new.id]
    meeting = next(m for m in repository.meetings if m.title == "COPIL test")
    assert meeting.facilitator_id == new.id
    assert [row.actor_id for row in meeting.attendance] == [new.id, member.id]
    assert meeting.attendance[1].proxy_id == new.id
    assert meeting.actions[0].owner_id == new.id
    assert not any(gone.id in (r.source_id, r.target_id) for r in repository.relations)


def test_keeping_a_name(repository: Repository) -> None:
    gone, new, member = busy_actor(repository)
    revision = repository.revision
    plan = plan_deletion(repository, gone, None)
    repository.replace(plan.saved, plan.deleted)
    assert repository.revision == revision + 1
    meeting = next(m for m in repository.meetings if m.title == "COPIL test")
    action = meeting.actions[0]
    assert (action.owner_id, action.owner_name) == (None, "Élu sortant")
    assert meeting.facilitator_id is None
    assert [row.actor_id for row in meeting.attendance] == [member.id]
    assert meeting.attendance[0].status is Presence.EXCUSED
    assert meeting.attendance[0].proxy_id is None
    item = next(i for i in repository.roadmap if i.objective == "Objectif test")
    assert (item.owner_ids, item.partner_ids) == ([new.id], [])
    child = next(a for a in repository.actors if a.name == "Service rattaché")
    assert child.parent_id is None
    assert all(lever.owner_id != gone.id for lever in repository.levers)


def test_reassigning_to_a_child_does_not_make_a_loop(repository: Repository) -> None:
    parent = Actor(name="Direction", kind=ActorKind.SERVICE)
    child = Actor(name="Pôle", kind=ActorKind.SERVICE, parent_id=parent.id)
    grandchild = Actor(name="Cellule", kind=ActorKind.SERVICE, parent_id=child.id)
    repository.save(parent, child, grandchild)
    plan = plan_deletion(repository, parent, child.id)
    repository.replace(plan.saved, plan.deleted)
    assert repository.get(Actor, child.id) is not None
    saved = repository.get(Actor, child.id)
    assert saved is not None and saved.parent_id is None


def test_an_attendee_already_listed_is_not_listed_twice(repository: Repository) -> None:
    gone = Actor(name="Titulaire", kind=ActorKind.ELECTED)
    new = Actor(name="Suppléante", kind=ActorKind.ELECTED)
    repository.save(gone, new)
    meeting = Meeting(title="Bureau test", on=repository.meetings[0].on,
                      attendance=[Attendance(actor_id=gone.id), Attendance(actor_id=new.id)])
    repository.save(meeting)
    plan = plan_deletion(repository, gone, new.id)
    repository.replace(plan.saved, plan.deleted)
    saved = repository.get(Meeting, meeting.id)
    assert saved is not None
    assert [row.actor_id for row in saved.attendance] == [new.id]


def after(repository: Repository, plan: DeletionPlan) -> dict[str, dict[str, Record]]:
    """Every record as it would be once the plan is written."""
    tables = {kind.table: {r.id: r for r in repository.all(kind)} for kind in RECORD_TYPES}
    for record in plan.saved:
        tables[record.table][record.id] = record
    for record in plan.deleted:
        tables[record.table].pop(record.id, None)
    return tables


def test_every_demo_actor_can_go_either_way(repository: Repository) -> None:
    """Reassigned or kept as a name, no actor of the demo leaves a broken reference."""
    for actor in repository.actors:
        replacement = next(a.id for a in repository.actors if a.id != actor.id)
        for new in (None, replacement):
            problems = store_problems(after(repository, plan_deletion(repository, actor, new)))
            assert problems == [], (actor.name, new, problems[:1])
