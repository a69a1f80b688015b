"""Reading the feuille de route: where dates fall on a time axis, what is late or due soon,
which dependencies hold and which are broken.

Pure functions over the models, so the roadmap timeline, the dashboard and the exports give
the same answers, and tests can pin them without an interface. ``today`` is always a
parameter: the caller passes ``session.today()``.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from coop_tui.core.dates import fold
from coop_tui.store.models import Lever, LeverCategory, RoadmapItem, RoadmapStatus

FINISHED = frozenset({RoadmapStatus.DONE, RoadmapStatus.CANCELLED})

# ---------------------------------------------------------------------------- time axis


class Zoom(StrEnum):
    """How much time one screen column holds, finest first."""

    WEEKS = "weeks"
    MONTHS = "months"
    QUARTERS = "quarters"
    YEARS = "years"


ZOOMS: tuple[Zoom, ...] = (Zoom.WEEKS, Zoom.MONTHS, Zoom.QUARTERS, Zoom.YEARS)

Unit = Literal["day", "month", "bimonth"]


@dataclass(frozen=True)
class Scale:
    """A zoom level as a calendar unit and the columns each unit takes.

    Columns follow the calendar (a month is always six columns at the month zoom, a column
    always two months at the year zoom), so the labels stay aligned whatever the length of
    the months.
    """

    unit: Unit
    columns: int


SCALES: dict[Zoom, Scale] = {
    Zoom.WEEKS: Scale("day", 1),  # seven columns a week
    Zoom.MONTHS: Scale("month", 6),  # about five days a column
    Zoom.QUARTERS: Scale("month", 1),  # three columns a quarter
    Zoom.YEARS: Scale("bimonth", 1),  # two months a column, six a year
}


def _unit_index(day: date, unit: Unit) -> int:
    if unit == "day":
        return day.toordinal()
    month = day.year * 12 + day.month - 1
    return month if unit == "month" else month // 2


def _unit_start(index: int, unit: Unit) -> date:
    if unit == "day":
        return date.fromordinal(index)
    month = index if unit == "month" else index * 2
    return date(month // 12, month % 12 + 1, 1)


def _unit_days(start: date, unit: Unit) -> int:
    if unit == "day":
        return 1
    days = calendar.monthrange(start.year, start.month)[1]
    if unit == "bimonth":
        days += calendar.monthrange(start.year, start.month + 1)[1]
    return days


def column(day: date, zoom: Zoom) -> int:
    """The absolute column of ``day`` at ``zoom`` (a view subtracts its left column)."""
    scale = SCALES[zoom]
    index = _unit_index(day, scale.unit)
    start = _unit_start(index, scale.unit)
    offset = (day - start).days * scale.columns // _unit_days(start, scale.unit)
    return index * scale.columns + offset


def day_at(absolute_column: int, zoom: Zoom) -> date:
    """The first day drawn in ``absolute_column`` at ``zoom`` (the inverse of :func:`column`)."""
    scale = SCALES[zoom]
    index, offset = divmod(absolute_column, scale.columns)
    start = _unit_start(index, scale.unit)
    length = _unit_days(start, scale.unit)
    return start + timedelta(days=-(-offset * length // scale.columns))


def span_columns(first: date, last: date, zoom: Zoom) -> int:
    """How many columns the days from ``first`` to ``last`` take at ``zoom``."""
    return column(last, zoom) - column(first, zoom) + 1


def fitting_zoom(first: date, last: date, width: int, margin: int = 1) -> Zoom:
    """The finest zoom that shows ``first`` to ``last`` in ``width`` columns (else years)."""
    for zoom in ZOOMS:
        if span_columns(first, last, zoom) + 2 * margin <= width:
            return zoom
    return Zoom.YEARS


def centred_left(first: date, last: date, zoom: Zoom, width: int) -> int:
    """The left column of a view of ``width`` columns centred on ``first`` to ``last``."""
    span = span_columns(first, last, zoom)
    return column(first, zoom) - max(0, (width - span) // 2)


TickLevel = Literal["major", "minor"]


@dataclass(frozen=True)
class Period:
    """A labelled stretch of the axis, in view columns (``start`` may be cut by the edge)."""

    start: int
    end: int  # exclusive
    first_day: date


def _period_starts(zoom: Zoom, level: TickLevel, first: date, last: date) -> list[date]:
    """The days that open a labelled period between ``first`` and ``last`` (inclusive)."""
    if zoom is Zoom.WEEKS and level == "minor":
        monday = first - timedelta(days=first.weekday())
        return [monday + timedelta(weeks=n) for n in range((last - monday).days // 7 + 1)]
    months = {
        (Zoom.WEEKS, "major"): 1,
        (Zoom.MONTHS, "minor"): 1,
        (Zoom.MONTHS, "major"): 12,
        (Zoom.QUARTERS, "minor"): 3,
        (Zoom.QUARTERS, "major"): 12,
        (Zoom.YEARS, "minor"): 6,
        (Zoom.YEARS, "major"): 12,
    }[(zoom, level)]
    index = (first.year * 12 + first.month - 1) // months * months
    days: list[date] = []
    while True:
        start = date(index // 12, index % 12 + 1, 1)
        if start > last:
            return days
        days.append(start)
        index += months


def periods(zoom: Zoom, level: TickLevel, left: int, width: int) -> list[Period]:
    """The periods (weeks, months, quarters, half-years or years) seen in a view.

    Major periods sit on the upper line of the axis, minor ones below. The first period
    starts at the view's edge even when it began earlier, so it can keep its label.
    """
    first, last = day_at(left, zoom), day_at(left + width, zoom)
    starts = _period_starts(zoom, level, first, last)
    found: list[Period] = []
    for number, start in enumerate(starts):
        begin = max(0, column(start, zoom) - left)
        following = starts[number + 1] if number + 1 < len(starts) else None
        end = min(width, column(following, zoom) - left) if following else width
        if end > begin:
            found.append(Period(begin, end, start))
    return found


# ---------------------------------------------------------------------------- moving dates


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept inside the month (31 January + 1 = 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shifted_dates(
    item: RoadmapItem, *, days: int = 0, months: int = 0
) -> tuple[date | None, date | None]:
    """The item's start and due moved together, so its length and order are kept."""

    def move(day: date | None) -> date | None:
        if day is None:
            return None
        return add_months(day, months) + timedelta(days=days)

    return move(item.start), move(item.due)


