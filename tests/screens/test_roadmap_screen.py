"""The roadmap screen on the demo territory: reading, moving deadlines, filters, jumps."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import icalendar
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from coop_tui.core.insights.roadmap import Grouping, When
from coop_tui.core.target import Target
from coop_tui.screens.roadmap.commands import RoadmapCommands
from coop_tui.screens.roadmap.detail import RoadmapDetail
from coop_tui.screens.roadmap.dialogs import ExportCalendar
from coop_tui.screens.roadmap.filters import RoadmapFilters
from coop_tui.screens.roadmap.screen import RoadmapScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.models import Meeting, RoadmapItem, RoadmapStatus
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.timeline import Timeline
from tests.conftest import TODAY
from tests.helpers import AppFactory, answer

SIZE = (120, 40)


def roadmap(app: CoopApp) -> RoadmapScreen:
    screen = app.screen
    assert isinstance(screen, RoadmapScreen)
    return screen


def detail_text(app: CoopApp) -> str:
    return str(app.screen.query_one(RoadmapDetail).query_one(Static).render())


def summary_text(app: CoopApp) -> str:
    return str(app.screen.query_one("#roadmap-summary", Static).render())


def by_objective(repository: Repository, start: str) -> RoadmapItem:
    return next(item for item in repository.roadmap if item.objective.startswith(start))


async def open_roadmap(app: CoopApp, pilot: Pilot[int]) -> Timeline:
    await pilot.press("4")
    await pilot.pause()
    return app.screen.query_one(Timeline)


async def test_the_summary_says_what_is_late_due_and_broken(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        assert "3 late" in summary_text(app)
        assert "1 due this quarter" in summary_text(app)
        assert "3 dependencies broken" in summary_text(app)
        assert timeline.rows == 25 + 10
        assert timeline.has_focus


async def test_moving_the_selection_shows_the_item(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        first = timeline.selected_item
        assert first is not None
        assert first.objective in detail_text(app)
        await pilot.press("down")
        await pilot.pause()
        second = timeline.selected_item
        assert second is not None and second.id != first.id
        assert second.objective in detail_text(app)
        assert "late by 50 days" in detail_text(app)


async def test_a_deadline_moves_in_two_keystrokes(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        await pilot.press("down")
        item = timeline.selected_item
        assert item is not None and item.start and item.due
        revision = repository.revision
        await pilot.press("right_square_bracket")
        await pilot.pause()
        saved = repository.get(RoadmapItem, item.id)
        assert saved is not None
        assert (saved.start, saved.due) == (item.start + timedelta(days=7),
                                            item.due + timedelta(days=7))
        assert repository.revision == revision + 1
        assert timeline.selected_id == item.id
        await pilot.press("right_curly_bracket", "left_square_bracket")
        await pilot.pause()
        saved = repository.get(RoadmapItem, item.id)
        assert saved is not None and saved.due is not None
        assert saved.due.month == item.due.month % 12 + 1
        assert repository.revision == revision + 3


async def test_the_move_is_on_disk(make_app: AppFactory, demo_path: Path) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        item = timeline.selected_item
        assert item is not None and item.due is not None
        await pilot.press("left_curly_bracket")
        await pilot.pause()
    repository.close()
    reopened = open_store(demo_path)
    try:
        saved = reopened.get(RoadmapItem, item.id)
        assert saved is not None and saved.due is not None
        assert saved.due < item.due
    finally:
        reopened.close()


async def test_progress_keys_stay_between_0_and_100(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        await pilot.press("down")  # 78% done
        item = timeline.selected_item
        assert item is not None
        await pilot.press("greater_than_sign", "greater_than_sign", "greater_than_sign")
        await pilot.pause()
        saved = repository.get(RoadmapItem, item.id)
        assert saved is not None and saved.progress == 100
        await pilot.press("less_than_sign")
        await pilot.pause()
        saved = repository.get(RoadmapItem, item.id)
        assert saved is not None and saved.progress == 90


async def test_a_read_only_store_moves_nothing(make_app: AppFactory, demo_path: Path) -> None:
    second = open_store(demo_path)
    try:
        app = make_app(second)
        async with app.run_test(size=SIZE) as pilot:
            timeline = await open_roadmap(app, pilot)
            item = timeline.selected_item
            await pilot.press("right_square_bracket", "greater_than_sign", "n", "delete")
            await pilot.pause()
            assert isinstance(app.screen, RoadmapScreen)
            assert second.get(RoadmapItem, item.id if item else "") == item
            shown = {b.binding.description for b in app.screen.active_bindings.values()}
            assert "New" not in shown and "A week later" not in shown
            assert "Open" in shown and "Zoom in" in shown
    finally:
        second.close()


async def test_typing_filters_and_escape_clears(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        await pilot.press("slash", *"pacte")
        await pilot.pause()
        shown = {row.item.objective for row in timeline._rows if row.item is not None}
        named = {i.objective for i in app.session.repository.roadmap
                 if "pacte" in i.objective.lower()}
        assert named and named <= shown
        assert len(shown) < 25
        assert "Objectives · " in timeline.render_line(1).text
        await pilot.press("enter")
        assert timeline.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert timeline.rows == 35
        assert app.screen.query_one("#roadmap-search", Input).value == ""


async def test_search_finds_people_and_levers_too(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        item = by_objective(repository, "Charte du pacte")
        owner = repository.actor_name(item.owner_ids[0])
        await pilot.press("slash", *owner.split()[-1].lower())
        await pilot.pause()
        assert timeline.row_of(item.id) is not None


async def test_the_late_filter_shows_only_late_items(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, RoadmapFilters)
        app.screen.query_one("#filter-when", Select).value = When.LATE.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = [row.item for row in timeline._rows if row.item is not None]
        assert len(items) == 3
        assert all(item.is_late(TODAY) for item in items)
        assert "filter: late" in summary_text(app)
        assert "Objectives · 3 of 25" in timeline.render_line(1).text
        late = [i for i in repository.roadmap if i.is_late(TODAY)]
        assert {i.id for i in items} == {i.id for i in late}


async def test_grouping_by_owner_and_status(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert roadmap(app).grouping is Grouping.OWNER
        headings = [row.title for row in timeline._rows if row.item is None]
        assert "Camille Blanc" in headings
        await pilot.press("g")
        await pilot.pause()
        headings = [row.title for row in timeline._rows if row.item is None]
        assert headings[0] == "planned"
        assert "completed" in headings


async def test_a_jump_from_elsewhere_selects_and_unfilters(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    item = by_objective(repository, "Séminaire des élu")
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        app.session.open(Target("roadmap", item.id))
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "roadmap"
        assert timeline.selected_id == item.id
        assert roadmap(app).roadmap_filter.is_empty


async def test_jump_to_the_originating_meeting(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    item = next(i for i in repository.roadmap if i.meeting_id)
    opened: list[Target] = []
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        timeline.select(item.id)
        await pilot.pause()
        meeting = repository.get(Meeting, item.meeting_id)
        assert meeting is not None and meeting.title in detail_text(app)
        navigator = app.session.navigator
        app.session.navigator = opened.append
        await pilot.press("m")
        assert opened == [Target("meetings", meeting.id)]
        app.session.navigator = navigator
        await pilot.press("m")
        await pilot.pause()
        assert app.current_mode == "meetings"


async def test_user_text_is_never_markup(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    item = by_objective(repository, "Diagnostic partagé")  # the first row of the timeline
    repository.save(RoadmapItem.model_validate({**item.model_dump(),
                                                "objective": "[bold]X[/] [red]Y"}))
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        assert "[bold]X[/] [red]Y" in timeline.render_line(3).text
        assert "[bold]X[/] [red]Y" in detail_text(app)


async def test_delete_asks_then_unlinks_what_referred_to_it(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    linked = next(i for i in repository.roadmap if i.meeting_id)
    needed = repository.get(RoadmapItem, by_objective(repository, "Bilan partagé").id)
    assert needed is not None
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        timeline.select(needed.id)
        await pilot.press("delete")
        await pilot.pause()
        await answer(pilot, yes=False)
        assert repository.get(RoadmapItem, needed.id) is not None
        await pilot.press("delete", "y")
        await pilot.pause()
        assert repository.get(RoadmapItem, needed.id) is None
        assert all(needed.id not in i.depends_on for i in repository.roadmap)
        timeline.select(linked.id)
        await pilot.press("delete", "y")
        await pilot.pause()
        assert repository.get(RoadmapItem, linked.id) is None
        assert all(a.roadmap_item_id != linked.id for m in repository.meetings
                   for a in m.actions)


async def test_export_the_calendar_from_the_app(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "agenda"
    async with app.run_test(size=SIZE) as pilot:
        await open_roadmap(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportCalendar)
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "missing" / "agenda.ics")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportCalendar)
        assert "does not exist" in str(app.screen.query_one("#export-error").render())
        field.value = str(out)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RoadmapScreen)
    written = tmp_path / "agenda.ics"
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    assert len(list(calendar.walk("VEVENT"))) > 10


async def test_french_screen(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        assert "3 en retard" in summary_text(app)
        assert "Objectifs · 25" in timeline.render_line(1).text
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Ouvrir", "Une semaine plus tard", "Zoom avant", "Nouveau"} <= descriptions
        await pilot.press("down")
        await pilot.pause()
        assert "jours de retard" in detail_text(app)


async def test_empty_roadmap_says_how_to_start(make_app: AppFactory,
                                               empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        assert timeline.rows == 0
        assert "press n" in timeline.render_line(3).text
        assert "Select an objective" in detail_text(app)
        await pilot.press("right_square_bracket", "enter")
        assert isinstance(app.screen, RoadmapScreen)


async def test_what_is_due_this_quarter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_roadmap(app, pilot)
        screen = roadmap(app)
        screen.filter_when(When.THIS_QUARTER)
        await pilot.pause()
        items = [row.item for row in screen.timeline._rows if row.item is not None]
        assert [item.objective[:20] for item in items] == ["Cartographie des act"]
        assert all(item.status is not RoadmapStatus.DONE for item in items)


async def test_the_palette_offers_the_roadmap_actions_and_items(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        await open_roadmap(app, pilot)
        provider = RoadmapCommands(app.screen)
        titles = [str(hit.text) async for hit in provider.discover()]
        assert "Roadmap: new objective" in titles
        assert "Roadmap: show late objectives" in titles
        assert "Roadmap: export the calendar (.ics)" in titles
        hits = [hit async for hit in provider.search("seminaire")]
        item = by_objective(repository, "Séminaire des élu")
        (hit,) = [h for h in hits if "Séminaire" in str(h.text)]
        hit.command()
        await pilot.pause()
        assert roadmap(app).timeline.selected_id == item.id


async def test_keys_on_an_item_without_dates_or_meeting_explain(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    undated = RoadmapItem(objective="Un jour peut-être", lever_id=repository.levers[0].id)
    repository.save(undated)
    revision = repository.revision
    async with app.run_test(size=SIZE) as pilot:
        timeline = await open_roadmap(app, pilot)
        timeline.select(undated.id)
        await pilot.pause()
        await pilot.press("right_square_bracket", "m")
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("has no dates to move yet" in m for m in messages)
        assert any("did not come from a meeting" in m for m in messages)
        assert repository.revision == revision
        assert app.current_mode == "roadmap"
