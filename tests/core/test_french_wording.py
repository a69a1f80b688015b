"""Issue 21, defect 13: French dates, times, lists and agreement in labels and exports."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from coop_tui.core.dates import parse_date
from coop_tui.core.exports.minutes import file_name as minutes_file_name
from coop_tui.core.exports.status import file_name as status_file_name
from coop_tui.core.i18n import format_date, format_time, joined
from coop_tui.core.labels import label
from coop_tui.store.models import (
    ActionStatus,
    LeverStatus,
    Meeting,
    MeetingKind,
    RoadmapStatus,
)
from coop_tui.store.repository import Repository

NBSP = "\u00a0"


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize(("style", "expected"), [
    ("medium", "1er mars 2026"), ("long", "1er mars 2026"), ("full", "dimanche 1er mars 2026"),
    ("short", "01/03/2026"),
])
def test_the_first_of_the_month_is_an_ordinal_in_french(style: str, expected: str) -> None:
    assert format_date(date(2026, 3, 1), style) == expected  # type: ignore[arg-type]
    assert "11 mars" in format_date(date(2026, 3, 11), "long")
    assert "21 mars" in format_date(date(2026, 3, 21), "long")


@pytest.mark.usefixtures("french")
def test_an_ordinal_date_reads_back() -> None:
    assert parse_date(format_date(date(2026, 3, 1), "long"), date(2026, 1, 1)) == date(2026, 3, 1)


def test_english_dates_keep_their_numbers() -> None:
    assert format_date(date(2026, 3, 1), "long") == "March 1, 2026"


@pytest.mark.usefixtures("french")
def test_times_read_as_french_writes_them() -> None:
    assert format_time(time(10, 30)) == f"10{NBSP}h{NBSP}30"
    assert format_time(time(9, 0)) == f"9{NBSP}h"
    assert format_time(time(14, 5)) == f"14{NBSP}h{NBSP}05"


def test_times_in_english_keep_the_24_hour_clock() -> None:
    assert format_time(time(9, 5)) == "09:05"


@pytest.mark.usefixtures("french")
def test_a_french_list_has_a_no_break_space_before_its_semicolons() -> None:
    assert joined(["a", "b", "c"]) == f"a{NBSP}; b{NBSP}; c"


def test_an_english_list_does_not() -> None:
    assert joined(["a", "b"]) == "a; b"


@pytest.mark.usefixtures("french")
def test_an_action_agrees_with_its_feminine_noun() -> None:
    assert [label(status) for status in ActionStatus] == [
        "en cours", "faite", "reportée", "annulée"]
    assert label(LeverStatus.DONE) == "fait"
    assert label(RoadmapStatus.CANCELLED) == "annulé"


def test_english_action_labels_are_unchanged() -> None:
    assert [label(status) for status in ActionStatus] == ["open", "done", "postponed",
                                                          "cancelled"]


def _meeting(kind: MeetingKind) -> Meeting:
    return Meeting(title="x", kind=kind, on=date(2026, 11, 26))


@pytest.mark.usefixtures("french")
def test_exported_file_names_are_french_in_french() -> None:
    assert minutes_file_name(_meeting(MeetingKind.MAYORS_CONFERENCE), "docx") == \
        "2026-11-26-compte-rendu-conference-des-maires.docx"
    assert minutes_file_name(_meeting(MeetingKind.COPIL)) == "2026-11-26-compte-rendu-copil.md"
    assert status_file_name(date(2026, 11, 26), "text") == "2026-11-26-point-d-etape.txt"


def test_exported_file_names_stay_english_in_english() -> None:
    assert minutes_file_name(_meeting(MeetingKind.MAYORS_CONFERENCE)) == \
        "2026-11-26-mayors-conference.md"
    assert status_file_name(date(2026, 11, 26), "md") == "2026-11-26-status.md"


def test_every_demo_lever_reads_in_both_languages(repository: Repository) -> None:
    """The demo's own lever (« Pacte de gouvernance ») showed its French in English."""
    untranslated = [lever.title.get("fr") for lever in repository.levers
                    if not (lever.title.fr and lever.title.en)
                    or not all(item.text.fr and item.text.en for item in lever.items)]
    assert untranslated == []


def test_one_date_style_per_table(repository: Repository) -> None:
    """The follow-up table gave « Decided on » in the medium style (Apr 7, 2026) beside « Due »
    in the long one (April 18, 2026)."""
    from coop_tui.core.exports.minutes import MinutesSource, render

    copils = [m for m in repository.meetings if m.kind is MeetingKind.COPIL and m.attendance]
    source = MinutesSource.from_repository(repository, min(copils, key=lambda m: m.on))
    text = str(render(source, "full", "md", "en"))
    table = text.split("## Follow-up of earlier actions", 1)[1].split("\n\n")[1].splitlines()[2:]
    assert table
    short_month = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d")
    assert [row for row in table if short_month.search(row)] == []