# ---------------------------------------------------------------------------- late and due


def is_open(item: RoadmapItem) -> bool:
    return item.status not in FINISHED


def days_late(item: RoadmapItem, today: date) -> int:
    """How many days past its due date an unfinished item is (0 when not late)."""
    if item.due is None or not item.is_late(today):
        return 0
    return (today - item.due).days


def late_items(items: Iterable[RoadmapItem], today: date) -> list[RoadmapItem]:
    """Unfinished items whose due date has passed, the longest overdue first."""
    return sorted((item for item in items if item.is_late(today)),
                  key=lambda item: (item.due or today, item.objective))


def quarter_bounds(day: date) -> tuple[date, date]:
    """The first and last days of the calendar quarter holding ``day``."""
    first_month = (day.month - 1) // 3 * 3 + 1
    first = date(day.year, first_month, 1)
    return first, add_months(first, 3) - timedelta(days=1)


def due_between(items: Iterable[RoadmapItem], first: date, last: date) -> list[RoadmapItem]:
    """Unfinished items due from ``first`` to ``last`` (inclusive), soonest first."""
    return sorted(
        (item for item in items
         if item.due is not None and first <= item.due <= last and is_open(item)),
        key=lambda item: (item.due, item.objective),
    )


def due_this_quarter(items: Iterable[RoadmapItem], today: date) -> list[RoadmapItem]:
    """Unfinished items due between today and the end of the current quarter."""
    return due_between(items, today, quarter_bounds(today)[1])


