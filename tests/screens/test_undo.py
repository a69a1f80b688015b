"""Undo and redo (issue 21): ctrl+z takes back the last change made since the app opened,
the status bar says which, and a change made since by other means is never undone blindly."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from coop_tui.screens.levers.screen import LeversScreen
from coop_tui.screens.meetings.notes import AgendaList, NotesArea
from coop_tui.screens.roadmap.screen import RoadmapScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store.models import Lever, LeverStatus, Meeting, RoadmapItem
from coop_tui.ui.widgets.status_bar import StatusBar
from coop_tui.ui.widgets.timeline import Timeline
from tests.helpers import AppFactory, answer, open_screen, until
from tests.screens.test_meetings_screen import SIZE, live_meeting, open_meeting


def status_line(app: CoopApp) -> str:
    return str(app.screen.query_one(StatusBar, Static).render())


def messages(app: CoopApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def power_games(app: CoopApp) -> Lever:
    return next(lever for lever in app.session.repository.levers if lever.key == "power_games")


async def test_a_deleted_agenda_item_comes_back_with_its_notes(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    first = meeting.model_copy(deep=True)
    first.agenda[0].notes = "Le budget est discuté.\nD: budget adopté"
    repository.save(first)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        screen.query_one(AgendaList).focus()
        await pilot.press("delete")
        await answer(pilot, yes=True)
        stored = repository.get(Meeting, meeting.id)
        assert stored is not None and [item.title for item in stored.agenda] == ["Second point"]
        change = "deleting the agenda item « Premier point » of the meeting « COPIL de test »"
        # Opening the meeting read its decision line into a record (a step of its own).
        assert f"Undo: {change}" in status_line(app)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: len(screen.meeting.agenda) == 2)
        stored = repository.get(Meeting, meeting.id)
        assert stored is not None
        assert [item.title for item in stored.agenda] == ["Premier point", "Second point"]
        assert stored.agenda[0].notes == "Le budget est discuté.\nD: budget adopté"
        assert f"Undone: {change}" in messages(app)
        # The sheet shows the store again: the item is back in the agenda.
        assert screen.query_one(AgendaList).option_count == 2


async def test_moved_roadmap_dates_move_back(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "4", RoadmapScreen)
        timeline = app.screen.query_one(Timeline)
        await pilot.press("down")
        item = timeline.selected_item
        assert item is not None and item.start and item.due
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        moved = repository.get(RoadmapItem, item.id)
        assert moved is not None and moved.due == item.due + timedelta(days=14)
        assert f"Undo: dates of the objective « {item.objective} » (ctrl+z, 2 changes)" \
            in status_line(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        back = repository.get(RoadmapItem, item.id)
        assert back is not None and (back.start, back.due) == (
            item.start + timedelta(days=7), item.due + timedelta(days=7))
        await pilot.press("ctrl+z")
        await pilot.pause()
        back = repository.get(RoadmapItem, item.id)
        assert back is not None and (back.start, back.due) == (item.start, item.due)
        assert "Undo" not in status_line(app)


async def test_a_changed_lever_state_goes_back_and_forth(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        games = power_games(app)
        screen.show_lever(games.id)
        await pilot.press("s")
        await pilot.pause()
        assert power_games(app).status is LeverStatus.IN_PROGRESS
        title = games.title.get("en")
        assert f"Undo: state of the lever « {title} » (ctrl+z)" in status_line(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert power_games(app).status is LeverStatus.TODO
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert power_games(app).status is LeverStatus.IN_PROGRESS
        assert f"Redone: state of the lever « {title} »" in messages(app)


async def test_nothing_to_undo_says_so_in_one_line(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        revision = app.session.repository.revision
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert messages(app) == ["Nothing to undo."]
        assert app.session.repository.revision == revision
        assert "Undo" not in status_line(app)


async def test_ctrl_z_in_the_notes_undoes_typing_not_a_change(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        area = screen.query_one("#notes-area", NotesArea)
        await until(pilot, lambda: app.focused is area)
        await pilot.press(*"Tour de table")
        await until(pilot, lambda: area.text == "Tour de table")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: area.text != "Tour de table")
        assert app.session.history.undoable == []
        assert messages(app) == []


async def test_typing_saved_in_pieces_is_one_change(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        area = screen.query_one("#notes-area", NotesArea)
        await until(pilot, lambda: app.focused is area)
        for words in ("Tour de table. ", "Budget."):
            await pilot.press(*words)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: not screen.editor.dirty)
        stored = repository.get(Meeting, meeting.id)
        assert stored is not None and stored.agenda[0].notes == "Tour de table. Budget."
        assert len(app.session.history.undoable) == 1
        assert "Undo: notes of the meeting « COPIL de test » (ctrl+z)" in status_line(app)
        screen.query_one(AgendaList).focus()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: area.text == "")
        stored = repository.get(Meeting, meeting.id)
        assert stored is not None and stored.agenda[0].notes == ""


async def test_a_change_made_since_by_other_means_is_not_undone(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        screen.show_lever(power_games(app).id)
        await pilot.press("s")
        await pilot.pause()
        # A merged copy (or a settled conflict) changed the lever without this session.
        merged = power_games(app).model_copy(deep=True)
        merged.notes = "Noté par une collègue."
        repository.save(merged)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert power_games(app).status is LeverStatus.IN_PROGRESS
        assert power_games(app).notes == "Noté par une collègue."
        refused = [message for message in messages(app) if message.startswith("Not undone")]
        assert len(refused) == 1 and refused[0].startswith("Not undone: « ")
        assert app.session.history.undoable == []


async def test_reopening_the_store_forgets_what_could_be_undone(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        screen.show_lever(power_games(app).id)
        await pilot.press("s")
        await pilot.pause()
        assert app.session.history.undoable
        app.session.reopened(app.session.repository)
        assert app.session.history.undoable == []
        assert "Undo" not in status_line(app)


async def test_undoing_a_creation_deletes_the_record(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        created = RoadmapItem(objective="Mutualiser la voirie")
        assert app.session.save([created]) is None
        assert app.session.history.undoable[-1].description == \
            "adding: objective « Mutualiser la voirie »"
        outcome = app.session.undo()
        assert outcome.done and repository.get(RoadmapItem, created.id) is None
        outcome = app.session.redo()
        assert outcome.done and repository.get(RoadmapItem, created.id) is not None


async def test_the_status_bar_says_in_french_what_ctrl_z_undoes(
    make_app: AppFactory, french: None
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        games = power_games(app)
        screen.show_lever(games.id)
        await pilot.press("s")
        await pilot.pause()
        title = games.title.get("fr")
        assert f"Annuler\u00a0: état du levier «\u00a0{title}\u00a0» (ctrl+z)" in status_line(app)


async def test_the_palette_offers_to_undo_and_redo_the_last_change(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        games = power_games(app)
        screen.show_lever(games.id)
        await pilot.press("s")
        await pilot.pause()
        commands = [command.title for command in app.get_system_commands(app.screen)]
        title = games.title.get("en")
        assert f"Undo: state of the lever « {title} »" in commands
        assert not any(command.startswith("Redo") for command in commands)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Undo: state")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: power_games(app).status is LeverStatus.TODO)
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert f"Redo: state of the lever « {title} »" in commands


async def test_at_80_columns_the_territory_gives_way_to_the_undo_hint(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        games = power_games(app)
        screen.show_lever(games.id)
        await pilot.press("s")
        await pilot.pause()
        line = status_line(app)
        hint = f"Undo: state of the lever « {games.title.get('en')} » (ctrl+z)"
        assert hint in line
        assert app.session.repository.territory.name not in line
        assert "…" in line.split(hint)[0]
