"""The first frame drawn from the store's summary: the same lines as the dashboard, a
loading line where the summary holds nothing, keys typed during the load handed on in
order once the store is there, and a summary that cannot be written never failing a save.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, Static

from coop_tui.core.settings import Settings
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.dashboard.first_frame import FirstFramePanel, FirstFrameScreen
from coop_tui.screens.dashboard.lines import PanelLine
from coop_tui.screens.dashboard.panels import DashboardPanel
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.screens.dashboard.summary import MAX_ROWS, SUMMARY_PANELS, first_frame
from coop_tui.shell.app import CoopApp
from coop_tui.shell.starting import StartingApp, write_first_frame
from coop_tui.store import summary as summary_module
from coop_tui.store.database import open_store
from coop_tui.store.repository import Repository
from coop_tui.store.summary import matching_summary
from tests.conftest import TODAY
from tests.helpers import AppFactory, burst, settle, until

SIZE = (160, 48)

Shown = tuple[str, str | None, str | None]


def shown(panel: OptionList) -> list[Shown]:
    """What a panel's lines say: text, figure, line below (headings: text only)."""
    lines: list[Shown] = []
    for index in range(panel.option_count):
        prompt = panel.get_option_at_index(index).prompt
        if isinstance(prompt, PanelLine):
            lines.append((prompt.main.plain, prompt.detail.plain,
                          prompt.below.plain if prompt.below is not None else None))
        else:
            assert isinstance(prompt, Text)
            lines.append((prompt.plain, None, None))
    return lines


async def dashboard_lines(app: CoopApp) -> dict[str, tuple[str, list[Shown]]]:
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        return {panel.id or "": (str(panel.border_subtitle), shown(panel)[:MAX_ROWS])
                for panel in app.screen.query(DashboardPanel) if panel.id in SUMMARY_PANELS}


def starting_app(content: dict[str, Any], path: Path,
                 load: Callable[[], tuple[Repository, Settings]]) -> StartingApp:
    return StartingApp(content, path, load, today=lambda: TODAY)


async def first_frame_lines(content: dict[str, Any],
                            path: Path) -> dict[str, tuple[str, list[Shown]]]:
    never = threading.Event()

    def load() -> tuple[Repository, Settings]:
        never.wait(5)
        raise RuntimeError("not loaded in this test")

    app = starting_app(content, path, load)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FirstFrameScreen)
                    and bool(app.screen.query(FirstFramePanel)))
        await pilot.pause()
        found = {panel.id or "": (str(panel.border_subtitle), shown(panel))
                 for panel in app.screen.query(FirstFramePanel) if panel.id in SUMMARY_PANELS}
        never.set()
        return found


def move_first_item_to_yesterday(repository: Repository) -> None:
    item = repository.roadmap[0].model_copy(deep=True)
    item.due = TODAY - timedelta(days=1)
    repository.save(item)


def move_last_meeting_to_tomorrow(repository: Repository) -> None:
    meeting = max(repository.meetings, key=lambda found: found.on).model_copy(deep=True)
    meeting.on = TODAY + timedelta(days=1)
    repository.save(meeting)


def close_every_action(repository: Repository) -> None:
    for meeting in repository.meetings:
        if meeting.open_actions():
            copy = meeting.model_copy(deep=True)
            copy.actions = []
            repository.save(copy)


@pytest.mark.parametrize("edit", [None, move_first_item_to_yesterday,
                                  move_last_meeting_to_tomorrow, close_every_action])
async def test_the_summary_draws_what_the_dashboard_draws(
        repository: Repository, make_app: AppFactory,
        edit: Callable[[Repository], None] | None) -> None:
    if edit is not None:
        edit(repository)
    real = await dashboard_lines(make_app())
    content = first_frame(repository, TODAY)
    from_summary = await first_frame_lines(content, repository.path)
    assert set(real) == SUMMARY_PANELS
    assert from_summary == real


async def test_panels_the_summary_leaves_out_show_a_loading_line(
        repository: Repository) -> None:
    content = first_frame(repository, TODAY)
    never = threading.Event()

    def load() -> tuple[Repository, Settings]:
        never.wait(5)
        raise RuntimeError("not loaded in this test")

    app = starting_app(content, repository.path, load)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.screen.query(FirstFramePanel)))
        await pilot.pause()
        actors = app.screen.query_one("#panel-actors", FirstFramePanel)
        assert shown(actors) == [("Loading…", None, None)]
        status = str(app.screen.query_one("LoadingStatusBar", Static).render())
        assert "Val de Loubière" in status and "loading…" in status
        never.set()


