"""The first frame's summary out of step with the store: never shown.

The app keeps beside the store a summary of its dashboard, tied to the store's bytes
(``store/summary.py``). Here the real app, on a pty, opens a store and quits, which writes
the summary; then the store changes outside the app, in one of the ways it does:

- edited by hand (the territory renamed in a text editor);
- edited by hand with its size and modification time put back (one letter changed, the
  time restored: only the digest tells);
- restored from a copy kept elsewhere, its time kept (``cp -p``);
- changed by a merge (``coop-tui merge``, as git's merge driver after a pull or a sync).

The app is started again: the old territory name must never reach the terminal, nor the
first frame's "loading…" (a stale summary is not even half used); the new name must. Then
it quits, and the store must still hold the change made outside, with every record.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.fault_common import NOTHING_LOST, Row, demo_store
from benchmarks.fault_pty import CTRL_Q, PtyApp, app_environment, running

SEPARATOR = "  ·  "
LOADING = "loading…".encode()
SAVED = b"saved"


def _territory(data: dict[str, Any]) -> dict[str, Any]:
    return dict(next(iter(data["territory"].values())))


def _renamed(payload: bytes, name: str) -> bytes:
    data = json.loads(payload)
    territory = _territory(data)
    territory["name"] = name
    data["territory"][territory["id"]] = territory
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode()


def _records(path: Path) -> int:
    data = json.loads(path.read_bytes())
    return sum(len(table) for table in data.values() if isinstance(table, dict))


def _name(path: Path) -> str:
    return str(_territory(json.loads(path.read_bytes()))["name"])


def _open_and_quit(store: Path, scratch: Path) -> PtyApp:
    """The real app on ``store`` until the store is loaded, then ctrl+q."""
    with running([str(store)], app_environment(scratch)) as app:
        app.wait_for(SAVED, timeout=60)
        app.settle(0.2)
        app.send(CTRL_Q)
        app.wait_exit(20)
        return app


def edited_by_hand(store: Path, _scratch: Path) -> str:
    store.write_bytes(_renamed(store.read_bytes(), "Territoire renommé à la main"))
    return "Territoire renommé à la main"


def same_size_and_time(store: Path, _scratch: Path) -> str:
    info = store.stat()
    payload = store.read_bytes()
    name = _name(store)
    where = payload.index(f'"name": "{name}"'.encode(), payload.index(b'"territory"'))
    changed = "W" + name[1:]
    store.write_bytes(payload[:where] + f'"name": "{changed}"'.encode()
                      + payload[where + len(f'"name": "{name}"'.encode()):])
    os.utime(store, ns=(info.st_atime_ns, info.st_mtime_ns))
    return changed


def restored_from_a_copy(store: Path, scratch: Path) -> str:
    kept = scratch / "kept-elsewhere.json"
    kept.write_bytes(_renamed(store.read_bytes(), "Copie restaurée"))
    shutil.copy2(kept, store)
    return "Copie restaurée"


def changed_by_a_merge(store: Path, scratch: Path) -> str:
    base, theirs = scratch / "base.json", scratch / "theirs.json"
    base.write_bytes(store.read_bytes())
    theirs.write_bytes(_renamed(store.read_bytes(), "Nom venu des collègues"))
    subprocess.run([sys.executable, "-m", "coop_tui", "merge", str(base), str(store),
                    str(theirs)], check=True, capture_output=True,
                   env=app_environment(scratch))
    return "Nom venu des collègues"


CHANGES: tuple[tuple[str, Callable[[Path, Path], str]], ...] = (
    ("edited by hand", edited_by_hand),
    ("same size and time, one letter changed", same_size_and_time),
    ("restored from a copy (time kept)", restored_from_a_copy),
    ("changed by a merge", changed_by_a_merge),
)


def _one_try(change: Callable[[Path, Path], str]) -> tuple[bool, bool]:
    """(the stale summary was never shown, nothing of the outside change was lost)."""
    from coop_tui.store.summary import matching_summary

    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as folder:
        scratch = Path(folder)
        store = demo_store(scratch, "small")
        old_name = _name(store)
        _open_and_quit(store, scratch)
        if matching_summary(store) is None:  # the app did not keep one: nothing tested
            return False, True
        new_name = change(store, scratch)
        records = _records(store)
        app = _open_and_quit(store, scratch)
        shown = bytes(app.output)
        # The status bar: the territory's name, then the separator.
        never_shown = ((old_name + SEPARATOR).encode() not in shown and LOADING not in shown
                       and (new_name + SEPARATOR).encode() in shown)
        kept = _name(store).startswith(new_name) and _records(store) == records
        return never_shown, kept


def stale_summaries(tries: int) -> Row:
    """Every way a store changes outside the app, ``tries`` times each."""
    shown_stale = lost = 0
    for _ in range(tries):
        for _what, change in CHANGES:
            never_shown, kept = _one_try(change)
            shown_stale += not never_shown
            lost += not kept
    total = tries * len(CHANGES)
    outcome = ("stale summary never shown" if not shown_stale
               else f"stale summary shown {shown_stale} times")
    return Row("first frame's summary out of step with the store (hand edit, same size "
               "and time, restored copy, merge)", total, outcome,
               NOTHING_LOST if not lost and not shown_stale
               else f"{lost} changes lost" if lost else "nothing lost, but see outcome")
