"""The deadlines as the user gets them: the panel's readings and the actions through the
repository, ``coop-tui deadlines`` in three formats, the ics events, the status section,
and the demo store holding every state."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from coop_tui.core.exports.ics import store_calendar
from coop_tui.core.exports.status import status_report
from coop_tui.core.insights.deadlines import (
    add_deadline,
    deadlines_panel,
    dismiss,
    mark_met,
    reopen,
    store_obligations,
)
from coop_tui.core.obligations import State
from coop_tui.shell.cli import cli
from coop_tui.store.database import open_store
from coop_tui.store.models import Meeting, MeetingKind, Obligation
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def test_the_demo_holds_every_state(repository: Repository) -> None:
    found = store_obligations(repository, TODAY)
    states = Counter((d.state, d.timing) for d in found)
    assert states[(State.DONE, "on_time")] >= 1
    assert states[(State.DONE, "late")] >= 1
    assert states[(State.LATE, "")] >= 1
    assert states[(State.DISMISSED, "")] >= 1
    panel = deadlines_panel(found, TODAY)
    assert panel.this_week and panel.missed and panel.upcoming
    assert all(d.due <= date(2026, 12, 2) for d in panel.this_week)
    assert all(d.target.record_id for d in panel.this_week)


def test_mark_met_dismiss_and_reopen_through_the_repository(
    empty_repository: Repository,
) -> None:
    session = Meeting(title="Conseil", kind=MeetingKind.COUNCIL, on=date(2026, 12, 2))
    empty_repository.save(session)
    (convocation,) = [d for d in store_obligations(empty_repository, TODAY)
                      if d.rule and d.rule.key == "convocation"]
    assert deadlines_panel(store_obligations(empty_repository, TODAY), TODAY).this_week[0] \
        .key == convocation.key
    mark_met(empty_repository, convocation, date(2026, 11, 25))
    again = next(d for d in store_obligations(empty_repository, TODAY) if d.key == convocation.key)
    assert (again.state, again.met_on, again.timing) == (State.DONE, date(2026, 11, 25),
                                                         "on_time")
    assert len(empty_repository.obligations) == 1  # the same record, changed in place below
    with pytest.raises(ValueError):
        dismiss(empty_repository, again, "  ")
    dismiss(empty_repository, again, "sent by the commune of the seat")
    dismissed = next(d for d in store_obligations(empty_repository, TODAY)
                     if d.key == convocation.key)
    assert dismissed.state is State.DISMISSED
    assert len(empty_repository.obligations) == 1
    reopen(empty_repository, dismissed)
    later = next(d for d in store_obligations(empty_repository, date(2026, 11, 27))
                 if d.key == convocation.key)
    assert later.state is State.LATE


def test_a_deadline_added_is_kept_on_disk(empty_repository: Repository) -> None:
    add_deadline(empty_repository, "Rapport d'activité", date(2026, 9, 30), "CGCT L5211-39")
    path = empty_repository.path
    empty_repository.close()
    reopened = open_store(path, read_only=True)
    try:
        (record,) = reopened.obligations
        assert isinstance(record, Obligation)
        (due,) = [d for d in store_obligations(reopened, TODAY) if d.rule is None]
        assert (due.title, due.due, due.state) == ("Rapport d'activité", date(2026, 9, 30),
                                                   State.LATE)
    finally:
        reopened.close()


def test_deadlines_in_three_formats_agree(demo_path: Path) -> None:
    code, text, _ = run("deadlines", str(demo_path), "--date", "2026-11-26")
    assert code == 0
    code, markdown, _ = run("deadlines", str(demo_path), "--date", "2026-11-26",
                            "--format", "md")
    assert code == 0
    code, raw, _ = run("deadlines", str(demo_path), "--date", "2026-11-26", "--format", "json")
    assert code == 0
    document = json.loads(raw)
    assert document["version"] == 1 and document["today"] == "2026-11-26"
    dues = [item["due"] for item in document["obligations"]]
    assert dues == sorted(dues)
    assert len([line for line in text.splitlines() if line[:4].isdigit()]) == len(dues)
    assert markdown.count("\n| ") - 1 == len(dues)  # rows besides the header
    assert {item["state"] for item in document["obligations"]} == {
        "done", "due", "late", "dismissed"}


def test_deadlines_between_two_days(demo_path: Path) -> None:
    code, raw, _ = run("deadlines", str(demo_path), "--date", "2026-11-26", "--format", "json",
                       "--from", "2026-11-26", "--to", "2026-12-02")
    assert code == 0
    found = json.loads(raw)["obligations"]
    assert [(item["rule"], item["due"]) for item in found] == [
        ("convocation", "2026-11-26"), ("minutes_adopted", "2026-12-02")]


@pytest.mark.parametrize("args", [("--from", "2026-02-30"), ("--to", "tomorrow"),
                                  ("--from", "2026-12-01", "--to", "2026-11-01")])
def test_bad_dates_are_one_line(demo_path: Path, args: tuple[str, ...]) -> None:
    code, out, err = run("deadlines", str(demo_path), *args)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("coop-tui: ")


def test_the_same_obligations_in_the_ics_and_the_status_report(
    repository: Repository,
) -> None:
    found = store_obligations(repository, TODAY)
    calendar = store_calendar(repository, TODAY)
    for due in found:
        uid = f"UID:obligation-{due.key.replace('/', '-')}@coop-tui"
        assert uid in calendar.replace("\r\n ", "")
    assert calendar.count("CATEGORIES:Statutory deadlines") == len(found)
    assert calendar == store_calendar(repository, date(2027, 6, 1))  # not read on a day
    report = status_report(repository, TODAY).decode("utf-8")
    panel = deadlines_panel(found, TODAY)
    assert "Statutory deadlines" in report
    for due in (*panel.missed, *panel.this_week):
        assert due.rule is not None and due.rule.title.en in report
