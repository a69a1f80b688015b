"""The actor map on the large demo territory (400 actors, 1,000 relations): moving,
filtering and placing on the grid work at that size.

How long each key takes is measured by ``python -m benchmarks.run`` (the actor map rows),
never asserted here: a busy machine must not fail the suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from coop_tui.core.settings import Settings
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import create, open_store
from coop_tui.store.demo import demo_data
from coop_tui.store.models import Actor
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.record_table import RecordTable

TODAY = date(2026, 11, 26)


@pytest.fixture
def large_repository(tmp_path: Path) -> Iterator[Repository]:
    path = tmp_path / "large.json"
    create(path, demo_data("large", today=TODAY))
    repository = open_store(path)
    yield repository
    repository.close()


async def press(pilot: Pilot[int], *keys: str) -> None:
    """Press ``keys``, then wait past the filter's and the detail panel's pauses."""
    for key in keys:
        await pilot.press(key)
    await pilot.pause(0.2)


@pytest.mark.slow
async def test_the_actor_map_works_at_the_size_of_a_mandate(large_repository: Repository) -> None:
    assert len(large_repository.actors) >= 400
    app = CoopApp(large_repository, Settings(), today=lambda: TODAY)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        table = screen.query_one("#actors", RecordTable)
        assert table.row_count == len(large_repository.actors)

        await press(pilot, *["down"] * 12)
        assert table.cursor_row == 12
        assert screen.selected == table.keys[12] == table.current_key
        await press(pilot, "slash", *"mairie")
        assert table.row_count < len(large_repository.actors)
        await press(pilot, *["backspace"] * 6, "enter")
        assert table.row_count == len(large_repository.actors)

        await pilot.press("m")
        await press(pilot, "up", "right", "down", "left", "down", "up")
        moved = screen.selected
        before = large_repository.get(Actor, moved)
        revision = large_repository.revision
        await press(pilot, "shift+down", "shift+up", "shift+left", "shift+right")
        assert large_repository.revision == revision + 4
        after = large_repository.get(Actor, moved)
        assert before is not None and after is not None
        assert after.private.influence == before.private.influence
