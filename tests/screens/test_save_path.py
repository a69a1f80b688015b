"""One save path (``Session.save``): a save that does not reach the disk is kept in memory,
counted as done (a form closes, nothing is lost) and the status bar says NOT SAVED and why;
a refusal comes back in words, translated, and nothing is changed."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest
from textual.widgets import Input

from coop_tui.screens.actors.contact_form import ContactForm
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.meetings.editor import MeetingEditor
from coop_tui.screens.roadmap.form import RoadmapItemForm
from coop_tui.screens.roadmap.screen import RoadmapScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store import storage
from coop_tui.store.models import Actor, Meeting, Relation, RelationKind, RoadmapItem
from coop_tui.store.repository import Repository
from coop_tui.ui.session import SaveState
from coop_tui.ui.widgets.status_bar import StatusBar
from tests.helpers import AppFactory, open_screen

SIZE = (120, 40)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write of the store fails as on a full disk."""

    def refuse(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "atomic_write", refuse)


def status_line(app: CoopApp) -> str:
    return str(app.screen.query_one(StatusBar).render())


def test_a_save_that_misses_the_disk_is_done_and_kept(make_app: AppFactory,
                                                      full_disk: None) -> None:
    app = make_app()
    session = app.session
    actor = session.repository.actors[0].model_copy(update={"name": "Nom gardé"})
    assert session.save([actor]) is None
    assert session.status.state is SaveState.FAILED
    assert "No space left on device" in session.status.message
    assert session.repository.get(Actor, actor.id).name == "Nom gardé"


def test_a_refused_save_says_why_and_changes_nothing(repository: Repository) -> None:
    from coop_tui.core.settings import Settings
    from coop_tui.ui.session import Session

    session = Session(repository, Settings())
    first = repository.actors[0]
    nobody = str(uuid4())
    dangling = Relation(source_id=first.id, target_id=nobody, kind=RelationKind.TENSION)
    refusal = session.save([dangling])
    assert refusal is not None and nobody[:8] in refusal.message
    assert repository.get(Relation, dangling.id) is None
    invalid = first.model_copy(update={"name": ""})
    refusal = session.save([invalid])
    assert refusal is not None and refusal.fields == {"name": "must not be empty"}
    assert repository.get(Actor, first.id).name == first.name
    assert session.status.state is SaveState.SAVED


async def test_a_form_whose_save_misses_the_disk_closes(make_app: AppFactory,
                                                        full_disk: None) -> None:
    app = make_app()
    actor = app.session.repository.actors[0]
    closed: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "2", ActorsScreen)
        form = ContactForm(app.session, actor)
        await app.push_screen(form, closed.append)
        await pilot.pause()
        form.query_one("#f-subject", Input).value = "Appel sur le pacte"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form and closed and closed[0] is not None
        assert "NOT SAVED" in status_line(app)
        kept = app.session.repository.get(Actor, actor.id)
        assert kept is not None
        assert "Appel sur le pacte" in [entry.subject for entry in kept.contact_log]


async def test_the_roadmap_form_whose_save_misses_the_disk_closes(make_app: AppFactory,
                                                                  full_disk: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "4", RoadmapScreen)
        form = RoadmapItemForm(app.session, None)
        await app.push_screen(form)
        await pilot.pause()
        form.query_one("#f-objective", Input).value = "Objectif gardé en mémoire"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        assert "NOT SAVED" in status_line(app)
        assert "Objectif gardé en mémoire" in [
            item.objective for item in app.session.repository.all(RoadmapItem)]


def test_the_meeting_editor_whose_save_misses_the_disk_keeps_the_change(
        make_app: AppFactory, full_disk: None) -> None:
    app = make_app()
    meeting = app.session.repository.meetings[0]
    editor = MeetingEditor(app.session, meeting)

    def retitle(working: Meeting) -> None:
        working.title = "Titre gardé"

    assert editor.change(retitle)
    assert editor.last_error == ""
    assert app.session.status.state is SaveState.FAILED
    assert app.session.repository.get(Meeting, meeting.id).title == "Titre gardé"
