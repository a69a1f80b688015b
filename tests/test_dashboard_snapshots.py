"""How the dashboard looks on the smallest terminal it supports and on a large one, in
English and in French (review the SVGs before accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from coop_tui.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.repository import Repository

AppFactory = Callable[..., CoopApp]
# The status bar shows the store's path: a fixed one keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-dashboard-snapshots"


@pytest.fixture
def fixed_repository(demo_bytes: bytes) -> Iterator[Repository]:
    SNAPSHOT_FOLDER.mkdir(exist_ok=True)
    path = SNAPSHOT_FOLDER / "val-de-loubiere.json"
    for leftover in SNAPSHOT_FOLDER.iterdir():
        if leftover.is_file():
            leftover.unlink()
    path.write_bytes(demo_bytes)
    repository = open_store(path)
    yield repository
    repository.close()


async def _settle(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await pilot.pause()


def test_dashboard_80x24(snap_compare: Callable[..., bool], make_app: AppFactory,
                         fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_dashboard_160x48_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                 fixed_repository: Repository, french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(160, 48), press=["tab", "down"],
                        run_before=_settle)


def test_dashboard_120x36(snap_compare: Callable[..., bool], make_app: AppFactory,
                          fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_settle)
