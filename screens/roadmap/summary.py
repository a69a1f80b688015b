"""The roadmap's summary line: what needs attention first, and the filters in force."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content

from coop_tui.core.i18n import N_, _, language, ngettext
from coop_tui.core.insights.roadmap import (
    NO_LEVER,
    RoadmapFilter,
    When,
    due_this_quarter,
    late_items,
)
from coop_tui.core.labels import label
from coop_tui.store.models import Lever, RoadmapItem
from coop_tui.store.repository import Repository

WHEN_NAMES: dict[When, str] = {
    When.ANY: N_("any date"),
    When.LATE: N_("late"),
    When.THIS_QUARTER: N_("due this quarter"),
    When.NEXT_30_DAYS: N_("due in the next 30 days"),
    When.OPEN: N_("not finished"),
}


def summary_line(items: Sequence[RoadmapItem], today: date, broken: int,
                 description: str) -> Content:
    """Late items, this quarter's deadlines and ``broken`` dependencies, then the filters
    ``description`` names."""
    late = len(late_items(items, today))
    due = len(due_this_quarter(items, today))
    parts: list[str | tuple[str, str]] = [
        (ngettext("{count} late", "{count} late", late).format(count=late),
         "$text-error bold" if late else "$text-success"),
        " · ",
        (ngettext("{count} due this quarter", "{count} due this quarter", due).format(
            count=due), "$text-warning" if due else ""),
    ]
    if broken:
        parts += [" · ", (ngettext("{count} dependency broken",
                                   "{count} dependencies broken", broken).format(
            count=broken), "$text-warning bold")]
    if description:
        parts += [" · ", (description, "$text-accent")]
    return Content.assemble(*parts)


def filter_description(wanted: RoadmapFilter, repository: Repository) -> str:
    """The active filters, other than the text typed in the search field."""
    words = []
    if wanted.lever_id == NO_LEVER:
        words.append(_("no lever"))
    elif wanted.lever_id is not None:
        lever = repository.get(Lever, wanted.lever_id)
        words.append(lever.title.get(language()) if lever else "?")
    if wanted.owner_id is not None:
        words.append(repository.actor_name(wanted.owner_id, "?"))
    if wanted.status is not None:
        words.append(label(wanted.status))
    if wanted.when is not When.ANY:
        words.append(_(WHEN_NAMES[wanted.when]))
    return _("filter: {filters}").format(filters=", ".join(words)) if words else ""
