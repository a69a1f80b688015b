"""A program on a pseudo-terminal of a fixed size, timed from a key written to what it draws.

Every byte the program writes is kept with the moment it was read, so a wait for a pattern
returns when that pattern reached the terminal, not when the wait noticed it. Every program
the benchmark starts gets its environment from :func:`child_environment`: with bytecode
cached (as an installed package has its ``.pyc`` files), never compiled at each start.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import pty
import re
import select
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.startup import COLUMNS, ROWS, set_size

# How far back a search starts again when new output arrives (longer than any match).
OVERLAP = 512


class ProgramEnded(RuntimeError):
    """The program closed its terminal while the benchmark waited for it."""


def child_environment(scratch: Path, home: Path | None = None) -> dict[str, str]:
    """The environment of every program the benchmark starts.

    ``PYTHONDONTWRITEBYTECODE`` is dropped and bytecode goes to a cache in ``scratch``, so
    after one warm-up run no start compiles from source. The app's data and configuration
    folders are ``home`` (``scratch`` by default): never the user's.
    """
    env = {key: value for key, value in os.environ.items()
           if key != "PYTHONDONTWRITEBYTECODE"}
    folder = home or scratch
    env.update({"TERM": "xterm-256color", "TEXTUAL_ANIMATION": "none",
                "COOP_TUI_DATA_DIR": str(folder), "COOP_TUI_CONFIG_DIR": str(folder),
                "LANG": "en_US.UTF-8", "PYTHONPYCACHEPREFIX": str(scratch / "pycache")})
    return env


def coop_tui_argv() -> list[str]:
    """How to start the installed coop-tui (its script, else the module)."""
    script = Path(sys.executable).parent / "coop-tui"
    return [str(script)] if script.exists() else [sys.executable, "-m", "coop_tui"]


class PtySession:
    """One program on a pty of :data:`COLUMNS` x :data:`ROWS`: type, and time its output."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.started = time.perf_counter()  # the first key's answer counts from here
        pid, descriptor = pty.fork()
        if pid == 0:
            try:
                # Sized before the program starts, as a real terminal is.
                set_size(0)
                os.execvpe(argv[0], argv, {**env, "COLUMNS": str(COLUMNS),
                                           "LINES": str(ROWS)})
            finally:
                os._exit(127)
        self.pid = pid
        self.descriptor = descriptor
        self.output = bytearray()
        self._ends: list[int] = []  # output length after each read
        self._times: list[float] = []  # when each read returned

    # ------------------------------------------------------------------ reading

    def read(self, timeout: float) -> bool:
        """Read what the program writes within ``timeout`` seconds; whether anything came."""
        ready, _w, _x = select.select([self.descriptor], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.descriptor, 1 << 16)
        except OSError:  # EIO: the program closed its side
            chunk = b""
        if not chunk:
            raise ProgramEnded(f"the program ended: {bytes(self.output[-600:])!r}")
        now = time.perf_counter()
        self.output.extend(chunk)
        self._ends.append(len(self.output))
        self._times.append(now)
        return True

    @property
    def last_read(self) -> float:
        """When the last output was read."""
        return self._times[-1]

    def _read_at(self, offset: int) -> float:
        """When the byte just before ``offset`` was read."""
        return self._times[bisect.bisect_left(self._ends, offset)]

    def wait_for(self, pattern: re.Pattern[bytes], since: int = 0,
                 timeout: float = 30.0) -> float:
        """The moment output written after offset ``since`` first matched ``pattern``."""
        deadline = time.perf_counter() + timeout
        searched = since
        while True:
            found = pattern.search(self.output, max(since, searched - OVERLAP))
            if found:
                return self._read_at(found.end())
            searched = len(self.output)
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{pattern.pattern!r} never written; last output: "
                                   f"{bytes(self.output[-600:])!r}")
            self.read(remaining)

    def drain(self, quiet: float = 0.15, limit: float = 5.0) -> None:
        """Read until nothing came for ``quiet`` seconds (or ``limit`` passed), so a late
        frame is not taken for the answer to the next key."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline and self.read(quiet):
            pass

    # ------------------------------------------------------------------ acting

    def send(self, keys: bytes) -> tuple[float, int]:
        """Type ``keys``; the moment they were written and the output offset then."""
        offset = len(self.output)
        start = time.perf_counter()
        os.write(self.descriptor, keys)
        return start, offset

    def close(self) -> int:
        """End the program (SIGTERM, then SIGKILL); its peak resident memory in KiB."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            done, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if done:
                os.close(self.descriptor)
                return int(usage.ru_maxrss)
            with contextlib.suppress(ProgramEnded, OSError):
                self.read(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        _done, _status, usage = os.wait4(self.pid, 0)
        os.close(self.descriptor)
        return int(usage.ru_maxrss)


@contextmanager
def running(argv: list[str], env: dict[str, str]) -> Iterator[PtySession]:
    """``argv`` on a pty for the length of the block; ended at its end, whatever happens."""
    session = PtySession(argv, env)
    try:
        yield session
    finally:
        session.close()
