"""The command line contracts of DESIGN.md: demo, check, schema, errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coop_tui.shell.cli import main
from coop_tui.store.database import parse


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "--version")
    assert code == 0
    assert "coop-tui" in out


def test_demo_writes_a_valid_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "demo.json"
    code, out, _err = run(capsys, "demo", str(target))
    assert code == 0
    assert str(target) in out
    loaded = parse(target, target.read_bytes())
    assert loaded.records["actors"]


def test_demo_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "demo.json"
    target.write_text("precious")
    code, _out, err = run(capsys, "demo", str(target))
    assert code == 1
    assert "--force" in err
    assert target.read_text() == "precious"


def test_check_good_store(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    code, out, _err = run(capsys, "check", str(demo_path))
    assert code == 0
    assert "no problem" in out


def test_check_lists_each_problem(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    data = json.loads(demo_path.read_text())
    first_actor = next(iter(data["actors"].values()))
    first_actor["name"] = "  "
    first_meeting = next(iter(data["meetings"].values()))
    first_meeting["on"] = "2026-02-31"
    demo_path.write_text(json.dumps(data))
    code, out, _err = run(capsys, "check", str(demo_path))
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert any("name: must not be empty" in line and "actors #" in line for line in lines)
    assert any("on:" in line and "meetings #" in line for line in lines)


def test_check_accepts_the_numbered_format_and_says_it_will_be_upgraded(
        capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    data = json.loads(demo_path.read_text())
    for table, documents in data.items():
        data[table] = {str(n): d for n, d in enumerate(documents.values(), 1)}
    next(iter(data["territory"].values()))["schema_version"] = 1
    demo_path.write_text(json.dumps(data, ensure_ascii=False))
    code, out, _err = run(capsys, "check", str(demo_path))
    assert code == 0
    assert "no problem" in out and "format 1" in out and "upgraded to format 2" in out
    code, out, _err = run(capsys, "--lang", "fr", "check", str(demo_path))
    assert code == 0 and "format 1" in out and "sera mis au format 2" in out


def test_check_in_french(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    demo_path.write_text("{")
    code, out, _err = run(capsys, "--lang", "fr", "check", str(demo_path))
    assert code == 1
    assert "n'est pas du JSON valide" in out


def test_check_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "check", str(tmp_path / "nope.json"))
    assert code == 1
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_schema_is_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert set(schema["properties"]) >= {"territory", "actors", "relations", "levers",
                                         "roadmap", "meetings"}
    assert "Actor" in schema["$defs"]


def test_open_in_missing_folder_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coop_tui", str(tmp_path / "no" / "such.json")],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "LANG": "en_US.UTF-8"},
    )
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_default_language_follows_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    from coop_tui.core.i18n import default_language

    assert default_language({"LANG": "fr_FR.UTF-8"}) == "fr"
    assert default_language({"LC_ALL": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}) == "en"
    assert default_language({}) == "en"


def test_a_bug_is_one_line_and_a_report(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import coop_tui.store.database

    def broken(_path: Path) -> list[object]:
        raise RuntimeError("secret note text")

    monkeypatch.setattr(coop_tui.store.database, "inspect", broken)
    code, _out, err = run(capsys, "check", str(tmp_path / "x.json"))
    assert code == 1
    assert "RuntimeError" in err and "crash report" in err
    assert "Traceback" not in err and "secret note text" not in err


@pytest.mark.parametrize(("argv", "environ", "follows"), [
    (["--demo"], {}, True),
    (["--demo"], {"LANG": "en_US.UTF-8"}, False),
    (["--lang", "en", "--demo"], {}, False),
    (["--demo", "--lang", "fr"], {}, False),
])
def test_with_no_locale_and_no_lang_the_app_speaks_the_stores_language(
        monkeypatch: pytest.MonkeyPatch, argv: list[str], environ: dict[str, str],
        follows: bool) -> None:
    """Issue 15: under cron, in a container or on Windows no locale is set; a French store
    then opens in French rather than in English."""
    import coop_tui.shell.launch as launching
    from coop_tui.shell.cli import main

    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environ.items():
        monkeypatch.setenv(variable, value)
    asked: list[bool] = []

    def fake_launch(store: object, *, demo: bool = False, store_language: bool = False) -> int:
        asked.append(store_language)
        return 0

    monkeypatch.setattr(launching, "launch", fake_launch)
    with pytest.raises(SystemExit):
        main(argv)
    assert asked == [follows]
