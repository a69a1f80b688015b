"""The meetings screens with Pilot: the list, the form, live capture, attendance, votes,
follow-up, approval, duplicate, delete, export, autosave."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from coop_tui.core.target import Target
from coop_tui.screens.meetings.detail import MeetingScreen
from coop_tui.screens.meetings.export import ExportDialog
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.meetings.notes import CapturePanel, NotesArea
from coop_tui.screens.meetings.screen import MeetingsScreen
from coop_tui.screens.meetings.vote_form import VoteForm
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.models import (
    ActionStatus,
    Actor,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingKind,
    MinutesStatus,
    Presence,
    RoadmapItem,
)
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.dialogs import TextPrompt
from coop_tui.ui.widgets.record_table import RecordTable
from tests.helpers import AppFactory, answer, burst, open_screen, until

SIZE = (120, 36)


def live_meeting(repository: Repository, kind: MeetingKind = MeetingKind.COPIL) -> Meeting:
    """A meeting of today with two agenda items and three attendees, saved."""
    actors = [a for a in repository.actors if a.kind.value == "elected"][:3]
    meeting = Meeting(
        title="COPIL de test", kind=kind, on=date(2026, 11, 26), start=time(14),
        end=time(16), place="Mairie", voting_members=3 if kind is MeetingKind.COUNCIL else None,
        attendance=[Attendance(actor_id=actor.id) for actor in actors],
        agenda=[AgendaItem(title="Premier point", planned_minutes=30),
                AgendaItem(title="Second point", planned_minutes=30)],
    )
    repository.save(meeting)
    return meeting


async def open_meeting(app: CoopApp, pilot, meeting_id: str) -> MeetingScreen:  # type: ignore[no-untyped-def]
    screen = await open_screen(pilot, "5", MeetingsScreen)
    screen.open_meeting(meeting_id)
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    return app.screen


async def test_list_is_newest_first_and_filters(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one("#meetings", RecordTable)
        meetings = app.session.repository.meetings
        assert table.row_count == len(meetings)
        keys = list(table.keys)
        days = [app.session.repository.get(Meeting, key).on for key in keys]  # type: ignore[union-attr]
        assert days == sorted(days, reverse=True)
        await pilot.press("slash", *"copil")
        await pilot.pause()
        assert table.row_count == sum(m.kind is MeetingKind.COPIL for m in meetings)
        await pilot.press("escape")
        app.screen.query_one("#meetings-kind", Select).value = "council"
        await pilot.pause()
        assert table.row_count == sum(m.kind is MeetingKind.COUNCIL for m in meetings)


async def test_escape_after_typing_in_a_form_asks_before_dropping_it(
        make_app: AppFactory) -> None:
    from coop_tui.ui.widgets.dialogs import ConfirmDialog

    app = make_app()
    repository = app.session.repository
    before = repository.count(Meeting)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        await pilot.press("escape")  # nothing typed yet: it closes at once
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        form.query_one("#title", Input).value = "COPIL n°3"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form and form.query_one("#title", Input).value == "COPIL n°3"
        await pilot.click("#form-cancel")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert len(app.screen_stack) == 3  # the list, the form, one question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
    assert repository.count(Meeting) == before


async def test_the_form_shows_errors_at_the_field_and_saves_nothing(
        make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    before = repository.count(Meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingForm)
        form.query_one("#on", Input).value = "31/02/2027"
        form.query_one("#start", Input).value = "14:00"
        form.query_one("#end", Input).value = "13:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {e.id: str(e.render()) for e in form.query(".field-error").results(Static)
                  if e.display}
        assert "error-on" in errors and "real date" in errors["error-on"]
        assert repository.count(Meeting) == before
        form.query_one("#on", Input).value = "3/12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {e.id: str(e.render()) for e in form.query(".field-error").results(Static)
                  if e.display}
        assert "must not be empty" in errors["error-title"]
        assert "is not after the start time" in errors["error-end"]
        assert repository.count(Meeting) == before
        form.query_one("#title", Input).value = "COPIL n°3"
        form.query_one("#end", Input).value = "16h30"
        form.query_one("#kind", Select).value = "copil"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    assert repository.count(Meeting) == before + 1
    created = max(repository.meetings, key=lambda m: m.created)
    assert created.on == date(2026, 12, 3)
    assert created.end == time(16, 30)
    assert [item.title for item in created.agenda][:2] == [
        "Approval of the minutes of July 31, 2026", "Follow-up of actions"]
    assert created.attendance  # the people of the previous COPIL


async def test_live_capture_from_notes(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    owner = repository.get(Actor, meeting.attendance[0].actor_id)
    assert owner is not None
    first_name = owner.name.split()[0]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        area = screen.query_one("#notes-area", NotesArea)
        assert area.has_focus
        await pilot.press(*"- tour de table", "enter", *"D: adopter le budget", "enter",
                          *f"A: envoyer le PV @{first_name} avant le 15/12", "enter",
                          *"A: relancer @Inconnu_Total 31/02")
        await pilot.pause()
        panel = str(screen.query_one("#captured", CapturePanel).render())
        assert "adopter le budget" in panel
        assert owner.name in panel
        assert "Inconnu Total" in panel and "not in the actor map" in panel
        assert "no such date" in panel
        working = screen.editor.meeting
        assert [d.text for d in working.decisions] == ["adopter le budget"]
        assert working.actions[0].text == "envoyer le PV"
        assert working.actions[0].owner_id == owner.id
        assert working.actions[0].due == date(2026, 12, 15)
        assert working.actions[1].owner_name == "Inconnu Total"
        decision_id = working.decisions[0].id
        await pilot.pause(0.9)
        stored = repository.get(Meeting, meeting.id)
        assert stored is not None and stored.decisions[0].text == "adopter le budget"
        area.cursor_location = (1, len("D: adopter le budget"))
        await pilot.press(*" 2027")
        await pilot.pause(0.9)
        stored = repository.get(Meeting, meeting.id)
        assert stored is not None
        assert [(d.id, d.text) for d in stored.decisions] == [(decision_id,
                                                               "adopter le budget 2027")]
        assert stored.agenda[0].notes.startswith("- tour de table\nD: adopter le budget 2027")


async def test_names_complete_with_tab(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    owner = repository.get(Actor, meeting.attendance[1].actor_id)
    assert owner is not None
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press(*f"A: appeler @{owner.name[:4].lower()}")
        await pilot.pause()
        area = screen.query_one("#notes-area", NotesArea)
        assert area.suggestions
        assert screen.query_one("#completion").display
        await pilot.press("tab")
        await pilot.pause()
        assert area.has_focus
        assert area.text.startswith(f"A: appeler @{owner.name.replace(' ', '_')} ")
        assert screen.editor.meeting.actions[0].owner_id == owner.id


async def test_agenda_items_switch_reorder_and_time(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press(*"notes du premier point", "ctrl+down", *"notes du second")
        await pilot.press("ctrl+t")
        await pilot.pause(1.2)
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+up")
        await pilot.pause()
        area = screen.query_one("#notes-area", NotesArea)
        assert area.text == "notes du premier point"
        screen.query_one("#agenda").focus()
        await pilot.press("shift+down")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None
    assert [item.title for item in stored.agenda] == ["Second point", "Premier point"]
    assert [item.notes for item in stored.agenda] == ["notes du second",
                                                      "notes du premier point"]
    assert stored.agenda[0].elapsed_seconds >= 1


async def test_attendance_by_single_keys_and_quorum(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository, MeetingKind.COUNCIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press("f3")
        await pilot.pause()
        table = screen.query_one("#attendance-table", DataTable)
        assert table.has_focus
        await pilot.press("a", "a", "a")
        await pilot.pause()
        assert "Quorum NOT reached" in str(screen.query_one("#attendance-counts").render())
        await pilot.press("up", "up", "p", "s")
        await pilot.pause()
        await pilot.press(*"Jeanne Suppléante", "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")  # the first one present holds the proxy
        await pilot.pause()
        counts = str(screen.query_one("#attendance-counts").render())
        assert "Quorum reached" in counts
    rows = {row.actor_id: row for row in repository.get(Meeting, meeting.id).attendance}  # type: ignore[union-attr]
    first, second, third = (rows[a.actor_id] for a in meeting.attendance)
    assert first.status is Presence.PRESENT
    assert second.status is Presence.SUBSTITUTED and second.substitute == "Jeanne Suppléante"
    assert third.status is Presence.REPRESENTED and third.proxy_id == first.actor_id


async def test_a_new_actor_is_added_without_leaving(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    actors_before = repository.count(Actor)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press("f3", "n")
        await pilot.pause()
        await pilot.press(*"[bold]Zoé[/] Nouvelle")
        await pilot.pause()
        await pilot.press("end")
        options = app.screen.query_one("#picker-options")
        options.highlighted = options.option_count - 1  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        table = screen.query_one("#attendance-table", DataTable)
        assert "[bold]Zoé[/] Nouvelle" in [str(table.get_row(key)[0]) for key in table.rows]
    assert repository.count(Actor) == actors_before + 1
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None and len(stored.attendance) == 4


async def test_vote_with_names(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository, MeetingKind.COUNCIL)
    names = [repository.actor_name(row.actor_id) for row in meeting.attendance]
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press(*"D: adopter le pacte")
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert isinstance(app.screen, VoteForm)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("p", "c", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert screen.editor.meeting.decisions[0].vote is not None
    vote = repository.get(Meeting, meeting.id).decisions[0].vote  # type: ignore[union-attr]
    assert vote is not None
    assert (vote.yes, vote.no, vote.abstain, vote.public) == (1, 1, 1, True)
    assert (vote.yes_names, vote.no_names, vote.abstain_names) == ([names[0]], [names[1]],
                                                                   [names[2]])


async def test_an_action_becomes_a_roadmap_item_in_one_step(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press(*"A: lancer l'étude 15/01")
        await pilot.press("f4")
        await pilot.pause()
        screen.query_one("#actions-table").focus()
        await pilot.press("r")
        await pilot.pause()
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None
    action = stored.actions[0]
    item = repository.get(RoadmapItem, action.roadmap_item_id)
    assert item is not None
    assert (item.objective, item.due, item.meeting_id, item.action_id) == (
        "lancer l'étude", date(2027, 1, 15), meeting.id, action.id)


async def test_follow_up_marks_earlier_actions_done(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = max((m for m in repository.meetings if m.kind is MeetingKind.COPIL),
                  key=lambda m: m.on)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press("f5")
        await pilot.pause()
        table = screen.query_one("#follow-table", DataTable)
        assert table.row_count
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        earlier_id, _sep, action_id = key.partition("/")
        await pilot.press("d")
        await pilot.pause()
    earlier = repository.get(Meeting, earlier_id)
    assert earlier is not None
    action = next(a for a in earlier.actions if a.id == action_id)
    assert action.status is ActionStatus.DONE
    assert action.done_on == date(2026, 11, 26)


async def test_postpone_an_action_here_and_an_earlier_one(make_app: AppFactory) -> None:
    """p asks for the new due date, in this meeting's actions and in the follow-up alike."""
    app = make_app()
    repository = app.session.repository
    meeting = max((m for m in repository.meetings if m.kind is MeetingKind.COPIL),
                  key=lambda m: m.on)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press(*"A: lancer l'étude 15/01")
        await pilot.press("f4")
        await pilot.pause()
        screen.query_one("#actions-table").focus()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"31/01/2027", "ctrl+s")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        table = screen.query_one("#follow-table", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        earlier_id, _sep, earlier_action_id = key.partition("/")
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"15/02/2027", "ctrl+s")
        await pilot.pause()
    here = repository.get(Meeting, meeting.id)
    assert here is not None
    captured = next(a for a in here.actions if a.text == "lancer l'étude")
    assert (captured.status, captured.due) == (ActionStatus.POSTPONED, date(2027, 1, 31))
    earlier = repository.get(Meeting, earlier_id)
    assert earlier is not None
    action = next(a for a in earlier.actions if a.id == earlier_action_id)
    assert (action.status, action.due) == (ActionStatus.POSTPONED, date(2027, 2, 15))


