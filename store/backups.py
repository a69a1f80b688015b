"""Rolling copies of the last known-good store files.

They sit in a private folder beside the store (``.<name>.backups/``, mode 0700); the five
newest distinct good versions are kept.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from coop_tui.store.storage import FOLDER_MODE, atomic_write

KEEP = 5


def backup_folder(path: Path) -> Path:
    return path.with_name(f".{path.name}.backups")


def backups(path: Path) -> list[Path]:
    """The backups of ``path``, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.json"), reverse=True)


def latest_backup(path: Path) -> Path | None:
    found = backups(path)
    return found[0] if found else None


def make_backup(path: Path, payload: bytes, reason: str = "") -> Path | None:
    """Keep ``payload`` (the content of ``path``, known good) unless the newest backup has it.

    Returns the new backup's path, or None when nothing new was written.
    """
    newest = latest_backup(path)
    if newest is not None and newest.read_bytes() == payload:
        return None
    folder = backup_folder(path)
    folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    os.chmod(folder, FOLDER_MODE)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"{path.stem}-{stamp}{suffix}.json"
    atomic_write(target, payload)
    for old in backups(path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def restore(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of a damaged ``path``, keeping the damaged file beside it.

    Returns where the damaged file was moved, so nothing is ever lost by a restore.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    if path.exists():
        os.replace(path, damaged)
    atomic_write(path, backup.read_bytes())
    return damaged
