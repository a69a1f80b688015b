"""Where the territory stands, read once: the single source of the dashboard and the status
report.

:func:`overview` reads the store in one pass and reuses the readings the other screens
already make (levers' progress and evidence, late and due roadmap items, the actor map's
figures), so the dashboard, the report and those screens count the same way. Every line
carries the :class:`Target` that opens its record on its own screen. Nothing here is
worded: the dashboard and the report word it in the current language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from coop_tui.core.diagnostic import DiagnosticSummary, diagnostic_summary
from coop_tui.core.insights.actors import ActorFigures, actor_figures, days_since_contact
from coop_tui.core.insights.deadlines import DeadlinesPanel, deadlines_panel
from coop_tui.core.insights.human_panel import HumanPanel, human_panel
from coop_tui.core.insights.levers import (
    Evidence,
    Facts,
    Lag,
    Progress,
    category_lag,
    category_progress,
    evidence_by_lever,
    lever_progress,
    needs_attention,
    overall_progress,
)
from coop_tui.core.insights.roadmap import days_late, due_within, is_open, late_items
from coop_tui.core.ordering import missing_last
from coop_tui.core.target import Target
from coop_tui.store.models import (
    Action,
    Actor,
    Lever,
    LeverCategory,
    Meeting,
    RoadmapItem,
    Territory,
)

if TYPE_CHECKING:
    from coop_tui.core.pacte import PactRecords
    from coop_tui.store.repository import Repository

# How far ahead "due soon" looks, and how many milestones and meetings "next" shows.
DUE_SOON_DAYS = 30
NEXT_MILESTONES = 5
NEXT_MEETINGS = 3


# ---------------------------------------------------------------------------- levers


@dataclass(frozen=True)
class CategoryLine:
    """The checklist progress of one category of levers."""

    category: LeverCategory
    progress: Progress
    lagging: bool
    target: Target


@dataclass(frozen=True)
class LeverLine:
    """A lever that needs attention, and the first figure that says why."""

    lever: Lever
    progress: Progress
    reason: Evidence | None
    signals: int
    target: Target


@dataclass(frozen=True)
class LeversPanel:
    overall: Progress
    categories: tuple[CategoryLine, ...]
    lag: Lag | None
    attention: tuple[LeverLine, ...]
    total: int
    target: Target


# ---------------------------------------------------------------------------- roadmap


@dataclass(frozen=True)
class RoadmapLine:
    """A roadmap item with its due date read against today (negative: days left)."""

    item: RoadmapItem
    days_late: int
    days_left: int
    owners: tuple[str, ...]
    target: Target


@dataclass(frozen=True)
class RoadmapPanel:
    late: tuple[RoadmapLine, ...]
    due_soon: tuple[RoadmapLine, ...]
    milestones: tuple[RoadmapLine, ...]
    open_count: int
    target: Target


# ---------------------------------------------------------------------------- actions


@dataclass(frozen=True)
class ActionLine:
    """An open action, the meeting that decided it, and how late it is (0: not late)."""

    action: Action
    meeting: Meeting
    days_late: int
    target: Target


@dataclass(frozen=True)
class OwnerActions:
    """The open actions of one owner (``name`` empty: nobody named), oldest first."""

    name: str
    owner_id: str | None
    actions: tuple[ActionLine, ...]
    target: Target

    @property
    def late(self) -> int:
        return sum(line.days_late > 0 for line in self.actions)


@dataclass(frozen=True)
class ActionsPanel:
    owners: tuple[OwnerActions, ...]
    open_count: int
    late_count: int
    target: Target


# ---------------------------------------------------------------------------- meetings


@dataclass(frozen=True)
class MeetingLine:
    """A meeting and what came out of it; ``days`` from today (negative: in the past)."""

    meeting: Meeting
    days: int
    decisions: int
    open_actions: int
    target: Target


@dataclass(frozen=True)
class MeetingsPanel:
    last: MeetingLine | None
    upcoming: tuple[MeetingLine, ...]
    held: int
    target: Target


# ---------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorLine:
    """An actor to reach; ``since_contact`` in days, None when never contacted."""

    actor: Actor
    since_contact: int | None
    target: Target


@dataclass(frozen=True)
class RoleCount:
    """How many actors play a role: an aggregate figure, safe to report."""

    count: int
    target: Target


@dataclass(frozen=True)
class ActorsPanel:
    figures: ActorFigures
    drivers: RoleCount
    followers: RoleCount
    counterweights: RoleCount
    reluctant: RoleCount
    without_channel: tuple[ActorLine, ...]
    to_contact: tuple[ActorLine, ...]
    target: Target


# ---------------------------------------------------------------------------- overview


@dataclass(frozen=True)
class Overview:
    """Everything the dashboard shows and the status report tells, read on ``today``."""

    today: date
    territory: Territory
    levers: LeversPanel
    roadmap: RoadmapPanel
    actions: ActionsPanel
    meetings: MeetingsPanel
    actors: ActorsPanel
    # False while the store holds no actor, no meeting and no roadmap item: a newcomer's
    # store, where the dashboard says where to start instead of showing zeros.
    started: bool = True
    deadlines: DeadlinesPanel | None = None  # the statutory calendar
    conflicts: int = 0  # values a merge left to settle
    pact: PactRecords | None = None  # the pacte financier et fiscal's records
    human: HumanPanel | None = None  # the human levers (issue 18)
    diagnostic: DiagnosticSummary | None = None  # the shared diagnostic in a few figures


def overview(repository: Repository, today: date) -> Overview:
    """Read the store once and build every panel from the same records."""
    facts = Facts.of(repository, today)
    names = {actor.id: actor.name for actor in facts.actors}
    return Overview(
        today=today,
        territory=facts.territory,
        levers=levers_panel(repository.levers, facts),
        roadmap=roadmap_panel(facts.roadmap, today, names),
        actions=actions_panel(facts.meetings, today, names),
        meetings=meetings_panel(facts.meetings, today),
        actors=actors_panel(facts),
        started=bool(facts.actors or facts.meetings or facts.roadmap),
        deadlines=deadlines_panel(list(facts.dues), today),
        pact=facts.pact,
        conflicts=len(repository.conflicts),
        human=human_panel(facts),
        diagnostic=diagnostic_summary(facts.diagnostic, facts.living_areas, facts.actors,
                                      repository.missions),
    )


def levers_panel(levers: Sequence[Lever], facts: Facts) -> LeversPanel:
    """Progress per category and overall; the levers whose figures call for attention, in
    the catalogue's order."""
    progress = category_progress(levers)
    lag = category_lag(progress, facts.thresholds)
    lagging = lag.lagging if lag else ()
    present = {lever.category for lever in levers}
    categories = tuple(
        CategoryLine(category, progress[category], category in lagging,
                     Target("levers", category.value if category in present else ""))
        for category in LeverCategory
    )
    evidence = evidence_by_lever(levers, facts)
    attention = tuple(
        LeverLine(lever, lever_progress(lever),
                  next((e for e in evidence[lever.id] if e.attention), None),
                  sum(e.attention for e in evidence[lever.id]), Target("levers", lever.id))
        for lever in _catalogue_order(levers) if needs_attention(lever, evidence[lever.id])
    )
    return LeversPanel(overall_progress(levers), categories, lag, attention, len(levers),
                       Target("levers", ""))