async def test_approving_the_previous_minutes_records_both(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    upcoming = max((m for m in repository.meetings if m.kind is MeetingKind.COPIL),
                   key=lambda m: m.on)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, upcoming.id)
        await screen.run_action("approve_previous")
        await pilot.pause()
        await answer(pilot, yes=True)
    current = repository.get(Meeting, upcoming.id)
    assert current is not None and current.approves_id is not None
    previous = repository.get(Meeting, current.approves_id)
    assert previous is not None
    assert previous.minutes_status is MinutesStatus.APPROVED
    assert previous.approved_in_id == upcoming.id


async def test_duplicate_is_the_same_meeting_next_month(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    before = {m.id for m in repository.meetings}
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "5", MeetingsScreen)
        source = next(m for m in repository.meetings if m.kind is MeetingKind.COUNCIL
                      and m.attendance)
        screen.show_record(Target("meetings", source.id))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, MeetingForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
    created = next(m for m in repository.meetings if m.id not in before)
    assert created.kind is source.kind and created.place == source.place
    assert [row.actor_id for row in created.attendance] == [r.actor_id for r in
                                                             source.attendance]
    assert all(row.status is Presence.PRESENT for row in created.attendance)
    assert created.on.month == source.on.month % 12 + 1
    assert created.on.weekday() == source.on.weekday()
    titles = [item.title for item in created.agenda]
    assert titles[1] == "Follow-up of actions"
    assert titles[0].startswith("Approval of the minutes of")
    assert not created.decisions and not created.actions


