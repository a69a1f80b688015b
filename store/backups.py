"""Rolling copies of the last known-good store files.

They sit in a private folder beside the store (``.<name>.backups/``, mode 0700); the five
newest distinct good versions are kept. A backups folder that is a symbolic link, not a
folder, or another user's is never written to nor read from: it may be a trap.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from coop_tui.store.errors import BackupFolderUnsafe
from coop_tui.store.files import (
    FOLDER_MODE,
    TEMP_TAIL,
    UnsafeFolder,
    atomic_write,
    check_private_folder,
    clean_stale_temp_files,
    read_regular,
    write_private_file,
)

KEEP = 5


def backup_folder(path: Path) -> Path:
    return path.with_name(f".{path.name}.backups")


def backups(path: Path) -> list[Path]:
    """The backups of ``path``, newest first."""
    folder = backup_folder(path)
    try:
        check_private_folder(folder)
    except UnsafeFolder:
        return []
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.json"), reverse=True)


def check_folder(path: Path) -> None:
    """Raise :class:`BackupFolderUnsafe` if the backups folder of ``path`` is not ours."""
    folder = backup_folder(path)
    try:
        check_private_folder(folder)
    except UnsafeFolder as error:
        raise BackupFolderUnsafe(path, folder=str(folder), reason=error.kind) from None


def latest_backup(path: Path) -> Path | None:
    found = backups(path)
    return found[0] if found else None


def clean_stale_temp_files_of(path: Path, before: float) -> list[Path]:
    """Remove the temporary files a killed backup left (partial copies of the store)."""
    folder = backup_folder(path)
    try:
        check_private_folder(folder)
    except UnsafeFolder:
        return []
    names = re.compile(rf"\.{re.escape(path.stem)}-[^/]+\.json{TEMP_TAIL}")
    return clean_stale_temp_files(folder, names, before)


def make_backup(path: Path, payload: bytes, reason: str = "") -> Path | None:
    """Keep ``payload`` (the content of ``path``, known good) unless the newest backup has it.

    Returns the new backup's path, or None when nothing new was written.
    """
    check_folder(path)
    newest = latest_backup(path)
    if newest is not None and read_regular(newest) == payload:
        return None
    folder = backup_folder(path)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=FOLDER_MODE)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = f"-{reason}" if reason else ""
    target = folder / f"{path.stem}-{stamp}{suffix}.json"
    try:
        write_private_file(target, payload)
    except UnsafeFolder as error:  # swapped for a link since the check
        raise BackupFolderUnsafe(path, folder=str(folder), reason=error.kind) from None
    for old in backups(path)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def restore(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of a damaged ``path``, keeping the damaged file beside it.

    Returns where the damaged file was moved, so nothing is ever lost by a restore. A store
    reached through a link is restored at the link's target, and the link kept.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    if path.exists():
        os.replace(path, damaged)
    atomic_write(path, read_regular(backup))
    return damaged
