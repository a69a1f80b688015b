"""The interface with 10,000 meetings: opening the list, moving in it, opening a meeting,
typing in its notes, timed in a headless app (Textual's Pilot) until the app is idle."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path

from benchmarks.fault_common import NOTHING_LOST, Row

# Above this, a key feels slow (a frame is 16 ms; 100 ms is the usual bound for "at once").
SLOW_KEY_MS = 100.0


def many_meetings(path: Path, meetings: int) -> None:
    from coop_tui.store.database import create, data_from_records
    from coop_tui.store.models import AgendaItem, Meeting, Territory

    territory = Territory(name="Grand territoire", mandate_start=date(2020, 3, 15),
                          mandate_end=date(2026, 3, 15))
    records = [territory] + [
        Meeting(title=f"Réunion {number}", on=date(2020, 3, 16) + timedelta(days=number % 2000),
                agenda=[AgendaItem(title="Point unique", notes="Notes déjà prises")])
        for number in range(meetings)
    ]
    create(path, data_from_records(records))


async def _timed(pilot_step: Callable[[], Awaitable[None]]) -> float:
    start = time.perf_counter()
    await pilot_step()
    return (time.perf_counter() - start) * 1000


async def _measure(path: Path, keys: int) -> dict[str, list[float]]:
    from coop_tui.core.settings import Settings
    from coop_tui.shell.app import CoopApp
    from coop_tui.store.database import open_store

    repository = open_store(path, background=True)
    app = CoopApp(repository, Settings())
    figures: dict[str, list[float]] = {"open list": [], "arrow": [], "open meeting": [],
                                       "keystroke": []}
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()

            async def press(*names: str) -> None:
                await pilot.press(*names)
                await pilot.pause()

            figures["open list"].append(await _timed(lambda: press("5")))
            for _ in range(keys):
                figures["arrow"].append(await _timed(lambda: press("down")))
            figures["open meeting"].append(await _timed(lambda: press("enter")))
            for _ in range(keys):
                figures["keystroke"].append(await _timed(lambda: press("a")))
            await press("escape", "escape")
    finally:
        repository.close()
    return figures


def _figures(meetings: int, keys: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        path = Path(scratch) / "many.json"
        many_meetings(path, meetings)
        return asyncio.run(_measure(path, keys))


def ui_responsiveness(meetings: int, keys: int = 20, floor_meetings: int = 100) -> Row:
    """Median and worst time of each step in milliseconds, beside the same steps on a
    store of ``floor_meetings`` (the Pilot's own wait is in both)."""
    figures = _figures(meetings, keys)
    floor = _figures(floor_meetings, keys)
    cells = []
    slow = []
    for step, values in figures.items():
        extra = statistics.median(values) - statistics.median(floor[step])
        cells.append(f"{step} {statistics.median(values):.0f}/{max(values):.0f} "
                     f"({statistics.median(floor[step]):.0f})")
        limit = SLOW_KEY_MS if step in ("arrow", "keystroke") else 10 * SLOW_KEY_MS
        if extra > limit:
            slow.append(step)
    outcome = (f"ms median/max ({floor_meetings} meetings): " + ", ".join(cells))
    if slow:
        outcome += "; slow: " + ", ".join(slow)
    return Row(f"the interface with {meetings} meetings", 2 * (1 + 2 * keys), outcome,
               NOTHING_LOST if not slow else "nothing lost, but slow")
