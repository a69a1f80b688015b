"""One writer per store: the first app to open a store holds its lock; others read only.

The lock is an OS-level lock (filelock) on ``.<name>.lock``, released by the system when
the holder dies. Who holds it (user, host, process, since when) is written beside it, so a
second app can say so at once. A lock file that is a symbolic link or a special file is
refused before it is opened: older filelock versions open it truncating, through the link.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from coop_tui.store.errors import LockFileUnsafe
from coop_tui.store.files import A_SYMLINK, atomic_write, kind_of, read_regular

OWNER_LIMIT = 4096  # a few names and numbers


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str

    def __str__(self) -> str:
        return f"{self.user}@{self.host} (pid {self.pid}, since {self.since})"


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _owner_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.owner")


def lock_files(path: Path) -> list[Path]:
    """The files the lock of ``path`` uses beside it."""
    return [_lock_path(path), _owner_path(path)]


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def read_owner(path: Path) -> LockOwner | None:
    try:
        raw = json.loads(read_regular(_owner_path(path), OWNER_LIMIT).decode("utf-8"))
        return LockOwner(str(raw["user"]), str(raw["host"]), int(raw["pid"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class StoreLock:
    """The single-writer lock of one store file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(str(_lock_path(path)), timeout=0, mode=0o600)

    @property
    def lock_path(self) -> Path:
        return _lock_path(self.path)

    def acquire(self) -> bool:
        """Take the lock if free; False when another process holds it.

        :class:`LockFileUnsafe` when the lock file is a link or a special file.
        """
        self._check_lock_file()
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        except OSError:
            self._check_lock_file()  # swapped for a link since the check: say so
            raise
        owner = LockOwner(_current_user(), socket.gethostname(), os.getpid(),
                          datetime.now(UTC).isoformat(timespec="seconds"))
        with contextlib.suppress(OSError):
            atomic_write(_owner_path(self.path), json.dumps(owner.__dict__).encode())
        return True

    def _check_lock_file(self) -> None:
        try:
            info = os.lstat(self.lock_path)
        except FileNotFoundError:
            return
        if stat.S_ISLNK(info.st_mode):
            raise LockFileUnsafe(self.path, lock=str(self.lock_path), reason=A_SYMLINK)
        if not stat.S_ISREG(info.st_mode):
            raise LockFileUnsafe(self.path, lock=str(self.lock_path),
                                 reason=kind_of(info.st_mode))

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                _owner_path(self.path).unlink()
            self._lock.release(force=True)
