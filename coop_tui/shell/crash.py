"""Crash reports: what went wrong in the code, written beside the data, never user text.

A report names the exception's type and the chain of calls (files, lines, functions), the
versions, and the time. It leaves out the exception's message and local variables, which
can hold names and notes typed by the user.
"""

from __future__ import annotations

import os
import platform
import secrets
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from coop_tui import __version__
from coop_tui.core.locations import crash_reports_dir, ensure_private_dir
from coop_tui.store.storage import atomic_write


def describe(error: BaseException) -> str:
    lines = [
        f"coop-tui {__version__} crash report",
        f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        "",
    ]
    current: BaseException | None = error
    while current is not None:
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by:")
    return "\n".join(lines) + "\n"


def write_crash_report(error: BaseException, folder: Path | None = None) -> Path | None:
    """Write the report (mode 0600 in a 0700 folder); None if even that is impossible.

    Its name is unique: two reports of the same second (two processes, or a crash while
    reporting another) never replace one another.
    """
    try:
        target_folder = ensure_private_dir(folder or crash_reports_dir())
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = target_folder / f"crash-{stamp}-{os.getpid()}-{secrets.token_hex(4)}.txt"
        atomic_write(path, describe(error).encode())
    except OSError:
        return None
    return path
