"""What a person waits for in the running app: switching screens, the actor map's keys
and typing notes.

Both run the real coop-tui on a pseudo-terminal (120x40) on the large store, as start-up
does, never through Pilot: ``pilot.press`` plus ``pilot.pause`` cost about 60 ms by
themselves. The clock starts when the key's byte is written to the terminal and stops when
the answer reaches it:

- switching: the new screen's title in its status bar (``<Title>  ·  <territory>  ·  …``;
  the key bar's "2 Actors" is never followed by the separator). Every screen is visited
  once first (reported apart), then keys 2 3 4 5 1 go round several times. Between keys
  the output is drained until quiet, so a late frame is not counted for the next key.
- typing: each letter typed in the first open meeting's notes, until the line holding it
  is drawn. Lines of ten letters come in bursts a little faster than a person types, with
  a pause after each, long enough for the autosave (0.6 s after the last key). The store's
  folder is watched after every key: a write while the keys come is a write on the
  keystroke's path; the pauses must show the autosaves, or the watch proves nothing.
  The same lines typed in a bare Textual TextArea (``floor_editor.py``) give the floor:
  what Textual itself costs from a key to the screen (it draws at most 60 frames a second).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.pty_session import PtySession, child_environment, coop_tui_argv, running
from benchmarks.rows import Row, at_most, measured

# The five main screens by their key, with their English titles.
SCREENS = {"1": "Dashboard", "2": "Actors", "3": "Levers", "4": "Roadmap", "5": "Meetings"}
SEPARATOR = "  ·  ".encode()
LETTERS = "abcdefghijklmnopqrstuvwxyz"
LINE_LETTERS = 10
# Most a timed burst waits after each letter is drawn: well under the autosave's 0.6 s.
KEY_GAP = 0.15
# The floor for typing: a bare Textual app with one TextArea.
FLOOR_EDITOR = Path(__file__).resolve().parent / "floor_editor.py"
# Longest wait for an autosave after a burst.
SAVE_WAIT = 3.0


def title_pattern(title: str) -> re.Pattern[bytes]:
    """A screen's title in the status bar: bold, then the separator."""
    return re.compile(re.escape(title.encode()) + rb"(?:\x1b\[[0-9;]*m)*" +
                      re.escape(SEPARATOR))


# The status bar once the store is loaded: its state "saved", then the separator (the
# first frame, drawn from the store's summary, says "loading…" there).
LOADED = re.compile(rb"saved(?:\x1b\[[0-9;]*m)*" + re.escape(SEPARATOR))


def start(session: PtySession) -> None:
    """Wait for the dashboard with the store loaded, and for the output to settle."""
    session.wait_for(title_pattern(SCREENS["1"]), timeout=120)
    session.wait_for(LOADED, timeout=120)
    session.drain()


def switch(session: PtySession, key: str) -> float:
    """Seconds from pressing ``key`` to its screen's title on the terminal."""
    written, offset = session.send(key.encode())
    seen = session.wait_for(title_pattern(SCREENS[key]), offset)
    session.drain()
    return seen - written


def screen_switch_rows(scratch: Path, store: Path, cycles: int) -> list[Row]:
    """First visits of screens 2 to 5, then ``cycles`` rounds of 2 3 4 5 1."""
    with running([*coop_tui_argv(), "--lang", "en", str(store)],
                 child_environment(scratch)) as session:
        start(session)
        first = [switch(session, key) for key in "2345"]
        switches = [switch(session, "1")]  # the dashboard was shown at start
        for _ in range(cycles):
            switches += [switch(session, key) for key in "23451"]
    return [
        measured("switch between screens, large store", switches, "s", "<= 0.050 s",
                 at_most(statistics.median(switches), 0.050)),
        measured("first visit of a screen, large store (2 3 4 5)", first, "s"),
    ]


# ---------------------------------------------------------------------------- actor map

