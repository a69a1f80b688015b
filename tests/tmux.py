"""Drive the installed ``coop-tui`` in a real terminal: tmux send-keys and capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def ensure_tmux() -> str:
    """tmux's path, installing it with apt-get when it is missing (CI machines are root)."""
    found = shutil.which("tmux")
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "tmux"], capture_output=True,
                       check=False, timeout=300)
        found = shutil.which("tmux")
    if found is None:
        pytest.fail("tmux is required for the end-to-end tests and could not be installed")
    return found


def coop_tui_command() -> str:
    script = Path(sys.executable).parent / "coop-tui"
    return str(script) if script.exists() else f"{sys.executable} -m coop_tui"


class Terminal:
    """One tmux server of its own (``-L``), so tests never race over a shared server."""

    def __init__(self, tmux: str, session: str) -> None:
        self.tmux = tmux
        self.session = session

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.tmux, "-L", self.session, *args], capture_output=True,
                              text=True, check=True)

    def send(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")
            time.sleep(0.1)

    def wait_until_gone(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} still on screen:\n{self.screen()}")
            time.sleep(0.1)

    def alive(self) -> bool:
        return subprocess.run([self.tmux, "-L", self.session, "has-session", "-t",
                               self.session], capture_output=True, check=False).returncode == 0

    def pane_pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", self.session,
                            "#{pane_pid}").stdout.strip())


@contextmanager
def terminal(command: str, env: dict[str, str], width: int = 120,
             height: int = 36) -> Iterator[Terminal]:
    tmux = ensure_tmux()
    session = f"coop-tui-test-{uuid.uuid4().hex[:8]}"
    exports = " ".join(f"{key}={value}" for key, value in env.items())
    term = Terminal(tmux, session)
    term.run("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", str(width), "-y",
             str(height), f"env {exports} {command}; sleep 30")
    try:
        yield term
    finally:
        subprocess.run([tmux, "-L", session, "kill-server"], capture_output=True, check=False)