async def test_delete_asks_and_cleans_links(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    linked = next(item for item in repository.roadmap if item.meeting_id)
    target = repository.get(Meeting, linked.meeting_id)
    assert target is not None
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "5", MeetingsScreen)
        screen.show_record(Target("meetings", target.id))
        await pilot.press("delete")
        await pilot.pause()
        await answer(pilot, yes=False)
        assert repository.get(Meeting, target.id) is not None
        await pilot.press("delete")
        await pilot.pause()
        await answer(pilot, yes=True)
    assert repository.get(Meeting, target.id) is None
    assert repository.get(RoadmapItem, linked.id).meeting_id is None  # type: ignore[union-attr]


async def test_export_from_the_meeting_screen(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    target = tmp_path / "cr.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(app, pilot, meeting.id)
        await pilot.press(*"D: <script>x</script> adopté")
        await pilot.press("ctrl+g")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))  # written
        assert target.read_text(encoding="utf-8").startswith("# COPIL de test")
        assert "\\<script\\>x\\</script\\> adopté" in target.read_text(encoding="utf-8")
        from coop_tui.store.export_journal import read_journal

        assert read_journal(repository.path.absolute()).minutes is not None
        await pilot.press("ctrl+g")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(target)
        target.write_text("kept", encoding="utf-8")
        await pilot.press("enter")
        await pilot.pause()
        await answer(pilot, yes=False)
        assert target.read_text(encoding="utf-8") == "kept"


