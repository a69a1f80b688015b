"""The domain as pydantic models: the single source of truth for fields and validation.

Every stored record has a stable UUID ``id`` and ``created``/``updated`` timestamps, so two
copies of a store can later be compared and merged. Records refer to each other by ``id``
only. What the facilitator thinks of people (roles, influence, blockages, relations,
private notes) lives in fields named ``private`` or in :class:`Relation`, which no export
includes unless asked.

Error messages are English templates marked with ``N_``; the interface translates them
(see :data:`ERROR_MESSAGES`).

One module per part of the domain, every name importable from here:

- ``base``: the schema version, error messages, validators, field types and the bases
  :class:`Model`, :class:`Record`, :class:`Part`, :class:`LocalizedText`;
- ``territory``: the territory, its thresholds and calendar settings, the obligations;
- ``actors``: actors, their private reading, relations;
- ``levers``: levers and their checklist, roadmap items;
- ``meetings``: meetings, attendance, agenda, votes, decisions, actions;
- ``conflict``: what a merge leaves for a person to settle;
- ``endorsement``: who endorsed a shared text, when and where;
- ``pacte``: the pacte financier et fiscal: figures by year, charter, projects.
- ``project``: the shared project, its « patte » and its endorsements.
- ``diagnostic``: the missions and staff of each organisation, the bassins de vie.

Code that reads :data:`SCHEMA_VERSION` at call time reads it here (``models.SCHEMA_VERSION``).
"""

from __future__ import annotations

import os

# No pydantic plugin is used: skip their discovery, which scans every installed package's
# metadata on the first model (about 10 ms of start-up). Set before any module of the
# package imports pydantic.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from coop_tui.store.models.actors import (
    Actor,
    ActorKind,
    Blockage,
    BlockageAnswer,
    BlockageState,
    Channel,
    Commitment,
    CommuneProfile,
    Contact,
    ContactEntry,
    PrivateReading,
    Relation,
    RelationKind,
    Role,
)
from coop_tui.store.models.base import (
    ERROR_MESSAGES,
    FIRST_DAY,
    LAST_DAY,
    SCHEMA_VERSION,
    Day,
    Email,
    Language,
    Line,
    LocalizedText,
    Model,
    Name,
    Part,
    Record,
    RecordId,
    Score,
    Stamp,
    Text,
    new_id,
    utc_now,
)
from coop_tui.store.models.conflict import (
    Conflict,
)
from coop_tui.store.models.diagnostic import (
    AreaCommune,
    LivingArea,
    Mission,
    MissionStaff,
    OrganisationMissions,
    ServiceNeed,
)
from coop_tui.store.models.endorsement import (
    Endorsement,
)
from coop_tui.store.models.levers import (
    ChecklistItem,
    Lever,
    LeverCategory,
    LeverStatus,
    Means,
    RoadmapItem,
    RoadmapStatus,
)
from coop_tui.store.models.meetings import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Decision,
    DeliberationResult,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MinutesStatus,
    Presence,
    Vote,
)
from coop_tui.store.models.pacte import (
    CharterCommitment,
    CommitmentLevel,
    CriterionScore,
    FinanceFigure,
    Finances,
    FinancingLine,
    PactCriterion,
    PactProject,
    ProjectScope,
    SelectionStatus,
)
from coop_tui.store.models.project import (
    SharedProject,
)
from coop_tui.store.models.territory import (
    CalendarSettings,
    GovernancePact,
    NonWorkingDay,
    Obligation,
    Territory,
    Thresholds,
)

RECORD_TYPES: tuple[type[Record], ...] = (
    Territory, Actor, Relation, Lever, RoadmapItem, Meeting, Conflict, Obligation,
    Finances, CharterCommitment, PactCriterion, PactProject, SharedProject,
    Mission, OrganisationMissions, LivingArea)
TABLES: dict[str, type[Record]] = {kind.table: kind for kind in RECORD_TYPES}

__all__ = [
    "ERROR_MESSAGES",
    "FIRST_DAY",
    "LAST_DAY",
    "RECORD_TYPES",
    "SCHEMA_VERSION",
    "TABLES",
    "Action",
    "ActionStatus",
    "Actor",
    "ActorKind",
    "AgendaItem",
    "AreaCommune",
    "Attendance",
    "Blockage",
    "BlockageAnswer",
    "BlockageState",
    "CalendarSettings",
    "Channel",
    "CharterCommitment",
    "ChecklistItem",
    "Commitment",
    "CommitmentLevel",
    "CommuneProfile",
    "Conflict",
    "Contact",
    "ContactEntry",
    "CriterionScore",
    "Day",
    "Decision",
    "DeliberationResult",
    "Email",
    "Endorsement",
    "FinanceFigure",
    "Finances",
    "FinancingLine",
    "GovernancePact",
    "Language",
    "Lever",
    "LeverCategory",
    "LeverStatus",
    "Line",
    "LivingArea",
    "LocalizedText",
    "Means",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "MinutesStatus",
    "Mission",
    "MissionStaff",
    "Model",
    "Name",
    "NonWorkingDay",
    "Obligation",
    "OrganisationMissions",
    "PactCriterion",
    "PactProject",
    "Part",
    "Presence",
    "PrivateReading",
    "ProjectScope",
    "Record",
    "RecordId",
    "Relation",
    "RelationKind",
    "RoadmapItem",
    "RoadmapStatus",
    "Role",
    "Score",
    "SelectionStatus",
    "ServiceNeed",
    "SharedProject",
    "Stamp",
    "Territory",
    "Text",
    "Thresholds",
    "Vote",
    "new_id",
    "utc_now",
]
