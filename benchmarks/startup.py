"""Time a terminal program to its first frame, through a real pseudo-terminal.

The program runs on a pty of a fixed size, as in a terminal; the clock stops when a marker
text (for coop-tui, the territory's name in the first frame) appears in what it writes.
The child's peak memory comes from ``wait4``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass

COLUMNS, ROWS = 120, 40


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int


def set_size(descriptor: int) -> None:
    """Give the terminal on ``descriptor`` the benchmark's size."""
    fcntl.ioctl(descriptor, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))


def time_to_marker(argv: list[str], marker: str, env: dict[str, str],
                   timeout: float = 60.0) -> Run:
    """Seconds from spawning ``argv`` to ``marker`` appearing on its terminal."""
    wanted = marker.encode()
    start = time.perf_counter()
    pid, descriptor = pty.fork()
    if pid == 0:
        # The terminal has its size before the program starts, as a real one does (set
        # from the parent, it would arrive later as a resize the program must redraw for).
        set_size(0)
        os.execvpe(argv[0], argv, {**env, "COLUMNS": str(COLUMNS), "LINES": str(ROWS)})
    seen = b""
    elapsed = None
    deadline = start + timeout
    try:
        while elapsed is None:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{marker!r} did not appear; last output: {seen[-400:]!r}")
            ready, _w, _x = select.select([descriptor], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(descriptor, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if wanted in seen:
                elapsed = time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGTERM)
        peak = _reap(pid, descriptor)
    if elapsed is None:
        raise RuntimeError(f"the program ended before {marker!r} appeared: {seen[-400:]!r}")
    return Run(elapsed, peak)


def _reap(pid: int, descriptor: int) -> int:
    """Drain the terminal until the child exits; its peak resident memory in KiB."""
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        done, _status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            os.close(descriptor)
            return int(usage.ru_maxrss)
        ready, _w, _x = select.select([descriptor], [], [], 0.05)
        if ready:
            with contextlib.suppress(OSError):
                os.read(descriptor, 1 << 16)
    os.kill(pid, signal.SIGKILL)
    _done, _status, usage = os.wait4(pid, 0)
    os.close(descriptor)
    return int(usage.ru_maxrss)
