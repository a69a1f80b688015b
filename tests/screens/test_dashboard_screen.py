"""The dashboard on the demo store: its panels, jumps to each item with Enter, the minutes
of the last meeting, French, hostile text, and every panel filled on the large store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coop_tui.core.insights.dashboard import overview
from coop_tui.core.target import Target
from coop_tui.screens.dashboard.panels import DashboardPanel
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor, ActorKind, RoadmapItem
from coop_tui.store.repository import Repository
from tests.conftest import TODAY
from tests.helpers import AppFactory, until


def panel(app: CoopApp, name: str) -> DashboardPanel:
    return app.screen.query_one(f"#panel-{name}", DashboardPanel)


async def test_the_app_opens_on_the_dashboard_with_every_panel(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        found = overview(app.session.repository, TODAY)
        assert panel(app, "roadmap").targets[0] == found.roadmap.late[0].target
        assert len(panel(app, "actions").targets) == (len(found.actions.owners)
                                                       + found.actions.open_count)
        assert panel(app, "roadmap").has_focus


async def test_enter_on_a_late_item_opens_it_on_the_roadmap(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        late = overview(app.session.repository, TODAY).roadmap.late[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "roadmap"
        timeline = app.screen.timeline  # type: ignore[attr-defined]
        assert timeline.selected_item.id == late.item.id


async def test_enter_on_an_action_opens_its_meeting_on_the_action(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        actions = panel(app, "actions")
        actions.focus()
        first_owner = overview(app.session.repository, TODAY).actions.owners[0]
        await pilot.press("down", "enter")
        for _ in range(4):
            await pilot.pause()
        assert app.current_mode == "meetings"
        action = first_owner.actions[0]
        from textual.widgets import DataTable

        from coop_tui.screens.meetings.detail import MeetingScreen

        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting.id == action.meeting.id

        table = app.screen.query_one("#actions-table", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == \
            action.action.id


async def test_tab_to_actors_and_open_a_follower(make_app: AppFactory) -> None:
    app = make_app()
    opened: list[Target] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        app.session.navigator = opened.append
        actors = panel(app, "actors")
        actors.focus()
        await pilot.press("down", "down", "down", "down", "enter")
        follower = overview(app.session.repository, TODAY).actors.to_contact[0]
        assert opened == [follower.target]


async def test_export_the_last_minutes_from_the_dashboard(make_app: AppFactory,
                                                          tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        from textual.widgets import Input

        path = tmp_path / "last.md"
        app.screen.query_one("#path", Input).value = str(path)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))  # written
        last = overview(app.session.repository, TODAY).meetings.last
        assert last is not None and last.meeting.title in path.read_text(encoding="utf-8")
        from coop_tui.store.export_journal import read_journal

        assert read_journal(app.session.repository.path.absolute()).minutes is not None


async def test_no_meeting_no_export(make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("export_minutes", ()) is None
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_changes_elsewhere_show_when_coming_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        before = len(panel(app, "roadmap").targets)
        await pilot.press("2")
        await pilot.pause()
        app.session.repository.save(RoadmapItem(objective="Urgent", due=date(2026, 11, 1)))
        await pilot.press("1")
        await pilot.pause()
        assert len(panel(app, "roadmap").targets) == before + 1


async def test_typed_text_is_shown_as_text(make_app: AppFactory,
                                           empty_repository: Repository) -> None:
    empty_repository.save(RoadmapItem(objective="[bold]Late[/] item", due=date(2026, 11, 1)),
                          Actor(name="[red]Nobody[/]", kind=ActorKind.COMMUNE))
    app = make_app(empty_repository)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        roadmap = panel(app, "roadmap")
        shown = [roadmap.render_line(y).text for y in range(roadmap.size.height)]
        assert any("[bold]Late[/] item" in line for line in shown)


async def test_french_dashboard(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert panel(app, "roadmap").border_title == "Feuille de route"
        headline = str(app.screen.query_one("#headline").render())
        assert "en retard" in headline and "prochaine réunion" in headline


async def test_the_large_store_fills_every_panel(tmp_path: Path) -> None:
    """A whole mandate's store: the panels show what the store says (the time this takes is
    measured in benchmarks/, never asserted here)."""
    from coop_tui.core.settings import Settings
    from coop_tui.store.demo import demo_data
    from coop_tui.store.storage import serialise

    path = tmp_path / "large.json"
    path.write_bytes(serialise(demo_data("large", today=TODAY)))
    repository = open_store(path)
    try:
        app = CoopApp(repository, Settings(), today=lambda: TODAY)
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            found = overview(repository, TODAY)
            assert found.roadmap.late and found.actions.owners
            assert panel(app, "roadmap").targets[0] == found.roadmap.late[0].target
            assert len(panel(app, "actions").targets) == (len(found.actions.owners)
                                                           + found.actions.open_count)
    finally:
        repository.close()