async def test_another_day_shows_only_loading_lines(repository: Repository) -> None:
    content = first_frame(repository, TODAY - timedelta(days=1))
    never = threading.Event()

    def load() -> tuple[Repository, Settings]:
        never.wait(5)
        raise RuntimeError("not loaded in this test")

    app = starting_app(content, repository.path, load)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.screen.query(FirstFramePanel)))
        await pilot.pause()
        for panel in app.screen.query(FirstFramePanel):
            assert shown(panel) == [("Loading…", None, None)]
        never.set()


async def test_keys_typed_during_the_load_arrive_in_order(demo_path: Path) -> None:
    """``2``, ``/`` and a filter typed while the store loads: the status bar counts them,
    and once loaded the actor map is filtered, as if typed after."""
    repository = open_store(demo_path, background=True)
    content = first_frame(repository, TODAY)
    repository.close()
    release = threading.Event()

    def load() -> tuple[Repository, Settings]:
        release.wait(30)
        return open_store(demo_path, background=True), Settings()

    app = starting_app(content, demo_path, load)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.screen.query(FirstFramePanel)))
        burst(app, "2", "slash", *"cressy")
        await until(pilot, lambda: "8 keys wait" in str(
            app.screen.query_one("LoadingStatusBar", Static).render()))
        assert isinstance(app.screen, FirstFrameScreen)
        release.set()
        for _attempt in range(60):
            await pilot.pause(0.1)
            if isinstance(app.screen, ActorsScreen) and \
                    app.screen.query_one("#filter-text", Input).value == "cressy":
                break
        await settle(pilot, 0.3)
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        assert screen.query_one("#filter-text", Input).value == "cressy"
        assert app.loaded and "first-frame" not in app._modes
    opened = app.wait_for_load()
    assert opened.repository is not None
    opened.repository.close()


async def test_a_failed_load_leaves_for_the_usual_start(repository: Repository) -> None:
    content = first_frame(repository, TODAY)

    def load() -> tuple[Repository, Settings]:
        raise OSError("gone")

    app = starting_app(content, repository.path, load)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.fell_back)
    assert not app.loaded


def test_a_summary_that_cannot_be_written_never_fails_the_save(
        demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    repository = open_store(demo_path, background=True)
    try:
        territory = repository.territory.model_copy(deep=True)
        territory.name = "Val de Loubière (saved)"
        repository.save(territory)
        repository.flush()
        monkeypatch.setattr(summary_module, "write_private_file", refuse)
        assert write_first_frame(repository, TODAY) is False
    finally:
        repository.close()
    assert "Val de Loubière (saved)" in demo_path.read_text(encoding="utf-8")
    assert matching_summary(demo_path) is None


def test_a_summary_written_after_the_save_matches_it(demo_path: Path) -> None:
    repository = open_store(demo_path, background=True)
    try:
        move_first_item_to_yesterday(repository)
        repository.flush()
        assert write_first_frame(repository, TODAY)
        content = first_frame(repository, TODAY)
    finally:
        repository.close()
    assert matching_summary(demo_path) == content


def test_the_first_frame_imports_no_store_model() -> None:
    """The first frame is drawn before pydantic and the store's models are imported."""
    code = ("import sys; import coop_tui.shell.starting, coop_tui.shell.launch, "
            "coop_tui.store.summary; print('pydantic' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == "False"


def test_the_summary_holds_no_private_reading(demo_path: Path) -> None:
    """The private canary (stances, blockages, relations, private notes) is nowhere in the
    summary, and the panels that read people (roles, the levers' evidence) are left out."""
    from benchmarks.fault_exports import CANARY, plant_canary

    plant_canary(demo_path)
    repository = open_store(demo_path, background=True)
    try:
        assert write_first_frame(repository, TODAY)
    finally:
        repository.close()
    payload = summary_module.summary_path(demo_path).read_bytes()
    assert CANARY.encode() not in payload
    content = matching_summary(demo_path)
    assert content is not None
    kept = {panel["id"] for panel in content["panels"] if panel["rows"] is not None}
    assert kept == SUMMARY_PANELS
    assert "panel-actors" not in kept and "panel-levers" not in kept
