"""The diagnostic where it shows beyond its screen: an organisation's missions in its
profile and i to its column of the matrix, a deleted actor taking its diagnostic with it,
the dashboard's line, the status report's section and the lever's evidence."""

from __future__ import annotations

from rich.console import Console
from textual.widgets import Static

from coop_tui.core.exports.status import status_report
from coop_tui.core.insights.levers import Facts, evidence_by_lever
from coop_tui.core.target import Target
from coop_tui.screens.actors.delete import plan_deletion, usage, usage_lines
from coop_tui.screens.actors.detail import missions_table
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.dashboard.lines import PanelLine
from coop_tui.screens.dashboard.panels import LeversPanelView
from coop_tui.screens.diagnostic.matrix import MatrixTable
from coop_tui.screens.diagnostic.screen import DiagnosticScreen
from coop_tui.store.models import Actor, ActorKind, MissionStaff
from coop_tui.store.repository import Repository
from tests.conftest import TODAY
from tests.helpers import AppFactory, open_screen, until


def _named(repository: Repository, name: str) -> Actor:
    return next(a for a in repository.actors if a.name == name)


async def test_a_commune_shows_its_missions_and_i_opens_its_column(
        make_app: AppFactory, repository: Repository) -> None:
    app = make_app()
    vernay = _named(repository, "Vernay")
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_screen(pilot, "2", ActorsScreen)
        screen.show_actor(vernay.id)
        await pilot.pause()
        shown = screen.query_one("#profile-missions", Static)
        console = Console(width=100, record=True)
        console.print(missions_table(vernay, screen._detail_context()))
        missions = console.export_text()
        assert shown.display
        assert "Civil registration" in missions and "Total" in missions
        assert screen.check_action("diagnostic", ()) is True
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, DiagnosticScreen))
        table = app.screen.query_one(MatrixTable)
        await until(pilot, lambda: table.current()[1] == vernay.id)


async def test_i_is_not_offered_for_a_person(make_app: AppFactory,
                                             repository: Repository) -> None:
    app = make_app()
    person = next(a for a in repository.actors if a.kind is ActorKind.ELECTED)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_screen(pilot, "2", ActorsScreen)
        screen.show_actor(person.id)
        await pilot.pause()
        assert screen.check_action("diagnostic", ()) is False
        assert not screen.query_one("#profile-missions", Static).display


def test_a_deleted_commune_takes_its_diagnostic_and_leaves_the_bassins(
        repository: Repository) -> None:
    vernay = _named(repository, "Vernay")
    cressy = _named(repository, "Cressy")
    record = next(r for r in repository.diagnostic if r.actor_id == cressy.id)
    shared = record.model_copy(deep=True)
    shared.missions.append(MissionStaff(mission="it", fte=0.1, shared=True,
                                        shared_with=[vernay.id]))
    repository.save(shared)
    assert any("missions in the shared diagnostic" in line
               for line in usage_lines(usage(repository, vernay)))
    plan = plan_deletion(repository, vernay, None)
    repository.replace(plan.saved, plan.deleted)
    assert all(r.actor_id != vernay.id for r in repository.diagnostic)
    assert all(c.actor_id != vernay.id for area in repository.living_areas
               for c in area.communes)
    it = next(line for r in repository.diagnostic if r.actor_id == cressy.id
              for line in r.missions if line.mission == "it")
    assert it.shared_with == [] and it.shared


async def test_the_dashboard_line_opens_the_matrix(make_app: AppFactory,
                                                   repository: Repository) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        levers = app.screen.query_one(LeversPanelView)
        assert Target("diagnostic", "matrix") in levers.targets
        app.open_target(Target("diagnostic", "matrix"))
        await until(pilot, lambda: isinstance(app.screen, DiagnosticScreen))
        assert app.screen.tab == "matrix"  # type: ignore[attr-defined]


def test_the_status_report_has_a_short_diagnostic_section(repository: Repository) -> None:
    text = status_report(repository, TODAY, "text", "en").decode()
    section = text.split("Shared diagnostic\n-----------------\n")[1].split("\n\n")[0]
    assert section.splitlines()[0] == "  - Communes in the diagnostic — 12 of 12"
    assert "Civil registration" in section
    assert "3 with 9 service needs" in section


def test_the_lever_shows_the_coverage(repository: Repository) -> None:
    lever = next(lever for lever in repository.levers if lever.key == "mutualisation_scheme")
    found = evidence_by_lever([lever], Facts.of(repository, TODAY))[lever.id]
    coverage = next(e for e in found if e.rule == "diagnostic_coverage")
    assert coverage.figure.startswith("12 of 12 communes in the diagnostic")
    assert not coverage.attention


async def test_the_dashboard_names_the_pacte_and_opens_its_tab(make_app: AppFactory,
                                                               repository: Repository) -> None:
    """The pacte's line on the dashboard: the bilan's year, endorsements, projects ranked;
    it opens the « Pacte » tab of the Diagnostic & pacte screen."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        levers = app.screen.query_one(LeversPanelView)
        assert Target("diagnostic", "pacte") in levers.targets
        shown = " ".join(str(option.prompt.main if isinstance(option.prompt, PanelLine)
                                 else option.prompt) for option in levers.options)
        assert "Pacte: bilan 20" in shown
        app.open_target(Target("diagnostic", "pacte"))
        await until(pilot, lambda: isinstance(app.screen, DiagnosticScreen))
        await until(pilot, lambda: app.screen.tab == "pacte")  # type: ignore[attr-defined]
