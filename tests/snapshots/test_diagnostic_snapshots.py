"""How the diagnostic screen looks on the demo territory: the matrix on a large terminal,
the candidates and the bassins de vie on the smallest, in French (review the SVG before
accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, settle

# Its own folder: a store another test module holds open would be opened read-only here.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-diagnostic-snapshots"


def _show(*keys: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("6", *keys)
        await settle(pilot)

    return run_before


def test_matrix_120x40(snap_compare: Callable[..., bool], make_app: AppFactory,
                       fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(120, 40),
                        run_before=_show("right", "right", "right", "down"))


def test_candidates_80x24_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                 fixed_repository: Repository, french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_show("t"))


def test_bassins_80x24_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                              fixed_repository: Repository, french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_show("t", "t"))
