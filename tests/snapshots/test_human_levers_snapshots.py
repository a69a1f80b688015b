"""How the human levers look (issue 18): the dashboard's panel, the counterweights
suggested, the blockage form and the shared project's form, in French at 120x36 (review
the SVGs before accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from coop_tui.screens.actors.blockage_form import BlockageForm
from coop_tui.screens.actors.counterweights import CounterweightsDialog
from coop_tui.screens.dashboard.panels import DashboardPanel
from coop_tui.screens.territory.project_form import SharedProjectForm
from coop_tui.store.models import BlockageState
from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, settle, until

SIZE = (120, 36)
# The status bar shows the store's path: a fixed one keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-human-levers-snapshots"


def test_dashboard_human_panel_french(snap_compare: Callable[..., bool],
                                      make_app: AppFactory, fixed_repository: Repository,
                                      french: None) -> None:
    async def show_panel(pilot: Pilot[int]) -> None:
        await settle(pilot)
        panel = pilot.app.screen.query_one("#panel-human", DashboardPanel)
        panel.focus()
        await settle(pilot)

    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=SIZE, run_before=show_panel)


def test_counterweights_suggested_french(snap_compare: Callable[..., bool],
                                         make_app: AppFactory, fixed_repository: Repository,
                                         french: None) -> None:
    async def show(pilot: Pilot[int]) -> None:
        pilot.app.push_screen(CounterweightsDialog(pilot.app.session))  # type: ignore[attr-defined]
        await until(pilot, lambda: isinstance(pilot.app.screen, CounterweightsDialog))
        await settle(pilot)

    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=SIZE, run_before=show)


def test_blockage_form_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                              fixed_repository: Repository, french: None) -> None:
    actor = next(a for a in fixed_repository.actors
                 if any(b.state is BlockageState.OPEN for b in a.private.blockages))

    async def show(pilot: Pilot[int]) -> None:
        pilot.app.push_screen(BlockageForm(pilot.app.session, actor))  # type: ignore[attr-defined]
        await until(pilot, lambda: isinstance(pilot.app.screen, BlockageForm))
        await settle(pilot)

    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=SIZE, run_before=show)


def test_shared_project_form_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                    fixed_repository: Repository, french: None) -> None:
    async def show(pilot: Pilot[int]) -> None:
        pilot.app.push_screen(SharedProjectForm(pilot.app.session))  # type: ignore[attr-defined]
        await until(pilot, lambda: isinstance(pilot.app.screen, SharedProjectForm))
        await settle(pilot)

    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=SIZE, run_before=show)
