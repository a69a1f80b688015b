"""Defects met while taking notes live (issue 21): each test drives the meeting screen
with the keys a facilitator presses."""

from __future__ import annotations

import re
from datetime import time

from textual.widgets import DataTable, Input, OptionList

from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.notes import NotesArea
from coop_tui.screens.meetings.screen import MeetingsScreen
from coop_tui.store.models import Meeting, Presence
from coop_tui.ui.widgets.actor_picker import ActorPicker
from tests.helpers import AppFactory, burst, open_screen, until
from tests.screens.test_meetings_screen import SIZE, live_meeting, open_meeting


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
        # Date, place, agenda, the mayors' tick, the kind (a Select), then the start time.
        burst(app, "n", *"COPIL", *["tab"] * 6, *"14:00", "tab", *"16:30")
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


async def test_the_cursor_goes_to_the_person_just_added(make_app: AppFactory) -> None:
    """Defect 4: after n (add someone), the cursor is on the new row, not the one above."""
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    invited = {row.actor_id for row in meeting.attendance}
    newcomer = next(actor for actor in repository.actors
                    if actor.id not in invited and actor.kind.value == "elected")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press("f3")
        table = screen.query_one("#attendance-table", DataTable)
        await until(pilot, lambda: app.focused is table)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ActorPicker))
        await pilot.press(*newcomer.name)
        options = app.screen.query_one("#picker-options", OptionList)
        await until(pilot, lambda: options.option_count > 0
                    and options.get_option_at_index(0).id == newcomer.id)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen and table.row_count == 4)
        await pilot.press("e")  # marks the row under the cursor, then moves on
        await until(pilot, lambda: any(row.status is Presence.EXCUSED
                                       for row in screen.editor.meeting.attendance))
        excused = [row.actor_id for row in screen.editor.meeting.attendance
                   if row.status is Presence.EXCUSED]
        assert excused == [newcomer.id]


async def test_empty_times_do_not_look_typed(make_app: AppFactory) -> None:
    """Defect 6: the empty start and end times showed « 14:00 » and « 16:30 » as
    placeholders, read as values and saved as nothing; what shows now reads as a hint,
    and a time typed is saved."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm))
        form = app.screen
        for name in ("start", "end"):
            field = form.query_one(f"#{name}", Input)
            assert field.value == ""
            assert not re.search(r"\d", field.placeholder), field.placeholder
        form.query_one("#start", Input).focus()
        await pilot.press(*"9h30")
        form.query_one("#title", Input).value = "Bureau"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, MeetingForm))
    saved = [m for m in app.session.repository.meetings if m.title == "Bureau"]
    assert [(m.start, m.end) for m in saved] == [(time(9, 30), None)]


async def test_ctrl_n_adds_the_item_at_the_end_of_the_agenda(make_app: AppFactory) -> None:
    """Defect 12: an item added while the first one is shown goes last, not second."""
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        titles = [item.title for item in screen.meeting.agenda]
        assert len(titles) >= 2
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, AgendaItemForm))
        await pilot.press(*"Questions diverses", "enter")
        await until(pilot, lambda: len(screen.meeting.agenda) == len(titles) + 1)
        assert [item.title for item in screen.meeting.agenda] == [*titles,
                                                                  "Questions diverses"]

