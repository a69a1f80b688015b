"""Rows of the fault battery for what a neighbour can plant and what a user can type:
links and special files, modes under any umask, exports aimed at the store, meetings
without a time, dates at the limits (issue 19).

Each function returns a :class:`Row`; ``tests/test_faults.py`` runs them with few tries.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from datetime import time as clock
from pathlib import Path

from benchmarks.fault_common import NOTHING_LOST, Row, demo_store

SECRET = b"a file of the neighbour's choosing\n"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="coop-tui-faults-"))
    try:
        yield folder
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def _rename_first_actor(store: Path, name: str) -> None:
    from coop_tui.store.database import open_store

    repository = open_store(store)
    try:
        actor = repository.actors[0].model_copy(deep=True)
        actor.name = name
        repository.save(actor)
    finally:
        repository.close()


def _run_cli(arguments: list[str]) -> tuple[object, str]:
    """``coop-tui ARGUMENTS`` in this process: its exit code and what it wrote on stderr."""
    from coop_tui.shell.cli import main

    err = io.StringIO()
    code: object = 0
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(arguments)
        except SystemExit as exit_:
            code = exit_.code
    return code, err.getvalue()


def planted_links(tries: int) -> Row:
    """A link at the temporary name a writer once used, a backups folder and a lock file
    that are links, and a store opened through a link: nothing is written through a link,
    each refusal is one line, the linked store is written at its target."""
    from coop_tui.store.database import open_store
    from coop_tui.store.errors import BackupFolderUnsafe, LockFileUnsafe

    held = 0
    for attempt in range(tries):
        with _scratch() as folder:
            store = demo_store(folder, "small")
            victim = folder / "victim.txt"
            victim.write_bytes(SECRET)
            victim.chmod(0o644)
            guess = store.with_name(f".{store.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            guess.symlink_to(victim)
            _rename_first_actor(store, f"Saved {attempt}")
            temp_ok = victim.read_bytes() == SECRET and not store.is_symlink()
            guess.unlink()

            backups = store.with_name(f".{store.name}.backups")
            elsewhere = folder / "elsewhere"
            elsewhere.mkdir(mode=0o755)
            import shutil

            shutil.rmtree(backups, ignore_errors=True)
            backups.symlink_to(elsewhere)
            before = _digest(store)
            try:
                open_store(store).close()
                backups_ok = False
            except BackupFolderUnsafe as error:
                backups_ok = (str(error).count("\n") == 0 and _digest(store) == before
                              and stat.S_IMODE(elsewhere.stat().st_mode) == 0o755
                              and not any(elsewhere.iterdir()))
            backups.unlink()

            lock = store.with_name(f".{store.name}.lock")
            lock.unlink(missing_ok=True)
            lock.symlink_to(victim)
            try:
                open_store(store).close()
                lock_ok = False
            except LockFileUnsafe as error:
                lock_ok = str(error).count("\n") == 0 and victim.read_bytes() == SECRET
            lock.unlink()

            link = folder / "link.json"
            link.symlink_to(store)
            _rename_first_actor(link, "Through the link")
            link_ok = link.is_symlink() and b"Through the link" in store.read_bytes()
            held += temp_ok and backups_ok and lock_ok and link_ok
    return Row("links planted: temp name, backups folder, lock file; a store reached by a link",
               tries, f"{held}/{tries}: nothing written through a link, each refusal one line, "
               "the linked store saved at its target",
               NOTHING_LOST if held == tries else f"{tries - held} tries wrote through a link")


def special_stores() -> Row:
    """A named pipe, a link to /dev/zero and a folder given as the store: refused at once,
    by the opener and by ``check``, in one line."""
    from coop_tui.store.database import check, open_store
    from coop_tui.store.errors import StoreError

    refused = 0
    cases = 0
    with _scratch() as folder:
        fifo = folder / "fifo.json"
        os.mkfifo(fifo)
        zero = folder / "zero.json"
        zero.symlink_to("/dev/zero")
        for path in (fifo, zero):
            for attempt in (lambda p=path: check(p), lambda p=path: open_store(p).close()):
                cases += 1
                try:
                    attempt()  # a pipe opened for reading would block here forever
                except StoreError as error:
                    refused += str(error).count("\n") == 0
    return Row("a named pipe or /dev/zero given as the store", cases,
               f"{refused}/{cases} refused at once in one line, nothing read",
               NOTHING_LOST if refused == cases else "see outcome")


def modes_under_umasks() -> Row:
    """Under umask 000, 022 and 077: the data folder 0700; the store and its backups 0600;
    a shared export follows the umask and keeps a replaced file's mode; a private one 0600."""
    from coop_tui.core.exports.files import write_export
    from coop_tui.core.locations import ensure_private_dir

    right = 0
    masks = (0o000, 0o022, 0o077)
    for mask in masks:
        previous = os.umask(mask)
        try:
            with _scratch() as folder:
                data = ensure_private_dir(folder / "data" / "coop-tui")
                store = demo_store(data, "small")
                _rename_first_actor(store, "Saved")
                backups = store.with_name(f".{store.name}.backups")
                shared = folder / "pv.md"
                write_export(shared, "# PV\n", force=False)
                kept = folder / "kept.md"
                kept.write_text("old")
                kept.chmod(0o644)
                write_export(kept, "# PV\n", force=True)
                private = folder / "actors.csv"
                write_export(private, "secret", force=False, private=True)
                modes = [stat.S_IMODE(p.stat().st_mode) for p in
                         (data, store, backups, *backups.iterdir(), shared, kept, private)]
                expected = [0o700, 0o600, 0o700, *[0o600] * len(list(backups.iterdir())),
                            0o666 & ~mask, 0o644, 0o600]
                right += modes == expected
        finally:
            os.umask(previous)
    return Row("file modes under umask 000, 022 and 077", len(masks),
               f"{right}/{len(masks)}: data folder 0700, store and backups 0600, shared "
               "exports by the umask (a replaced file keeps its mode), private exports 0600",
               NOTHING_LOST if right == len(masks) else "see outcome")


