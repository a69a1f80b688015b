"""The detail panel of the roadmap: everything about the selected objective, in words.

What the timeline only hints at is spelled out here: how late, what it waits for and
whether that breaks the plan, what waits for it, the means, the meeting it came from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from coop_tui.core.diagnostic import cited_lines, diagnostic_lines
from coop_tui.core.i18n import _, format_date, format_days, format_number, language, ngettext
from coop_tui.core.insights.roadmap import Violation, days_late, dependents, holds_until
from coop_tui.core.labels import label
from coop_tui.store.models import Lever, Meeting, RoadmapItem, RoadmapStatus
from coop_tui.store.repository import Repository

Part = str | tuple[str, str]

LATE = "$text-error bold"
WARN = "$text-warning bold"
MUTED = "$text-muted"
HEADING = "bold"


def _line(*parts: Part) -> list[Part]:
    return [*parts, "\n"]


def _field(name: str, value: str) -> list[Part]:
    return _line((f"{name} ", MUTED), value)


def _dates(item: RoadmapItem) -> str:
    if item.start and item.due:
        days = (item.due - item.start).days
        return _("{start} → {due} ({days})").format(
            start=format_date(item.start), due=format_date(item.due),
            days=format_days(days))
    if item.due:
        return _("due {date}").format(date=format_date(item.due))
    if item.start:
        return _("from {date}").format(date=format_date(item.start))
    return _("no dates yet")


def _state(item: RoadmapItem, today: date) -> list[Part]:
    parts: list[Part] = []
    if item.milestone:
        parts += [("◆ ", "$accent bold"), _("Milestone"), " · "]
    parts.append(label(item.status))
    if item.status not in (RoadmapStatus.DONE, RoadmapStatus.CANCELLED):
        parts.append(" · " + _("{progress}% done").format(progress=item.progress))
    late = days_late(item, today)
    if late:
        parts += [" · ", (ngettext("late by {count} day", "late by {count} days",
                                   late).format(count=late), LATE)]
    return _line(*parts)


def _means(item: RoadmapItem) -> str:
    means = item.means
    parts = []
    if means.budget_eur is not None:
        parts.append(_("{amount} €").format(amount=format_number(means.budget_eur)))
    if means.staff_fte is not None:
        parts.append(_("{fte} FTE").format(fte=format_number(means.staff_fte, 1)))
    if means.text:
        parts.append(means.text)
    return " · ".join(parts)


def _prerequisites(
    item: RoadmapItem, by_id: Mapping[str, RoadmapItem], broken: Sequence[Violation],
    today: date,
) -> list[Part]:
    parts: list[Part] = _line((_("Depends on"), HEADING))
    late_ends = {violation.prerequisite_id: violation for violation in broken}
    for ref in item.depends_on:
        other = by_id.get(ref)
        if other is None:
            continue
        parts += ["◂ ", other.objective, (f" · {label(other.status)}", MUTED)]
        violation = late_ends.get(ref)
        if violation is not None:
            parts += ["\n  ", ("⚠ " + _("still running until {date}, after this starts "
                                        "({start})").format(
                date=format_date(violation.prerequisite_ends),
                start=format_date(violation.starts)), WARN)]
        else:
            ends = holds_until(other, today)
            if ends is not None:
                parts += ["\n  ", (_("ends {date}").format(date=format_date(ends)), MUTED)]
        parts.append("\n")
    return parts


def describe(
    item: RoadmapItem, repository: Repository, today: date,
    broken: Mapping[str, Sequence[Violation]],
) -> Content:
    """The selected item as text for the detail panel (user text never read as markup)."""
    lang = language()
    by_id = {other.id: other for other in repository.roadmap}
    parts: list[Part] = _line((item.objective, "bold $text-primary"))
    parts += _state(item, today)
    parts += _line(_dates(item))
    lever = repository.get(Lever, item.lever_id)
    parts += _field(_("Lever:"), lever.title.get(lang) if lever else _("no lever"))
    owners = [repository.actor_name(ref, "?") for ref in item.owner_ids]
    parts += _field(_("Owners:"), ", ".join(owners) if owners else _("nobody yet"))
    partners = [repository.actor_name(ref, "?") for ref in item.partner_ids]
    if partners:
        parts += _field(_("Partners:"), ", ".join(partners))
    if item.means.is_set():
        parts += _field(_("Means:"), _means(item))
    if item.indicator:
        parts += _field(_("Indicator:"), item.indicator)
    meeting = repository.get(Meeting, item.meeting_id)
    if meeting is not None:
        parts += _field(_("From:"), _("{title}, {date}").format(
            title=meeting.title, date=format_date(meeting.on)))
        parts += _line((_("m: go to the meeting"), MUTED))
    if item.depends_on:
        parts.append("\n")
        parts += _prerequisites(item, by_id, broken.get(item.id, ()), today)
    following = dependents(item.id, by_id.values())
    if following:
        parts.append("\n")
        parts += _line((_("Needed by"), HEADING))
        for other in following:
            parts += _line("▸ ", other.objective, (f" · {label(other.status)}", MUTED))
    if item.answers:
        lines = diagnostic_lines(repository.diagnostic, repository.living_areas,
                                 repository.actors, repository.missions)
        cited = cited_lines(item, lines)
        if cited:
            parts.append("\n")
            parts += _line((_("Answers the diagnostic"), HEADING))
            for line in cited:
                parts += _line("▸ ", line.text)
    if item.description:
        parts += ["\n", item.description]
    return Content.assemble(*parts).rstrip()


class RoadmapDetail(VerticalScroll, can_focus=False):
    """The selected objective, spelled out."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-text")

    def show(self, text: Content) -> None:
        self.query_one("#detail-text", Static).update(text)
        self.scroll_home(animate=False)
