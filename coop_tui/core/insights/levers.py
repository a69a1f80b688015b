"""Evidence for the levers: figures read from the store, each with its rule and threshold.

The seed document names what makes each lever work (regular meetings, knowing each
commune, the drivers and followers, a roadmap with objectives, deadlines and means…).
Each rule here reads the store for one such sign and returns an :class:`Evidence`: the
figure, how it is read, and whether it crosses its threshold (``territory.thresholds``).
A lever with a figure past its threshold needs attention. The rules are written out in
``docs/evidence-rules.md``; the text is in the current language, built when called.

The progress of the checklist (per lever, per category, overall) and the lag of a
category behind the others are read here as well, so the screen only shows them.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from coop_tui.core.i18n import N_, _, format_date, format_days, format_number, language, ngettext
from coop_tui.core.labels import label
from coop_tui.core.ordering import missing_last
from coop_tui.core.target import Target
from coop_tui.store.export_journal import NO_EXPORT, LastExports, read_journal
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    Lever,
    LeverCategory,
    LeverStatus,
    Meeting,
    MeetingKind,
    Presence,
    RelationKind,
    RoadmapItem,
    RoadmapStatus,
    Role,
    Territory,
    Thresholds,
)

if TYPE_CHECKING:
    from coop_tui.core.obligations import Due
    from coop_tui.store.models import Relation
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
}

# How many names an explanation lists before "and N more".
NAMES_SHOWN = 3


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

    @classmethod
    def of(cls, repository: Repository, today: date) -> Facts:
        from coop_tui.core.insights.deadlines import store_obligations

        return cls(today=today, territory=repository.territory, actors=repository.actors,
                   meetings=repository.meetings, roadmap=repository.roadmap,
                   relations=repository.relations, journal=read_journal(repository.path),
                   dues=store_obligations(repository, today))

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


# ---------------------------------------------------------------------------- wording


def percent(ratio: float) -> str:
    """A share as people read it in the current language: "72 %" / "72%"."""
    from babel.numbers import format_percent

    return str(format_percent(ratio, locale=language()))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _names(names: Sequence[str]) -> str:
    """The first few names, then how many more: "A, B, C and 4 more"."""
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    if rest <= 0:
        return shown
    more = ngettext("{count} more", "{count} more", rest).format(count=rest)
    return _("{names} and {more}").format(names=shown, more=more)


def _later(one: datetime | None, other: datetime | None) -> datetime | None:
    return max((d for d in (one, other) if d is not None), default=None)


def _date(value: date | datetime) -> str:
    day = value.astimezone().date() if isinstance(value, datetime) else value
    return format_date(day, "medium")


# ---------------------------------------------------------------------------- meetings


def usual_interval(days: Sequence[date]) -> float | None:
    """The median number of days between meetings held on ``days`` (None under two)."""
    ordered = sorted(days)
    gaps = [(later - earlier).days for earlier, later in pairwise(ordered)]
    return float(statistics.median(gaps)) if gaps else None


def next_planned(kind: MeetingKind, facts: Facts) -> date | None:
    """The next meeting of a kind: a meeting recorded after today, or a date announced."""
    planned = [m.on for m in facts.meetings if m.kind is kind and m.on > facts.today]
    planned += [m.next_meeting_on for m in facts.meetings
                if m.kind is kind and m.next_meeting_on and m.next_meeting_on > facts.today]
    return min(planned, default=None)


@dataclass(frozen=True)
class Series:
    """The meetings of one kind held so far, and how long since the last one."""

    kind: MeetingKind
    last: Meeting
    since: int
    interval: float | None
    limit: int | None
    planned: date | None

    @property
    def overdue(self) -> bool:
        """Silent for longer than its usual interval allows, with no next one planned."""
        return self.limit is not None and self.since > self.limit and self.planned is None


def meeting_series(facts: Facts) -> list[Series]:
    """One series per kind of meeting held at least once, in the order of the kinds."""
    held = facts.held
    factor = facts.thresholds.meeting_cadence_factor
    found: list[Series] = []
    for kind in MeetingKind:
        of_kind = [m for m in held if m.kind is kind]
        if not of_kind:
            continue
        interval = usual_interval([m.on for m in of_kind])
        found.append(Series(
            kind=kind, last=of_kind[-1], since=(facts.today - of_kind[-1].on).days,
            interval=interval, limit=None if interval is None else round(interval * factor),
            planned=next_planned(kind, facts)))
    return found


def _series_reading(series: Series) -> str:
    if series.interval is None:
        text = _("Only one held so far: no usual interval yet.")
    else:
        text = _("Usually every {interval}; attention past {limit} with none planned.").format(
            interval=format_days(round(series.interval)), limit=format_days(series.limit or 0))
    if series.planned is not None:
        text += " " + _("Next one planned on {date}.").format(date=_date(series.planned))
    return text


def meeting_cadence(facts: Facts) -> list[Evidence]:
    """Per kind of meeting held: days since the last one against its usual interval.

    Each kind speaks about the levers its meetings serve (MEETING_KIND_LEVERS).
    """
    return [
        Evidence("meeting_cadence",
                 _("{kind}: {days} since the last one").format(kind=label(series.kind),
                                                               days=format_days(series.since)),
                 _series_reading(series), series.overdue,
                 MEETING_KIND_LEVERS.get(series.kind, ()), series.since, series.limit,
                 Target("meetings", series.last.id))
        for series in meeting_series(facts)
    ]


def meeting_rhythm(facts: Facts) -> Evidence:
    """All kinds of meetings at a glance: which series have gone silent for too long."""
    series = meeting_series(facts)
    levers = RULE_LEVERS["meeting_rhythm"]
    if not series:
        return Evidence("meeting_rhythm", _("No meeting held yet"),
                        _("The usual interval of each kind of meeting shows once two are "
                          "recorded."), False, levers, 0, 0)
    overdue = [s for s in series if s.overdue]
    if overdue:
        figure = ngettext("{count} kind of meeting has gone silent too long",
                          "{count} kinds of meeting have gone silent too long",
                          len(overdue)).format(count=len(overdue))
    else:
        figure = _("Meetings keep their usual rhythm")
    lines = []
    for item in series:
        line = _("{kind}: last one {days} ago").format(kind=label(item.kind),
                                                       days=format_days(item.since))
        if item.interval is not None:
            line += ", " + _("usually every {interval}").format(
                interval=format_days(round(item.interval)))
        if item.planned is not None:
            line += ", " + _("next on {date}").format(date=_date(item.planned))
        lines.append(line)
    explanation = "; ".join(lines) + ". " + _(
        "Attention when a kind goes {factor} times its usual interval without a meeting "
        "and none is planned.").format(factor=format_number(facts.thresholds.
                                                             meeting_cadence_factor, 1))
    first = overdue[0] if overdue else max(series, key=lambda s: (s.last.on, s.last.id))
    return Evidence("meeting_rhythm", figure, explanation, bool(overdue), levers, len(overdue),
                    0, Target("meetings", first.last.id))


# ---------------------------------------------------------------------------- actors


def _by_name(actors: Iterable[Actor]) -> list[Actor]:
    return sorted(actors, key=lambda actor: (actor.name.casefold(), actor.id))


def channel_coverage(facts: Facts) -> Evidence:
    """How many actors have a preferred channel, against the coverage wanted."""
    total = len(facts.actors)
    preferred = [a for a in facts.actors if a.preferred_channel is not None]
    unknown = [a for a in facts.actors if a.known_channel() is None]
    ratio = _share(len(preferred), total)
    threshold = facts.thresholds.channel_coverage_percent
    missing = _by_name(a for a in facts.actors if a.preferred_channel is None)
    if not total:
        return Evidence("channel_coverage", _("No actor recorded yet"),
                        _("Record the actors to know how to reach each one."), False,
                        RULE_LEVERS["channel_coverage"], 0, threshold)
    figure = _("{count} of {total} actors have a preferred channel ({percent})").format(
        count=len(preferred), total=total, percent=percent(ratio))
    explanation = ngettext("{count} has no channel known at all.",
                           "{count} have no channel known at all.", len(unknown)).format(
        count=len(unknown))
    explanation += " " + _("Attention below {percent}.").format(percent=percent(threshold / 100))
    return Evidence("channel_coverage", figure, explanation, ratio * 100 < threshold,
                    RULE_LEVERS["channel_coverage"], round(ratio * 100, 1), threshold,
                    Target("actors", missing[0].id) if missing else None)


ROLE_COUNTS: dict[Role, str] = {
    Role.DRIVER: N_("drivers: {count}"),
    Role.FOLLOWER: N_("followers: {count}"),
    Role.COUNTERWEIGHT: N_("counterweights: {count}"),
    Role.RELUCTANT: N_("reluctant: {count}"),
    Role.NEUTRAL: N_("neutral: {count}"),
}


def role_counts(actors: Iterable[Actor]) -> Counter[Role]:
    """How many actors the facilitator reads in each role."""
    return Counter(actor.private.role for actor in actors if actor.private.role is not None)


def role_assessment(facts: Facts) -> Evidence:
    """How many actors have a role in the cooperation, and whether drivers are known."""
    total = len(facts.actors)
    roles = role_counts(facts.actors)
    assessed = sum(roles.values())
    ratio = _share(assessed, total)
    threshold = facts.thresholds.assessed_percent
    if not total:
        return Evidence("role_assessment", _("No actor recorded yet"),
                        _("Record the actors, then read who drives and who follows."), False,
                        RULE_LEVERS["role_assessment"], 0, threshold)
    figure = _("{count} of {total} actors assessed ({percent})").format(
        count=assessed, total=total, percent=percent(ratio))
    counts = " · ".join(_(ROLE_COUNTS[role]).format(count=roles[role]) for role in ROLE_COUNTS)
    explanation = counts + ". " + _("Attention below {percent} assessed, or with no driver.")
    explanation = explanation.format(percent=percent(threshold / 100))
    unassessed = _by_name(a for a in facts.actors if a.private.role is None)
    attention = ratio * 100 < threshold or roles[Role.DRIVER] == 0
    return Evidence("role_assessment", figure, explanation, attention,
                    RULE_LEVERS["role_assessment"], round(ratio * 100, 1), threshold,
                    Target("actors", unassessed[0].id) if unassessed else None)


def counterweights(facts: Facts) -> Evidence:
    """Counterweights against the reluctant actors and the tensions recorded."""
    roles = role_counts(facts.actors)
    tensions = sum(1 for r in facts.relations if r.kind is RelationKind.TENSION)
    count = roles[Role.COUNTERWEIGHT]
    figure = _("Counterweights: {count} · reluctant: {reluctant} · tensions: {tensions}").format(
        count=count, reluctant=roles[Role.RELUCTANT], tensions=tensions)
    attention = count == 0 and (roles[Role.RELUCTANT] > 0 or tensions > 0)
    explanation = _("Attention when reluctant actors or tensions are recorded and no actor is "
                    "read as a counterweight.")
    first = _by_name(a for a in facts.actors if a.private.role is Role.COUNTERWEIGHT)
    return Evidence("counterweights", figure, explanation, attention,
                    RULE_LEVERS["counterweights"], count, None,
                    Target("actors", first[0].id) if first else None)


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


def follower_contact(facts: Facts) -> Evidence:
    """Followers with no exchange for longer than the threshold: they need a word."""
    days = facts.thresholds.follower_contact_days
    followers = [a for a in facts.actors if a.private.role is Role.FOLLOWER]
    seen = {a.id: facts.last_met(a) or date.min for a in followers}
    stale = sorted((a for a in followers if (facts.today - seen[a.id]).days > days),
                   key=lambda a: (seen[a.id], a.name.casefold(), a.id))
    if not followers:
        return Evidence("follower_contact", _("No actor read as a follower"),
                        _("Followers are the actors to keep involved by regular contact."),
                        False, RULE_LEVERS["follower_contact"], 0, days)
    figure = _("{count} of {total} followers without contact for over {days}").format(
        count=len(stale), total=len(followers), days=format_days(days))
    if stale:
        explanation = _("Longest without contact: {names}.").format(
            names=_names([a.name for a in stale]))
    else:
        explanation = _("Every follower had an exchange recently.")
    explanation += " " + _("An exchange is an entry of the contact log or presence at a "
                           "meeting.")
    return Evidence("follower_contact", figure, explanation, bool(stale),
                    RULE_LEVERS["follower_contact"], len(stale), days,
                    Target("actors", stale[0].id) if stale else None)


def commune_knowledge(facts: Facts) -> Evidence:
    """Member communes met and described: the seed asks to know each one."""
    communes = _by_name(a for a in facts.actors if a.kind is ActorKind.COMMUNE)
    mapped = {a.name.casefold() for a in communes}
    unmapped = [name for name in facts.territory.communes if name.casefold() not in mapped]
    met = {a.id for a in communes if facts.last_met(a) is not None}
    described = {a.id for a in communes if a.commune is not None and a.commune.mayor
                 and a.commune.council_rhythm}
    if not communes and not unmapped:
        return Evidence("commune_knowledge", _("No member commune recorded yet"),
                        _("Record the member communes in the actor map."), False,
                        RULE_LEVERS["commune_knowledge"], 0, None)
    figure = _("{met} of {total} member communes met · {described} described").format(
        met=len(met), total=len(communes), described=len(described))
    parts = [_("Met: a contact logged or presence at a meeting. Described: the mayor and the "
               "council rhythm are known.")]
    if unmapped:
        parts.append(ngettext("{count} listed commune is not in the actor map: {names}.",
                              "{count} listed communes are not in the actor map: {names}.",
                              len(unmapped)).format(count=len(unmapped),
                                                    names=_names(unmapped)))
    lacking = [a for a in communes if a.id not in met or a.id not in described]
    if lacking:
        parts.append(_("Still to know: {names}.").format(names=_names([a.name for a in lacking])))
    attention = bool(lacking or unmapped)
    return Evidence("commune_knowledge", figure, " ".join(parts), attention,
                    RULE_LEVERS["commune_knowledge"], len(lacking) + len(unmapped), None,
                    Target("actors", lacking[0].id) if lacking else None)


# ---------------------------------------------------------------------------- roadmap


def _active(items: Iterable[RoadmapItem]) -> list[RoadmapItem]:
    return [item for item in items if item.status is not RoadmapStatus.CANCELLED]


def _late(items: Iterable[RoadmapItem], today: date) -> list[RoadmapItem]:
    """Late items, the most overdue first."""
    return sorted((item for item in items if item.is_late(today)),
                  key=lambda item: (item.due or today, item.objective.casefold(), item.id))


def roadmap_completeness(facts: Facts) -> Evidence:
    """Roadmap items with an objective, a deadline and means, as the seed's roadmap asks."""
    items = _active(facts.roadmap)
    complete = {item.id for item in items if item.due is not None and item.means.is_set()}
    threshold = facts.thresholds.roadmap_complete_percent
    if not items:
        return Evidence("roadmap_completeness", _("The roadmap is empty"),
                        _("The roadmap sets out the objectives, deadlines and means of "
                          "pooling."), False, RULE_LEVERS["roadmap_completeness"], 0, threshold)
    ratio = _share(len(complete), len(items))
    figure = _("{count} of {total} roadmap items have a deadline and means ({percent})").format(
        count=len(complete), total=len(items), percent=percent(ratio))
    explanation = _("Cancelled items are left out; every item has its objective. Attention "
                    "below {percent}.").format(percent=percent(threshold / 100))
    incomplete = [item for item in items if item.id not in complete]
    return Evidence("roadmap_completeness", figure, explanation, ratio * 100 < threshold,
                    RULE_LEVERS["roadmap_completeness"], round(ratio * 100, 1), threshold,
                    Target("roadmap", incomplete[0].id) if incomplete else None)


