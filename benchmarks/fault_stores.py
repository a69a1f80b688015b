"""Stores that cannot be used as they are: damaged files, a store the user may not write,
a folder or a missing folder instead of a file, a second coop-tui on the same store.

Each case is tried through the store's own opener, the ``coop-tui check`` command and
the real app on a pty; the folder (store and backups) is compared byte for byte before
and after. The read-only case runs as a real other user (``nobody``), so the kernel, not
root's bypass, refuses the writes.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pkgutil
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.fault_common import NOTHING_LOST, Row, demo_store
from benchmarks.fault_pty import CTRL_Q, PtyApp, app_environment, running

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------- helpers


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and a hash of its bytes (the lock's files aside: they
    say who holds the store, and are not data)."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith((".lock", ".owner"))
    }


def _edit_json(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_bytes())
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _first(data: dict[str, Any], table: str) -> dict[str, Any]:
    return dict(data[table][min(data[table])])


def _set_first(table: str, **fields: Any) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        def edit(data: dict[str, Any]) -> None:
            data[table][min(data[table])].update(fields)

        _edit_json(path, edit)

    return change


def _drop_first(table: str, field: str) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        _edit_json(path, lambda data: data[table][min(data[table])].pop(field))

    return change


def _truncate(path: Path) -> None:
    payload = path.read_bytes()
    path.write_bytes(payload[: len(payload) // 2])


def _duplicate_id(path: Path) -> None:
    def twin(data: dict[str, Any]) -> None:
        copy = _first(data, "actors")
        copy["name"] += " (copie)"
        data["actors"][str(uuid.uuid4())] = copy  # filed under another key than its id

    _edit_json(path, twin)


def _duplicate_key(path: Path) -> None:
    """The first actor's key written twice (a JSON parser keeps the last)."""
    data = json.loads(path.read_bytes())
    key = min(data["actors"])
    twin = json.dumps(data["actors"][key] | {"name": "Autre"}, ensure_ascii=False)
    text = json.dumps(data, ensure_ascii=False)
    opening = '"actors": {'
    path.write_text(text.replace(opening, f'{opening}"{key}": {twin}, ', 1), encoding="utf-8")


@dataclass(frozen=True)
class Damage:
    name: str
    apply: Callable[[Path], None]
    # What the report must name: the table and the field ("" for the whole file).
    table: str = ""
    field: str = ""
    too_new: bool = False


DAMAGES: tuple[Damage, ...] = (
    Damage("truncated JSON", _truncate),
    Damage("a JSON array", lambda path: path.write_bytes(b"[]")),
    Damage("a newer format", _set_first("territory", schema_version=99), too_new=True),
    Damage("an empty file, backups beside it", lambda path: path.write_bytes(b"")),
    Damage("an id used twice", _duplicate_id, "actors"),
    Damage("a JSON key written twice", _duplicate_key, "actors"),
    Damage("2026-02-31", _set_first("meetings", on="2026-02-31"), "meetings", "on"),
    Damage("a meeting without a title", _drop_first("meetings", "title"), "meetings", "title"),
    Damage("a wrong type (a number as a name)", _set_first("actors", name=123), "actors",
           "name"),
)


@dataclass(frozen=True)
class StoreCheck:
    """One case: what each way in said, and whether the folder changed."""

    name: str
    refused: bool
    named: bool
    backup_offered: bool
    check_ok: bool
    app_ok: bool
    unchanged: bool

    @property
    def good(self) -> bool:
        return (self.refused and self.named and self.backup_offered and self.check_ok
                and self.app_ok and self.unchanged)


def _run_check(store: Path) -> tuple[int, str, str]:
    """``coop-tui check STORE`` in this process: exit code, standard output and error."""
    from click.testing import CliRunner

    from coop_tui.shell.cli import cli

    result = CliRunner().invoke(cli, ["--lang", "en", "check", str(store)])
    return result.exit_code, result.stdout, result.stderr


