"""French public holidays (jours fériés, Code du travail L3133-1) and working days.

Pure functions of the year: the fixed days, and the three that follow Easter (Easter
Monday, Ascension Thursday, Whit Monday), Easter being computed by the Gregorian rule.
Alsace-Moselle adds Good Friday and 26 December (Code du travail L3134-13).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from coop_tui.store.models import NonWorkingDay

# The fixed holidays: (month, day) -> key. Keys are worded by coop_tui.core.labels.
FIXED_HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "new_year",
    (5, 1): "labour_day",
    (5, 8): "victory_1945",
    (7, 14): "national_day",
    (8, 15): "assumption",
    (11, 1): "all_saints",
    (11, 11): "armistice_1918",
    (12, 25): "christmas",
}


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def public_holidays(year: int, alsace_moselle: bool = False) -> dict[date, str]:
    """Every public holiday of ``year``: its date and its key."""
    days = {date(year, month, day): key for (month, day), key in FIXED_HOLIDAYS.items()}
    easter = easter_sunday(year)
    days[easter + timedelta(days=1)] = "easter_monday"
    days[easter + timedelta(days=39)] = "ascension"
    days[easter + timedelta(days=50)] = "whit_monday"
    if alsace_moselle:
        days[easter - timedelta(days=2)] = "good_friday"
        days[date(year, 12, 26)] = "st_stephen"
    return dict(sorted(days.items()))


def holiday(day: date, alsace_moselle: bool = False) -> str:
    """The key of the public holiday on ``day``, or "" when it is none."""
    return public_holidays(day.year, alsace_moselle).get(day, "")


def non_working(day: date, alsace_moselle: bool = False) -> str:
    """Why ``day`` is not a working day: a holiday's key, "saturday" or "sunday"; ""
    for a working day."""
    found = holiday(day, alsace_moselle)
    if found:
        return found
    return {5: "saturday", 6: "sunday"}.get(day.weekday(), "")


def is_working_day(day: date, alsace_moselle: bool = False) -> bool:
    return not non_working(day, alsace_moselle)


def shift(day: date, rule: NonWorkingDay, alsace_moselle: bool = False) -> date:
    """``day`` moved by ``rule`` off weekends and holidays: to the working day before
    (earlier), the one after (later), or kept."""
    if rule is NonWorkingDay.KEEP:
        return day
    step = timedelta(days=-1 if rule is NonWorkingDay.EARLIER else 1)
    while not is_working_day(day, alsace_moselle):
        day += step
    return day