def _late_explanation(late: Sequence[RoadmapItem]) -> str:
    first = late[0]
    return _("The most overdue: {objective} (due {date}).").format(
        objective=first.objective, date=_date(first.due or date.min))


def roadmap_late(facts: Facts) -> Evidence:
    """Roadmap items past their due date and not finished: the schedule slips."""
    late = _late(facts.roadmap, facts.today)
    total = len(_active(facts.roadmap))
    if late:
        figure = ngettext("{count} of {total} roadmap items is late",
                          "{count} of {total} roadmap items are late", len(late)).format(
            count=len(late), total=total)
        explanation = _late_explanation(late)
    else:
        figure = _("No roadmap item is late")
        explanation = _("Late: past the due date, neither completed nor cancelled.")
    return Evidence("roadmap_late", figure, explanation, bool(late), RULE_LEVERS["roadmap_late"],
                    len(late), 0, Target("roadmap", late[0].id) if late else None)


def lever_roadmap(lever: Lever, facts: Facts) -> Evidence:
    """The roadmap items that serve a lever: how many, how many completed, how many late."""
    items = [item for item in _active(facts.roadmap) if item.lever_id == lever.id]
    if not items:
        return Evidence("lever_roadmap", _("No roadmap item serves this lever yet"),
                        _("Link roadmap items to this lever to follow them here."), False,
                        value=0)
    done = sum(item.status is RoadmapStatus.DONE for item in items)
    late = _late(items, facts.today)
    figure = ngettext("{count} roadmap item serves this lever · {done} completed · {late} late",
                      "{count} roadmap items serve this lever · {done} completed · {late} late",
                      len(items)).format(count=len(items), done=done, late=len(late))
    explanation = (_late_explanation(late) if late
                   else _("None of them is late."))
    first = late[0] if late else min(items, key=lambda item: (missing_last(item.due),
                                                              item.id))
    return Evidence("lever_roadmap", figure, explanation, bool(late), value=len(late),
                    threshold=0, target=Target("roadmap", first.id))