def _app_refuses(store: Path, folder: Path, backup: Path | None, too_new: bool) -> bool:
    """The real app in front of the damaged store: the recovery screen offers the backup
    (or one line says to update coop-tui); leaving it exits with 1."""
    with running(["--lang", "en", str(store)], app_environment(folder)) as app:
        if too_new:
            code, _seconds = app.wait_exit(timeout=30.0)
            printed = bytes(app.output).decode("utf-8", "replace")
            return code == 1 and "newer coop-tui" in printed and "Traceback" not in printed
        app.wait_for(b"was not changed")
        offered = backup is not None and backup.name.encode() in app.output
        app.send(b"q")
        code, _seconds = app.wait_exit(timeout=20.0)
    return offered and code == 1


def _broken_try(damage: Damage, in_terminal: bool) -> StoreCheck:
    from coop_tui.store import backups
    from coop_tui.store.database import open_store
    from coop_tui.store.errors import StoreCorrupt, StoreTooNew

    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = Path(scratch)
        store = demo_store(folder, "small")
        open_store(store).close()  # a good open leaves a backup
        backup = backups.latest_backup(store)
        damage.apply(store)
        before = folder_state(folder)
        refused = named = offered = False
        try:
            open_store(store).close()
        except StoreTooNew as error:
            refused = damage.too_new
            named = "update coop-tui" in str(error)
            offered = True  # the file is fine for a newer coop-tui: nothing to restore
        except StoreCorrupt as error:
            refused = not damage.too_new
            wheres = [problem.where for problem in error.problems]
            named = bool(wheres) and (not damage.table or any(
                where.startswith(damage.table) and (not damage.field or
                                                    where.endswith("› " + damage.field))
                for where in wheres))
            offered = error.backup is not None and error.backup == backup
        code, out, err = _run_check(store)
        check_ok = code == 1 and "Traceback" not in out + err and (
            "newer coop-tui" in err if damage.too_new else
            bool(out.strip()) and f"Last good backup: {backup}" in err)
        app_ok = _app_refuses(store, folder, backup, damage.too_new) if in_terminal else True
        unchanged = folder_state(folder) == before
    return StoreCheck(damage.name, refused, named, offered, check_ok, app_ok, unchanged)


def broken_stores(in_terminal: bool = True, damages: tuple[Damage, ...] = DAMAGES) -> Row:
    """Every kind of damaged file: refused (or read-only), the record and field named,
    nothing written, the last good backup offered."""
    checks = [_broken_try(damage, in_terminal) for damage in damages]
    good = sum(check.good for check in checks)
    changed = sum(not check.unchanged for check in checks)
    failed = [check.name for check in checks if not check.good]
    ways = "opener, check and app" if in_terminal else "opener and check"
    outcome = (f"{good}/{len(checks)} refused by the {ways}, record and field named, "
               f"last good backup offered, store and backups unchanged (hash)")
    if failed:
        outcome += "; wrong: " + ", ".join(failed)
    lost = NOTHING_LOST if not changed and good == len(checks) else (
        f"{changed} files changed" if changed else "nothing lost, but see outcome")
    return Row("broken stores (" + ", ".join(d.name for d in damages[:3]) + ", …)",
               len(checks), outcome, lost)


# ---------------------------------------------------------------------------- as another user


def closed_folder() -> Path | None:
    """The first folder on the way to the project or to its interpreter that other users
    may not enter (a clone in ``/root`` or a ``mktemp -d`` folder): another user could not
    read the app's styles and catalogues there."""
    for place in (ROOT, Path(sys.prefix)):
        for folder in (place.resolve(), *place.resolve().parents):
            if not folder.stat().st_mode & stat.S_IXOTH:
                return folder
    return None


def other_user_missing() -> str:
    """Why the tests that become another user cannot run here, or ``""`` when they can."""
    if os.geteuid() != 0:
        return "only root can become another user"
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return "there is no user 'nobody' to become"
    closed = closed_folder()
    if closed is not None:
        return (f"user 'nobody' cannot enter {closed}, on the way to the project or its "
                "interpreter: clone into a folder others may enter to run this test")
    return ""


