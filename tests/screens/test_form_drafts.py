"""Nothing typed is lost: a form open when the app goes away (quit, closed terminal,
SIGTERM, crash: all go through ``save_everything``) leaves its record in the store file if
the model accepts it, and writes nothing (without raising) if it does not."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Button, Input, TextArea

from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.levers.screen import LeversScreen
from coop_tui.screens.levers.thresholds import ThresholdsForm
from coop_tui.screens.meetings.action_form import ActionForm
from coop_tui.screens.meetings.actor_form import QuickActorForm
from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.detail import MeetingScreen
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.screen import MeetingsScreen
from coop_tui.screens.roadmap.form import RoadmapItemForm
from coop_tui.screens.roadmap.screen import RoadmapScreen
from coop_tui.screens.territory.form import TerritoryForm
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.models import AgendaItem, Attendance, Meeting, MeetingKind
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import RecordForm
from tests.e2e.test_e2e_shell import _gone, _store_user, environment
from tests.helpers import AppFactory, burst, open_screen
from tests.tmux import coop_tui_command, terminal

SIZE = (120, 40)


@contextmanager
def on_disk(app: CoopApp) -> Iterator[Repository]:
    """The store as the file holds it now (read-only, beside the app's own copy)."""
    stored = open_store(app.session.repository.path, read_only=True)
    try:
        yield stored
    finally:
        stored.close()


def actor_names(app: CoopApp) -> list[str]:
    with on_disk(app) as stored:
        return [actor.name for actor in stored.actors]


def objectives(app: CoopApp) -> list[str]:
    with on_disk(app) as stored:
        return [item.objective for item in stored.roadmap]


async def open_form(pilot: Pilot[int], key: str, kind: type[object]) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind), pilot.app.screen


# ---------------------------------------------------------------------- actors


async def test_a_new_actor_being_typed_is_saved_once(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "2", ActorsScreen)
        await open_form(pilot, "a", ActorForm)
        await pilot.press(*"Claire Draft")
        app.save_everything()
        assert actor_names(app).count("Claire Draft") == 1
        app.save_everything()  # a second save (the app's own unmount) adds no twin
        assert isinstance(app.screen, ActorForm)
    assert actor_names(app).count("Claire Draft") == 1


async def test_an_actor_the_model_refuses_writes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    before = sorted(actor_names(app))
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "2", ActorsScreen)
        await open_form(pilot, "a", ActorForm)
        form = app.screen
        form.query_one("#f-tags", Input).focus()
        await pilot.press(*"no name yet")  # the name stays empty: the model refuses it
        app.save_everything()
        assert isinstance(app.screen, ActorForm)
        assert sorted(actor_names(app)) == before
    assert sorted(actor_names(app)) == before


async def test_an_actor_left_unchanged_is_not_rewritten(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "2", ActorsScreen)
        await open_form(pilot, "e", ActorForm)
        path = app.session.repository.path
        written = path.stat().st_mtime_ns, path.read_bytes()
        app.save_everything()
        assert (path.stat().st_mtime_ns, path.read_bytes()) == written


# ---------------------------------------------------------------------- roadmap


async def test_a_roadmap_objective_being_typed_is_saved(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "4", RoadmapScreen)
        await open_form(pilot, "n", RoadmapItemForm)
        await pilot.press(*"Shared payroll service")
        app.save_everything()
        assert objectives(app).count("Shared payroll service") == 1
    assert objectives(app).count("Shared payroll service") == 1


async def test_a_roadmap_objective_the_model_refuses_writes_nothing(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "4", RoadmapScreen)
        await open_form(pilot, "n", RoadmapItemForm)
        await pilot.press(*"Out of bounds")
        app.screen.query_one("#f-progress", Input).value = "150"  # progress is 0 to 100
        app.save_everything()
        assert isinstance(app.screen, RoadmapItemForm)
        assert "Out of bounds" not in objectives(app)
    assert "Out of bounds" not in objectives(app)


# ---------------------------------------------------------------------- meetings


def live_meeting(repository: Repository) -> Meeting:
    actors = [a for a in repository.actors if a.kind.value == "elected"][:2]
    meeting = Meeting(title="COPIL des brouillons", kind=MeetingKind.COPIL,
                      on=date(2026, 11, 26), start=time(14), end=time(16),
                      attendance=[Attendance(actor_id=actor.id) for actor in actors],
                      agenda=[AgendaItem(title="Premier point", planned_minutes=30)])
    repository.save(meeting)
    return meeting


def stored_meeting(app: CoopApp, meeting_id: str) -> Meeting:
    with on_disk(app) as stored:
        meeting = stored.get(Meeting, meeting_id)
    assert meeting is not None
    return meeting


async def open_meeting(pilot: Pilot[int], meeting_id: str) -> MeetingScreen:
    meetings = await open_screen(pilot, "5", MeetingsScreen)
    meetings.open_meeting(meeting_id)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen), screen
    return screen


async def test_an_agenda_item_being_typed_is_saved_in_its_meeting(
        make_app: AppFactory) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(pilot, meeting.id)
        screen.action_new_item()
        await pilot.pause()
        assert isinstance(app.screen, AgendaItemForm)
        await pilot.press(*"Budget annexe")
        app.save_everything()
        titles = [item.title for item in stored_meeting(app, meeting.id).agenda]
        assert titles == ["Premier point", "Budget annexe"]
    assert len(stored_meeting(app, meeting.id).agenda) == 2


