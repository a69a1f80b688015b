"""The first frame's summary: what the dashboard shows first, kept beside the store and
tied to the exact bytes of the store it was read from.

Start-up used to parse and validate the whole store before its first frame, so the first
frame grew with the territory. The app now keeps, in the store's private backups folder
(``.<name>.backups/first-frame.summary``, 0600 in a 0700 folder of the user's own, never
through a link), the lines of the dashboard it last showed, stamped with the size, the
modification time and a SHA-256 of the store file (and of its private sidecar when the
territory keeps one). A start draws its first frame from the summary, without the models,
and loads the store behind it.

A summary is used only when every stamp matches the files as they are now: a store edited
by hand, restored from a backup, changed by a merge or a sync differs in its bytes, and
its summary is ignored. The stamps are of the bytes the writer itself wrote (or read, when
nothing was written since), never of the file read back later.

The summary holds no private reading: the panels that read people (the actor map's roles,
the levers' evidence) are left out and show a loading line until the store is loaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from coop_tui.store.backups import backup_folder
from coop_tui.store.files import (
    check_private_folder,
    make_private_folder,
    read_regular,
    sidecar_path,
    write_private_file,
)

SUMMARY_FORMAT = 1
SUMMARY_NAME = "first-frame.summary"  # not ``*.json``: never taken for a backup
SUMMARY_LIMIT = 4 * 1024 * 1024  # a summary is a few kilobytes; anything larger is not one


@dataclass(frozen=True)
class Stamp:
    """What identifies the bytes of one file: its size, modification time and digest."""

    size: int
    mtime_ns: int
    digest: str

    def as_json(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.digest}


@dataclass(frozen=True)
class Stamps:
    """The store file's stamp, and its private sidecar's when the territory keeps one."""

    store: Stamp
    sidecar: Stamp | None = None


def digest(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def stamp_of(path: Path, payload: bytes) -> Stamp | None:
    """The stamp of ``payload`` just written to (or read from) ``path``; None when the file
    cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Stamp(info.st_size, info.st_mtime_ns, digest(payload))


def summary_path(store: Path) -> Path:
    return backup_folder(store) / SUMMARY_NAME


def write_summary(store: Path, stamps: Stamps, content: dict[str, Any]) -> None:
    """Write the summary of ``store`` atomically (raises :class:`OSError` on failure)."""
    payload = orjson.dumps({
        "format": SUMMARY_FORMAT,
        "store": stamps.store.as_json(),
        "sidecar": stamps.sidecar.as_json() if stamps.sidecar is not None else None,
        "content": content,
    })
    folder = backup_folder(store)
    check_private_folder(folder)
    make_private_folder(folder)
    write_private_file(summary_path(store), payload)


def discard_summary(store: Path) -> None:
    """Remove the summary of ``store`` (one that no longer says the truth)."""
    with contextlib.suppress(OSError):
        os.unlink(summary_path(store))


def _matches(path: Path, recorded: object) -> bool:
    """Whether the file at ``path`` holds exactly the bytes ``recorded`` describes."""
    if not isinstance(recorded, dict):
        return False
    try:
        info = os.stat(path)
        if (info.st_size, info.st_mtime_ns) != (recorded.get("size"), recorded.get("mtime_ns")):
            return False
        if os.path.islink(path):
            return False
        return digest(read_regular(path, limit=info.st_size)) == recorded.get("sha256")
    except OSError:
        return False


def matching_summary(store: Path) -> dict[str, Any] | None:
    """The content of the summary of ``store`` if it matches the store's bytes (and the
    sidecar's, when it was written with one); None otherwise, for any reason."""
    store = store.expanduser().absolute()
    try:
        if store.is_symlink():  # as the opening does: the link's target is the store
            store = Path(os.path.realpath(store))
    except OSError:
        return None
    sidecar = sidecar_path(store)
    path = summary_path(store)
    try:
        check_private_folder(path.parent)
        if os.path.islink(path):
            return None
        found = orjson.loads(read_regular(path, limit=SUMMARY_LIMIT))
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(found, dict) or found.get("format") != SUMMARY_FORMAT:
        return None
    content = found.get("content")
    if not isinstance(content, dict) or not _matches(store, found.get("store")):
        return None
    recorded_sidecar = found.get("sidecar")
    if recorded_sidecar is not None and not _matches(sidecar, recorded_sidecar):
        return None
    return content


class SummaryCheck:
    """Whether the store's summary matches the store, found on a thread of its own (the
    store is read and hashed while the main thread imports Textual)."""

    def __init__(self, store: Path) -> None:
        self.content: dict[str, Any] | None = None
        self._store = store
        self._thread = threading.Thread(target=self._check, name="coop-tui-summary",
                                        daemon=True)
        self._thread.start()

    def _check(self) -> None:
        self.content = matching_summary(self._store)

    def result(self) -> dict[str, Any] | None:
        self._thread.join()
        return self.content
