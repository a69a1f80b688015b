"""One writer per store: the first app to open a store holds its lock; others read only.

The lock is an OS-level lock (filelock) on ``.<name>.lock``, released by the system when
the holder dies. Who holds it (user, host, process, since when) is written beside it, so a
second app can say so at once.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from coop_tui.store.storage import atomic_write


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


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def read_owner(path: Path) -> LockOwner | None:
    try:
        raw = json.loads(_owner_path(path).read_text(encoding="utf-8"))
        return LockOwner(str(raw["user"]), str(raw["host"]), int(raw["pid"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class StoreLock:
    """The single-writer lock of one store file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(str(_lock_path(path)), timeout=0, mode=0o600)

    def acquire(self) -> bool:
        """Take the lock if free; False when another process holds it."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        owner = LockOwner(_current_user(), socket.gethostname(), os.getpid(),
                          datetime.now(UTC).isoformat(timespec="seconds"))
        with contextlib.suppress(OSError):
            atomic_write(_owner_path(self.path), json.dumps(owner.__dict__).encode())
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            with contextlib.suppress(OSError):
                _owner_path(self.path).unlink()
            self._lock.release(force=True)
