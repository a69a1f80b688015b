"""Every command-line failure is one line on stderr, in the interface's language, with a
non-zero exit: click's usage errors, an unreadable store, a date out of range."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from benchmarks import fault_stores
from coop_tui.shell.cli import main

NBSP = "\u00a0"


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


USAGE_ERRORS = [
    pytest.param(("status", "x.json", "--bogus"), "No such option '--bogus'.",
                 f"Option inconnue{NBSP}: '--bogus'.", id="unknown option"),
    pytest.param(("check",), "Missing argument 'STORE'.", "Argument manquant 'DONNÉES'.",
                 id="missing argument"),
    pytest.param(("status", "x.json", "--format", "xls"),
                 "'xls' is not one of 'text', 'md', 'docx', 'pdf'.",
                 "'xls' n'est pas un choix possible parmi 'text', 'md', 'docx', 'pdf'.",
                 id="bad choice"),
    pytest.param(("status", "x.json", "--date", "demain"), "'demain' is not a date",
                 "'demain' n'est pas une date", id="bad value"),
    pytest.param(("export", "mintues"), "No such command 'mintues'.",
                 f"Commande inconnue{NBSP}: 'mintues'.", id="unknown command"),
]


@pytest.mark.parametrize(("args", "english", "french"), USAGE_ERRORS)
def test_a_usage_error_is_one_line_in_the_interface_language(
        capsys: pytest.CaptureFixture[str], args: tuple[str, ...], english: str,
        french: str) -> None:
    code, out, err = run_main(capsys, "--lang", "en", *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("coop-tui: Error: ")
    assert english in err
    assert "--help' for help." in err

    code, out, err = run_main(capsys, "--lang", "fr", *args)
    assert code == 2
    assert err.count("\n") == 1, err
    assert french in err
    assert "Error" not in err and "Usage" not in err and "Utilisation" not in err
    assert f"Essayez «{NBSP}coop-tui" in err


def test_help_and_version_still_succeed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_main(capsys, "check", "--help")
    assert code == 0 and out.startswith("Usage: coop-tui check")
    code, out, _err = run_main(capsys, "--version")
    assert code == 0 and "version" in out


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_a_date_out_of_range_is_one_clear_line(capsys: pytest.CaptureFixture[str],
                                               demo_path: Path, day: str) -> None:
    code, out, err = run_main(capsys, "status", str(demo_path), "--date", day)
    assert code == 2
    assert out == ""
    assert err == (f"coop-tui: Error: Invalid value for '--date': '{day}' is outside "
                   "1900-01-01 to 2200-12-31. Try 'coop-tui status --help' for help.\n")
    code, _out, err = run_main(capsys, "--lang", "fr", "status", str(demo_path), "--date", day)
    assert code == 2
    assert f"'{day}' est hors de la plage du 1900-01-01 au 2200-12-31" in err


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_the_range_s_own_ends_are_read(capsys: pytest.CaptureFixture[str],
                                       demo_path: Path, day: str) -> None:
    code, out, err = run_main(capsys, "status", str(demo_path), "--date", day)
    assert code == 0, err
    assert out


def _permission_denied(*_args: Any, **_kwargs: Any) -> Any:
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))


def refuse_opening(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Play the kernel's refusal to open ``refused`` (root opens a mode 000 file anyway)."""
    real_open = os.open

    def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == refused:
            _permission_denied()
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)


@pytest.mark.parametrize("command", ["check", "status"])
def test_an_unreadable_store_is_named(capsys: pytest.CaptureFixture[str], demo_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Mode 000: root reads it anyway, so the refusal the kernel gives others is played."""
    refuse_opening(monkeypatch, demo_path)
    code, out, err = run_main(capsys, command, str(demo_path))
    assert code == 1
    assert out == ""
    assert err == f"coop-tui: cannot read {demo_path}: permission denied\n"
    code, _out, err = run_main(capsys, "--lang", "fr", command, str(demo_path))
    assert code == 1
    assert err.replace(NBSP, " ") == (
        f"coop-tui: impossible de lire {demo_path} : permission refusée\n")


def test_a_store_in_a_folder_one_cannot_enter_is_named(
        capsys: pytest.CaptureFixture[str], demo_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Looking into a folder without permission raises in ``Path.is_dir`` itself, and
    opening the store in ``os.open``."""
    real_is_dir = Path.is_dir

    def is_dir(path: Path) -> bool:
        if path == demo_path:
            _permission_denied()
        return real_is_dir(path)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    refuse_opening(monkeypatch, demo_path)
    for command in ("check", "status", "export"):
        args = ("export", "ics", str(demo_path)) if command == "export" else (
            command, str(demo_path))
        code, _out, err = run_main(capsys, *args)
        assert code == 1
        assert err == f"coop-tui: cannot read {demo_path}: permission denied\n"


def _check_as_other_user(stores: list[Path]) -> dict[str, Any]:
    """In a child that gave up root: ``coop-tui check`` on each store in both languages,
    its exit code and stderr."""
    import contextlib
    import io

    answers = []
    for store in stores:
        for lang in ("en", "fr"):
            err = io.StringIO()
            code: object = 0
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    main(["--lang", lang, "check", str(store)])
                except SystemExit as exit_:
                    code = exit_.code
            answers.append([code, err.getvalue()])
    return {"answers": answers}


@pytest.mark.skipif(bool(fault_stores.other_user_missing()),
                    reason=fault_stores.other_user_missing() or "-")
def test_a_real_other_user_is_told_which_store_it_cannot_read(demo_bytes: bytes) -> None:
    """The kernel's own refusals, as a user who is not root: a store of mode 000, and a
    store in a folder without read or search permission."""
    user = fault_stores.other_user()
    assert user is not None
    folder = Path(tempfile.mkdtemp(prefix="coop-tui-unreadable-"))
    closed = folder / "closed"
    try:
        folder.chmod(0o755)
        closed.mkdir()
        shut, inside = folder / "shut.json", closed / "store.json"
        for path in (shut, inside):
            path.write_bytes(demo_bytes)
        shut.chmod(0o000)
        closed.chmod(0o000)
        answer = fault_stores.run_as(user, lambda: _check_as_other_user([shut, inside]))
        assert "error" not in answer, answer.get("error")
        (code_en, shut_en), (code_fr, shut_fr), (code_in, inside_en), (_, inside_fr) = (
            answer["answers"])
        assert (code_en, code_fr) == (1, 1)
        assert shut_en == f"coop-tui: cannot read {shut}: permission denied\n"
        assert shut_fr.replace(NBSP, " ") == (
            f"coop-tui: impossible de lire {shut} : permission refusée\n")
        assert code_in == 1
        assert inside_en == f"coop-tui: cannot read {inside}: permission denied\n"
        assert inside_fr.replace(NBSP, " ") == (
            f"coop-tui: impossible de lire {inside} : permission refusée\n")
    finally:
        closed.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)