async def test_typing_is_saved_on_quit(make_app: AppFactory, demo_path: Path) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(app, pilot, meeting.id)
        await pilot.press(*"tapé juste avant de quitter")
        await pilot.press("f6", *"note privée")
        app.save_everything()
    repository.close()
    reopened = open_store(demo_path)
    try:
        stored = reopened.get(Meeting, meeting.id)
        assert stored is not None
        assert stored.agenda[0].notes == "tapé juste avant de quitter"
        assert stored.private_notes == "note privée"
    finally:
        reopened.close()


async def test_notes_typed_in_bursts_keep_every_correction(make_app: AppFactory) -> None:
    """Keys that arrive together (a slow link, a busy moment) edit the notes in the order
    they were typed: a backspace never waits behind the letters typed after it."""
    app = make_app()
    meeting = live_meeting(app.session.repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        burst(app, *"D: adopter le budgey", "backspace", "t", "enter", *"A: envoyer",
              *["left"] * 7, "delete", "E", "end", *" le PV")
        await pilot.pause()
        await pilot.pause()
        notes = screen.editor.meeting.agenda[0].notes
        assert notes == "D: adopter le budget\nA: Envoyer le PV"
        assert [d.text for d in screen.editor.meeting.decisions] == ["adopter le budget"]


async def test_french_meeting_screen(make_app: AppFactory, french: None) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository, MeetingKind.COUNCIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        descriptions = {b.binding.description for b in screen.active_bindings.values()}
        assert {"Chrono", "Décision", "Action", "Exporter le CR"} <= descriptions
        await pilot.press("f6")
        await pilot.pause()
        assert "PRIVÉ" in str(screen.query_one("#private-warning").render())


async def test_read_only_store_refuses_changes(make_app: AppFactory, demo_path: Path) -> None:
    second = open_store(demo_path)
    try:
        app = make_app(second)
        meeting = second.meetings[0]
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_meeting(app, pilot, meeting.id)
            area = screen.query_one("#notes-area", NotesArea)
            assert area.read_only
            await pilot.press(*"x")
            await pilot.press("f3", "p")
            await pilot.pause()
            assert screen.editor.meeting == meeting
    finally:
        second.close()


async def test_palette_offers_the_meeting_actions(make_app: AppFactory) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(app, pilot, meeting.id)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"export the minutes")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)