def lever_deadline(lever: Lever, facts: Facts) -> Evidence | None:
    """A lever past its own due date and not done: only then is there something to say."""
    open_statuses = (LeverStatus.TODO, LeverStatus.IN_PROGRESS)
    if lever.due is None or lever.due >= facts.today or lever.status not in open_statuses:
        return None
    overdue = (facts.today - lever.due).days
    figure = _("Due on {date}: {days} ago").format(date=_date(lever.due), days=format_days(overdue))
    return Evidence("lever_deadline", figure,
                    _("The lever is still {status}: move the date or the work.").format(
                        status=label(lever.status)), True, value=overdue, threshold=0)


# ---------------------------------------------------------------------------- meetings' work


@dataclass(frozen=True)
class _Overdue:
    meeting: Meeting
    action: Action


def overdue_actions(facts: Facts) -> Evidence:
    """Actions decided in meetings, still open past their due date: time was short."""
    open_actions = [(m, a) for m in facts.meetings for a in m.actions if a.is_open]
    overdue = sorted((_Overdue(m, a) for m, a in open_actions
                      if a.due is not None and a.due < facts.today),
                     key=lambda found: (found.action.due or facts.today, found.meeting.on,
                                        found.action.id))
    if not open_actions:
        return Evidence("overdue_actions", _("No open action"),
                        _("Actions decided in meetings show here while they are open."), False,
                        RULE_LEVERS["overdue_actions"], 0, 0)
    figure = ngettext("{count} of {total} open actions is overdue",
                      "{count} of {total} open actions are overdue", len(overdue)).format(
        count=len(overdue), total=len(open_actions))
    if overdue:
        first = overdue[0]
        explanation = _("The oldest: {action} (due {date}, {meeting}).").format(
            action=first.action.text, date=_date(first.action.due or facts.today),
            meeting=first.meeting.title)
        target = Target("meetings", first.meeting.id, first.action.id)
    else:
        explanation = _("Every open action is within its due date.")
        target = None
    return Evidence("overdue_actions", figure, explanation, bool(overdue),
                    RULE_LEVERS["overdue_actions"], len(overdue), 0, target)


