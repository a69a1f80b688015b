"""Issue 21, defect 5: an ``@name`` that two actors match is no longer given silently to one
of them: the candidates show under the notes and Tab (or shift+Tab) chooses; an ``@name``
no actor matches is offered as a new actor, Tab then the quick actor form."""

from __future__ import annotations

from textual.widgets import Static

from coop_tui.screens.meetings.actor_form import QuickActorForm
from coop_tui.screens.meetings.notes import NotesArea
from coop_tui.store.models import Actor, ActorKind, Meeting
from tests.helpers import AppFactory, until
from tests.screens.test_meetings_screen import SIZE, live_meeting, open_meeting


async def test_an_ambiguous_owner_is_chosen_with_one_key(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    bruno = Actor(name="Bruno Zébulon", kind=ActorKind.ELECTED)
    julie = Actor(name="Julie Zébulon", kind=ActorKind.ELECTED)
    repository.save(bruno)
    repository.save(julie)
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        area = screen.query_one("#notes-area", NotesArea)
        await until(pilot, lambda: app.focused is area)
        await pilot.press(*"@Zébulon relancer la DDT, 15/12", "home")
        await until(pilot, lambda: area.choice is not None)
        shown = str(screen.query_one("#completion", Static).render())
        assert "Bruno Zébulon" in shown and "Julie Zébulon" in shown
        captured = str(screen.query_one("#captured", Static).render())
        assert "several actors match" in captured
        assert screen.meeting.actions[-1].owner_id is None  # not settled silently
        await pilot.press("shift+tab")
        await until(pilot, lambda: area.text.startswith("@Julie_Zébulon relancer"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.editor.dirty)
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None
    assert [(a.text, a.owner_id) for a in stored.actions] == [("relancer la DDT", julie.id)]


async def test_an_unknown_owner_becomes_an_actor(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = live_meeting(repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_meeting(app, pilot, meeting.id)
        area = screen.query_one("#notes-area", NotesArea)
        await until(pilot, lambda: app.focused is area)
        await pilot.press(*"@Quarkophile chiffrer les engins")
        await until(pilot, lambda: area.choice is not None)
        assert "not in the actor map" in str(screen.query_one("#completion", Static).render())
        await pilot.press("tab")
        await until(pilot, lambda: isinstance(app.screen, QuickActorForm))
        await pilot.press("ctrl+s")  # the name as typed, an elected official
        await until(pilot, lambda: app.screen is screen)
        await until(pilot, lambda: area.choice is None)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.editor.dirty)
    created = [a for a in repository.actors if a.name == "Quarkophile"]
    assert len(created) == 1
    stored = repository.get(Meeting, meeting.id)
    assert stored is not None
    assert [(a.text, a.owner_id) for a in stored.actions] == [("chiffrer les engins",
                                                              created[0].id)]
