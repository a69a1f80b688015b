"""Start-up from the store's summary, the first key that needs the whole store, memory
once the store is loaded, and the first opening of the screens and the actor form.

- **First frame from the summary**: the store's summary (``store/summary.py``) is written
  by one untimed run that starts and stops the app; each timed start then finds it
  matching and draws the dashboard from it. The same store without its summary (as after
  a change made outside the app: a merge, a sync, a restored backup) shows what a start
  costs when the summary cannot be used.
- **First whole-store key**: ``2`` (the actor map, which needs every actor) typed as soon
  as the first frame is on the terminal; the clock runs from the program's start to the
  map's title. The status bar must have said "loading…" meanwhile.
- **Memory**: peak resident memory of a session that waited for the store to be loaded
  (the first frame's own peak would say nothing of the store), at 1x and 8x the large
  store; the growth is per large store's worth of data.
- **First openings**: each main screen's first visit, and the new-actor form (``a`` on
  the actor map) the first time and again, from the key to the title on the terminal.
"""

from __future__ import annotations

import contextlib
import re
import statistics
from dataclasses import replace
from pathlib import Path

from benchmarks.interactive import SCREENS, start, switch, title_pattern
from benchmarks.pty_session import (
    ProgramEnded,
    PtySession,
    child_environment,
    coop_tui_argv,
    running,
)
from benchmarks.rows import Row, at_most, measured, ratio_verdict
from benchmarks.startup import time_to_marker
from coop_tui.store.summary import summary_path

FIRST_FRAME_GOAL = 1.5  # times the floor, at every size
KEY_GOALS = {"large": 0.3, "8x large": 1.0}  # seconds from the start
FIRST_OPENING_GOAL = 0.15
LOADING = re.compile(rb"loading\xe2\x80\xa6")
NEW_ACTOR = re.compile(rb"New actor")


def argv(store: Path) -> list[str]:
    return [*coop_tui_argv(), "--lang", "en", str(store)]


CTRL_Q = b"\x11"


def summarise(scratch: Path, store: Path) -> None:
    """One untimed session, quit with ctrl+q once the store is loaded: the app writes the
    store's summary as it closes."""
    session = PtySession(argv(store), child_environment(scratch))
    try:
        start(session)
        session.send(CTRL_Q)
        with contextlib.suppress(ProgramEnded):
            session.drain(quiet=10.0, limit=120.0)
    finally:
        session.close()
    if not summary_path(store).exists():
        raise RuntimeError(f"no summary was written for {store}")


def first_frame_rows(scratch: Path, stores: dict[str, Path], floor: float, marker: str,
                     runs: int) -> list[Row]:
    """The first frame with a matching summary (goal 1.5x the floor) and without one."""
    env = child_environment(scratch)
    rows: list[Row] = []
    for name, store in stores.items():
        summarise(scratch, store)
        fast = [time_to_marker(argv(store), marker, env, timeout=120).seconds
                for _ in range(runs)]
        row = measured(f"first frame from the summary, {name} store", fast, "s",
                       f"<= {FIRST_FRAME_GOAL}x floor")
        rows.append(replace(row, verdict=ratio_verdict(row.median, floor, FIRST_FRAME_GOAL)))
        slow = []
        for _ in range(max(1, runs // 2)):
            summary_path(store).unlink(missing_ok=True)  # as after a change made elsewhere
            slow.append(time_to_marker(argv(store), marker, env, timeout=120).seconds)
        rows.append(measured(f"first frame without a summary (store changed elsewhere), "
                             f"{name} store", slow, "s"))
    return rows


def first_key(scratch: Path, store: Path, marker: str) -> tuple[float, bool]:
    """Seconds from the program's start to the actor map's title, ``2`` being typed as
    soon as the first frame shows; whether "loading…" was on the terminal before."""
    with running(argv(store), child_environment(scratch)) as session:
        session.wait_for(re.compile(re.escape(marker.encode())), timeout=120)
        _written, offset = session.send(b"2")
        seen = session.wait_for(title_pattern(SCREENS["2"]), offset, timeout=120)
        return seen - session.started, bool(LOADING.search(session.output, 0, offset))


def first_key_rows(scratch: Path, stores: dict[str, Path], marker: str,
                   runs: int) -> list[Row]:
    rows: list[Row] = []
    for name, store in stores.items():
        summarise(scratch, store)
        found = [first_key(scratch, store, marker) for _ in range(runs)]
        seconds = [value for value, _shown in found]
        goal = KEY_GOALS.get(name)
        rows.append(measured(
            f"first key needing the whole store (2), from the start, {name} store "
            f"(loading shown {sum(shown for _value, shown in found)}/{len(found)})",
            seconds, "s", f"<= {goal:.3f} s" if goal else "",
            at_most(statistics.median(seconds), goal) if goal else ""))
    return rows


def loaded_peak(scratch: Path, store: Path) -> float:
    """Peak resident memory (MiB) of a session that waited for the store to load."""
    session = PtySession(argv(store), child_environment(scratch))
    try:
        start(session)
    finally:
        peak = session.close()
    return peak / 1024


def memory_rows(scratch: Path, stores: dict[int, Path], floor_peak: float) -> list[Row]:
    """Peak memory with the store loaded at each size; the growth per large store."""
    peaks = {factor: loaded_peak(scratch, store) for factor, store in stores.items()}
    rows = []
    for factor, peak in peaks.items():
        name = "large" if factor == 1 else f"{factor}x large"
        rows.append(Row(f"peak memory, store loaded, {name} store", peak, peak, peak, "MiB",
                        "<= 2x floor" if factor == 1 else "",
                        ratio_verdict(peak, floor_peak, 2.0) if factor == 1 else ""))
    if len(peaks) > 1:
        smallest, largest = min(peaks), max(peaks)
        growth = (peaks[largest] - peaks[smallest]) / (largest - smallest)
        rows.append(Row(f"memory growth per large store's worth ({smallest}x to {largest}x)",
                        growth, growth, growth, "MiB"))
    return rows


def first_opening_rows(scratch: Path, store: Path) -> list[Row]:
    """Each main screen's first visit and the new-actor form's, on the large store."""
    with running(argv(store), child_environment(scratch)) as session:
        start(session)
        visits = [switch(session, key) for key in "2345"]
        switch(session, "2")
        forms = []
        for _ in range(3):
            written, offset = session.send(b"a")
            forms.append(session.wait_for(NEW_ACTOR, offset) - written)
            session.drain()
            session.send(b"\x1b")  # escape: the empty form closes
            session.drain(quiet=0.3)
    return [
        measured("first visit of each screen (2 3 4 5), large store", visits, "s",
                 f"<= {FIRST_OPENING_GOAL:.3f} s",
                 at_most(max(visits), FIRST_OPENING_GOAL)),
        measured("new-actor form, first opening, large store", forms[:1], "s",
                 f"<= {FIRST_OPENING_GOAL:.3f} s", at_most(forms[0], FIRST_OPENING_GOAL)),
        measured("new-actor form, opened again, large store", forms[1:], "s"),
    ]