def _catalogue_order(levers: Iterable[Lever]) -> list[Lever]:
    categories = list(LeverCategory)
    return sorted(levers, key=lambda lever: (categories.index(lever.category),
                                             lever.position, lever.id))


def roadmap_panel(items: Sequence[RoadmapItem], today: date,
                  names: dict[str, str]) -> RoadmapPanel:
    """Late items (longest overdue first), items due in the next 30 days, next milestones."""

    def line(item: RoadmapItem) -> RoadmapLine:
        owners = tuple(names[owner] for owner in item.owner_ids if owner in names)
        left = (item.due - today).days if item.due else 0
        return RoadmapLine(item, days_late(item, today), left, owners,
                           Target("roadmap", item.id))

    milestones = sorted(
        (item for item in items
         if item.milestone and is_open(item) and item.due is not None and item.due >= today),
        key=lambda item: (item.due, item.objective, item.id))
    return RoadmapPanel(
        late=tuple(line(item) for item in late_items(items, today)),
        due_soon=tuple(line(item) for item in due_within(items, today, DUE_SOON_DAYS)),
        milestones=tuple(line(item) for item in milestones[:NEXT_MILESTONES]),
        open_count=sum(is_open(item) for item in items),
        target=Target("roadmap", ""),
    )


def _action_order(line: ActionLine) -> tuple[tuple[bool, date | None], date, str, str]:
    """Oldest first: the earliest due date (undated ones last), then the earliest meeting."""
    return (missing_last(line.action.due), line.meeting.on, line.action.text, line.action.id)


