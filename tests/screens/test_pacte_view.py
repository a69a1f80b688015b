"""The pacte's view mounted as the « Diagnostic & pacte » screen will mount it: the bilan
against the median, the charter and its endorsements, the projects ranked; each form
saves, the view shows it, and the bilan is exported from its key."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Select, TabbedContent, TextArea

from coop_tui.core.settings import Settings
from coop_tui.screens.pacte import PactCommands, PactView
from coop_tui.screens.pacte.export import PactExportForm
from coop_tui.screens.pacte.forms import (
    CommitmentForm,
    EndorsementForm,
    ProjectForm,
    ScoreForm,
    SelectionForm,
)
from coop_tui.store.models import ActorKind, SelectionStatus
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import ActorField, FieldError
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.record_table import RecordTable
from tests.conftest import TODAY
from tests.helpers import until


class PactScreen(Screen[None]):
    COMMANDS = {PactCommands}

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield PactView(self.session)


class PactApp(App[None]):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        self.push_screen(PactScreen(self.session))


def session_on(repository: Repository) -> Session:
    return Session(repository, Settings(), today=lambda: TODAY)


def view_of(app: PactApp) -> PactView:
    return app.screen.query_one(PactView)


def cells(view: PactView, table: str, row: int) -> list[str]:
    found = view.query_one(f"#{table}", RecordTable).row_cells(row)
    return [str(cell) for cell in found]


async def test_the_demo_shows_its_bilan_charter_and_ranking(repository: Repository) -> None:
    app = PactApp(session_on(repository))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        view = view_of(app)
        summary = str(view.query_one("#pact-summary").render())
        assert "Bilan partagé 2025 · 12 of 12 communes with figures" in summary
        assert "charter: 7 of 9 endorsed · 6 projects ranked" in summary
        bilan = view.query_one("#bilan-table", RecordTable)
        assert bilan.row_count == 12
        belleroche = cells(view, "bilan-table", 0)
        assert belleroche[0] == "Belleroche" and belleroche[2] == "918 (108)"
        assert "Median: " in str(view.query_one("#bilan-notes").render())
        first = cells(view, "projects-table", 0)
        assert first[:2] == ["1", "Maison de santé pluriprofessionnelle"]
        assert any("beyond the capacity" in cells(view, "projects-table", row)[6]
                   for row in range(6))
        detail = str(view.query_one("#project-detail").render())
        assert "Intérêt communautaire: " in detail and "/5 × 3 = " in detail


async def test_a_commitment_then_its_endorsement(repository: Repository) -> None:
    session = session_on(repository)
    app = PactApp(session)
    commune = next(a for a in repository.actors if a.kind is ActorKind.COMMUNE)
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, CommitmentForm))
        form = app.screen
        form.query_one("#actor_id", ActorField).value = commune.id
        form.query_one("#text", Input).value = "Mutualiser la commande publique"
        form.query_one("#level", Select).value = "firm"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        view = view_of(app)
        assert view.query_one("#pact-tabs", TabbedContent).active == "pact-charter"
        saved = next(c for c in repository.charter if c.text.startswith("Mutualiser"))
        assert saved.actor_id == commune.id and saved.level == "firm"
        table = view.query_one("#charter-table", RecordTable)
        assert table.move_cursor(saved.id)
        await pilot.pause()
        assert "Not endorsed yet" in str(view.query_one("#charter-detail").render())
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EndorsementForm))
        form = app.screen
        mayor = next(a for a in repository.actors if a.kind is ActorKind.ELECTED)
        form.query_one("#actor_id", ActorField).value = mayor.id
        meeting = repository.meetings[0]
        form.query_one("#meeting", Select).value = meeting.id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        [endorsement] = next(c for c in repository.charter if c.id == saved.id).endorsements
        assert (endorsement.actor_id, endorsement.day, endorsement.meeting_id) == (
            mayor.id, TODAY, meeting.id)
        detail = str(view.query_one("#charter-detail").render())
        assert f"Endorsed by {mayor.name}" in detail and meeting.title in detail


async def test_a_project_scored_then_selected(repository: Repository) -> None:
    session = session_on(repository)
    app = PactApp(session)
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProjectForm))
        form = app.screen
        form.query_one("#title", Input).value = "Tiers-lieu numérique"
        form.query_one("#cost", Input).value = "400000"
        form.query_one("#financing", TextArea).text = "DETR; 120000\nRégion 80000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert any("line 2: write « source; amount in euros »" in str(error.render())
                   for error in form.query(FieldError))
        form.query_one("#financing", TextArea).text = "DETR; 120000\nRégion; 80000"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        project = next(p for p in repository.pact_projects if p.title == "Tiers-lieu numérique")
        assert [line.amount for line in project.financing] == [120_000, 80_000]
        view = view_of(app)
        table = view.query_one("#projects-table", RecordTable)
        assert table.move_cursor(project.id)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ScoreForm))
        form = app.screen
        for index in range(5):
            form.query_one(f"#score-{index}", Input).value = "5"
        form.query_one("#score-0", Input).value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        form.query_one("#score-0", Input).value = "5"
        form.query_one("#reason-0", Input).value = "Toutes les communes"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        assert cells(view, "projects-table", 0)[1] == "Tiers-lieu numérique"
        assert cells(view, "projects-table", 0)[4] == "100"
        assert table.move_cursor(project.id)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, SelectionForm))
        form = app.screen
        form.query_one("#selection", Select).value = "selected"
        meeting = repository.meetings[-1]
        form.query_one("#meeting", Select).value = meeting.id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        decided = next(p for p in repository.pact_projects if p.id == project.id)
        assert (decided.selection, decided.selection_day, decided.selection_meeting_id) == (
            SelectionStatus.SELECTED, TODAY, meeting.id)


async def test_the_bilan_exported_from_its_key(repository: Repository, tmp_path: Path) -> None:
    app = PactApp(session_on(repository))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, PactExportForm))
        form = app.screen
        form.query_one("#format", Select).value = "md"
        await pilot.pause()
        assert form.query_one("#path", Input).value.endswith("bilan-partage-2025.md")
        target = tmp_path / "bilan.md"
        form.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        assert target.read_text(encoding="utf-8").startswith("# Bilan partagé 2025")


async def test_a_store_without_figures_says_how_to_start(empty_repository: Repository) -> None:
    app = PactApp(session_on(empty_repository))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PactScreen))
        view = view_of(app)
        assert "No figures yet: coop-tui import finances" in str(
            view.query_one("#pact-summary").render())
        assert view.check_action("score", ()) is False
