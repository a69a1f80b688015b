"""Who may read what coop-tui writes, under any umask (issue 19, items 10 and 11).

The data folder, the store, its backups, drafts and crash reports hold private readings:
0700 folders and 0600 files, whatever the umask. An export without private readings is a
document meant to be shared: it follows the umask and keeps the mode of a file it replaces;
an export with ``--include-private`` is 0600.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from coop_tui.core.exports.files import write_export
from coop_tui.core.locations import ensure_private_dir
from coop_tui.shell.cli import main
from coop_tui.shell.crash import write_crash_report
from coop_tui.store.database import open_store

UMASKS = [0o000, 0o022, 0o077]


@contextmanager
def umask(value: int) -> Iterator[None]:
    previous = os.umask(value)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("value", UMASKS, ids=oct)
def test_the_data_folder_and_its_parents_are_0700(tmp_path: Path, value: int) -> None:
    with umask(value):
        folder = ensure_private_dir(tmp_path / "share" / "coop-tui")
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700


@pytest.mark.parametrize("value", UMASKS, ids=oct)
def test_the_store_and_its_backups_are_private(demo_path: Path, value: int) -> None:
    with umask(value):
        repository = open_store(demo_path)
        try:
            actor = repository.actors[0].model_copy(deep=True)
            actor.name = "Renamed"
            repository.save(actor)
        finally:
            repository.close()
    assert mode(demo_path) == 0o600
    backups = demo_path.with_name(f".{demo_path.name}.backups")
    assert mode(backups) == 0o700
    assert [mode(file) for file in backups.iterdir()] == [0o600] * len(list(backups.iterdir()))


@pytest.mark.parametrize("value", UMASKS, ids=oct)
def test_a_shared_export_follows_the_umask(tmp_path: Path, value: int) -> None:
    target = tmp_path / "pv.md"
    with umask(value):
        write_export(target, "# PV\n", force=False)
    assert mode(target) == 0o666 & ~value


def test_replacing_a_shared_export_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "pv.md"
    target.write_text("old")
    target.chmod(0o644)
    with umask(0o077):
        write_export(target, "# PV\n", force=True)
    assert mode(target) == 0o644
    assert target.read_text() == "# PV\n"


@pytest.mark.parametrize("value", UMASKS, ids=oct)
def test_an_export_with_private_readings_is_0600(tmp_path: Path, value: int) -> None:
    target = tmp_path / "actors.csv"
    target.write_text("old")
    target.chmod(0o644)
    with umask(value):
        write_export(target, "secret", force=True, private=True)
    assert mode(target) == 0o600


def test_the_command_line_keeps_a_replaced_pv_readable(
        demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "pv.md"
    target.write_text("old")
    target.chmod(0o644)
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "minutes", str(demo_path), "latest", "--template", "pv",
              "-o", str(target), "--force"])
    assert exit_info.value.code in (0, None), capsys.readouterr().err
    assert mode(target) == 0o644


def test_crash_reports_of_one_second_never_replace_each_other(tmp_path: Path) -> None:
    folder = tmp_path / "crash-reports"
    with umask(0o000):
        paths = [write_crash_report(RuntimeError(f"bug {n}"), folder) for n in range(20)]
    assert None not in paths
    assert len({path for path in paths if path is not None}) == 20
    assert len(list(folder.iterdir())) == 20
    assert mode(folder) == 0o700
    assert {mode(path) for path in paths if path is not None} == {0o600}
