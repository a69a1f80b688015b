"""The real coop-tui on a pseudo-terminal of its own, for the fault battery.

The child runs in a new session with the pty as its controlling terminal, as in a
terminal emulator: closing the master side hangs it up (the kernel sends SIGHUP). Every
byte the app writes is kept, so a fault can look for what reached the terminal.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COLUMNS, ROWS = 140, 40
ENTER = b"\r"
ESCAPE = b"\x1b"
CTRL_Q = b"\x11"


class PtyApp:
    """One coop-tui process on a pty: read what it writes, type, signal, hang up."""

    def __init__(self, pid: int, descriptor: int) -> None:
        self.pid = pid
        self.descriptor: int | None = descriptor
        self.output = bytearray()
        self.status: int | None = None

    # ------------------------------------------------------------------ reading

    def pump(self, timeout: float) -> None:
        """Read what the app wrote within ``timeout`` seconds (keeps its writes flowing)."""
        if self.descriptor is None:
            time.sleep(timeout)
            return
        ready, _w, _x = select.select([self.descriptor], [], [], max(0.0, timeout))
        if not ready:
            return
        try:
            chunk = os.read(self.descriptor, 1 << 16)
        except OSError:  # the child closed its side: EIO
            chunk = b""
        if chunk:
            self.output.extend(chunk)
        else:
            self.poll()
            time.sleep(min(timeout, 0.01))

    def wait_for(self, wanted: bytes, timeout: float = 30.0, since: int = 0) -> int:
        """Wait until ``wanted`` is written (after offset ``since``); its end offset."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.output.find(wanted, since)
            if found >= 0:
                return found + len(wanted)
            if self.poll() is not None:
                raise RuntimeError(f"coop-tui ended before {wanted!r}: "
                                   f"{bytes(self.output[-600:])!r}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{wanted!r} never written; last: "
                                   f"{bytes(self.output[-600:])!r}")
            self.pump(min(remaining, 0.2))

    def settle(self, seconds: float) -> None:
        """Keep reading for ``seconds``."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            self.pump(remaining)

    # ------------------------------------------------------------------ acting

    def send(self, keys: bytes) -> None:
        if self.descriptor is not None:
            os.write(self.descriptor, keys)

    def signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, number)

    def hang_up(self) -> None:
        """Close the terminal as a terminal emulator's window does."""
        if self.descriptor is not None:
            os.close(self.descriptor)
            self.descriptor = None

    def poll(self) -> int | None:
        """The exit code once the app has ended (negative: killed by that signal)."""
        if self.status is None:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def wait_exit(self, timeout: float) -> tuple[int | None, float]:
        """Wait for the app to end, reading its output; (exit code or None, seconds)."""
        start = time.monotonic()
        while self.poll() is None and time.monotonic() - start < timeout:
            self.pump(0.02)
        return self.status, time.monotonic() - start

    def kill(self) -> None:
        """End the app for good (tidying up after a try)."""
        if self.poll() is None:
            self.signal(signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.status = -signal.SIGKILL
        self.hang_up()


def app_environment(scratch: Path) -> dict[str, str]:
    """The app's environment: its own data and configuration folders, English, no
    animations, a colour terminal."""
    return {
        **os.environ,
        "COOP_TUI_DATA_DIR": str(scratch / "data"),
        "COOP_TUI_CONFIG_DIR": str(scratch / "config"),
        "HOME": str(scratch),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATION": "none",
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
    }


def size_terminal(descriptor: int) -> None:
    """Give the terminal on ``descriptor`` the battery's size."""
    fcntl.ioctl(descriptor, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))


def _exec_child(argv: list[str], env: dict[str, str]) -> None:
    """In the forked child: size the terminal, then become ``argv`` (never returns)."""
    try:
        size_terminal(0)
        os.execvpe(argv[0], argv, env)
    finally:
        os._exit(127)


@contextmanager
def running(arguments: list[str], env: dict[str, str],
            python: list[str] | None = None) -> Iterator[PtyApp]:
    """Run ``coop-tui ARGUMENTS`` on a pty; it is killed at the end if still running.

    ``python`` replaces the interpreter's start (``[python, "-c", code]`` to run coop-tui
    with a change made first).
    """
    argv = [*(python or [sys.executable, "-m", "coop_tui"]), *arguments]
    pid, descriptor = os.forkpty()
    if pid == 0:
        _exec_child(argv, env)
    app = PtyApp(pid, descriptor)
    try:
        yield app
    finally:
        app.kill()


def open_first_meeting(app: PtyApp) -> int:
    """From the dashboard to the first meeting's notes; the output offset reached."""
    app.wait_for(b"Dashboard")
    app.send(b"5")
    app.wait_for(b"Still open")
    app.settle(0.2)
    app.send(ENTER)
    return app.wait_for(b"Captured in this item")
