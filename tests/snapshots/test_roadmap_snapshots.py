"""How the roadmap looks, at 80x24 and 160x48, in English and French."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from coop_tui.shell.app import CoopApp
from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, stop_blinking


@pytest.fixture
def app(repository: Repository, make_app: AppFactory) -> CoopApp:
    """The demo app, its store shown at a fixed path so pictures do not depend on tmp."""
    repository.path = Path("/srv/coop-tui/val-de-loubiere.json")
    return make_app()


def keys(*pressed: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    """Press keys, let the screen settle, and drop passing notifications (they time out)."""

    async def run(pilot: Pilot[int]) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        pilot.app.clear_notifications()
        stop_blinking(pilot.app)
        await pilot.pause()

    return run


def test_narrow(snap_compare: Any, app: CoopApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("4", "down"))


def test_wide_in_french(snap_compare: Any, app: CoopApp, french: None) -> None:
    assert snap_compare(app, terminal_size=(160, 48),
                        run_before=keys("4", "down", "down", "down", "down"))


def test_wide_zoomed_to_months_grouped_by_owner(snap_compare: Any, app: CoopApp) -> None:
    assert snap_compare(app, terminal_size=(160, 48), run_before=keys("4", "g", "down", "plus"))


def test_form_narrow_in_french(snap_compare: Any, app: CoopApp, french: None) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("4", "down", "enter"))


def test_months_80x24_in_french(snap_compare: Any, app: CoopApp, french: None) -> None:
    """Issue 21, defect 14: the month header at 80 columns ends on a whole month."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("4", "plus", "plus"))
