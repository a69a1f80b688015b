"""Defects met while taking notes live (issue 21): each test drives the meeting screen
with the keys a facilitator presses."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.notes import NotesArea
from coop_tui.store.models import Meeting
from tests.helpers import AppFactory
from tests.test_meetings_screen import SIZE, live_meeting, open_meeting


async def until(pilot: Pilot[int], condition: Callable[[], bool], tries: int = 50) -> None:
    """Let the app run until ``condition`` holds (at most ``tries`` pauses)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition()


async def test_notes_take_keys_after_a_second_item_is_added(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        for title in ("Budget", "Voirie"):
            await pilot.press("ctrl+n")
            await until(pilot, lambda: isinstance(app.screen, AgendaItemForm))
            await pilot.press(*title, "enter")
            await until(pilot, lambda: app.screen is screen)
        area = screen.query_one("#notes-area", NotesArea)
        await until(pilot, lambda: app.focused is area)
        await pilot.press(*"D: 12 ok")
        await until(pilot, lambda: area.text == "D: 12 ok")
        assert app.screen is screen  # "1" and "2" were text, not the screens' keys
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.editor.dirty)
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None
    notes = {item.title: item.notes for item in stored.agenda}
    assert (notes["Budget"], notes["Voirie"]) == ("", "D: 12 ok")
