"""The roadmap's readings: time axis, late and due items, dependencies, groups, filters."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_tui.core.insights.roadmap import (
    NO_LEVER,
    ZOOMS,
    Grouping,
    RoadmapFilter,
    When,
    Zoom,
    add_months,
    centred_left,
    column,
    day_at,
    days_late,
    dependents,
    due_this_quarter,
    due_within,
    find_cycle,
    fitting_zoom,
    group_items,
    holds_until,
    late_items,
    matches,
    periods,
    possible_prerequisites,
    quarter_bounds,
    shifted_dates,
    span_columns,
    violations,
)
from coop_tui.store.models import Lever, LeverCategory, LocalizedText, RoadmapItem, RoadmapStatus
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)
MANDATE = (date(2026, 3, 15), date(2032, 3, 15))


def item(objective: str = "Objectif", **fields: object) -> RoadmapItem:
    return RoadmapItem.model_validate({"objective": objective, **fields})


# ---------------------------------------------------------------------------- time axis


def test_weeks_give_one_column_a_day() -> None:
    monday = date(2026, 11, 23)
    columns = [column(monday + timedelta(days=n), Zoom.WEEKS) for n in range(8)]
    assert columns == list(range(columns[0], columns[0] + 8))


def test_months_give_six_columns_a_month_aligned_on_the_first() -> None:
    first = column(date(2026, 11, 1), Zoom.MONTHS)
    assert column(date(2026, 12, 1), Zoom.MONTHS) == first + 6
    assert column(date(2027, 2, 1), Zoom.MONTHS) == first + 18  # February is six too
    assert column(date(2026, 11, 16), Zoom.MONTHS) == first + 3
    assert column(date(2026, 11, 30), Zoom.MONTHS) == first + 5


def test_quarters_give_a_column_a_month() -> None:
    assert column(date(2027, 1, 31), Zoom.QUARTERS) == column(date(2027, 1, 1), Zoom.QUARTERS)
    assert column(date(2027, 4, 1), Zoom.QUARTERS) - column(date(2027, 1, 1),
                                                             Zoom.QUARTERS) == 3


def test_years_give_a_column_every_two_months() -> None:
    january = column(date(2027, 1, 1), Zoom.YEARS)
    assert column(date(2027, 2, 28), Zoom.YEARS) == january
    assert column(date(2027, 3, 1), Zoom.YEARS) == january + 1
    assert column(date(2027, 7, 1), Zoom.YEARS) == january + 3
    assert column(date(2028, 1, 1), Zoom.YEARS) == january + 6


@pytest.mark.parametrize(("zoom", "columns"), [
    (Zoom.WEEKS, 2193), (Zoom.MONTHS, 433), (Zoom.QUARTERS, 73), (Zoom.YEARS, 37),
])
def test_the_mandate_spans(zoom: Zoom, columns: int) -> None:
    assert span_columns(*MANDATE, zoom) == columns


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)),
       st.sampled_from(ZOOMS))
def test_columns_and_days_agree(day: date, zoom: Zoom) -> None:
    place = column(day, zoom)
    assert day_at(place, zoom) <= day
    assert column(day_at(place, zoom), zoom) == place
    assert column(day + timedelta(days=1), zoom) in (place, place + 1)


@pytest.mark.parametrize(("width", "zoom"), [
    (30, Zoom.YEARS), (39, Zoom.YEARS), (74, Zoom.YEARS), (75, Zoom.QUARTERS),
    (435, Zoom.MONTHS), (2195, Zoom.WEEKS),
])
def test_the_finest_zoom_that_fits(width: int, zoom: Zoom) -> None:
    assert fitting_zoom(*MANDATE, width) is zoom


def test_a_view_centres_what_it_fits() -> None:
    left = centred_left(*MANDATE, Zoom.YEARS, 57)
    first = column(MANDATE[0], Zoom.YEARS) - left
    last = column(MANDATE[1], Zoom.YEARS) - left
    assert first == 10
    assert 57 - 1 - last == 10


def test_month_periods_start_at_the_edge_and_follow_the_months() -> None:
    left = column(date(2026, 11, 10), Zoom.MONTHS)
    found = periods(Zoom.MONTHS, "minor", left, 20)
    assert [p.first_day for p in found] == [date(2026, 11, 1), date(2026, 12, 1),
                                            date(2027, 1, 1), date(2027, 2, 1)]
    assert [(p.start, p.end) for p in found] == [(0, 5), (5, 11), (11, 17), (17, 20)]


def test_major_periods_are_years_or_months() -> None:
    left = column(date(2026, 1, 1), Zoom.YEARS)
    assert [p.first_day.year for p in periods(Zoom.YEARS, "major", left, 13)] == [2026, 2027,
                                                                                 2028]
    weeks = periods(Zoom.WEEKS, "major", column(date(2026, 11, 20), Zoom.WEEKS), 20)
    assert [p.first_day for p in weeks] == [date(2026, 11, 1), date(2026, 12, 1)]
    mondays = periods(Zoom.WEEKS, "minor", column(date(2026, 11, 20), Zoom.WEEKS), 14)
    assert [p.first_day for p in mondays] == [date(2026, 11, 16), date(2026, 11, 23),
                                              date(2026, 11, 30)]


def test_half_years_and_quarters() -> None:
    halves = periods(Zoom.YEARS, "minor", column(date(2027, 1, 1), Zoom.YEARS), 6)
    assert [(p.first_day.month, p.end - p.start) for p in halves] == [(1, 3), (7, 3)]
    quarters = periods(Zoom.QUARTERS, "minor", column(date(2027, 1, 1), Zoom.QUARTERS), 12)
    assert [p.first_day.month for p in quarters] == [1, 4, 7, 10]


# ---------------------------------------------------------------------------- moving dates


def test_add_months_stays_in_the_month() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 3, 31), -1) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_shifting_moves_both_dates_and_keeps_their_order() -> None:
    thing = item(start=date(2027, 1, 31), due=date(2027, 2, 28))
    assert shifted_dates(thing, days=7) == (date(2027, 2, 7), date(2027, 3, 7))
    assert shifted_dates(thing, months=1) == (date(2027, 2, 28), date(2027, 3, 28))
    only_due = item(due=date(2027, 5, 1))
    assert shifted_dates(only_due, days=-7) == (None, date(2027, 4, 24))


# ---------------------------------------------------------------------------- late and due


def test_late_means_past_due_and_unfinished() -> None:
    yesterday = TODAY - timedelta(days=1)
    late = item("late", due=yesterday, status=RoadmapStatus.IN_PROGRESS)
    blocked = item("blocked", due=TODAY - timedelta(days=10), status=RoadmapStatus.BLOCKED)
    due_today = item("today", due=TODAY)
    done = item("done", due=yesterday, status=RoadmapStatus.DONE, progress=100)
    cancelled = item("cancelled", due=yesterday, status=RoadmapStatus.CANCELLED)
    assert late_items([late, blocked, due_today, done, cancelled], TODAY) == [blocked, late]
    assert days_late(blocked, TODAY) == 10
    assert days_late(due_today, TODAY) == 0


def test_quarter_bounds() -> None:
    assert quarter_bounds(TODAY) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_bounds(date(2027, 2, 28)) == (date(2027, 1, 1), date(2027, 3, 31))


def test_due_this_quarter_and_in_thirty_days() -> None:
    soon = item("soon", due=date(2026, 12, 20))
    edge = item("edge", due=date(2026, 12, 31))
    next_quarter = item("january", due=date(2027, 1, 5))
    finished = item("done", due=date(2026, 12, 1), status=RoadmapStatus.DONE)
    past = item("past", due=date(2026, 11, 1))
    items = [next_quarter, edge, soon, finished, past]
    assert due_this_quarter(items, TODAY) == [soon, edge]
    assert due_within(items, TODAY) == [soon]
    assert due_within(items, TODAY, days=40) == [soon, edge, next_quarter]


# ---------------------------------------------------------------------------- dependencies


def test_starting_before_a_prerequisite_ends_is_a_violation() -> None:
    first = item("first", start=date(2027, 1, 1), due=date(2027, 3, 31))
    second = item("second", start=date(2027, 3, 1), due=date(2027, 6, 30),
                  depends_on=[first.id])
    third = item("third", start=date(2027, 4, 1), due=date(2027, 6, 30), depends_on=[first.id])
    found = violations([first, second, third], TODAY)
    assert list(found) == [second.id]
    (violation,) = found[second.id]
    assert violation.prerequisite_id == first.id
    assert violation.starts == date(2027, 3, 1)
    assert violation.prerequisite_ends == date(2027, 3, 31)


def test_a_finished_prerequisite_holds_nothing_up() -> None:
    done = item("done", start=date(2026, 1, 1), due=date(2027, 3, 31),
                status=RoadmapStatus.DONE)
    cancelled = item("cancelled", due=date(2027, 3, 31), status=RoadmapStatus.CANCELLED)
    after = item("after", start=date(2027, 1, 1), depends_on=[done.id, cancelled.id])
    assert holds_until(done, TODAY) is None
    assert violations([done, cancelled, after], TODAY) == {}


def test_a_late_prerequisite_holds_until_today_at_least() -> None:
    late = item("late", due=date(2026, 10, 30), status=RoadmapStatus.IN_PROGRESS)
    started = item("started", start=date(2026, 11, 14), depends_on=[late.id])
    later = item("later", start=date(2027, 1, 10), depends_on=[late.id])
    assert holds_until(late, TODAY) == TODAY
    assert list(violations([late, started, later], TODAY)) == [started.id]


def test_an_item_with_only_a_due_date_and_a_finished_item_are_judged_fairly() -> None:
    prerequisite = item("prerequisite", due=date(2027, 6, 1))
    due_only = item("due only", due=date(2027, 5, 1), depends_on=[prerequisite.id])
    finished = item("finished", start=date(2027, 1, 1), due=date(2027, 2, 1),
                    status=RoadmapStatus.DONE, depends_on=[prerequisite.id])
    assert list(violations([prerequisite, due_only, finished], TODAY)) == [due_only.id]


def test_the_demo_has_broken_dependencies(repository: Repository) -> None:
    found = violations(repository.roadmap, TODAY)
    names = {repository.get(RoadmapItem, ref).objective[:30] for ref in found}  # type: ignore[union-attr]
    assert names == {"Feuille de route du schéma de ", "Prospective budgétaire commune",
                     "Simulations des attributions d"}


def test_loops_are_found_before_the_store_refuses_them() -> None:
    a = item("a")
    b = item("b", depends_on=[a.id])
    c = item("c", depends_on=[b.id])
    assert find_cycle(a.id, [c.id], [a, b, c]) == [a.id, c.id, b.id, a.id]
    assert find_cycle(a.id, [a.id], [a, b, c]) == [a.id, a.id]
    assert find_cycle(c.id, [a.id, b.id], [a, b, c]) is None
    assert [x.objective for x in possible_prerequisites(a.id, [a, b, c])] == []
    assert [x.objective for x in possible_prerequisites(c.id, [a, b, c])] == ["a", "b"]
    assert dependents(a.id, [a, b, c]) == [b]


# ---------------------------------------------------------------------------- groups


def lever(title: str, category: LeverCategory, position: int) -> Lever:
    return Lever(category=category, position=position, title=LocalizedText(fr=title, en=title))


def test_groups_by_lever_follow_the_catalogue_and_end_with_no_lever() -> None:
    human = lever("human", LeverCategory.HUMAN, 7)
    rules = lever("rules", LeverCategory.REGULATORY, 1)
    items = [item("x"), item("h", lever_id=human.id), item("r2", lever_id=rules.id,
                                                           start=date(2027, 2, 1)),
             item("r1", lever_id=rules.id, start=date(2027, 1, 1))]
    groups = group_items(items, Grouping.LEVER, [human, rules], lambda ref: ref)
    assert [g.key for g in groups] == [rules.id, human.id, None]
    assert [i.objective for i in groups[0].items] == ["r1", "r2"]


def test_groups_by_owner_show_an_item_under_each_owner() -> None:
    zoe, ada = str(uuid.UUID(int=1)), str(uuid.UUID(int=2))
    names = {zoe: "Zoé", ada: "Ada"}
    shared = item("shared", owner_ids=[zoe, ada])
    alone = item("alone")
    groups = group_items([shared, alone], Grouping.OWNER, [], names.__getitem__)
    assert [(g.key, [i.objective for i in g.items]) for g in groups] == [
        (ada, ["shared"]), (zoe, ["shared"]), (None, ["alone"])]


def test_groups_by_status_in_life_order() -> None:
    items = [item("d", status=RoadmapStatus.DONE), item("p"),
             item("b", status=RoadmapStatus.BLOCKED)]
    groups = group_items(items, Grouping.STATUS, [], str)
    assert [g.key for g in groups] == ["planned", "blocked", "done"]


# ---------------------------------------------------------------------------- filters


def test_filters_combine() -> None:
    rules = lever("rules", LeverCategory.REGULATORY, 1)
    late = item("Pacte financier", lever_id=rules.id, due=date(2026, 11, 1),
                status=RoadmapStatus.IN_PROGRESS, description="Réunir les élus")
    free = item("Séminaire des élu·e·s", due=date(2026, 12, 10))
    assert matches(late, RoadmapFilter(), TODAY)
    assert matches(late, RoadmapFilter(lever_id=rules.id, when=When.LATE), TODAY)
    assert not matches(free, RoadmapFilter(lever_id=rules.id), TODAY)
    assert matches(free, RoadmapFilter(lever_id=NO_LEVER), TODAY)
    assert matches(free, RoadmapFilter(when=When.THIS_QUARTER), TODAY)
    assert not matches(late, RoadmapFilter(when=When.THIS_QUARTER), TODAY)
    assert matches(late, RoadmapFilter(status=RoadmapStatus.IN_PROGRESS), TODAY)
    assert not matches(free, RoadmapFilter(status=RoadmapStatus.IN_PROGRESS), TODAY)


def test_text_filter_folds_accents_and_needs_every_word() -> None:
    thing = item("Séminaire des élu·e·s", indicator="Participation")
    assert matches(thing, RoadmapFilter(text="seminaire"), TODAY)
    assert matches(thing, RoadmapFilter(text="SÉMINAIRE participation"), TODAY)
    assert not matches(thing, RoadmapFilter(text="seminaire budget"), TODAY)
    assert matches(thing, RoadmapFilter(text="martine"), TODAY, lambda _i: ["Martine Roux"])


def test_an_empty_filter_is_empty() -> None:
    assert RoadmapFilter().is_empty
    assert not RoadmapFilter(text="x").is_empty
    assert RoadmapFilter(text="x", when=When.LATE).without_text() == RoadmapFilter(
        when=When.LATE)