async def test_a_jump_to_an_action_opens_its_meeting(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = next(m for m in repository.meetings if m.actions)
    action = meeting.actions[-1]
    async with app.run_test(size=SIZE) as pilot:
        app.session.open(Target("meetings", meeting.id, action.id))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        table = screen.query_one("#actions-table", DataTable)
        assert table.has_focus
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == action.id


async def test_palette_shows_a_meeting_title_as_typed(make_app: AppFactory) -> None:
    """Titles are people's text: brackets in one are shown, never read as markup."""
    from textual.command import CommandList, CommandPalette

    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository).model_copy(deep=True)
    meeting.title = "Budget [bold]2027[/] et [/] fin"
    repository.save(meeting)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "5", MeetingsScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open meeting budget")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one(CommandList)
        shown = [str(commands.get_option_at_index(index).prompt)
                 for index in range(commands.option_count)]
        assert shown[0].startswith("Open meeting: Budget [bold]2027[/] et [/] fin"), shown
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting.id == meeting.id


async def test_export_dialog_writes_word_and_pdf(make_app: AppFactory, tmp_path: Path) -> None:
    from textual.widgets import Select

    app = make_app()
    meeting = live_meeting(app.session.repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(app, pilot, meeting.id)
        for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
            await pilot.press("ctrl+g")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            dialog.query_one("#path", Input).value = str(tmp_path / "cr.md")
            dialog.query_one("#format", Select).value = fmt
            await pilot.pause()
            assert dialog.query_one("#path", Input).value == str(tmp_path / f"cr.{fmt}")
            dialog.query_one("#template", Select).value = "deliberations"
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, MeetingScreen))  # written
            assert (tmp_path / f"cr.{fmt}").read_bytes().startswith(magic)


def test_a_member_replaced_by_a_suppleant_votes_as_the_suppleant() -> None:
    """Issue 15: in a public vote, the suppléant who sat in is named as the voter."""
    from coop_tui.screens.meetings.records import voters
    from coop_tui.store.models import Actor, Attendance

    anne = Actor(name="Anne Titulaire", kind="elected")
    bruno = Actor(name="Bruno Présent", kind="elected")
    meeting = Meeting(title="Conseil", kind="council", on=date(2026, 12, 2), attendance=[
        Attendance(actor_id=anne.id, status=Presence.SUBSTITUTED, substitute="Paul Suppléant"),
        Attendance(actor_id=bruno.id, status=Presence.PRESENT)])
    names = {anne.id: anne.name, bruno.id: bruno.name}
    assert voters(meeting, names) == ["Paul Suppléant", "Bruno Présent"]


async def test_the_secretary_of_a_council_session_is_set_in_the_meeting_form(
        make_app: AppFactory) -> None:
    """Issue 15: the PV names the secrétaire de séance; the meeting form sets one, for a
    council or a bureau only."""
    from coop_tui.core.exports.minutes import MinutesSource, render
    from coop_tui.screens.meetings.form import MeetingForm
    from coop_tui.ui.forms import ActorField
    from tests.helpers import push_form, until

    app = make_app()
    repository = app.session.repository
    council = live_meeting(repository, MeetingKind.COUNCIL)
    member = next(a for a in repository.actors if a.kind.value == "elected")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = MeetingForm(council, repository.actors, repository.meetings, council.on)
        saved = await push_form(pilot, form)
        field = form.query_one("#secretary", ActorField)
        assert form.query_one("#row-secretary").display
        field.value = member.id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(saved))
    (meeting,) = saved
    assert meeting is not None and meeting.secretary_id == member.id
    repository.save(meeting)
    text = render(MinutesSource.from_repository(repository, meeting), "pv", "md")
    assert f"**Secretary of the session:** {member.name}" in text


async def test_a_deliberation_deferred_is_set_in_the_decision_form(
        make_app: AppFactory) -> None:
    """Issue 15: a deliberation the council deferred says so in the liste des
    délibérations; the decision form sets the result the vote cannot say."""
    from coop_tui.core.exports.minutes import MinutesSource, render
    from coop_tui.screens.meetings.decision_form import DecisionForm
    from coop_tui.store.models import DeliberationResult
    from tests.helpers import push_form, until

    app = make_app()
    repository = app.session.repository
    council = live_meeting(repository, MeetingKind.COUNCIL)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = DecisionForm(None, council.agenda, council.agenda[0].id)
        saved = await push_form(pilot, form)
        await pilot.press(*"Tarifs de la cantine")
        form.query_one("#result", Select).value = DeliberationResult.DEFERRED.value
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(saved))
    (decision,) = saved
    assert decision is not None and decision.result is DeliberationResult.DEFERRED
    council = council.model_copy(update={"decisions": [decision]})
    repository.save(council)
    text = render(MinutesSource.from_repository(repository, council), "deliberations", "md")
    assert "Tarifs de la cantine" in text and "deferred" in text
