"""What each stored value is called in the interface and the exports, in both languages.

Stored values are stable English keys (``driver``, ``mayors_conference``); this is the one
place that names them for a person.
"""

from __future__ import annotations

from enum import StrEnum

from coop_tui.core.i18n import N_, NC_, _, pgettext
from coop_tui.store.models import (
    ActionStatus,
    ActorKind,
    BlockageState,
    Channel,
    Commitment,
    DeliberationResult,
    GovernancePact,
    LeverCategory,
    LeverStatus,
    MeetingFormat,
    MeetingKind,
    MinutesStatus,
    Presence,
    RelationKind,
    RoadmapStatus,
    Role,
)

# Labels per enum: the same stored key ("done") can read differently per kind.
_LABELS: dict[type[StrEnum], dict[str, str]] = {
    ActorKind: {
        ActorKind.COMMUNE: N_("commune"),
        ActorKind.COMMUNITY: N_("community"),
        ActorKind.ELECTED: N_("elected official"),
        ActorKind.SERVICE: N_("service"),
        ActorKind.ASSOCIATION: N_("association"),
        ActorKind.PUBLIC_BODY: N_("public body"),
        ActorKind.COMPANY: N_("company"),
        ActorKind.CITIZEN_GROUP: N_("citizen group"),
    },
    Channel: {
        Channel.EMAIL: N_("e-mail"),
        Channel.PHONE: N_("phone"),
        Channel.SMS: N_("text message"),
        Channel.MESSAGING: N_("instant messaging"),
        Channel.MEETING: N_("meetings"),
        Channel.VISIT: N_("visit"),
        Channel.MAIL: N_("letter"),
        Channel.NEWSLETTER: N_("newsletter"),
        Channel.SOCIAL: N_("social media"),
    },
    Role: {
        Role.DRIVER: N_("driver"),
        Role.FOLLOWER: N_("follower"),
        Role.COUNTERWEIGHT: N_("counterweight"),
        Role.RELUCTANT: N_("reluctant"),
        Role.NEUTRAL: N_("neutral"),
    },
    RelationKind: {
        RelationKind.COOPERATION: N_("cooperation"),
        RelationKind.TENSION: N_("tension"),
        RelationKind.HIERARCHY: N_("hierarchy"),
        RelationKind.FUNDING: N_("funding"),
        RelationKind.COUNTERWEIGHT: N_("counterweight"),
        RelationKind.INFORMATION: N_("information"),
    },
    LeverCategory: {
        LeverCategory.REGULATORY: N_("regulatory levers"),
        LeverCategory.METHODOLOGICAL: N_("methodological levers"),
        LeverCategory.HUMAN: N_("human levers"),
    },
    LeverStatus: {
        LeverStatus.TODO: N_("to do"),
        LeverStatus.IN_PROGRESS: N_("in progress"),
        LeverStatus.DONE: N_("done"),
        LeverStatus.NOT_APPLICABLE: N_("not applicable"),
    },
    RoadmapStatus: {
        RoadmapStatus.PLANNED: N_("planned"),
        RoadmapStatus.IN_PROGRESS: N_("under way"),
        RoadmapStatus.BLOCKED: N_("blocked"),
        RoadmapStatus.DONE: N_("completed"),
        RoadmapStatus.CANCELLED: N_("cancelled"),
    },
    MeetingKind: {
        MeetingKind.COPIL: N_("steering committee (COPIL)"),
        MeetingKind.COTECH: N_("technical committee (COTECH)"),
        MeetingKind.MAYORS_CONFERENCE: N_("conference of mayors"),
        MeetingKind.BUREAU: N_("executive board (bureau)"),
        MeetingKind.COUNCIL: N_("community council"),
        MeetingKind.WORKSHOP: N_("workshop"),
        MeetingKind.BILATERAL: N_("bilateral meeting"),
        MeetingKind.OTHER: N_("meeting"),
    },
    MeetingFormat: {
        MeetingFormat.IN_PERSON: N_("in person"),
        MeetingFormat.VIDEO: N_("video call"),
        MeetingFormat.HYBRID: N_("hybrid"),
    },
    Presence: {
        Presence.PRESENT: N_("present"),
        Presence.EXCUSED: N_("excused"),
        Presence.ABSENT: N_("absent"),
        Presence.REPRESENTED: N_("represented"),
        Presence.SUBSTITUTED: N_("substituted"),
    },
    # An action is feminine in French: « faite », « reportée », « annulée ».
    ActionStatus: {
        ActionStatus.OPEN: NC_("action", "open"),
        ActionStatus.DONE: NC_("action", "done"),
        ActionStatus.POSTPONED: NC_("action", "postponed"),
        ActionStatus.CANCELLED: NC_("action", "cancelled"),
    },
    MinutesStatus: {
        MinutesStatus.DRAFT: N_("draft"),
        MinutesStatus.APPROVED: N_("approved"),
    },
    DeliberationResult: {
        DeliberationResult.ADOPTED: N_("adopted"),
        DeliberationResult.REJECTED: N_("rejected"),
        DeliberationResult.DEFERRED: N_("deferred"),
    },
    GovernancePact: {
        GovernancePact.UNDECIDED: N_("not decided yet"),
        GovernancePact.DRAFTING: N_("the council decided to draw one up"),
        GovernancePact.DECLINED: N_("the council decided not to"),
    },
    Commitment: {
        Commitment.UNAWARE: N_("unaware"),
        Commitment.INFORMED: N_("informed"),
        Commitment.INVOLVED: N_("involved"),
        Commitment.COMMITTED: N_("committed"),
        Commitment.CHAMPION: N_("champion"),
    },
    BlockageState: {
        BlockageState.OPEN: N_("open"),
        BlockageState.ADDRESSING: N_("being addressed"),
        BlockageState.LIFTED: N_("lifted"),
    },
}

# The enums whose labels agree with a noun of their own (msgctxt in the catalogue).
_CONTEXTS: dict[type[StrEnum], str] = {ActionStatus: "action"}


def label(value: StrEnum) -> str:
    """The name of a stored value in the current language."""
    message = _LABELS[type(value)][value]
    context = _CONTEXTS.get(type(value))
    return pgettext(context, message) if context else _(message)


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(label, value) pairs for a Select, in the enum's order."""
    return [(label(member), member.value) for member in enum]