def due_within(items: Iterable[RoadmapItem], today: date, days: int = 30) -> list[RoadmapItem]:
    """Unfinished items due in the next ``days`` days (today included)."""
    return due_between(items, today, today + timedelta(days=days))


# ---------------------------------------------------------------------------- dependencies


@dataclass(frozen=True)
class Violation:
    """An item that starts before what it depends on has ended."""

    item_id: str
    prerequisite_id: str
    starts: date
    prerequisite_ends: date


def holds_until(prerequisite: RoadmapItem, today: date) -> date | None:
    """Until when a prerequisite holds up what depends on it.

    A finished (done or cancelled) prerequisite holds nothing up; an unfinished one holds
    until its due date, or until today at least once that date has passed; without a due
    date, nobody can tell (None).
    """
    if not is_open(prerequisite) or prerequisite.due is None:
        return None
    return max(prerequisite.due, today)


def effective_start(item: RoadmapItem) -> date | None:
    """When an item starts; an item with only a due date is under way by then."""
    return item.start or item.due


def violations(items: Iterable[RoadmapItem], today: date) -> dict[str, list[Violation]]:
    """The broken dependencies of each unfinished item, by item id."""
    by_id = {item.id: item for item in items}
    found: dict[str, list[Violation]] = {}
    for item in by_id.values():
        starts = effective_start(item)
        if starts is None or not is_open(item):
            continue
        for prerequisite_id in item.depends_on:
            prerequisite = by_id.get(prerequisite_id)
            ends = holds_until(prerequisite, today) if prerequisite else None
            if ends is not None and starts < ends:
                found.setdefault(item.id, []).append(
                    Violation(item.id, prerequisite_id, starts, ends))
    return found


def dependents(item_id: str, items: Iterable[RoadmapItem]) -> list[RoadmapItem]:
    """The items that depend on ``item_id`` directly."""
    return [item for item in items if item_id in item.depends_on]


def find_cycle(
    item_id: str, depends_on: Sequence[str], items: Iterable[RoadmapItem]
) -> list[str] | None:
    """The loop ``item_id`` would close if it depended on ``depends_on``, as ids
    (``[item_id, …, item_id]``), or None when there is none."""
    following: dict[str, list[str]] = {item.id: list(item.depends_on) for item in items}
    following[item_id] = list(depends_on)
    stack: list[tuple[str, list[str]]] = [(ref, [item_id, ref]) for ref in reversed(depends_on)]
    seen: set[str] = set()
    while stack:
        current, path = stack.pop()
        if current == item_id:
            return path
        if current in seen:
            continue
        seen.add(current)
        stack.extend((ref, [*path, ref]) for ref in reversed(following.get(current, [])))
    return None


def possible_prerequisites(item_id: str, items: Iterable[RoadmapItem]) -> list[RoadmapItem]:
    """The items ``item_id`` may depend on without a loop: neither itself nor anything that
    already depends on it, directly or not."""
    pool = list(items)
    downstream = {item_id}
    changed = True
    while changed:
        changed = False
        for item in pool:
            if item.id not in downstream and downstream.intersection(item.depends_on):
                downstream.add(item.id)
                changed = True
    return [item for item in pool if item.id not in downstream]


# ---------------------------------------------------------------------------- groups


class Grouping(StrEnum):
    LEVER = "lever"
    OWNER = "owner"
    STATUS = "status"


GROUPINGS: tuple[Grouping, ...] = (Grouping.LEVER, Grouping.OWNER, Grouping.STATUS)


@dataclass(frozen=True)
class Group:
    """Rows under one heading: a lever, an owner or a status (``key`` None: none set)."""

    key: str | None
    items: tuple[RoadmapItem, ...] = field(default=())


def timeline_order(item: RoadmapItem) -> tuple[bool, date, date, str]:
    """Dated items first, by start then due, then by objective."""
    start = item.start or item.due or date.max
    return (item.start is None and item.due is None, start, item.due or date.max,
            fold(item.objective))


