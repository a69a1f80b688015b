"""Dates as people type them, and the refusal of dates that do not exist."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_tui.core.dates import find_date, parse_date, parse_time

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/12/2026", date(2026, 12, 15)),
        ("15/12/26", date(2026, 12, 15)),
        ("15.12.2026", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
        ("15/12", date(2026, 12, 15)),
        ("3/1", date(2027, 1, 3)),  # January is past this year: next January
        ("26/11", date(2026, 11, 26)),
        ("15 décembre", date(2026, 12, 15)),
        ("1er février 2027", date(2027, 2, 1)),
        ("fin janvier", date(2027, 1, 31)),
        ("Fin Février", date(2027, 2, 28)),
        ("mi-mars", date(2027, 3, 15)),
        ("début avril", date(2027, 4, 1)),
        ("end of March", date(2027, 3, 31)),
        ("demain", date(2026, 11, 27)),
        ("today", TODAY),
        ("", None),
    ],
)
def test_typed_dates(typed: str, expected: date | None) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["31/02/2027", "29/02/2027", "15/13", "abc", "2.0", "15/12 x"])
def test_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_date(typed, TODAY)


def test_find_in_a_sentence() -> None:
    text = "A: envoyer le PV @Martin pour le 15/12"
    found = find_date(text, TODAY)
    assert found is not None
    assert found[0] == date(2026, 12, 15)
    assert text[slice(*found[1])] == "15/12"


def test_no_date_in_version_numbers() -> None:
    assert find_date("la version 2.0 du pacte, article 12", TODAY) is None


def test_nonexistent_date_in_a_sentence_is_flagged() -> None:
    with pytest.raises(ValueError):
        find_date("A: relancer le 31/02", TODAY)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_read_back(day: date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y"), TODAY) == day
    assert parse_date(day.isoformat(), TODAY) == day


@pytest.mark.parametrize(("typed", "expected"),
                         [("9h30", time(9, 30)), ("14h", time(14)), ("09:05", time(9, 5)),
                          ("", None)])
def test_times(typed: str, expected: time | None) -> None:
    assert parse_time(typed) == expected


def test_bad_time() -> None:
    with pytest.raises(ValueError):
        parse_time("25h")
