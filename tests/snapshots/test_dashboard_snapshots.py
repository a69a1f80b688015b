"""How the dashboard looks on the smallest terminal it supports and on a large one, in
English and in French, and on a new store with its first steps (review the SVGs before
accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from coop_tui.store.catalogue import blank_store
from coop_tui.store.database import create, open_store
from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, settle

# The status bar shows the store's path: a fixed one keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-dashboard-snapshots"


def test_dashboard_80x24(snap_compare: Callable[..., bool], make_app: AppFactory,
                         fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_dashboard_160x48_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                 fixed_repository: Repository, french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(160, 48), press=["tab", "down"],
                        run_before=settle)


def test_dashboard_120x36(snap_compare: Callable[..., bool], make_app: AppFactory,
                          fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle)


@pytest.fixture
def new_store() -> Iterator[Repository]:
    """A store as a first run creates it (default name, no commune), at a fixed path."""
    folder = SNAPSHOT_FOLDER / "new-store"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "territoire.json"
    path.unlink(missing_ok=True)
    create(path, blank_store("", "en", date(2026, 3, 15), date(2032, 3, 15)))
    repository = open_store(path)
    yield repository
    repository.close()


def test_dashboard_of_a_new_store_80x24(snap_compare: Callable[..., bool],
                                        make_app: AppFactory, new_store: Repository) -> None:
    app = make_app(new_store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)



async def _open_calendar_settings(pilot: Pilot[int]) -> None:
    await settle(pilot)
    pilot.app.screen.query_one("#panel-deadlines").focus()
    await pilot.press("s")
    await settle(pilot)


def test_calendar_settings_100x30_french(snap_compare: Callable[..., bool],
                                         make_app: AppFactory, fixed_repository: Repository,
                                         french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_open_calendar_settings)


def test_dashboard_80x24_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                fixed_repository: Repository, french: None) -> None:
    """Issue 21, defects 13 and 14: « réunion : » keeps its colon on its line."""
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