def export_onto_the_store() -> Row:
    """``export … -o STORE --force`` (and onto its lock or a backup): refused in one line,
    whatever the flags, the store unchanged."""
    refused = 0
    targets = 0
    with _scratch() as folder:
        store = demo_store(folder, "small")
        _rename_first_actor(store, "Saved")
        backups = store.with_name(f".{store.name}.backups")
        before = _digest(store)
        for target in (store, next(backups.iterdir())):
            for command in (["export", "minutes", str(store), "latest"],
                            ["export", "ics", str(store)], ["status", str(store)],
                            ["export", "actors", str(store)]):
                targets += 1
                code, err = _run_cli([*command, "-o", str(target), "--force"])
                refused += code == 1 and err.count("\n") == 1
        unchanged = _digest(store) == before
    return Row("an export aimed at the store or one of its backups", targets,
               f"{refused}/{targets} refused in one line, store unchanged: "
               f"{'yes' if unchanged else 'no'}",
               NOTHING_LOST if refused == targets and unchanged else "see outcome")


def untimed_meetings_and_date_limits() -> Row:
    """Two meetings on one day, one without a time, and dates at 1900-01-01 and
    2200-12-31: the dashboard, the status report and the minutes are made; a date beyond
    the limits is one line on the command line."""
    from coop_tui.core.exports.minutes import MinutesSource, render
    from coop_tui.core.exports.status import status_report
    from coop_tui.store.database import open_store

    made = 0
    cases = 0
    with _scratch() as folder:
        store = demo_store(folder, "small")
        repository = open_store(store)
        try:
            first, second = repository.meetings[:2]
            timed, untimed = first.model_copy(deep=True), second.model_copy(deep=True)
            untimed.on, timed.on, timed.start, untimed.start, untimed.end = (
                first.on, first.on, clock(9, 30), None, None)
            repository.save(timed, untimed)
            for day in (date(1900, 1, 1), date.today(), date(2200, 12, 31)):
                for fmt in ("text", "md"):
                    cases += 1
                    made += bool(status_report(repository, day, fmt))  # type: ignore[arg-type]
            for meeting in (timed, untimed):
                cases += 1
                made += bool(render(MinutesSource.from_repository(repository, meeting)))
        finally:
            repository.close()
        for day in ("9999-12-31", "0001-01-01"):
            cases += 1
            code, err = _run_cli(["status", str(store), "--date", day])
            made += code == 2 and err.count("\n") == 1
    return Row("meetings of one day with and without a time; dates at the limits", cases,
               f"{made}/{cases}: reports and minutes made, dates beyond 1900-2200 one line",
               NOTHING_LOST if made == cases else "see outcome")
