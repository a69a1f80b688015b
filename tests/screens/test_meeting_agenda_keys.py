"""Issue 21, defect 12 (the rest): the running timer follows the agenda item shown, and c on
an agenda item duplicates it (title, planned minutes and plain notes; not its decision and
action lines, not its time) right after it."""

from __future__ import annotations

from coop_tui.screens.meetings.agenda_form import AgendaItemForm
from coop_tui.screens.meetings.notes import AgendaList
from coop_tui.store.models import AgendaItem, Meeting
from tests.helpers import AppFactory, until
from tests.screens.test_meetings_screen import SIZE, live_meeting, open_meeting


async def test_the_timer_follows_the_item_shown(make_app: AppFactory) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository)
    first, second = (item.id for item in meeting.agenda)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        await pilot.press("ctrl+t")
        await until(pilot, lambda: screen.editor.running_item_id == first)
        await pilot.press("ctrl+down")
        await until(pilot, lambda: screen.current_item_id == second)
        assert screen.editor.running_item_id == second
        await pilot.press("ctrl+t")  # stopped where it runs now
        await until(pilot, lambda: screen.editor.running_item_id is None)
        await pilot.press("ctrl+up")
        await until(pilot, lambda: screen.current_item_id == first)
        assert screen.editor.running_item_id is None  # a stopped timer stays stopped


async def test_c_duplicates_an_item_after_it_with_its_minutes_and_plain_notes(
        make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    meeting.agenda[0] = meeting.agenda[0].model_copy(update={
        "planned_minutes": 45, "notes": "Tour de table\nD: scénario 2 retenu",
        "elapsed_seconds": 600})
    repository.save(meeting)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        screen.query_one("#agenda", AgendaList).focus()
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, AgendaItemForm))
        await pilot.press("end", *" (suite)", "enter")
        await until(pilot, lambda: app.screen is screen and len(screen.meeting.agenda) == 3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.editor.dirty)
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None
    copy = stored.agenda[1]
    assert isinstance(copy, AgendaItem) and copy.id != stored.agenda[0].id
    assert (copy.title, copy.planned_minutes, copy.notes, copy.elapsed_seconds) == (
        "Premier point (suite)", 45, "Tour de table", 0)
    assert [item.title for item in stored.agenda] == [
        "Premier point", "Premier point (suite)", "Second point"]
    assert len(stored.decisions) == 1  # the decision line was not copied
