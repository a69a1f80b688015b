"""The calendar export: valid RFC 5545 that a real iCalendar library reads back."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner

from coop_tui.core.exports.ics import calendar_ics, escape_text, fold, store_calendar
from coop_tui.core.i18n import set_language
from coop_tui.core.insights.deadlines import store_obligations
from coop_tui.shell.cli import cli
from coop_tui.store.models import Meeting, RoadmapItem, RoadmapStatus, Territory
from coop_tui.store.repository import Repository

PARIS = ZoneInfo("Europe/Paris")
TERRITORY = Territory(name="CC du Val", mandate_start=date(2026, 3, 15),
                      mandate_end=date(2032, 3, 15))


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text.encode("utf-8"))


def events(text: str) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in parse(text).walk("VEVENT")}


def test_the_demo_calendar_reads_back(repository: Repository) -> None:
    text = store_calendar(repository)
    found = events(text)
    dated = [item for item in repository.roadmap if item.due]
    obligations = store_obligations(repository, date.today())
    assert len(found) == len(repository.meetings) + len(dated) + len(obligations)
    for meeting in repository.meetings:
        event = found[f"meeting-{meeting.id}@coop-tui"]
        assert str(event["SUMMARY"]) == meeting.title
        assert meeting.start is not None
        assert event["DTSTART"].dt == datetime.combine(meeting.on, meeting.start, PARIS)
        if meeting.end is not None:
            assert event["DTEND"].dt == datetime.combine(meeting.on, meeting.end, PARIS)
        assert str(event["LOCATION"]) == meeting.place
    for item in dated:
        event = found[f"roadmap-{item.id}@coop-tui"]
        assert event["DTSTART"].dt == item.due
        assert event["DTEND"].dt == item.due + timedelta(days=1)  # type: ignore[operator]


def test_the_file_declares_paris_time(repository: Repository) -> None:
    calendar = parse(store_calendar(repository))
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Paris"
    winter = datetime(2027, 1, 15, 12, 0)
    summer = datetime(2027, 7, 15, 12, 0)
    tz = zone.to_tz()
    assert tz.utcoffset(winter) == timedelta(hours=1)
    assert tz.utcoffset(summer) == timedelta(hours=2)


def test_lines_are_folded_crlf_and_short(repository: Repository) -> None:
    payload = store_calendar(repository).encode("utf-8")
    assert payload.endswith(b"\r\n")
    lines = payload.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    for line in lines:
        line.decode("utf-8")  # no cut inside a character
    assert any(line.startswith(b" ") for line in lines)


def test_folding_never_cuts_a_character() -> None:
    line = "SUMMARY:" + "é" * 60 + "€" * 30
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line


def test_text_is_escaped_and_comes_back_whole() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    title = "COPIL n°3, budget; « mutualisation » \\ suite"
    meeting = Meeting(title=title, on=date(2027, 2, 3), start=time(14), end=time(16, 30),
                      place="Salle 2, mairie de Cressy", private_notes="SECRET stance")
    item = RoadmapItem(objective="Charte; pacte, fiscal", due=date(2027, 3, 1),
                       milestone=True, indicator="Adoptée\npar le conseil")
    text = calendar_ics(TERRITORY, [meeting], [item])
    found = events(text)
    assert str(found[f"meeting-{meeting.id}@coop-tui"]["SUMMARY"]) == title
    assert str(found[f"meeting-{meeting.id}@coop-tui"]["LOCATION"]) == meeting.place
    milestone = found[f"roadmap-{item.id}@coop-tui"]
    assert str(milestone["SUMMARY"]) == "Milestone: Charte; pacte, fiscal"
    assert "Indicator: Adoptée\npar le conseil" in str(milestone["DESCRIPTION"])
    assert "SECRET" not in text


def test_nothing_private_goes_out(repository: Repository) -> None:
    text = store_calendar(repository)
    unfolded = text.replace("\r\n ", "")
    for meeting in repository.meetings:
        for line in meeting.private_notes.splitlines():
            if len(line) > 12:
                assert escape_text(line) not in unfolded
    for actor in repository.actors:
        if len(actor.private.stance) > 12:
            assert escape_text(actor.private.stance) not in unfolded


def test_meetings_without_hours_are_all_day() -> None:
    all_day = Meeting(title="Atelier", on=date(2027, 5, 4))
    open_ended = Meeting(title="Bilatérale", on=date(2027, 5, 5), start=time(10))
    found = events(calendar_ics(TERRITORY, [all_day, open_ended], []))
    event = found[f"meeting-{all_day.id}@coop-tui"]
    assert event["DTSTART"].dt == date(2027, 5, 4)
    assert event["DTEND"].dt == date(2027, 5, 5)
    event = found[f"meeting-{open_ended.id}@coop-tui"]
    assert event["DTSTART"].dt == datetime(2027, 5, 5, 10, 0, tzinfo=PARIS)
    assert "DTEND" not in event


def test_items_without_a_date_are_left_out_and_cancelled_ones_say_so() -> None:
    undated = RoadmapItem(objective="Un jour")
    cancelled = RoadmapItem(objective="Abandonné", due=date(2027, 1, 1),
                            status=RoadmapStatus.CANCELLED)
    found = events(calendar_ics(TERRITORY, [], [undated, cancelled]))
    assert list(found) == [f"roadmap-{cancelled.id}@coop-tui"]
    assert str(found[f"roadmap-{cancelled.id}@coop-tui"]["STATUS"]) == "CANCELLED"


def test_uids_are_stable_and_a_change_raises_the_sequence(repository: Repository) -> None:
    before = events(store_calendar(repository))
    assert events(store_calendar(repository)).keys() == before.keys()
    item = next(i for i in repository.roadmap if i.due)
    moved = RoadmapItem.model_validate({**item.model_dump(),
                                        "due": item.due + timedelta(days=7)})  # type: ignore[operator]
    repository.save(moved)
    after = events(store_calendar(repository))
    assert after.keys() == before.keys()
    uid = f"roadmap-{item.id}@coop-tui"
    assert after[uid]["DTSTART"].dt == moved.due
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])


def test_the_same_store_gives_the_same_bytes(repository: Repository) -> None:
    assert store_calendar(repository) == store_calendar(repository)


def test_french_calendar(repository: Repository, french: None) -> None:
    found = events(store_calendar(repository))
    summaries = [str(event["SUMMARY"]) for event in found.values()]
    assert any(summary.startswith("Échéance\u00a0: ") for summary in summaries)
    assert any(summary.startswith("Jalon\u00a0: ") for summary in summaries)


def test_command_writes_a_file(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "agenda.ics"
    result = CliRunner().invoke(cli, ["export", "ics", str(demo_path), "-o", str(out),
                                      "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "agenda.ics" in result.output
    text = out.read_text(encoding="utf-8")
    assert "PRODID:-//coop-tui//coop-tui" in text
    assert any(str(e["SUMMARY"]).startswith("Échéance\u00a0: ") for e in events(text).values())
    set_language("en")


def test_command_writes_to_standard_output(demo_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "ics", str(demo_path)])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert events(result.stdout_bytes.decode("utf-8"))


@pytest.mark.parametrize("case", ["missing store", "missing folder", "folder"])
def test_command_errors_are_one_line(demo_path: Path, tmp_path: Path, case: str) -> None:
    store, out = demo_path, tmp_path / "out.ics"
    if case == "missing store":
        store = tmp_path / "nowhere.json"
    elif case == "missing folder":
        out = tmp_path / "no" / "out.ics"
    else:
        out = tmp_path
    result = CliRunner().invoke(cli, ["export", "ics", str(store), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