def other_user() -> pwd.struct_passwd | None:
    """A user to become for the read-only case: only root can, ``nobody`` must exist, and
    it must be able to read the project and its interpreter."""
    return None if other_user_missing() else pwd.getpwnam("nobody")


def preload() -> None:
    """Import every module coop-tui may import late, while this process can still read
    the interpreter's folders: a child that became another user may not (on machines
    where Python lives in root's private home)."""
    import coop_tui

    for module in pkgutil.walk_packages(coop_tui.__path__, "coop_tui."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in ("textual.drivers.linux_driver", "click.testing", "textual.widgets",
                 "json.decoder", "encodings.idna"):
        importlib.import_module(name)


def become(user: pwd.struct_passwd) -> None:
    """In a forked child: drop root for good."""
    os.setgroups([])
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)


def run_as(user: pwd.struct_passwd, function: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``function`` in a forked child as ``user``; its JSON result."""
    preload()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        try:
            become(user)
            result = function()
        except BaseException:
            result = {"error": traceback.format_exc()}
        os.write(writer, json.dumps(result).encode())
        os._exit(0)
    os.close(writer)
    chunks = []
    while chunk := os.read(reader, 1 << 16):
        chunks.append(chunk)
    os.close(reader)
    os.waitpid(pid, 0)
    return dict(json.loads(b"".join(chunks) or b'{"error": "no answer"}'))


def shared_store(user: pwd.struct_passwd) -> tuple[Path, Path]:
    """A store that ``user`` may read and not write, in a folder it may not write either;
    and a data folder of the user's own (for its settings and crash reports)."""
    folder = Path(tempfile.mkdtemp(prefix="coop-tui-shared-"))
    folder.chmod(0o755)
    store = demo_store(folder, "small")
    store.chmod(0o644)
    home = folder / "home"
    home.mkdir()
    os.chown(home, user.pw_uid, user.pw_gid)
    return folder, store


def _open_as_other_user(store: Path) -> dict[str, Any]:
    """In the child: open the store, try to save, run ``check``."""
    from coop_tui.store.database import open_store
    from coop_tui.store.errors import ReadOnlyStore
    from coop_tui.store.models import Actor

    repository = open_store(store)
    refused = False
    try:
        repository.save(repository.all(Actor)[0])
    except ReadOnlyStore:
        refused = True
    finally:
        repository.close()
    code, out, err = _run_check(store)
    return {"uid": os.getuid(), "writable": os.access(store, os.W_OK),
            "message": repository.read_only_message, "save_refused": refused,
            "check": code, "check_output": out + err}


def read_only_in_process(user: pwd.struct_passwd, store: Path) -> dict[str, Any]:
    return run_as(user, lambda: _open_as_other_user(store))


def _app_as(user: pwd.struct_passwd, store: Path, folder: Path) -> PtyApp:
    """The real app on a pty, run by ``user`` in a forked child (no new interpreter)."""
    from coop_tui.shell.cli import main

    preload()
    env = app_environment(folder / "home") | {"HOME": str(folder / "home")}
    pid, descriptor = os.forkpty()
    if pid == 0:
        code = 0
        try:
            from benchmarks.fault_pty import size_terminal

            size_terminal(0)
            become(user)
            os.environ.clear()
            os.environ.update(env)
            main(["--lang", "en", str(store)])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:
            traceback.print_exc()
            code = 3
        os._exit(code)
    return PtyApp(pid, descriptor)


def read_only_app(user: pwd.struct_passwd, store: Path, folder: Path) -> bool:
    """As ``user``: the app opens, says it is read-only, refuses a new meeting, quits."""
    app = _app_as(user, store, folder)
    try:
        app.wait_for(b"Opened read-only")
        said = b"not writable" in app.output
        app.send(b"5")
        app.wait_for(b"Still open")
        app.send(b"n")  # a new meeting: not offered in read-only mode
        app.settle(0.5)
        no_form = b"New meeting" not in app.output
        app.send(CTRL_Q)
        code, _seconds = app.wait_exit(timeout=20.0)
    finally:
        app.kill()
    return said and no_form and code == 0


def _one_line_refusal(path: Path, expected: str, folder: Path) -> bool:
    result = subprocess.run([sys.executable, "-m", "coop_tui", "--lang", "en", str(path)],
                            capture_output=True, text=True, timeout=120, check=False,
                            env=app_environment(folder), stdin=subprocess.DEVNULL)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return (result.returncode == 1 and len(lines) == 1 and expected in lines[0]
            and "Traceback" not in result.stderr)


def unusable_paths(in_terminal: bool = True) -> Row:
    """A store the user may not write (as a real other user), a folder, a missing folder:
    one clear line or read-only mode, never a traceback, nothing written."""
    results: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = Path(scratch)
        (folder / "a-folder.json").mkdir()
        before = folder_state(folder)
        results["a folder"] = _one_line_refusal(folder / "a-folder.json",
                                                "is a folder, not a store file", folder)
        missing = folder / "no" / "such" / "store.json"
        results["a missing folder"] = _one_line_refusal(missing, "does not exist", folder) \
            and not (folder / "no").exists()
        unchanged = folder_state(folder) == before
    user = other_user()
    skipped = ""
    if user is None:
        skipped = " (read-only as another user: skipped, not root)"
    else:
        shared, store = shared_store(user)
        try:
            state = folder_state(shared)
            answer = read_only_in_process(user, store)
            results["read-only"] = (answer.get("uid") == user.pw_uid
                                    and answer.get("writable") is False
                                    and "not writable" in str(answer.get("message"))
                                    and answer.get("save_refused") is True
                                    and answer.get("check") == 0)
            if in_terminal:
                results["read-only app"] = read_only_app(user, store, shared)
            unchanged = unchanged and folder_state(shared) == state
        finally:
            shutil.rmtree(shared, ignore_errors=True)
    good = sum(results.values())
    wrong = [name for name, ok in results.items() if not ok]
    outcome = (f"{good}/{len(results)}: read-only as {user.pw_name if user else '-'} "
               f"(opener, check{', app' if in_terminal else ''}), one line for a folder "
               f"and a missing folder, no traceback, nothing written{skipped}")
    if wrong:
        outcome += "; wrong: " + ", ".join(wrong)
    lost = NOTHING_LOST if unchanged and not wrong else (
        "files changed" if not unchanged else "nothing lost, but see outcome")
    return Row("read-only store, a folder, a missing folder", len(results), outcome, lost)


# ---------------------------------------------------------------------------- a second instance


def second_instance(tries: int) -> Row:
    """A second coop-tui on a store in use: read-only at once, naming who holds it;
    nothing written by it."""
    good = 0
    waits: list[float] = []
    unchanged_all = True
    for _ in range(tries):
        with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
            folder = Path(scratch)
            store = demo_store(folder, "small")
            env = app_environment(folder)
            with running(["--lang", "en", str(store)], env) as first:
                first.wait_for(b"Dashboard")
                first.settle(0.3)
                before = folder_state(folder)
                start = time.monotonic()
                with running(["--lang", "en", str(store)], env) as second:
                    second.wait_for(b"Opened read-only")
                    waits.append(time.monotonic() - start)
                    second.settle(0.3)
                    names = f"pid {first.pid}".encode() in second.output
                    second.send(b"5")
                    second.wait_for(b"Still open")
                    second.send(CTRL_Q)
                    code, _seconds = second.wait_exit(timeout=20.0)
                unchanged = folder_state(folder) == before
                first.send(CTRL_Q)
                first.wait_exit(timeout=20.0)
        unchanged_all = unchanged_all and unchanged
        good += names and code == 0 and unchanged
    outcome = (f"{good}/{tries}: read-only, holder named (user, host, pid) "
               f"{max(waits):.1f} s max after start, nothing written (hash)")
    lost = NOTHING_LOST if unchanged_all and good == tries else (
        "files changed" if not unchanged_all else "nothing lost, but see outcome")
    return Row("a second instance on the same store", tries, outcome, lost)