# Keys in the actor map, as a terminal sends them.
DOWN = b"\x1b[B"
BACKSPACE = b"\x7f"
ANY_OUTPUT = re.compile(rb".", re.DOTALL)
# Silence that ends a key's answer: longer than the filter's typing pause (0.12 s) and
# the detail panel's (0.08 s).
FILTER_QUIET = 0.3


def key_to_frame(session: PtySession, key: bytes) -> float:
    """Seconds from ``key`` to the first frame written after it (Textual writes nothing
    until something changed, so that frame is the key's answer)."""
    written, offset = session.send(key)
    seen = session.wait_for(ANY_OUTPUT, offset)
    session.drain(quiet=FILTER_QUIET, limit=5.0)  # the detail panel follows a little later
    return seen - written


def key_to_last_frame(session: PtySession, key: bytes, quiet: float) -> float:
    """Seconds from ``key`` to the last frame written before ``quiet`` seconds of silence:
    for keys whose answer comes in steps (the filter waits for typing to pause)."""
    written, offset = session.send(key)
    session.wait_for(ANY_OUTPUT, offset)
    session.drain(quiet=quiet, limit=5.0)
    return session.last_read - written


def actor_map_rows(scratch: Path, store: Path, rounds: int) -> list[Row]:
    """The actor map on the large store: moving down the list, and filtering it letter by
    letter (each letter narrows 400 actors), then clearing the filter."""
    with running([*coop_tui_argv(), "--lang", "en", str(store)],
                 child_environment(scratch)) as session:
        start(session)
        switch(session, "2")
        moves: list[float] = []
        filtering: list[float] = []
        for _ in range(rounds):
            moves += [key_to_frame(session, DOWN) for _ in range(12)]
            key_to_frame(session, b"/")
            filtering += [key_to_last_frame(session, letter.encode(), FILTER_QUIET)
                          for letter in "mairie"]
            filtering += [key_to_last_frame(session, BACKSPACE, FILTER_QUIET)
                          for _ in "mairie"]
            key_to_frame(session, b"\r")
    return [
        measured("actor map: down key to its frame, large store", moves, "s",
                 "<= 0.050 s", at_most(statistics.median(moves), 0.050)),
        measured("actor map: filter letter to the filtered list (0.12 s typing pause "
                 "included), large store", filtering, "s", "<= 0.220 s",
                 at_most(statistics.median(filtering), 0.220)),
    ]


# ---------------------------------------------------------------------------- typing


