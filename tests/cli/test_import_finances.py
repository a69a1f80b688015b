"""coop-tui import finances: the example file round-trips, a preview with --dry-run, and
every bad row named by its line with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from coop_tui.core.pacte.importing import example_csv, finances_csv, read_finances
from coop_tui.shell.cli import main
from coop_tui.store.database import open_store
from coop_tui.store.models import Finances

HEADER = "commune;year;source;population;financial_potential;debt;compensation\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def figures(store: Path) -> list[Finances]:
    repository = open_store(store, read_only=True)
    try:
        return repository.finances
    finally:
        repository.close()


def test_the_example_round_trips(demo_path: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, example, _err = run(capsys, "import", "finances", "--example")
    assert code == 0 and example == example_csv()
    repository = open_store(demo_path, read_only=True)
    try:
        found = read_finances(example, repository.territory, repository.actors,
                              repository.finances)
        names = {actor.id: actor.name for actor in repository.actors}
    finally:
        repository.close()
    assert found.rejected == []
    assert finances_csv(found.records, names) == example
    before = len(figures(demo_path))
    csv_file = tmp_path / "example.csv"
    csv_file.write_text(example, encoding="utf-8")
    code, out, err = run(capsys, "import", "finances", str(demo_path), str(csv_file))
    assert code == 0, err
    assert "3 years of figures added" in err
    assert "line 2 · Loubières-le-Bourg · 2026 · 4,874 inhabitants · 11 figures" in out
    after = figures(demo_path)
    assert len(after) == before + 3
    vernay = next(f for f in after if f.year == 2026 and f.compensation == -12_400)
    assert vernay.financial_potential == 798.45 and vernay.population == 991


def test_dry_run_writes_nothing(demo_path: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "f.csv"
    csv_file.write_text(example_csv(), encoding="utf-8")
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "import", "finances", "--dry-run", str(demo_path),
                         str(csv_file))
    assert code == 0, err
    assert "3 years of figures to add (nothing written)" in err
    assert out.count("\n") == 3
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize(("row", "reason"), [
    (";2026;DGF;100;;;", "line 3: no commune"),
    ("Atlantis;2026;DGF;100;;;",
     "line 3: « Atlantis » is not a commune of the territory nor the community"),
    ("Cressy;2026;DGF;1 200;;;", "line 3: population: « 1 200 » has a space in it"),
    ("Cressy;2026;DGF;345;1,100;;", "line 3: financial_potential: « 1,100 » is not a number"),
    ("Cressy;2026;DGF;345;1.200,50;;", "line 3: financial_potential: « 1.200,50 » is not"),
    ("Cressy;2026;DGF;345;;-5;", "line 3: debt: « -5 » is negative"),
    ("Cressy;26;DGF;345;;;", "line 3: « 26 » is not a year"),
    ("Cressy;2026;;345;;;", "line 3: no source"),
    ("vernay;2026;DGF;345;;;", "line 3: Vernay 2026 appears twice (also line 2)"),
])
def test_each_bad_row_is_named_and_nothing_is_written(
        demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str,
        reason: str) -> None:
    csv_file = tmp_path / "f.csv"
    csv_file.write_text(HEADER + "Vernay;2026;DGF;991;798,45;584000;-12400\n" + row + "\n",
                        encoding="utf-8")
    before = demo_path.read_bytes()
    code, _out, err = run(capsys, "import", "finances", str(demo_path), str(csv_file))
    assert code == 1
    assert reason in err
    assert "1 row refused: nothing written" in err
    assert demo_path.read_bytes() == before


def test_a_year_already_in_the_store_is_refused(demo_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "f.csv"
    csv_file.write_text(HEADER + "Vernay;2026;DGF;991;798,45;584000;-12400\n",
                        encoding="utf-8")
    assert run(capsys, "import", "finances", str(demo_path), str(csv_file))[0] == 0
    code, _out, err = run(capsys, "import", "finances", str(demo_path), str(csv_file))
    assert code == 1
    assert "line 2: Vernay already has figures for 2026 in the store" in err


def test_a_decimal_comma_and_french_headers_are_read(demo_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "f.csv"
    csv_file.write_text("\ufeffCommune;Année;Source;Population DGF;Potentiel financier;"
                        "Épargne brute;DSC\nCressy;2026;fiche DGF;345;912,5;41000;3200\n",
                        encoding="utf-8")
    code, _out, err = run(capsys, "import", "finances", str(demo_path), str(csv_file))
    assert code == 0, err
    cressy = next(f for f in figures(demo_path) if f.year == 2026)
    assert (cressy.financial_potential, cressy.gross_savings, cressy.solidarity_grant) == (
        912.5, 41_000, 3_200)


def test_a_file_without_the_columns_says_which(demo_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "f.csv"
    csv_file.write_text("nom;population\nCressy;345\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", "finances", str(demo_path), str(csv_file))
    assert code == 1
    assert "line 1: the header row has no column year, source" in err
