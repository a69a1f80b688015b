"""How the actor map looks: the smallest terminal it supports (one part at a time) and a
large one (everything side by side), in English and in French. Review the SVGs before
accepting a change."""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from textual.pilot import Pilot

from coop_tui.shell.app import CoopApp
from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, settle

Snap = Callable[..., bool]
# The status bar shows the store's path: a fixed one per test keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-actors-snapshots"


def keys(*pressed: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    """Open the actor map, press ``pressed``, and let the timers run."""

    async def run(pilot: Pilot[int]) -> None:
        await pilot.press("2")
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot, 0.4)

    return run


def shot(snap_compare: Snap, app: CoopApp, size: tuple[int, int],
         pressed: Sequence[str] = ()) -> bool:
    return snap_compare(app, terminal_size=size, run_before=keys(*pressed))


def test_actors_80x24_table(snap_compare: Snap, make_app: AppFactory,
                            fixed_repository: Repository) -> None:
    assert shot(snap_compare, make_app(fixed_repository), (80, 24))


def test_actors_80x24_map(snap_compare: Snap, make_app: AppFactory,
                          fixed_repository: Repository) -> None:
    assert shot(snap_compare, make_app(fixed_repository), (80, 24), ["m", "down", "right"])


def test_actors_80x24_relations_french(snap_compare: Snap, make_app: AppFactory,
                                       fixed_repository: Repository, french: None) -> None:
    assert shot(snap_compare, make_app(fixed_repository), (80, 24), ["down", "r"])


def test_actors_160x48(snap_compare: Snap, make_app: AppFactory,
                       fixed_repository: Repository) -> None:
    assert shot(snap_compare, make_app(fixed_repository), (160, 48), ["down", "down"])


def test_actors_160x48_french_commune(snap_compare: Snap, make_app: AppFactory,
                                      fixed_repository: Repository, french: None) -> None:
    pressed = ["slash", *"vernay", "enter", "m"]
    assert shot(snap_compare, make_app(fixed_repository), (160, 48), pressed)


def test_actor_form_80x24_french(snap_compare: Snap, make_app: AppFactory,
                                 fixed_repository: Repository, french: None) -> None:
    assert shot(snap_compare, make_app(fixed_repository), (80, 24), ["e"])


def test_delete_dialog_160x48(snap_compare: Snap, make_app: AppFactory,
                              fixed_repository: Repository) -> None:
    pressed = ["slash", *"bertrand", "enter", "d"]
    assert shot(snap_compare, make_app(fixed_repository), (160, 48), pressed)


def test_several_actors_form_120x40_french(snap_compare: Snap, make_app: AppFactory,
                                           fixed_repository: Repository,
                                           french: None) -> None:
    """Issue 21: A opens the list of several actors, one « Prénom Nom, rôle » per line."""
    lines = ["A", *"Anne Morel, Maire de Lussac", "enter", *"Paul Roy, DGS"]
    assert shot(snap_compare, make_app(fixed_repository), (120, 40), lines)


def test_actors_80x24_map_french(snap_compare: Snap, make_app: AppFactory,
                                 fixed_repository: Repository, french: None) -> None:
    """Issue 21, defects 11 and 14: each role's glyph, names cut with an ellipsis."""
    assert shot(snap_compare, make_app(fixed_repository), (80, 24), ["m", "down", "right"])
