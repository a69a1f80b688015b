"""What every lever rule reads and returns: the :class:`Facts` of a store on a day, and the
:class:`Evidence` a rule finds in them; which catalogue levers each rule speaks about; and
the last exchange with each actor, which the facts read once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from coop_tui.core.insights.levers.wording import _later
from coop_tui.core.ordering import missing_last
from coop_tui.core.target import Target
from coop_tui.store.export_journal import NO_EXPORT, LastExports, read_journal
from coop_tui.store.models import (
    Actor,
    Meeting,
    MeetingKind,
    Presence,
    RoadmapItem,
    Territory,
    Thresholds,
)

if TYPE_CHECKING:
    from coop_tui.core.obligations import Due
    from coop_tui.core.pacte import PactRecords
    from coop_tui.store.models import LivingArea, OrganisationMissions, Relation, SharedProject
    from coop_tui.store.repository import Repository

# The catalogue levers each territory-wide rule speaks about (docs/evidence-rules.md);
# the rhythm of each kind of meeting speaks about the levers those meetings serve.
MEETING_KIND_LEVERS: dict[MeetingKind, tuple[str, ...]] = {
    MeetingKind.COPIL: ("lasting_facilitation",),
    MeetingKind.COTECH: ("lasting_facilitation",),
    MeetingKind.WORKSHOP: ("common_culture",),
    MeetingKind.BILATERAL: ("knowing_communes",),
    MeetingKind.MAYORS_CONFERENCE: ("knowing_communes",),
}
RULE_LEVERS: dict[str, tuple[str, ...]] = {
    "meeting_rhythm": ("cooperation_context", "facilitation_posture"),
    "channel_coverage": ("facilitation_posture", "cooperation_context"),
    "role_assessment": ("power_games", "facilitation_posture"),
    "counterweights": ("power_games", "facilitation_posture"),
    "follower_contact": ("facilitation_posture",),
    "roadmap_completeness": ("mutualisation_scheme",),
    "roadmap_late": ("mutualisation_scheme", "cooperation_time"),
    "overdue_actions": ("cooperation_time",),
    "shared_follow_up": ("cooperation_context", "facilitation_posture"),
    "investment": ("facilitation_posture", "common_culture"),
    "commune_knowledge": ("knowing_communes",),
    "project_endorsement": ("common_culture", "power_games"),
    "commitment_gaps": ("common_culture", "facilitation_posture"),
    "quiet_blockages": ("facilitation_posture",),
    "counterweight_suggestions": ("power_games", "facilitation_posture"),
    "meeting_venues": ("cooperation_context",),
    "meeting_formats": ("cooperation_context",),
    "commune_attendance": ("cooperation_context", "knowing_communes"),
    "recognition": ("facilitation_posture", "common_culture"),
    "diagnostic_coverage": ("mutualisation_scheme",),
}


@dataclass(frozen=True)
class Evidence:
    """One figure read from the store, how to read it, and whether it calls for attention.

    ``value`` is the number the rule compares with ``threshold`` (None when the rule has
    nothing to compare); ``target`` is the record to open to see more.
    """

    rule: str
    figure: str
    explanation: str
    attention: bool
    levers: tuple[str, ...] = ()
    value: float | None = None
    threshold: float | None = None
    target: Target | None = None


@dataclass(frozen=True)
class Facts:
    """What the rules read: the store's records and the day they are read on."""

    today: date
    territory: Territory
    actors: Sequence[Actor] = ()
    meetings: Sequence[Meeting] = ()
    roadmap: Sequence[RoadmapItem] = ()
    relations: Sequence[Relation] = ()
    journal: LastExports = NO_EXPORT
    dues: Sequence[Due] = ()  # the statutory calendar, in the order things fall due
    pact: PactRecords | None = None  # the pacte financier et fiscal's records
    project: SharedProject | None = None
    diagnostic: Sequence[OrganisationMissions] = ()
    living_areas: Sequence[LivingArea] = ()

    @classmethod
    def of(cls, repository: Repository, today: date) -> Facts:
        from coop_tui.core.insights.deadlines import store_obligations
        from coop_tui.core.pacte import PactRecords

        return cls(today=today, territory=repository.territory, actors=repository.actors,
                   meetings=repository.meetings, roadmap=repository.roadmap,
                   relations=repository.relations, journal=read_journal(repository.path),
                   dues=store_obligations(repository, today),
                   pact=PactRecords.of(repository),
                   project=repository.shared_project,
                   diagnostic=repository.diagnostic, living_areas=repository.living_areas)

    @property
    def last_minutes_export(self) -> datetime | None:
        """The later of the store's record and the export journal's."""
        return _later(self.territory.last_minutes_export, self.journal.minutes)

    @property
    def last_status_report(self) -> datetime | None:
        return _later(self.territory.last_status_report, self.journal.status_report)

    @property
    def thresholds(self) -> Thresholds:
        return self.territory.thresholds

    @cached_property
    def held(self) -> list[Meeting]:
        """Meetings on or before today, oldest first."""
        return sorted((m for m in self.meetings if m.on <= self.today),
                      key=lambda m: (m.on, missing_last(m.start), m.id))

    @cached_property
    def last_present(self) -> dict[str, date]:
        """Per actor id, the last meeting held the actor was present at (read once)."""
        return last_presence(self.held)

    @cached_property
    def _names(self) -> dict[str, str]:
        return {actor.id: actor.name for actor in self.actors}

    def actor_name(self, actor_id: str | None) -> str:
        return self._names.get(actor_id, "") if actor_id else ""

    def last_met(self, actor: Actor) -> date | None:
        return last_met(actor, self.last_present, self.today)


def last_presence(held: Iterable[Meeting]) -> dict[str, date]:
    """Per actor id, the date of the last of these meetings the actor was present at."""
    found: dict[str, date] = {}
    for meeting in held:
        for row in meeting.attendance:
            if row.status is Presence.PRESENT and meeting.on > found.get(row.actor_id, date.min):
                found[row.actor_id] = meeting.on
    return found


def last_met(actor: Actor, present: Mapping[str, date], today: date) -> date | None:
    """The last exchange with an actor: its contact log, or a meeting it was present at
    (``present``: the last presence per actor id, from :func:`last_presence`)."""
    logged = [entry.on for entry in actor.contact_log if entry.on <= today]
    at_meeting = present.get(actor.id)
    return max([*logged, *([at_meeting] if at_meeting else [])], default=None)