def group_items(
    items: Iterable[RoadmapItem], grouping: Grouping, levers: Sequence[Lever],
    actor_name: Callable[[str], str],
) -> list[Group]:
    """Items under headings in a stable order; an item with two owners shows under each.

    Levers come in their catalogue order, owners by name, statuses in their life order;
    the items with no lever or no owner come last.
    """
    buckets: dict[str | None, list[RoadmapItem]] = {}
    for item in items:
        if grouping is Grouping.LEVER:
            keys: list[str | None] = [item.lever_id]
        elif grouping is Grouping.OWNER:
            keys = list(item.owner_ids) or [None]
        else:
            keys = [item.status.value]
        for key in keys:
            buckets.setdefault(key, []).append(item)
    return [Group(key, tuple(sorted(buckets[key], key=timeline_order)))
            for key in sorted(buckets, key=_group_order(grouping, levers, actor_name))]


def _group_order(
    grouping: Grouping, levers: Sequence[Lever], actor_name: Callable[[str], str]
) -> Callable[[str | None], tuple[int, int, str]]:
    """The sort key of group headings: missing ones (None) last."""
    categories = list(LeverCategory)
    levers_rank = {lever.id: (categories.index(lever.category), lever.position)
                   for lever in levers}
    statuses = [status.value for status in RoadmapStatus]

    def order(key: str | None) -> tuple[int, int, str]:
        if key is None:
            return (len(categories) + 1, 0, "")
        if grouping is Grouping.LEVER:
            category, position = levers_rank.get(key, (len(categories), 0))
            return (category, position, key)
        if grouping is Grouping.OWNER:
            return (0, 0, fold(actor_name(key)))
        return (0, statuses.index(key) if key in statuses else len(statuses), key)

    return order


# ---------------------------------------------------------------------------- filters


class When(StrEnum):
    """A filter on dates, answering « what is late? » and « what is due soon? »."""

    ANY = "any"
    LATE = "late"
    THIS_QUARTER = "this_quarter"
    NEXT_30_DAYS = "next_30_days"
    OPEN = "open"


NO_LEVER = "\0none"  # the lever filter value for items that serve no lever


@dataclass(frozen=True)
class RoadmapFilter:
    """What the timeline shows; an empty filter shows everything."""

    lever_id: str | None = None
    owner_id: str | None = None
    status: RoadmapStatus | None = None
    when: When = When.ANY
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == RoadmapFilter()

    def without_text(self) -> RoadmapFilter:
        return RoadmapFilter(self.lever_id, self.owner_id, self.status, self.when)


def _matches_when(item: RoadmapItem, when: When, today: date) -> bool:
    if when is When.LATE:
        return item.is_late(today)
    if when is When.THIS_QUARTER:
        return bool(due_this_quarter([item], today))
    if when is When.NEXT_30_DAYS:
        return bool(due_within([item], today))
    if when is When.OPEN:
        return is_open(item)
    return True


def _searchable(item: RoadmapItem, names: Callable[[RoadmapItem], Iterable[str]]) -> str:
    parts = [item.objective, item.description, item.indicator, item.means.text, *names(item)]
    return fold(" ".join(parts))


def matches(
    item: RoadmapItem, wanted: RoadmapFilter, today: date,
    names: Callable[[RoadmapItem], Iterable[str]] = lambda _item: (),
) -> bool:
    """Whether ``item`` passes ``wanted``; every word of the text must appear somewhere in
    the item (objective, description, indicator, means, or the ``names`` given for it)."""
    if wanted.lever_id is not None:
        lever_id = item.lever_id or NO_LEVER
        if lever_id != wanted.lever_id:
            return False
    if wanted.owner_id is not None and wanted.owner_id not in item.owner_ids:
        return False
    if wanted.status is not None and item.status is not wanted.status:
        return False
    if not _matches_when(item, wanted.when, today):
        return False
    words = fold(wanted.text).split()
    if words:
        haystack = _searchable(item, names)
        return all(word in haystack for word in words)
    return True