def investment(facts: Facts) -> Evidence:
    """Actions done per owner: whose investment to recognise."""
    counts: Counter[tuple[str, str]] = Counter()
    for meeting in facts.meetings:
        for action in meeting.actions:
            if action.status is ActionStatus.DONE:
                mapped = facts.actor_name(action.owner_id)
                known = action.owner_id or "" if mapped else ""
                counts[(known, mapped or action.owner_name or _("no owner"))] += 1
    total = sum(counts.values())
    if not total:
        return Evidence("investment", _("No action done yet"),
                        _("Actions done in meetings show here, per owner."), False,
                        RULE_LEVERS["investment"], 0, None)
    figure = ngettext("{count} action done · owners: {owners}",
                      "{count} actions done · owners: {owners}", total).format(
        count=total, owners=len(counts))
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0][1].casefold(),
                                                      pair[0][0] or ""))
    leaders = [f"{name} ({count})" for (_id, name), count in ranked]
    explanation = _("Most done: {names}.").format(names=_names(leaders))
    top = next((actor_id for (actor_id, _name), _count in ranked if actor_id), "")
    return Evidence("investment", figure, explanation, False, RULE_LEVERS["investment"],
                    total, None, Target("actors", top) if top else None)


def shared_follow_up(facts: Facts) -> Evidence:
    """Meetings whose minutes or a status report have not gone out within the delay."""
    days = facts.thresholds.follow_up_days
    last_minutes, last_report = facts.last_minutes_export, facts.last_status_report
    exports = [d for d in (last_minutes, last_report) if d]
    last_shared = max(exports).astimezone().date() if exports else None
    unshared = [m for m in facts.held if last_shared is None or m.on > last_shared]
    minutes = _date(last_minutes) if last_minutes else _("never")
    report = _date(last_report) if last_report else _("never")
    figure = _("Minutes last exported: {minutes} · status report: {report}").format(
        minutes=minutes, report=report)
    waiting = (facts.today - unshared[0].on).days if unshared else 0
    if unshared and last_shared is None:
        explanation = ngettext(
            "{count} meeting held and nothing exported yet; the first {days} ago.",
            "{count} meetings held and nothing exported yet; the first {days} ago.",
            len(unshared)).format(count=len(unshared), days=format_days(waiting))
    elif unshared:
        explanation = ngettext(
            "{count} meeting held since the last export, the first {days} ago.",
            "{count} meetings held since the last export, the first {days} ago.",
            len(unshared)).format(count=len(unshared), days=format_days(waiting))
    else:
        explanation = _("Nothing held since the last export.")
    explanation += " " + _("Attention when a meeting waits more than {days} for its follow-up "
                           "to be shared.").format(days=format_days(days))
    return Evidence("shared_follow_up", figure, explanation, waiting > days,
                    RULE_LEVERS["shared_follow_up"], waiting, days,
                    Target("meetings", unshared[0].id) if unshared else None)


