"""A program in a real terminal for the benchmarks: a tmux server of its own, keys sent with
``send-keys`` and the screen read with ``capture-pane``."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager


class Tmux:
    """One tmux server (``-L``) running one program in a window of a fixed size."""

    def __init__(self, session: str) -> None:
        found = shutil.which("tmux")
        if found is None:
            raise RuntimeError("tmux is required for this benchmark (apt-get install tmux)")
        self.tmux = found
        self.session = session

    def run(self, *args: str) -> str:
        return subprocess.run([self.tmux, "-L", self.session, *args], capture_output=True,
                              text=True, check=True).stdout

    def send(self, *keys: str) -> None:
        """Keys by tmux's names (``Enter``, ``C-s``, ``F3``), one key each."""
        self.run("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """``text`` typed literally, one key per character."""
        self.run("send-keys", "-t", self.session, "-l", "--", text)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The screen once ``text`` shows on it; RuntimeError, with the screen, after
        ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise RuntimeError(f"{text!r} never appeared on screen:\n{screen}")
            time.sleep(0.05)

    def wait_until_gone(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{text!r} still on screen:\n{self.screen()}")
            time.sleep(0.05)


@contextmanager
def tmux_running(argv: list[str], env: dict[str, str], width: int = 120,
                 height: int = 40) -> Iterator[Tmux]:
    """``argv`` running in a fresh tmux server of ``width`` x ``height``; the server is
    killed on the way out."""
    term = Tmux(f"coop-tui-bench-{uuid.uuid4().hex[:8]}")
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    command = f"env {exports} {shlex.join(argv)}; sleep 30"
    term.run("-f", "/dev/null", "new-session", "-d", "-s", term.session, "-x", str(width),
             "-y", str(height), command)
    try:
        yield term
    finally:
        subprocess.run([term.tmux, "-L", term.session, "kill-server"], capture_output=True,
                       check=False)