def actions_panel(meetings: Sequence[Meeting], today: date,
                  names: dict[str, str]) -> ActionsPanel:
    """Open actions grouped by owner; the owner with the most overdue action comes first,
    the actions nobody owns last."""
    groups: dict[tuple[str | None, str], list[ActionLine]] = {}
    for meeting in meetings:
        for action in meeting.open_actions():
            late = (today - action.due).days if action.due and action.due < today else 0
            owner_id = action.owner_id if action.owner_id in names else None
            name = names[owner_id] if owner_id else action.owner_name
            groups.setdefault((owner_id, name), []).append(
                ActionLine(action, meeting, late, Target("meetings", meeting.id, action.id)))
    owners = []
    for (owner_id, name), lines in groups.items():
        ordered = tuple(sorted(lines, key=_action_order))
        target = Target("actors", owner_id) if owner_id else ordered[0].target
        owners.append(OwnerActions(name, owner_id, ordered, target))
    owners.sort(key=lambda group: (not group.name, _action_order(group.actions[0]),
                                   group.name.casefold(), group.owner_id or ""))
    open_count = sum(len(group.actions) for group in owners)
    late_count = sum(group.late for group in owners)
    return ActionsPanel(tuple(owners), open_count, late_count, Target("meetings", ""))


def meetings_panel(meetings: Sequence[Meeting], today: date) -> MeetingsPanel:
    """The last meeting held (today counts as held) and the next ones, soonest first; on
    one day, a meeting without a start time comes after the timed ones."""

    def line(meeting: Meeting) -> MeetingLine:
        return MeetingLine(meeting, (meeting.on - today).days, len(meeting.decisions),
                           len(meeting.open_actions()), Target("meetings", meeting.id))

    ordered = sorted(meetings, key=lambda meeting: (meeting.on, missing_last(meeting.start),
                                                    meeting.id))
    held = [meeting for meeting in ordered if meeting.on <= today]
    upcoming = [meeting for meeting in ordered if meeting.on > today]
    return MeetingsPanel(
        last=line(held[-1]) if held else None,
        upcoming=tuple(line(meeting) for meeting in upcoming[:NEXT_MEETINGS]),
        held=len(held),
        target=Target("meetings", ""),
    )


def _role_count(actors: Sequence[Actor]) -> RoleCount:
    return RoleCount(len(actors), Target("actors", actors[0].id if actors else ""))


def actors_panel(facts: Facts) -> ActorsPanel:
    """The actor map's figures, the actors with no known channel and the followers to
    contact (longest without contact first), by name."""
    figures = actor_figures(facts.actors, facts.relations, facts.today, facts.thresholds)

    def lines(actors: Iterable[Actor]) -> tuple[ActorLine, ...]:
        found = [ActorLine(actor, days_since_contact(actor, facts.today),
                           Target("actors", actor.id)) for actor in actors]
        return tuple(sorted(found, key=lambda line: (
            -(line.since_contact if line.since_contact is not None else 10**6),
            line.actor.name.casefold(), line.actor.id)))

    return ActorsPanel(
        figures=figures,
        drivers=_role_count(figures.drivers),
        followers=_role_count(figures.followers),
        counterweights=_role_count(figures.counterweights),
        reluctant=_role_count(figures.reluctant),
        without_channel=tuple(sorted(
            (ActorLine(actor, None, Target("actors", actor.id))
             for actor in figures.without_channel),
            key=lambda line: (line.actor.name.casefold(), line.actor.id))),
        to_contact=lines(figures.followers_to_contact),
        target=Target("actors", ""),
    )
