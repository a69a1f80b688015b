"""Each figure of the dashboard's overview, on small stores built for the purpose."""

from __future__ import annotations

from datetime import date, timedelta

from coop_tui.core.insights.dashboard import overview
from coop_tui.core.target import Target
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    Channel,
    ContactEntry,
    Decision,
    LeverCategory,
    LeverStatus,
    Meeting,
    PrivateReading,
    RoadmapItem,
    RoadmapStatus,
    Role,
)
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)


def days(count: int) -> date:
    return TODAY + timedelta(days=count)


def test_an_empty_territory_reads_as_nothing_to_do(empty_repository: Repository) -> None:
    found = overview(empty_repository, TODAY)
    assert found.roadmap.late == () and found.roadmap.due_soon == ()
    assert found.actions.owners == () and found.actions.open_count == 0
    assert found.meetings.last is None and found.meetings.upcoming == ()
    assert found.actors.figures.total == 0 and found.actors.to_contact == ()
    assert found.levers.total == len(empty_repository.levers) > 0
    assert found.levers.overall.done == 0


def test_roadmap_late_due_soon_and_milestones(empty_repository: Repository) -> None:
    owner = Actor(name="Léa Dubois", kind=ActorKind.ELECTED)
    late = RoadmapItem(objective="Late one", due=days(-10), owner_ids=[owner.id])
    later = RoadmapItem(objective="Later late", due=days(-3))
    done = RoadmapItem(objective="Done", due=days(-40), status=RoadmapStatus.DONE)
    soon = RoadmapItem(objective="Soon", due=days(12))
    far = RoadmapItem(objective="Far", due=days(31))
    milestone = RoadmapItem(objective="Milestone", due=days(90), milestone=True)
    empty_repository.save(owner, late, later, done, soon, far, milestone)
    roadmap = overview(empty_repository, TODAY).roadmap
    assert [(line.item.objective, line.days_late) for line in roadmap.late] == [
        ("Late one", 10), ("Later late", 3)]
    assert roadmap.late[0].owners == ("Léa Dubois",)
    assert roadmap.late[0].target == Target("roadmap", late.id)
    assert [(line.item.objective, line.days_left) for line in roadmap.due_soon] == [
        ("Soon", 12)]
    assert [line.item.objective for line in roadmap.milestones] == ["Milestone"]
    assert roadmap.open_count == 5


def test_open_actions_by_owner_oldest_first(empty_repository: Repository) -> None:
    anne = Actor(name="Anne", kind=ActorKind.ELECTED)
    meeting = Meeting(title="COPIL", on=days(-30), actions=[
        Action(text="Recent", owner_id=anne.id, due=days(5)),
        Action(text="Oldest", owner_id=anne.id, due=days(-20)),
        Action(text="Undated", owner_id=anne.id),
        Action(text="Closed", owner_id=anne.id, due=days(-25), status=ActionStatus.DONE),
        Action(text="Someone's", owner_name="Bruno (outside)", due=days(-2)),
        Action(text="Nobody's", due=days(-50)),
    ])
    empty_repository.save(anne, meeting)
    actions = overview(empty_repository, TODAY).actions
    assert [group.name for group in actions.owners] == ["Anne", "Bruno (outside)", ""]
    anne_group = actions.owners[0]
    assert [line.action.text for line in anne_group.actions] == ["Oldest", "Recent", "Undated"]
    assert [line.days_late for line in anne_group.actions] == [20, 0, 0]
    assert anne_group.target == Target("actors", anne.id)
    oldest = anne_group.actions[0]
    assert oldest.target == Target("meetings", meeting.id, oldest.action.id)
    assert actions.owners[1].target == actions.owners[1].actions[0].target
    assert (actions.open_count, actions.late_count) == (5, 3)


