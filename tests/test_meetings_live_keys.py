"""Defects met while taking notes live (issue 21): each test drives the meeting screen
with the keys a facilitator presses."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input

from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.notes import NotesArea
from coop_tui.screens.meetings.screen import MeetingsScreen
from coop_tui.store.models import Meeting
from tests.helpers import AppFactory, burst, open_screen
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


async def test_text_typed_after_tabs_in_one_burst_reaches_the_field(
        make_app: AppFactory) -> None:
    """Defect 2: Tab Tab Tab then text, sent at once: the Tabs pass over a Select (which
    passes keys on to its parents) and the text still lands in the field reached."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        burst(app, "n", *"COPIL", "tab", "tab", "tab", *"14:00", "tab", *"16:30")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm)
                    and app.screen.query_one("#end", Input).value == "16:30")
        form = app.screen
        assert [form.query_one(f"#{name}", Input).value for name in ("title", "start")] == [
            "COPIL", "14:00"]


async def test_an_actor_typed_in_one_burst_keeps_every_key(make_app: AppFactory) -> None:
    """Defect 2, the actor form: a name, three Tabs (a Select and an actor field on the
    way), a text, ctrl+s, all at once: saved as typed."""
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "2", ActorsScreen)
        burst(app, "a", *"Bruno Petit", "tab", "tab", "tab", *"Maire", "ctrl+s")
        await until(pilot, lambda: app.screen is screen and any(
            actor.name == "Bruno Petit" for actor in repository.actors))
        assert not isinstance(app.screen, ActorForm)
    saved = [actor for actor in repository.actors if actor.name == "Bruno Petit"]
    assert [actor.responsibilities for actor in saved] == ["Maire"]
