"""How the territory form looks on the smallest terminal, in French, on the demo territory
(review the SVG before accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, stop_blinking

# Its own folder: a store another test module holds open would be opened read-only here.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-territory-snapshots"


async def _open_the_form(pilot: Pilot[int]) -> None:
    """Open the form with t before the picture (a key pressed after would be typed in its
    first field), and stop its cursors blinking."""
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    stop_blinking(pilot.app)
    await pilot.pause()


def test_territory_form_80x24_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                     fixed_repository: Repository, french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_open_the_form)


def test_mayors_form_120x40_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                   fixed_repository: Repository, french: None) -> None:
    """Issue 21: the mayors' list offered once new communes are saved, one name per line
    beside its commune."""
    app = make_app(fixed_repository)

    async def run_before(pilot: Pilot[int]) -> None:
        await _open_the_form(pilot)
        communes = pilot.app.screen.query_one("#f-communes", TextArea)
        communes.focus()
        communes.cursor_location = communes.document.end
        await pilot.press("enter", *"Lussac", "enter", *"Brêves", "ctrl+s")
        await pilot.pause()
        await pilot.press(*"Anne Morel", "enter", *"Paul Roy")
        await pilot.pause()
        stop_blinking(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
