"""Conflicts a merge left, seen and settled in the app: the dashboard counts them and opens
the list with c; m keeps mine, t keeps theirs, e writes the value by hand; Enter opens the
record, whose screen says a conflict is left on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from coop_tui.core.settings import Settings
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.screens.sharing.conflicts import ConflictsScreen, ConflictValueForm
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor
from coop_tui.store.repository import Repository
from coop_tui.store.storage import serialise
from tests.helpers import until
from tests.store.test_store_merge import base_documents, edited, first, merged

TODAY = date(2026, 3, 1)


@pytest.fixture
def conflicted(tmp_path: Path) -> Iterator[Repository]:
    """A store where two copies renamed « Lormes » two ways and wrote its notes two ways."""
    base = base_documents()

    def mine(documents: dict[str, dict[str, dict[str, object]]]) -> None:
        first(documents, "actors", name="Lormes").update(name="Lormes (mairie)",
                                                         responsibilities="Voirie")

    def theirs(documents: dict[str, dict[str, dict[str, object]]]) -> None:
        first(documents, "actors", name="Lormes").update(name="Commune de Lormes",
                                                         responsibilities="Écoles")

    result = merged(base, edited(base, mine), edited(base, theirs))
    assert result.ok and len(result.conflicts) == 2
    path = tmp_path / "shared.json"
    path.write_bytes(serialise(result.documents))
    repository = open_store(path)
    yield repository
    repository.close()


def lormes(repository: Repository) -> Actor:
    return next(actor for actor in repository.actors if "Lormes" in actor.name)


async def open_conflicts(pilot: Pilot[int], app: CoopApp) -> ConflictsScreen:
    await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("c")
    await until(pilot, lambda: isinstance(app.screen, ConflictsScreen))
    assert isinstance(app.screen, ConflictsScreen)
    return app.screen


def app_on(repository: Repository) -> CoopApp:
    return CoopApp(repository, Settings(), today=lambda: TODAY)


async def test_the_dashboard_counts_them_and_keep_mine_then_theirs(
        conflicted: Repository) -> None:
    app = app_on(conflicted)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        headline = str(app.screen.query_one("#headline").render())
        assert "2 merge conflicts to settle" in headline
        screen = await open_conflicts(pilot, app)
        assert [reading.conflict.field for reading in screen._readings] == [
            "name", "responsibilities"]
        await pilot.press("m")  # the name stays as it is
        await until(pilot, lambda: len(conflicted.conflicts) == 1)
        assert lormes(conflicted).name == "Lormes (mairie)"
        await pilot.press("t")  # the responsibilities become theirs
        await until(pilot, lambda: not conflicted.conflicts)
        assert lormes(conflicted).responsibilities == "Écoles"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        headline = str(app.screen.query_one("#headline").render())
        assert "conflict" not in headline


async def test_edit_writes_a_third_value(conflicted: Repository) -> None:
    app = app_on(conflicted)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_conflicts(pilot, app)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ConflictValueForm))
        field = app.screen.query_one("#value", TextArea)
        assert field.text == "Lormes (mairie)"
        field.text = "Mairie de Lormes"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictsScreen)
                    and len(conflicted.conflicts) == 1)
        assert lormes(conflicted).name == "Mairie de Lormes"


async def test_a_value_the_record_cannot_hold_is_refused_and_kept(
        conflicted: Repository) -> None:
    app = app_on(conflicted)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_conflicts(pilot, app)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ConflictValueForm))
        app.screen.query_one("#value", TextArea).text = ""  # a name is required
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictsScreen))
        assert len(conflicted.conflicts) == 2
        assert lormes(conflicted).name == "Lormes (mairie)"


async def test_enter_opens_the_record_which_says_a_conflict_is_left(
        conflicted: Repository) -> None:
    app = app_on(conflicted)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_conflicts(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "actors")
        await until(pilot, lambda: any("conflict" in str(n.message)
                                       for n in app._notifications))
        assert conflicted.conflicts  # opening settles nothing
