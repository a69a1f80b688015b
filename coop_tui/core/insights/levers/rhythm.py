"""The meeting-rhythm rules: how long each kind of meeting has been silent against its
usual interval, kind by kind and at a glance."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from coop_tui.core.i18n import _, format_days, format_number, joined, ngettext
from coop_tui.core.insights.levers.facts import MEETING_KIND_LEVERS, RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _date
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.store.models import Meeting, MeetingKind


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
    explanation = joined(lines) + ". " + _(
        "Attention when a kind goes {factor} times its usual interval without a meeting "
        "and none is planned.").format(factor=format_number(facts.thresholds.
                                                             meeting_cadence_factor, 1))
    first = overdue[0] if overdue else max(series, key=lambda s: (s.last.on, s.last.id))
    return Evidence("meeting_rhythm", figure, explanation, bool(overdue), levers, len(overdue),
                    0, Target("meetings", first.last.id))
