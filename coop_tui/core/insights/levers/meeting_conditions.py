"""Meeting conditions as evidence on the lever « Contexte de la coopération »: where the
meetings are held (which communes host them, whether the venue rotates), in which formats,
and which communes have stayed away from the last meetings."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.levers.communes import (
    THERE,
    collective,
    communes_by_actor,
    member_communes,
)
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _names
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.store.models import Actor, Meeting, MeetingFormat

# The window the venue and format figures read: the last twelve months.
WINDOW_DAYS = 365
# The venue rotates when no commune hosts more than this share of the meetings hosted.
ROTATION_SHARE = 0.5
# A commune is absent when nobody of it sat at any of this many last collective meetings.
ABSENT_MEETINGS = 3


def _recent(facts: Facts) -> list[Meeting]:
    start = facts.today - timedelta(days=WINDOW_DAYS)
    return [m for m in facts.held if m.on > start]


def _hosted(meetings: list[Meeting], communes: list[str]) -> Counter[str]:
    """Meetings hosted per commune of the territory (names as the territory spells them)."""
    spelled = {name.casefold(): name for name in communes}
    return Counter(spelled[m.commune.casefold()] for m in meetings
                   if m.commune and m.commune.casefold() in spelled)


def venue_rotates(hosted: Counter[str]) -> bool:
    """Two communes or more host, and none hosts more than ``ROTATION_SHARE`` of them."""
    total = sum(hosted.values())
    return len(hosted) >= 2 and max(hosted.values()) <= total * ROTATION_SHARE


def meeting_venues(facts: Facts) -> Evidence:
    """How many member communes hosted a meeting over the last twelve months, and whether
    the venue rotates."""
    levers = RULE_LEVERS["meeting_venues"]
    communes = facts.territory.communes
    recent = _recent(facts)
    hosted = _hosted(recent, communes)
    if not recent:
        return Evidence("meeting_venues", _("No meeting held in the last 12 months"),
                        _("Meetings held in a commune of the territory show here."), False,
                        levers, 0, None)
    figure = _("{count} of {total} member communes hosted a meeting in 12 months").format(
        count=len(hosted), total=len(communes))
    unplaced = sum(1 for m in recent if not m.commune)
    parts: list[str] = []
    if hosted:
        ranked = sorted(hosted.items(), key=lambda pair: (-pair[1], pair[0].casefold()))
        parts.append(_("Hosts: {names}.").format(
            names=_names([f"{name} ({count})" for name, count in ranked])))
    rotates = venue_rotates(hosted)
    parts.append(_("The venue rotates.") if rotates else _(
        "The venue does not rotate: no commune should host more than half of the meetings."))
    if unplaced:
        parts.append(ngettext("{count} meeting has no commune set.",
                              "{count} meetings have no commune set.", unplaced).format(
            count=unplaced))
    return Evidence("meeting_venues", figure, " ".join(parts), not rotates, levers,
                    len(hosted), None)


def meeting_formats(facts: Facts) -> Evidence:
    """The mix of formats (in person, video, hybrid) over the last twelve months."""
    levers = RULE_LEVERS["meeting_formats"]
    recent = _recent(facts)
    counts = Counter(m.format for m in recent)
    mix = " · ".join(f"{label(kind)} {counts[kind]}" for kind in MeetingFormat)
    figure = _("Formats in 12 months: {mix}").format(mix=mix)
    if not recent:
        return Evidence("meeting_formats", figure, _("No meeting held in the last 12 months."),
                        False, levers, 0, None)
    kinds = sum(1 for kind in MeetingFormat if counts[kind])
    lacking = counts[MeetingFormat.IN_PERSON] == 0
    explanation = (_("No meeting in person: people meet to get to know each other.")
                   if lacking else ngettext("{count} format used.", "{count} formats used.",
                                            kinds).format(count=kinds))
    return Evidence("meeting_formats", figure, explanation, lacking, levers, kinds, None)


def absent_communes(facts: Facts) -> list[Actor]:
    """The member communes nobody of which sat at any of the last ``ABSENT_MEETINGS``
    collective meetings held (none while fewer were held)."""
    last = collective(facts.held)[-ABSENT_MEETINGS:]
    if len(last) < ABSENT_MEETINGS:
        return []
    belongs = communes_by_actor(facts.actors)
    there = {belongs[row.actor_id].id for m in last for row in m.attendance
             if row.status in THERE and row.actor_id in belongs}
    return [a for a in member_communes(facts.actors) if a.id not in there]


def commune_attendance(facts: Facts) -> Evidence:
    """The communes absent from the last three collective meetings."""
    levers = RULE_LEVERS["commune_attendance"]
    communes = member_communes(facts.actors)
    absent = absent_communes(facts)
    figure = ngettext("{count} of {total} member communes absent from the last {meetings} "
                      "meetings", "{count} of {total} member communes absent from the last "
                      "{meetings} meetings", len(absent)).format(
        count=len(absent), total=len(communes), meetings=ABSENT_MEETINGS)
    explanation = _("A commune is there when its mayor, a delegate or a service sat, in person "
                    "or by proxy; bilateral meetings are left out.")
    if absent:
        explanation = _("Absent: {names}.").format(
            names=_names([a.name for a in absent])) + " " + explanation
    return Evidence("commune_attendance", figure, explanation, bool(absent), levers,
                    len(absent), 0, Target("actors", absent[0].id) if absent else None)
