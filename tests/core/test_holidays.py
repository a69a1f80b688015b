"""French public holidays: Easter and the days that follow it, the fixed days, Alsace-Moselle,
and moving a day off weekends and holidays."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coop_tui.core.holidays import (
    easter_sunday,
    holiday,
    is_working_day,
    non_working,
    public_holidays,
    shift,
)
from coop_tui.store.models import NonWorkingDay


def test_easter_sundays_known() -> None:
    assert easter_sunday(2024) == date(2024, 3, 31)
    assert easter_sunday(2025) == date(2025, 4, 20)
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2027) == date(2027, 3, 28)
    assert easter_sunday(2038) == date(2038, 4, 25)  # the latest possible
    assert easter_sunday(2285) == date(2285, 3, 22)  # the earliest possible


def test_the_holidays_of_2026() -> None:
    days = public_holidays(2026)
    assert days == {
        date(2026, 1, 1): "new_year", date(2026, 4, 6): "easter_monday",
        date(2026, 5, 1): "labour_day", date(2026, 5, 8): "victory_1945",
        date(2026, 5, 14): "ascension", date(2026, 5, 25): "whit_monday",
        date(2026, 7, 14): "national_day", date(2026, 8, 15): "assumption",
        date(2026, 11, 1): "all_saints", date(2026, 11, 11): "armistice_1918",
        date(2026, 12, 25): "christmas",
    }


def test_alsace_moselle_adds_good_friday_and_st_stephen() -> None:
    assert holiday(date(2026, 4, 3)) == ""
    assert holiday(date(2026, 4, 3), alsace_moselle=True) == "good_friday"
    assert holiday(date(2026, 12, 26), alsace_moselle=True) == "st_stephen"


def test_non_working_days() -> None:
    assert non_working(date(2026, 8, 15)) == "assumption"  # a Saturday: the holiday is named
    assert non_working(date(2026, 8, 16)) == "sunday"
    assert non_working(date(2026, 8, 22)) == "saturday"
    assert non_working(date(2026, 7, 15)) == ""
    assert not is_working_day(date(2026, 7, 14))


def test_shift_off_a_long_weekend() -> None:
    # Friday 1 May 2026, then the weekend: earlier is Thursday 30 April, later Monday 4 May
    assert shift(date(2026, 5, 1), NonWorkingDay.EARLIER) == date(2026, 4, 30)
    assert shift(date(2026, 5, 1), NonWorkingDay.LATER) == date(2026, 5, 4)
    assert shift(date(2026, 5, 1), NonWorkingDay.KEEP) == date(2026, 5, 1)
    # 25 December 2027 is a Saturday: Monday 27 December is the next working day
    assert shift(date(2027, 12, 25), NonWorkingDay.LATER) == date(2027, 12, 27)


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_easter_is_a_sunday_between_22_march_and_25_april(day: date) -> None:
    easter = easter_sunday(day.year)
    assert easter.weekday() == 6
    assert date(day.year, 3, 22) <= easter <= date(day.year, 4, 25)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.sampled_from(list(NonWorkingDay)),
       st.booleans())
def test_shift_lands_on_a_working_day_near_by(day: date, rule: NonWorkingDay,
                                               alsace: bool) -> None:
    moved = shift(day, rule, alsace)
    if rule is NonWorkingDay.KEEP:
        assert moved == day
        return
    assert is_working_day(moved, alsace)
    assert abs(moved - day) <= timedelta(days=5)
    assert (moved <= day) if rule is NonWorkingDay.EARLIER else (moved >= day)
