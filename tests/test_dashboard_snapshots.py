"""How the dashboard looks on the smallest terminal it supports and on a large one, in
English and in French (review the SVGs before accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from coop_tui.app import CoopApp
from coop_tui.store.repository import Repository
from tests.steady import stop_blinking

AppFactory = Callable[..., CoopApp]
# The status bar shows the store's path: a fixed one keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-dashboard-snapshots"


async def _settle(pilot: Pilot[int]) -> None:
    await pilot.pause()
    stop_blinking(pilot.app)
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
