"""coop-tui import diagnostic: the example file round-trips, every bad row is said with its
line and then nothing is written, --dry-run writes nothing, a second import replaces lines
in place."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coop_tui.core.diagnostic_import import (
    diagnostic_csv,
    example_actors,
    example_csv,
    parse_number,
    read_diagnostic,
)
from coop_tui.core.i18n import set_language
from coop_tui.shell.cli import main
from coop_tui.store.catalogue import blank_store
from coop_tui.store.database import create, open_store
from coop_tui.store.models import Actor, ActorKind, RoadmapItem


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding the organisations the example names, and one elected official."""
    path = tmp_path / "val.json"
    create(path, blank_store("Val", "en", date(2026, 3, 15), date(2032, 3, 15)))
    repository = open_store(path)
    repository.save(*example_actors(), Actor(name="Jeanne Dupont", kind=ActorKind.ELECTED))
    repository.close()
    return path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_example_file_round_trips(store: Path, tmp_path: Path, lang: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, example, _err = run(capsys, "import", "diagnostic", "--example", "--lang", lang)
    assert code == 0
    file = tmp_path / "example.csv"
    file.write_text(example, encoding="utf-8")
    code, out, err = run(capsys, "import", "diagnostic", str(store), str(file))
    assert code == 0, err
    assert "8 diagnostic lines written" in err
    assert "Vernay · Roads · 1.5 FTE" in out
    repository = open_store(store, read_only=True)
    try:
        assert sum(len(r.missions) for r in repository.diagnostic) == 8
        set_language(lang)
        assert diagnostic_csv(repository.diagnostic, repository.actors,
                              repository.missions) == example
    finally:
        set_language("en")
        repository.close()


BAD_ROWS = [
    (";Roads;1", "no organisation"),
    ("Nowhere;Roads;1", "no organisation named « Nowhere » in the actor map"),
    ("Jeanne Dupont;Roads;1", "« Jeanne Dupont » is not an organisation"),
    ("Vernay;;1", "no mission"),
    ("Vernay;Magic;1", "« Magic » is not a known mission"),
    ("Vernay;Roads;", "no FTE: write 0 when no one works on it"),
    ("Vernay;Roads;-0.5", "« -0.5 » is negative"),
    ("Vernay;Roads;1 000", "« 1 000 » has a thousands separator: write 1000"),
    ("Vernay;Roads;\"1,000.5\"", "« 1,000.5 » has a thousands separator: write 1000.5"),
    ("Vernay;Roads;\"1,000\"", "« 1,000 » is ambiguous"),
    ("Vernay;Roads;a lot", "« a lot » is not a number"),
    ("Vernay;Roads;1;1.5", "« 1.5 » is not a whole number of agents"),
    ("Vernay;Roads;1;;;;perhaps", "« perhaps » is not yes or no"),
    ("Vernay;Roads;1;;;;yes;Atlantis", "no organisation named « Atlantis »"),
]
HEADER = "Organisation;Mission;FTE;Category A;Category B;Category C;Shared;Shared with\n"


@pytest.mark.parametrize(("row", "reason"), BAD_ROWS)
def test_a_bad_row_is_said_with_its_line_and_nothing_is_written(
    store: Path, tmp_path: Path, row: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bad.csv"
    file.write_text(HEADER + "Cressy;Civil registration;0,5\n" + row + "\n", encoding="utf-8")
    before = store.read_bytes()
    code, _out, err = run(capsys, "import", "diagnostic", str(store), str(file))
    assert code == 1
    assert f"line 3: {reason}" in err
    assert "line 2" not in err
    assert "Nothing written: 1 line to fix." in err
    assert store.read_bytes() == before


def test_a_duplicate_line_names_the_first_one(store: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "twice.csv"
    file.write_text(HEADER + "Cressy;Roads;0.5\ncressy;voirie;1\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", "diagnostic", str(store), str(file))
    assert code == 1
    assert "line 3: Cressy · Roads is already on line 2" in err


def test_a_french_decimal_comma_is_read() -> None:
    assert parse_number("0,5") == 0.5
    assert parse_number("12,75") == 12.75
    assert parse_number("3") == 3.0
    with pytest.raises(ValueError, match="thousands"):
        parse_number("1\u202f000")


def test_a_missing_column_is_said_once(store: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "cols.csv"
    file.write_text("Commune;Mission\nCressy;Roads\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", "diagnostic", str(store), str(file))
    assert code == 1
    assert "line 1: the header row lacks the columns fte" in err


def test_dry_run_writes_nothing(store: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "example.csv"
    file.write_text(example_csv(), encoding="utf-8")
    before = store.read_bytes()
    code, out, err = run(capsys, "import", "diagnostic", str(store), str(file), "--dry-run")
    assert code == 0
    assert "8 diagnostic lines to write (nothing written)" in err
    assert "Cressy · Civil registration · 0.3 FTE" in out
    assert store.read_bytes() == before


def test_a_second_import_replaces_lines_and_keeps_their_ids(store: Path) -> None:
    repository = open_store(store)
    try:
        first = read_diagnostic(example_csv(), repository.actors, [], [])
        repository.save(*first.records)
        cressy = next(a for a in repository.actors if a.name == "Cressy")
        line = next(staff for r in repository.diagnostic if r.actor_id == cressy.id
                    for staff in r.missions if staff.mission == "civil_status")
        repository.save(RoadmapItem(objective="État civil commun", answers=[line.id]))
        again = read_diagnostic(HEADER + "Cressy;civil_status;0,6\n", repository.actors, [],
                                repository.diagnostic)
        assert [i.replaces for i in again.lines] == [True]
        repository.save(*again.records)
        lines = [staff for r in repository.diagnostic if r.actor_id == cressy.id
                 for staff in r.missions]
        assert [(staff.mission, staff.fte) for staff in lines] == [("civil_status", 0.6),
                                                                  ("town_planning", 0.1)]
        assert lines[0].id == line.id
    finally:
        repository.close()


def test_example_needs_no_store(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "import", "diagnostic", "--example")
    assert code == 0
    assert out.startswith("Organisation;Mission;FTE;")
    code, _out, err = run(capsys, "import", "diagnostic")
    assert code == 1
    assert "give STORE and FILE, or --example" in err
