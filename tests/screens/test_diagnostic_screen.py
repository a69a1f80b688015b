"""The diagnostic screen (key 6): the demo's matrix with its candidates marked, the three
sort orders, a mission line added, edited, refused and deleted through its form, a bassin
de vie added and refused, a jump to an organisation's column, and a read-only store."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TabbedContent, TextArea

from coop_tui.core.diagnostic import build_matrix, candidates
from coop_tui.core.target import Target
from coop_tui.screens.diagnostic.area_form import LivingAreaForm
from coop_tui.screens.diagnostic.line_form import MissionLineForm
from coop_tui.screens.diagnostic.matrix import CandidatesPane, MatrixTable
from coop_tui.screens.diagnostic.screen import DiagnosticScreen
from coop_tui.screens.roadmap.choices import ItemPicker
from coop_tui.screens.roadmap.detail import describe
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor, ActorKind
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import FieldError
from tests.conftest import TODAY
from tests.helpers import AppFactory, answer, open_screen, until

SIZE = (120, 40)


def _text(widget: Static) -> str:
    return str(widget.render())


def _commune(repository: Repository, name: str) -> Actor:
    return next(a for a in repository.actors if a.name == name and a.kind is ActorKind.COMMUNE)


async def _form(pilot: Pilot[int], kind: type) -> object:
    await until(pilot, lambda: isinstance(pilot.app.screen, kind))
    return pilot.app.screen


def _fte(repository: Repository, actor_id: str, mission: str) -> float | None:
    return next((line.fte for record in repository.diagnostic if record.actor_id == actor_id
                 for line in record.missions if line.mission == mission), None)


async def test_the_demo_shows_its_matrix_candidates_and_bassins(
        make_app: AppFactory, repository: Repository) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "6", DiagnosticScreen)
        table = screen.query_one(MatrixTable)
        matrix = build_matrix(repository.diagnostic, repository.actors, repository.missions)
        assert table.row_count == len(matrix.missions) + 1  # the totals
        found = candidates(matrix, repository.missions)
        assert len(found) >= 2
        first = table.get_row_at(0)
        assert str(first[1]) and str(first[0]).strip()
        marked = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert any(cell.startswith("◆") for cell in marked)
        await pilot.press("t")
        await until(pilot, lambda: screen.tab == "candidates")
        pane = screen.query_one(CandidatesPane)
        reasons = " ".join(str(pane.get_option_at_index(i).prompt)
                           for i in range(pane.option_count))
        assert "under one FTE each" in reasons
        assert "Answered by the roadmap" in reasons
        await pilot.press("t")
        await until(pilot, lambda: screen.tab == "areas")
        detail = _text(screen.query_one("#area-detail", Static))
        assert "Service needs:" in detail
        assert "Petite enfance" in detail


async def test_s_cycles_the_sort_orders(make_app: AppFactory, repository: Repository) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "6", DiagnosticScreen)
        table = screen.query_one(MatrixTable)

        def missions() -> list[str]:
            return [str(key.value) for key in table.rows][:-1]

        matrix = screen.matrix
        by_total = missions()
        totals = [matrix.row_total(m) for m in by_total]
        assert totals == sorted(totals, reverse=True)
        await pilot.press("s")
        await until(pilot, lambda: screen.sort_by == "name")
        names = [str(table.get_row_at(i)[0])[2:].casefold() for i in range(len(by_total))]
        assert names == sorted(names)
        await pilot.press("s")
        await until(pilot, lambda: screen.sort_by == "organisations")
        counts = [matrix.carriers(m) for m in missions()]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("s")
        await until(pilot, lambda: screen.sort_by == "total")


async def test_a_line_is_added_edited_refused_and_deleted(
        make_app: AppFactory, repository: Repository) -> None:
    app = make_app()
    cressy = _commune(repository, "Cressy")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "6", DiagnosticScreen)
        table = screen.query_one(MatrixTable)
        assert _fte(repository, cressy.id, "it") is None
        table.place("archives", cressy.id)  # Cressy does not carry archives in the demo
        await pilot.pause()
        assert _fte(repository, cressy.id, "archives") is None
        assert "does not carry" in _text(screen.query_one("#matrix-detail", Static))
        await pilot.press("e")
        form = await _form(pilot, MissionLineForm)
        assert isinstance(form, MissionLineForm)
        assert form.query_one("#f-mission", Select).value == "archives"
        await pilot.press(*"0,25")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        assert _fte(repository, cressy.id, "archives") == 0.25
        assert "0.25" in str(table.get_cell(
            "archives", cressy.id))
        # edited: a thousands separator is refused under its field, nothing changes
        await pilot.press("e")
        form = await _form(pilot, MissionLineForm)
        assert isinstance(form, MissionLineForm)
        form.query_one("#f-fte", Input).value = "1 000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        errors = {e.field: _text(e) for e in form.query(FieldError) if e.display}
        assert "thousands separator" in errors["fte"]
        form.query_one("#f-fte", Input).value = "1.5"
        form.query_one("#f-shared_with", Input).value = "Vernay"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        line = next(line for record in repository.diagnostic if record.actor_id == cressy.id
                    for line in record.missions if line.mission == "archives")
        assert (line.fte, line.shared) == (1.5, True)
        assert line.shared_with == [_commune(repository, "Vernay").id]
        # deleted after a confirmation
        await pilot.press("d")
        await answer(pilot, True)
        assert _fte(repository, cressy.id, "archives") is None
    stored = open_store(repository.path, read_only=True)
    try:
        assert _fte(stored, cressy.id, "archives") is None
    finally:
        stored.close()


async def test_a_bassin_is_added_with_its_needs(make_app: AppFactory,
                                                repository: Repository) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "6", DiagnosticScreen)
        screen.show_tab("areas")
        await pilot.press("n")
        form = await _form(pilot, LivingAreaForm)
        assert isinstance(form, LivingAreaForm)
        form.query_one("#f-name", Input).value = "Bassin du Nord"
        form.query_one("#f-communes", TextArea).text = "Cressy 00123\nAtlantis"
        form.query_one("#f-needs", TextArea).text = "Petite enfance : 40 places manquantes"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {e.field: _text(e) for e in form.query(FieldError) if e.display}
        assert "line 2: no commune named « Atlantis »" in errors["communes"]
        assert not any(area.name == "Bassin du Nord" for area in repository.living_areas)
        form.query_one("#f-communes", TextArea).text = "Cressy 00123\nvernay"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        area = next(a for a in repository.living_areas if a.name == "Bassin du Nord")
        assert [c.insee for c in area.communes] == ["00123", ""]
        need = area.needs[0]
        assert (need.text, need.figure, need.unit) == ("Petite enfance", 40, "places manquantes")
        assert "Bassin du Nord" in _text(screen.query_one("#area-detail", Static))


async def test_a_jump_opens_an_organisation_column(make_app: AppFactory,
                                                   repository: Repository) -> None:
    app = make_app()
    vernay = _commune(repository, "Vernay")
    async with app.run_test(size=SIZE) as pilot:
        app.open_target(Target("diagnostic", vernay.id))
        screen = await _form(pilot, DiagnosticScreen)
        assert isinstance(screen, DiagnosticScreen)
        await until(pilot, lambda: screen.query_one(MatrixTable).current()[1] == vernay.id)
        area = repository.living_areas[0]
        app.open_target(Target("diagnostic", area.id))
        await until(pilot, lambda: screen.query_one(TabbedContent).active == "areas-tab")


async def test_a_read_only_store_offers_no_change(make_app: AppFactory, demo_path: Path,
                                                  repository: Repository) -> None:
    other = open_store(demo_path)  # the fixture holds the lock: this one reads only
    try:
        assert other.read_only
        app = make_app(other)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_screen(pilot, "6", DiagnosticScreen)
            for action in ("edit", "add_line", "add_organisation", "delete"):
                assert screen.check_action(action, ()) is None
            await pilot.press("e")
            await pilot.pause()
            assert app.screen is screen
            assert screen.query_one(MatrixTable).row_count > 1
    finally:
        other.close()


async def test_r_has_an_objective_answer_the_candidate(make_app: AppFactory,
                                                       repository: Repository) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "6", DiagnosticScreen)
        await pilot.press("t")
        await until(pilot, lambda: screen.tab == "candidates")
        candidate = screen.query_one(CandidatesPane).current()
        assert candidate is not None
        await pilot.press("r")
        await _form(pilot, ItemPicker)
        await pilot.press(*"Groupement de commandes", "enter")
        await until(pilot, lambda: app.screen is screen)
        item = next(i for i in repository.roadmap
                    if i.objective == "Groupement de commandes pour les fournitures")
        assert set(candidate.line_ids) <= set(item.answers)
        assert screen.check_action("answer", ()) is True
        screen.show_tab("matrix")
        assert screen.check_action("answer", ()) is False


def test_the_roadmap_detail_names_the_lines_an_item_answers(repository: Repository) -> None:
    item = next(i for i in repository.roadmap if i.objective.startswith("Secrétariat de mairie"))
    text = describe(item, repository, TODAY, {}).plain
    assert "Answers the diagnostic" in text
    assert "Civil registration (" in text