# ---------------------------------------------------------------------------- per lever

def _statutory_steps(facts: Facts) -> list[Evidence]:
    from coop_tui.core.insights.statutory_steps import statutory_steps

    return statutory_steps(facts.dues)


TERRITORY_RULES: tuple[Callable[[Facts], Evidence | list[Evidence]], ...] = (
    meeting_rhythm, meeting_cadence, channel_coverage, role_assessment, counterweights,
    follower_contact, commune_knowledge, roadmap_completeness, roadmap_late, overdue_actions,
    investment, shared_follow_up, _statutory_steps,
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


# ---------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class Progress:
    """Checklist steps done out of steps counted."""

    done: int
    total: int

    @property
    def ratio(self) -> float:
        return _share(self.done, self.total)

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total)


def lever_progress(lever: Lever) -> Progress:
    """Items ticked; a lever without items counts as one step, done with its status.

    A lever marked not applicable counts for nothing.
    """
    if lever.status is LeverStatus.NOT_APPLICABLE:
        return Progress(0, 0)
    if not lever.items:
        return Progress(int(lever.status is LeverStatus.DONE), 1)
    done, total = lever.progress()
    return Progress(done, total)


def category_progress(levers: Iterable[Lever]) -> dict[LeverCategory, Progress]:
    """Progress of each category, every category present even when empty."""
    found = {category: Progress(0, 0) for category in LeverCategory}
    for lever in levers:
        found[lever.category] = found[lever.category] + lever_progress(lever)
    return found


def overall_progress(levers: Iterable[Lever]) -> Progress:
    total = Progress(0, 0)
    for lever in levers:
        total = total + lever_progress(lever)
    return total


@dataclass(frozen=True)
class Lag:
    """Categories far behind the most advanced one (the seed asks to use them together)."""

    lagging: tuple[LeverCategory, ...]
    leader: LeverCategory
    gap_points: int


def category_lag(progress: dict[LeverCategory, Progress], thresholds: Thresholds) -> Lag | None:
    """The categories at least ``category_gap_percent`` points behind the leader, if any.

    Categories with nothing to count (no applicable lever) are left out.
    """
    counted = {category: p for category, p in progress.items() if p.total}
    if len(counted) < 2:
        return None
    leader = max(counted, key=lambda category: counted[category].ratio)
    best = counted[leader].ratio * 100
    gaps = {category: best - p.ratio * 100 for category, p in counted.items()}
    lagging = tuple(category for category, gap in gaps.items()
                    if gap > 0 and gap >= thresholds.category_gap_percent)
    if not lagging:
        return None
    return Lag(lagging, leader, round(max(gaps[category] for category in lagging)))
