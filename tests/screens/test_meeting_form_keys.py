"""Issue 21, the meeting in few keys: in the new-meeting form enter moves from the title to
the date to the place (keys sent in one burst land in the field they were typed for), the
agenda is typed one item per line, the mayors of the member communes are invited by a tick
that is on for a first meeting, and enter in the last one-line field saves."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input

from coop_tui.core.communes import mayor_role
from coop_tui.screens.meetings.detail import MeetingScreen
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.screen import MeetingsScreen
from coop_tui.store.models import Actor, ActorKind, Presence
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.text_fields import TextEditor
from tests.helpers import AppFactory, burst, open_screen, until

SIZE = (120, 40)


def with_mayors(repository: Repository) -> list[Actor]:
    """Two member communes, each with its actor and its mayor."""
    repository.save(repository.territory.model_copy(update={"communes": ["Lussac", "Brêves"]}))
    mayors = []
    for commune, name in (("Lussac", "Anne Morel"), ("Brêves", "Paul Roy")):
        actor = Actor(name=commune, kind=ActorKind.COMMUNE)
        mayor = Actor(name=name, kind=ActorKind.ELECTED, parent_id=actor.id,
                      responsibilities=mayor_role(commune))
        repository.save(actor)
        repository.save(mayor)
        mayors.append(mayor)
    return mayors


async def test_a_meeting_typed_in_one_burst_with_its_agenda_and_the_mayors(
        make_app: AppFactory, empty_repository: Repository) -> None:
    mayors = with_mayors(empty_repository)
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        burst(app, "n", *"COPIL", "enter", *"15/01/2027", "enter", *"Mairie", "enter",
              *"Budget", "enter", *"Voirie", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
    [meeting] = empty_repository.meetings
    assert (meeting.title, meeting.on, meeting.place) == ("COPIL", date(2027, 1, 15), "Mairie")
    assert [item.title for item in meeting.agenda] == ["Budget", "Voirie"]
    assert [(row.actor_id, row.status) for row in meeting.attendance] == [
        (mayor.id, Presence.PRESENT) for mayor in mayors]


async def test_the_mayors_tick_can_be_left_off(make_app: AppFactory,
                                               empty_repository: Repository) -> None:
    with_mayors(empty_repository)
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm))
        form = app.screen
        assert form.query_one("#mayors", Checkbox).value
        assert "(2)" in str(form.query_one("#mayors", Checkbox).label)
        form.query_one("#mayors", Checkbox).value = False
        await pilot.press(*"Bilatérale", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
    [meeting] = empty_repository.meetings
    assert meeting.attendance == [] and meeting.agenda == []


async def test_enter_in_the_last_field_saves(make_app: AppFactory,
                                             empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm))
        form = app.screen
        assert not form.query("#mayors")  # no commune has a mayor: no tick
        await pilot.press(*"Atelier", "enter")
        assert form.query_one("#on", Input).has_focus
        await pilot.press("enter", *"Salle 2", "enter")
        assert form.query_one("#agenda", TextEditor).has_focus
        form.query_one("#next_note", Input).focus()
        await pilot.press(*"même salle", "enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
    [meeting] = empty_repository.meetings
    assert (meeting.title, meeting.place, meeting.next_meeting_note) == (
        "Atelier", "Salle 2", "même salle")


async def test_i_in_attendance_invites_the_mayors_not_yet_invited(
        make_app: AppFactory, empty_repository: Repository) -> None:
    from coop_tui.store.models import Attendance, Meeting

    mayors = with_mayors(empty_repository)
    meeting = Meeting(title="Bureau", on=date(2026, 11, 26),
                      attendance=[Attendance(actor_id=mayors[1].id,
                                             status=Presence.EXCUSED)])
    empty_repository.save(meeting)
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "5", MeetingsScreen)
        screen.open_meeting(meeting.id)
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.press("f3", "i")
        await until(pilot, lambda: len(app.screen.meeting.attendance) == 2)
        await pilot.press("ctrl+s")
    stored = empty_repository.get(Meeting, meeting.id)
    assert stored is not None
    assert [(row.actor_id, row.status) for row in stored.attendance] == [
        (mayors[1].id, Presence.EXCUSED), (mayors[0].id, Presence.PRESENT)]
