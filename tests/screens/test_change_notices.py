"""Keys that change a record at one press (issue 21, defect 10): a lever's state and an
objective's dates change without a question, and a notice says what changed and that
ctrl+z takes it back; the due date moves alone with ( and )."""

from __future__ import annotations

from datetime import timedelta

from coop_tui.screens.levers.screen import LeversScreen
from coop_tui.screens.roadmap.screen import RoadmapScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store.models import Lever, LeverStatus, RoadmapItem
from coop_tui.ui.widgets.timeline import Timeline
from tests.helpers import AppFactory, burst, open_screen, until

SIZE = (120, 40)


def messages(app: CoopApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def selected_dated_item(app: CoopApp, pilot) -> RoadmapItem:  # type: ignore[no-untyped-def]
    await open_screen(pilot, "4", RoadmapScreen)
    timeline = app.screen.query_one(Timeline)
    await pilot.press("down")
    item = timeline.selected_item
    assert item is not None and item.start and item.due
    return item


async def test_a_new_lever_state_is_told_with_the_way_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        games = next(lever for lever in app.session.repository.levers
                     if lever.key == "power_games")
        screen.show_lever(games.id)
        await pilot.press("s")
        await pilot.pause()
        title = games.title.get("en")
        assert messages(app) == [f"« {title} »: to do → in progress (ctrl+z undoes it)"]
        assert app.screen is screen  # no question asked
        await pilot.press("ctrl+z")
        await pilot.pause()
        back = app.session.repository.get(Lever, games.id)
        assert back is not None and back.status is LeverStatus.TODO


async def test_five_weeks_later_in_five_presses_leaves_one_notice(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        item = await selected_dated_item(app, pilot)
        assert item.due is not None
        burst(app, *["right_square_bracket"] * 5)
        five_weeks_later = item.due + timedelta(weeks=5)
        await until(pilot, lambda: getattr(repository.get(RoadmapItem, item.id), "due", None)
                    == five_weeks_later)
        await pilot.pause()
        notices = [message for message in messages(app) if "ctrl+z" in message]
        assert len(notices) == 1
        assert notices[0].startswith(f"« {item.objective} »: ")
        assert app.screen.query_one(Timeline).selected_id == item.id


async def test_parentheses_move_the_due_date_alone(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        item = await selected_dated_item(app, pilot)
        assert item.start is not None and item.due is not None
        await pilot.press("right_parenthesis")
        await pilot.pause()
        moved = repository.get(RoadmapItem, item.id)
        assert moved is not None
        assert (moved.start, moved.due) == (item.start, item.due + timedelta(days=7))
        assert any(message.startswith(f"« {item.objective} »: due ")
                   and message.endswith("(ctrl+z undoes it)") for message in messages(app))
        await pilot.press("left_parenthesis", "left_parenthesis")
        await pilot.pause()
        moved = repository.get(RoadmapItem, item.id)
        assert moved is not None
        assert (moved.start, moved.due) == (item.start, item.due - timedelta(days=7))


async def test_the_due_date_never_goes_before_the_start(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        item = await selected_dated_item(app, pilot)
        assert item.start is not None and item.due is not None
        short = item.model_copy(update={"due": item.start + timedelta(days=3)})
        assert app.session.save([short]) is None
        revision = repository.revision
        await pilot.press("left_parenthesis")
        await pilot.pause()
        assert repository.revision == revision
        assert any("cannot come before the start" in message for message in messages(app))
