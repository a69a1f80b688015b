"""Names carrying terminal escapes, links, bells and markup never reach the terminal raw.

The store file is edited by hand (as a person or a script could) to hold hostile names;
the real coop-tui runs on a pseudo-terminal, and the bytes it writes are checked.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HOSTILE = {
    "clear": "Clear\x1b[2J\x1b[HMe",
    "link": "Link\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\",
    "bell": "Bell\x07\x07",
    "nul": "Nul\x00Byte",
    "markup": "[bold]Bold[/] and [/]",
    "title": "Title\x1b]0;pwned\x07",
}
FORBIDDEN = [b"\x1b[2J\x1b[HMe", b"evil.example", b"\x07\x07", b"\x00Byte", b"pwned"]


def _read_until(descriptor: int, wanted: bytes, seen: bytearray, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"{wanted!r} never written; last: {bytes(seen[-300:])!r}")
        ready, _w, _x = select.select([descriptor], [], [], remaining)
        if ready:
            seen.extend(os.read(descriptor, 1 << 16))


def test_hostile_names_are_shown_as_plain_text(tmp_path: Path, demo_bytes: bytes) -> None:
    data = json.loads(demo_bytes)
    actors = list(data["actors"].values())
    for actor, name in zip(actors, HOSTILE.values(), strict=False):
        actor["name"] = name
    store = tmp_path / "hostile.json"
    store.write_text(json.dumps(data), encoding="utf-8")
    env = {**os.environ, "TERM": "xterm-256color", "COOP_TUI_DATA_DIR": str(tmp_path),
           "COOP_TUI_CONFIG_DIR": str(tmp_path), "TEXTUAL_ANIMATION": "none"}
    pid, descriptor = pty.fork()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, "-m", "coop_tui", "--lang", "en",
                                    str(store)], env)
    seen = bytearray()
    try:
        _read_until(descriptor, b"Dashboard", seen)
        os.write(descriptor, b"2")
        _read_until(descriptor, b"Bold[/] and [/]", seen)
        os.write(descriptor, b"\x11")  # ctrl+q
        while True:  # everything the app writes until it has left and closed the terminal
            select.select([descriptor], [], [], 10)
            try:
                chunk = os.read(descriptor, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            seen.extend(chunk)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        os.close(descriptor)
    output = bytes(seen)
    for forbidden in FORBIDDEN:
        assert forbidden not in output
    assert b"[bold]Bold[/] and [/]" in output
    stored = json.loads(store.read_text(encoding="utf-8"))
    for actor in stored["actors"].values():
        assert not any(ord(char) < 32 for char in actor["name"])
