"""Issue 21, defect 8: a notice stands above the key bar, never over the keys, and the
« written to » notices last 6 s. run_test(notifications=True) mounts Textual's ToastRack,
which Pilot leaves out by default."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._toast import Toast, ToastRack

from coop_tui.screens.dashboard.report import StatusReportForm
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.ui.widgets.key_bar import KeyBar
from tests.helpers import AppFactory, until


async def test_a_notice_stands_above_the_key_bar_at_80x24(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        app.notify("Compte rendu écrit dans /home/marie/Documents/2026-11-26-copil.md")
        await until(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause()
        rack = app.screen.query_one(ToastRack)
        assert rack.styles.margin.bottom == 2
        keys = app.screen.query_one(KeyBar).region
        toast = app.screen.query_one(Toast).region
        assert toast.height > 0 and keys.height > 0
        assert toast.bottom <= keys.y, (toast, keys)


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "Documents"
    folder.mkdir()
    return folder


@pytest.mark.usefixtures("documents")
async def test_the_written_to_notice_lasts_6_seconds(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, StatusReportForm))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and bool(list(app._notifications)))
        (notice,) = list(app._notifications)
        assert "written to" in notice.message and notice.timeout == 6
