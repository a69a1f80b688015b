"""The export journal: when minutes and status reports last left the store, kept beside it.

Exports are made by the app and by the command line, and the command line often runs while
an app holds the store's lock (it then opens the store read-only and cannot save). So an
export is not recorded in the store but in a small file beside it,
``.<name>.exports.json``, that anyone may write and the lever evidence reads ("minutes
last exported", "status report"). It is written with the store's own atomic write, mode
0600: it holds the old state or the new, never a mix. Two exports at the same instant may
lose one line of history, never move a date back: each write keeps the later of the two
dates. A missing or damaged journal reads as empty; it never blocks an export.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from coop_tui.store.storage import atomic_write

ExportKind = Literal["minutes", "status_report"]
KINDS: tuple[ExportKind, ...] = ("minutes", "status_report")
HISTORY = 100  # entries kept, newest last


@dataclass(frozen=True)
class LastExports:
    minutes: datetime | None = None
    status_report: datetime | None = None


NO_EXPORT = LastExports()


def journal_path(store: Path) -> Path:
    return store.with_name(f".{store.name}.exports.json")


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


def _read(store: Path) -> dict[str, Any]:
    try:
        data = json.loads(journal_path(store).read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_journal(store: Path) -> LastExports:
    """The last export of each kind; nothing when there is no journal."""
    last = _read(store).get("last")
    if not isinstance(last, dict):
        return NO_EXPORT
    return LastExports(_moment(last.get("minutes")), _moment(last.get("status_report")))


def record_export(store: Path, kind: ExportKind, details: Mapping[str, str] | None = None,
                  *, when: datetime | None = None) -> None:
    """Add an export to the journal (``details``: the format, the file, the meeting...).
    OSError when the journal cannot be written."""
    moment = when or datetime.now(UTC)
    data = _read(store)
    last = data.get("last") if isinstance(data.get("last"), dict) else {}
    assert isinstance(last, dict)
    kept = {name: value for name in KINDS
            if (value := _moment(last.get(name))) is not None}
    if kind not in kept or kept[kind] < moment:
        kept[kind] = moment
    history = data.get("history") if isinstance(data.get("history"), list) else []
    assert isinstance(history, list)
    history.append({"kind": kind, "at": moment.isoformat(), **(details or {})})
    payload = {"last": {name: value.isoformat() for name, value in kept.items()},
               "history": history[-HISTORY:]}
    atomic_write(journal_path(store), json.dumps(
        payload, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