def folder_state(folder: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Every file under ``folder`` with its inode, time and size: any write changes it
    (a save replaces the store with a new file)."""
    state = []
    for parent, _dirs, files in os.walk(folder):
        for name in files:
            with_path = Path(parent, name)
            try:
                stat = with_path.stat()
            except FileNotFoundError:  # a save's temporary file, gone meanwhile
                continue
            state.append((str(with_path.relative_to(folder)), stat.st_ino,
                          stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(state))


@dataclass
class Typing:
    """What a typing session measured."""

    latencies: list[float]
    writes_while_typing: int = 0
    saves_in_pauses: int = 0


def open_notes(session: PtySession) -> None:
    """From the dashboard to the notes of the first open meeting's first item."""
    _written, offset = session.send(b"5")
    session.wait_for(re.compile(rb"Still open"), offset)
    session.drain()
    _written, offset = session.send(b"\r")
    session.wait_for(re.compile(rb"Captured in this item"), offset)
    session.drain()


def type_line(session: PtySession, marker: str, letters: str, folder: Path,
              typing: Typing) -> None:
    """Type ``marker`` (untimed), then time each letter; count writes while typing."""
    _written, offset = session.send(marker.encode())
    session.wait_for(re.compile(re.escape(marker.encode())), offset)
    state = folder_state(folder)
    for count in range(1, len(letters) + 1):
        # The line so far, and no letter after it: only drawn once this key is handled.
        drawn = re.compile(re.escape((marker + letters[:count]).encode()) + b"(?![a-z])")
        written, offset = session.send(letters[count - 1].encode())
        typing.latencies.append(session.wait_for(drawn, offset) - written)
        now = folder_state(folder)
        typing.writes_while_typing += now != state
        state = now
        session.drain(quiet=0.03, limit=KEY_GAP)
    session.send(b"\r")
    session.drain(quiet=0.05, limit=KEY_GAP)
    typing.writes_while_typing += folder_state(folder) != state


def wait_for_save(session: PtySession, folder: Path) -> bool:
    """Whether the store's folder changes within :data:`SAVE_WAIT` (an autosave)."""
    before = folder_state(folder)
    deadline = time.perf_counter() + SAVE_WAIT
    while time.perf_counter() < deadline:
        session.read(0.05)
        if folder_state(folder) != before:
            session.drain()
            return True
    return False


def type_lines(session: PtySession, folder: Path, lines: int,
               pause: Callable[[], bool]) -> Typing:
    """A warm-up line, then ``lines`` timed lines, each followed by ``pause`` (which says
    whether it saw a save)."""
    # The warm-up line warms the editor, and in coop-tui its autosave restarts the clock
    # of the longest time allowed without a save (3 s), which the bursts stay under.
    type_line(session, "w00", LETTERS[:LINE_LETTERS], folder, Typing([]))
    pause()
    typing = Typing([])
    for line in range(lines):
        letters = "".join(LETTERS[(line * LINE_LETTERS + i) % len(LETTERS)]
                          for i in range(LINE_LETTERS))
        type_line(session, f"w{line + 1:02d}", letters, folder, typing)
        typing.saves_in_pauses += pause()
    return typing


def _fresh_folder(scratch: Path, name: str) -> Path:
    folder = scratch / name
    folder.mkdir()
    return folder


def typing_rows(scratch: Path, store: Path, lines: int) -> list[Row]:
    """``lines`` lines of :data:`LINE_LETTERS` letters typed in a meeting's notes, and the
    same typed in a bare Textual TextArea (the floor)."""
    folder = _fresh_folder(scratch, "typing")
    copy = folder / store.name
    shutil.copyfile(store, copy)
    copy.chmod(0o600)
    with running([*coop_tui_argv(), "--lang", "en", str(copy)],
                 child_environment(scratch, home=folder)) as session:
        start(session)
        open_notes(session)
        typing = type_lines(session, folder, lines, lambda: wait_for_save(session, folder))
    floor_folder = _fresh_folder(scratch, "typing-floor")
    with running([sys.executable, str(FLOOR_EDITOR)],
                 child_environment(scratch, home=floor_folder)) as session:
        session.wait_for(re.compile(rb"editor-ready"), timeout=60)
        session.drain()
        floor = type_lines(session, floor_folder, lines, lambda: pause_floor(session))
    return typing_table(typing, floor)


def pause_floor(session: PtySession) -> bool:
    """The pause after a line in the floor editor, which saves nothing."""
    session.drain(quiet=1.0, limit=1.0)
    return False


def _writes_verdict(typing: Typing) -> str:
    """No write while typing, and autosaves seen in the pauses (else the watch failed)."""
    if typing.saves_in_pauses == 0:
        return "no autosave seen"
    return "ok" if typing.writes_while_typing == 0 else "over"


def typing_table(typing: Typing, floor: Typing) -> list[Row]:
    """The typing session's rows: latency per key (and the floor's), and writes on the
    keystroke's path."""
    milliseconds = [value * 1000 for value in typing.latencies]
    median = statistics.median(milliseconds)
    writes = float(typing.writes_while_typing)
    return [
        measured("floor: keystroke to screen in a bare Textual TextArea",
                 [value * 1000 for value in floor.latencies], "ms"),
        measured(f"notes: keystroke to screen, large store ({len(milliseconds)} keys)",
                 milliseconds, "ms", "< 16 ms median", "ok" if median < 16 else "over"),
        Row(f"notes: store writes while typing ({typing.saves_in_pauses} autosaves in "
            "the pauses)", writes, writes, writes, "writes", "0", _writes_verdict(typing)),
    ]
