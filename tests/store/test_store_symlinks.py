"""What others can plant beside a store: links, named pipes, devices, stale temporary files.

Issue 19: a temporary name an attacker can guess, a backups folder or a lock file that is
a link, a store reached through a link, a FIFO or a device given as the store, partial
copies left by a killed writer, an export written over the store. Each is refused in one
clear line or handled, and nothing is written where it should not be.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from coop_tui.core.exports.files import write_export
from coop_tui.core.settings import Settings, save_settings
from coop_tui.shell.cli import main
from coop_tui.store import backups
from coop_tui.store.database import check, open_store
from coop_tui.store.errors import BackupFolderUnsafe, LockFileUnsafe
from coop_tui.store.models import Actor
from coop_tui.store.repository import Repository

SECRET = b"the victim's own content\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def rename_first_actor(repository: Repository, name: str) -> None:
    actor = repository.actors[0].model_copy(deep=True)
    actor.name = name
    repository.save(actor)


def old_temp_name(path: Path) -> Path:
    """The name the writer used before issue 19: anyone could guess it."""
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")


# ---------------------------------------------------------------- planted temporary names


def _save_store(target: Path, demo: Path) -> Callable[[], None]:
    def save() -> None:
        repository = open_store(demo)
        try:
            rename_first_actor(repository, "Renamed")
        finally:
            repository.close()
    return save


WRITERS: dict[str, Callable[[Path], tuple[Path, Callable[[], None]]]] = {
    "store": lambda demo: (demo, _save_store(demo, demo)),
    "lock owner": lambda demo: (demo.with_name(f".{demo.name}.owner"),
                                lambda: open_store(demo).close()),
    "export": lambda demo: (demo.with_name("minutes.md"), lambda: write_export(
        demo.with_name("minutes.md"), "# Minutes\n", force=True)),
    "settings": lambda demo: (demo.with_name("settings.json"), lambda: save_settings(
        Settings(), demo.with_name("settings.json"))),
}


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_link_planted_at_a_guessable_temporary_name_is_never_written_through(
    writer: str, demo_path: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(SECRET)
    target, write = WRITERS[writer](demo_path)
    old_temp_name(target).symlink_to(victim)
    write()
    assert victim.read_bytes() == SECRET
    assert not target.is_symlink()
    # the lock's owner file is removed when the store is closed; the others stay
    assert target.is_file() or writer == "lock owner"


def test_temporary_names_are_random(tmp_path: Path) -> None:
    from coop_tui.store.files import atomic_write

    names: list[str] = []
    real_open = os.open

    def recording_open(path: str, flags: int, mode: int = 0o777, *,
                       dir_fd: int | None = None) -> int:
        if str(path).endswith(".tmp"):
            names.append(os.path.basename(path))
            assert flags & os.O_EXCL and flags & os.O_CREAT and flags & os.O_NOFOLLOW
        return real_open(path, flags, mode, dir_fd=dir_fd)

    target = tmp_path / "file.json"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", recording_open)
        atomic_write(target, b"1")
        atomic_write(target, b"2")
    assert len(names) == 2 and names[0] != names[1]


# ---------------------------------------------------------------- the backups folder


def test_a_backups_folder_that_is_a_link_is_refused_and_its_target_untouched(
    demo_path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    elsewhere.chmod(0o755)
    backups.backup_folder(demo_path).symlink_to(elsewhere)
    before = demo_path.read_bytes()
    with pytest.raises(BackupFolderUnsafe) as refused:
        open_store(demo_path)
    assert str(refused.value) == (
        f"the backups folder {backups.backup_folder(demo_path)} is a symbolic link: nothing "
        "was written; move it away, then open the store again")
    assert list(elsewhere.iterdir()) == []
    assert elsewhere.stat().st_mode & 0o777 == 0o755
    assert demo_path.read_bytes() == before
    assert not demo_path.with_name(f".{demo_path.name}.owner").exists()
    assert backups.backups(demo_path) == []  # nor read from


def test_the_app_refuses_a_linked_backups_folder_in_one_french_line(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "elsewhere").mkdir()
    backups.backup_folder(demo_path).symlink_to(tmp_path / "elsewhere")
    code, out, err = run(capsys, "--lang", "fr", str(demo_path))
    assert code == 1 and out == ""
    assert err == (f"coop-tui: le dossier des sauvegardes {backups.backup_folder(demo_path)} "
                   "est un lien symbolique\u00a0: rien n'a été écrit\u00a0; déplacez-le, "
                   "puis rouvrez le fichier de données\n")


# ---------------------------------------------------------------- the lock file


def test_a_lock_file_that_is_a_link_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(SECRET)
    lock = demo_path.with_name(f".{demo_path.name}.lock")
    lock.symlink_to(victim)
    with pytest.raises(LockFileUnsafe):
        open_store(demo_path)
    code, _out, err = run(capsys, str(demo_path))
    assert code == 1
    assert err == (f"coop-tui: the lock file {lock} is a symbolic link: nothing was written; "
                   "move it away, then open the store again\n")
    assert victim.read_bytes() == SECRET
    assert lock.is_symlink()


# ---------------------------------------------------------------- a store through a link


def test_a_store_opened_through_a_link_is_written_at_its_target(
    demo_path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "shortcut.json"
    link.symlink_to(demo_path)
    repository = open_store(link)
    try:
        assert repository.path == demo_path
        rename_first_actor(repository, "Written at the target")
    finally:
        repository.close()
    assert link.is_symlink() and link.resolve() == demo_path
    assert b"Written at the target" in demo_path.read_bytes()
    assert backups.backups(demo_path)  # beside the real file, as its lock
    assert not backups.backup_folder(link).exists()


def test_check_says_it_follows_the_link(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    link = tmp_path / "shortcut.json"
    link.symlink_to(demo_path)
    code, out, err = run(capsys, "check", str(link))
    assert code == 0
    assert out == f"{link}: no problem found\n"
    assert err == f"{link} is a symbolic link: coop-tui reads and writes {demo_path}\n"


def test_restoring_a_store_reached_through_a_link_keeps_the_link(
    demo_path: Path, tmp_path: Path
) -> None:
    good = demo_path.read_bytes()
    open_store(demo_path).close()
    backup = backups.latest_backup(demo_path)
    assert backup is not None
    demo_path.write_bytes(b"{ broken")
    link = tmp_path / "shortcut.json"
    link.symlink_to(demo_path)
    backups.restore(link, backup)
    assert link.is_symlink()
    assert demo_path.read_bytes() == good


# ---------------------------------------------------------------- stale temporary files


def test_stale_temporary_files_of_the_store_and_its_backups_are_cleaned_at_open(
    demo_path: Path
) -> None:
    open_store(demo_path).close()
    folder = backups.backup_folder(demo_path)
    stale_backup = folder / f".{demo_path.stem}-20260101T000000000000Z.json.0123456789ab.tmp"
    stale_store = demo_path.with_name(f".{demo_path.name}.a1b2c3d4e5f6.tmp")
    for stale in (stale_backup, stale_store):
        stale.write_bytes(b'{"private": "half a copy')
    newer = folder / f".{demo_path.stem}-20260101T000000000001Z.json.ffffffffffff.tmp"
    newer.write_bytes(b"{")
    future = newer.stat().st_mtime + 3600  # written after the lock was taken: not ours
    os.utime(newer, (future, future))
    unrelated = folder / "notes.txt"
    unrelated.write_bytes(b"kept")
    open_store(demo_path).close()
    assert not stale_backup.exists() and not stale_store.exists()
    assert newer.exists() and unrelated.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_temporary_files_of_another_user_are_left_alone(demo_path: Path) -> None:
    theirs = demo_path.with_name(f".{demo_path.name}.0123456789ab.tmp")
    theirs.write_bytes(b"{")
    os.chown(theirs, 65534, 65534)
    open_store(demo_path).close()
    assert theirs.exists()


# ---------------------------------------------------------------- FIFOs, devices, sizes


def _limited() -> None:
    """A child that would read a device forever runs out of memory, not the machine."""
    limit = 1 << 31
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child, so that a read that would never end cannot hang the
    suite (the timeout is a guard against the bug, not a measure)."""
    return subprocess.run([sys.executable, "-m", "coop_tui", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120, check=False,
                          preexec_fn=_limited)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("command", [["check"], ["status"], ["export", "ics"], []])
def test_a_fifo_given_as_the_store_is_refused_without_waiting(
    command: list[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    result = run_cli(*command, str(fifo))
    assert result.returncode == 1
    assert result.stderr == (
        f"coop-tui: {fifo} is a named pipe (FIFO), not a store file: nothing was read\n")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    result = run_cli("export", "minutes", str(link), "latest")
    assert result.returncode == 1
    assert result.stderr == (
        "coop-tui: /dev/zero is a character device, not a store file: nothing was read\n")
    with pytest.raises(Exception, match="character device"):
        check(link)


def test_a_store_beyond_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: takes no room on the disk
        handle.truncate(257 * 1024 * 1024)
    with pytest.raises(Exception) as refused:
        check(huge)
    assert str(refused.value) == (f"{huge} is larger than 256 MB, the most coop-tui reads: "
                                  "it is not a store file")


# ---------------------------------------------------------------- exports onto the store


EXPORTS = {
    "minutes": ["export", "minutes", "{store}", "latest"],
    "ics": ["export", "ics", "{store}"],
    "actors": ["export", "actors", "{store}", "--include-private"],
    "status": ["status", "{store}"],
}


@pytest.mark.parametrize("export", sorted(EXPORTS))
@pytest.mark.parametrize("target", ["store", "link", "lock", "backup"])
def test_an_export_never_replaces_the_store_or_its_files(
    capsys: pytest.CaptureFixture[str], export: str, target: str, demo_path: Path,
    tmp_path: Path
) -> None:
    open_store(demo_path).close()  # one backup
    backup = backups.latest_backup(demo_path)
    assert backup is not None
    link = tmp_path / "link.json"
    link.symlink_to(demo_path)
    output = {"store": demo_path, "link": link, "backup": backup,
              "lock": demo_path.with_name(f".{demo_path.name}.lock")}[target]
    output.touch()
    before = {path: path.read_bytes() for path in (demo_path, backup, output)}
    args = [arg.format(store=demo_path) for arg in EXPORTS[export]]
    code, out, err = run(capsys, *args, "-o", str(output), "--force")
    assert code == 1 and out == ""
    assert err == (f"coop-tui: {output} is the store {demo_path} or one of its own files: an "
                   "export never replaces it; choose another file\n")
    assert {path: path.read_bytes() for path in before} == before


def test_the_app_never_exports_over_the_store_it_has_open(repository: Repository) -> None:
    with pytest.raises(ValueError, match="is the store"):
        write_export(repository.path, "# Minutes\n", force=True)
    repository.close()
    write_export(repository.path.with_name("minutes.md"), "# Minutes\n", force=False)


def test_saving_after_a_refused_export_still_works(repository: Repository) -> None:
    with pytest.raises(ValueError):
        write_export(repository.path, "x", force=True)
    repository.save(Actor(name="Après", kind="commune"))
    assert b"Apr\xc3\xa8s" in repository.path.read_bytes()
