"""The actor map stays responsive on the large demo territory (400 actors, 1,000 relations).

Budgets are in processor time of this process, so a busy machine does not make the test
fail; they are several times what a laptop needs (about 40 ms a key, measured on the
large demo at 160x48).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from coop_tui.app import CoopApp
from coop_tui.screens.actors import ActorsScreen
from coop_tui.settings import Settings
from coop_tui.store.database import create, open_store
from coop_tui.store.demo import demo_data
from coop_tui.store.models import Actor
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)
PER_KEY = 0.25  # seconds of processor time, on average per key


@pytest.fixture
def large_repository(tmp_path: Path) -> Iterator[Repository]:
    path = tmp_path / "large.json"
    create(path, demo_data("large", today=TODAY))
    repository = open_store(path)
    yield repository
    repository.close()


async def cpu_per_key(pilot: Pilot[int], *keys: str) -> float:
    start = time.process_time()
    for key in keys:
        await pilot.press(key)
    await pilot.pause(0.2)
    return (time.process_time() - start) / len(keys)


@pytest.mark.slow
async def test_large_territory_stays_responsive(large_repository: Repository) -> None:
    assert len(large_repository.actors) >= 400
    app = CoopApp(large_repository, Settings(), today=lambda: TODAY)
    async with app.run_test(size=(160, 48)) as pilot:
        start = time.process_time()
        await pilot.press("2")
        await pilot.pause()
        assert time.process_time() - start < 4.0
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        table = screen.query_one("#actors", DataTable)
        assert table.row_count == len(large_repository.actors)

        assert await cpu_per_key(pilot, *["down"] * 12) < PER_KEY
        assert await cpu_per_key(pilot, "slash", *"mairie") < PER_KEY
        assert table.row_count < len(large_repository.actors)
        assert await cpu_per_key(pilot, *["backspace"] * 6, "enter") < PER_KEY
        assert table.row_count == len(large_repository.actors)

        await pilot.press("m")
        assert await cpu_per_key(pilot, "up", "right", "down", "left", "down", "up") < PER_KEY
        moved = screen.selected
        before = large_repository.get(Actor, moved)
        revision = large_repository.revision
        assert await cpu_per_key(pilot, "shift+down", "shift+up", "shift+left",
                                 "shift+right") < PER_KEY
        assert large_repository.revision == revision + 4
        after = large_repository.get(Actor, moved)
        assert before is not None and after is not None
        assert after.private.influence == before.private.influence