def test_last_meeting_and_the_next_ones(empty_repository: Repository) -> None:
    held = Meeting(title="Held", on=days(-7), decisions=[Decision(text="Yes")],
                   actions=[Action(text="Do it")])
    today = Meeting(title="Today", on=TODAY)
    coming = [Meeting(title=f"Coming {n}", on=days(n)) for n in (20, 3, 9, 40)]
    empty_repository.save(held, today, *coming)
    meetings = overview(empty_repository, TODAY).meetings
    assert meetings.last is not None and meetings.last.meeting.title == "Today"
    assert meetings.held == 2
    assert [line.meeting.title for line in meetings.upcoming] == [
        "Coming 3", "Coming 9", "Coming 20"]
    assert meetings.upcoming[0].days == 3
    assert meetings.upcoming[0].target == Target("meetings", coming[1].id)


def test_actor_counts_channels_and_followers_to_contact(empty_repository: Repository) -> None:
    def actor(name: str, role: Role | None, **fields: object) -> Actor:
        return Actor(name=name, kind=ActorKind.ELECTED, private=PrivateReading(role=role),
                     **fields)  # type: ignore[arg-type]

    driver = actor("Driver", Role.DRIVER, channels=[Channel.EMAIL])
    stale = actor("Stale follower", Role.FOLLOWER, channels=[Channel.PHONE],
                  contact_log=[ContactEntry(on=days(-100), channel=Channel.PHONE)])
    fresh = actor("Fresh follower", Role.FOLLOWER, channels=[Channel.PHONE],
                  contact_log=[ContactEntry(on=days(-5), channel=Channel.PHONE)])
    never = actor("Never follower", Role.FOLLOWER, channels=[Channel.EMAIL])
    reluctant = actor("Reluctant", Role.RELUCTANT)
    weight = actor("Weight", Role.COUNTERWEIGHT, channels=[Channel.MAIL])
    empty_repository.save(driver, stale, fresh, never, reluctant, weight)
    actors = overview(empty_repository, TODAY).actors
    assert (actors.drivers.count, actors.followers.count, actors.counterweights.count,
            actors.reluctant.count) == (1, 3, 1, 1)
    assert actors.drivers.target == Target("actors", driver.id)
    assert [line.actor.name for line in actors.without_channel] == ["Reluctant"]
    assert [(line.actor.name, line.since_contact) for line in actors.to_contact] == [
        ("Never follower", None), ("Stale follower", 100)]


def test_lever_progress_and_attention(empty_repository: Repository) -> None:
    levers = empty_repository.levers
    first = levers[0].model_copy(deep=True)
    for item in first.items:
        item.done = True
    first.status = LeverStatus.DONE
    overdue = levers[1].model_copy(deep=True)
    overdue.due = days(-15)
    overdue.status = LeverStatus.IN_PROGRESS
    empty_repository.save(first, overdue)
    panel = overview(empty_repository, TODAY).levers
    assert panel.overall.done == len(first.items)
    by_category = {line.category: line for line in panel.categories}
    assert set(by_category) == set(LeverCategory)
    assert by_category[first.category].progress.done == len(first.items)
    assert by_category[first.category].target == Target("levers", first.category.value)
    attention = {line.lever.id: line for line in panel.attention}
    assert overdue.id in attention
    reason = attention[overdue.id].reason
    assert reason is not None and reason.rule == "lever_deadline"
    assert attention[overdue.id].target == Target("levers", overdue.id)


def test_every_line_of_the_demo_leads_somewhere(repository: Repository) -> None:
    found = overview(repository, TODAY)
    targets = [line.target for line in (*found.roadmap.late, *found.roadmap.due_soon,
                                        *found.roadmap.milestones, *found.levers.attention,
                                        *found.actors.without_channel,
                                        *found.actors.to_contact, *found.meetings.upcoming)]
    targets += [line.target for group in found.actions.owners for line in group.actions]
    assert targets and all(target.record_id for target in targets)
    assert {target.mode for target in targets} == {"roadmap", "levers", "actors", "meetings"}
