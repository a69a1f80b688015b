"""The roadmap rules: items complete with a deadline and means, items late, the items
serving one lever, and a lever past its own due date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from coop_tui.core.i18n import _, format_days, ngettext
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _date, _share, percent
from coop_tui.core.labels import label
from coop_tui.core.ordering import missing_last
from coop_tui.core.target import Target
from coop_tui.store.models import Lever, LeverStatus, RoadmapItem, RoadmapStatus


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