async def test_an_action_the_model_refuses_writes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(pilot, meeting.id)
        screen.action_add_action()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        form.query_one("#due", Input).value = "not a date"  # the text stays empty too
        app.save_everything()
        assert isinstance(app.screen, ActionForm)
        assert stored_meeting(app, meeting.id).actions == []
    assert stored_meeting(app, meeting.id).actions == []


async def test_a_new_meeting_being_typed_is_saved(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        await open_form(pilot, "n", MeetingForm)
        await pilot.press(*"Atelier des brouillons")
        app.save_everything()
        with on_disk(app) as stored:
            titles = [meeting.title for meeting in stored.meetings]
        assert titles.count("Atelier des brouillons") == 1
        assert isinstance(app.screen, MeetingForm)  # kept, not opened


async def test_a_title_typed_with_the_key_that_opens_the_form_fills_it_in(
    make_app: AppFactory,
) -> None:
    """``n`` and the title at once: the form is not drawn yet when the title's keys come,
    they wait for its first field instead of being dropped, and keep their order."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        burst(app, "n", *"Atelier express", "backspace", "s")
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        assert form.query_one("#title", Input).value == "Atelier express"


class ButtonsOnly(RecordForm[None]):
    """A form with no text field: nothing held for one ever gets it."""

    BINDINGS = [Binding("escape", "cancel")]

    def compose(self) -> ComposeResult:
        yield Button("OK")

    def draft_snapshot(self) -> object:
        return None


async def test_keys_held_for_a_text_field_reach_a_form_that_has_none() -> None:
    """Escape typed as such a form opens still closes it, a moment later."""
    app: App[None] = App()
    async with app.run_test() as pilot:
        form = ButtonsOnly()
        app.push_screen(form)
        burst(app, "escape")
        await pilot.pause(1.3)
        assert app.screen is not form


async def test_a_new_attendee_named_in_the_picker_is_saved(make_app: AppFactory) -> None:
    """The name typed in the picker counts as typed: the quick form keeps it as it opens."""
    app = make_app()
    meeting = live_meeting(app.session.repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(pilot, meeting.id)
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("n", *"Nadia Nouvelle", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickActorForm), app.screen
        app.save_everything()
        assert actor_names(app).count("Nadia Nouvelle") == 1
        with on_disk(app) as stored:
            added = next(a for a in stored.actors if a.name == "Nadia Nouvelle")
        attendees = [row.actor_id for row in stored_meeting(app, meeting.id).attendance]
        assert attendees.count(added.id) == 1


# ---------------------------------------------------------------------- thresholds


@pytest.mark.parametrize(("typed", "kept"), [("21", 21), ("-5", 60), ("", 60)])
async def test_thresholds_being_typed_are_saved_when_valid(make_app: AppFactory, typed: str,
                                                            kept: int) -> None:
    app = make_app()
    with on_disk(app) as stored:
        assert stored.territory.thresholds.follower_contact_days == 60
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "3", LeversScreen)
        await open_form(pilot, "t", ThresholdsForm)
        app.screen.query_one("#follower_contact_days", Input).value = typed
        app.save_everything()
        with on_disk(app) as stored:
            assert stored.territory.thresholds.follower_contact_days == kept


# ---------------------------------------------------------------------- territory


async def test_a_territory_being_typed_is_saved(make_app: AppFactory) -> None:
    app = make_app()
    with on_disk(app) as stored:
        communes = stored.territory.communes
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_form(pilot, "t", TerritoryForm)
        area = app.screen.query_one("#f-communes", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press("enter", *"Saint-Aubin")
        app.save_everything()
        with on_disk(app) as stored:
            assert stored.territory.communes == [*communes, "Saint-Aubin"]
        app.save_everything()  # saved once: the same text is not written again
        assert isinstance(app.screen, TerritoryForm)
    with on_disk(app) as stored:
        assert stored.territory.communes == [*communes, "Saint-Aubin"]


async def test_a_territory_the_model_refuses_writes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    with on_disk(app) as stored:
        before = stored.territory
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_form(pilot, "t", TerritoryForm)
        form = app.screen
        form.query_one("#f-name", Input).value = "Renamed"
        form.query_one("#f-mandate_end", Input).value = "2001-01-01"  # before the start
        app.save_everything()
        assert isinstance(app.screen, TerritoryForm)
        with on_disk(app) as stored:
            assert stored.territory == before
    with on_disk(app) as stored:
        assert stored.territory == before


# ---------------------------------------------------------------------- the real app


@pytest.mark.e2e
def test_an_actor_typed_when_the_terminal_closes_is_in_the_store(
        tmp_path: Path, demo_path: Path) -> None:
    """The real app in tmux: a name typed in the actor form, then the terminal is closed
    (SIGHUP): the actor is in the store file."""
    command = f"{coop_tui_command()} --lang en {demo_path}"
    with terminal(command, environment(tmp_path, "C.UTF-8")) as term:
        term.wait_for("Dashboard")
        pid = _store_user(demo_path)
        term.send("2")
        term.wait_for("Log contact")
        term.send("a")
        term.wait_for("New actor")
        term.type("Typed Before Hangup")
        term.wait_for("Typed Before Hangup")
        term.run("kill-server")
        assert _gone(pid), "coop-tui still running after the hang-up"
    stored = open_store(demo_path, read_only=True)
    try:
        assert [a.name for a in stored.actors].count("Typed Before Hangup") == 1
    finally:
        stored.close()
