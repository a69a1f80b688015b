"""The territory form: opened from the dashboard (t) and the palette, its name, communes and
mandate saved in the store and named in the status bar, the model's refusals shown under
their field with nothing saved, cancel, a read-only store; and the first steps the
dashboard shows on a new store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TextArea

from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.screens.territory.form import TerritoryForm
from coop_tui.screens.territory.mayors import MayorsForm
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor, ActorKind, Territory
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.dialogs import ConfirmDialog
from coop_tui.ui.widgets.status_bar import StatusBar
from tests.helpers import AppFactory, answer, open_screen, until

SIZE = (100, 32)


@contextmanager
def on_disk(app: CoopApp) -> Iterator[Territory]:
    """The territory as the store file holds it now (read beside the app's own copy)."""
    stored = open_store(app.session.repository.path, read_only=True)
    try:
        yield stored.territory
    finally:
        stored.close()


def shown(app: CoopApp, selector: str) -> str:
    """The text a widget of the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())


def error_under(form: TerritoryForm, field: str) -> str:
    """The message under a field, empty when none is shown."""
    widget = form.query_one(f"#error-{field}", Static)
    return str(widget.render()) if widget.display else ""


async def open_form(pilot: Pilot[int]) -> TerritoryForm:
    """Press t on the dashboard; the form it opens."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, DashboardScreen)
    await pilot.press("t")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, TerritoryForm), form
    return form


async def from_palette(pilot: Pilot[int], query: str) -> None:
    """Open the command palette, search ``query`` and run the first command found."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def fill(form: TerritoryForm, **fields: str) -> None:
    """Type values into the form's fields (``communes`` is the text area)."""
    for field, value in fields.items():
        if field == "communes":
            form.query_one("#f-communes", TextArea).text = value
        else:
            form.query_one(f"#f-{field}", Input).value = value


async def save(pilot: Pilot[int]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


# ---------------------------------------------------------------------- opening


async def test_t_on_the_dashboard_opens_the_form_on_the_territory(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        assert form.query_one("#f-name", Input).value == "Test territory"
        assert form.query_one("#f-name", Input).has_focus
        assert form.query_one("#f-communes", TextArea).text == ""
        assert form.query_one("#f-mandate_start", Input).value == "2026-03-15"
        assert form.query_one("#f-mandate_end", Input).value == "2032-03-15"
        assert "Sunday, March 15, 2026" in shown(app, "#hint-mandate_start")


async def test_the_palette_opens_the_form_from_the_dashboard(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await from_palette(pilot, "territory edit")
        assert isinstance(app.screen, TerritoryForm), app.screen


async def test_the_palette_opens_the_form_from_another_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        actors = await open_screen(pilot, "2", ActorsScreen)
        await from_palette(pilot, "territory edit")
        assert isinstance(app.screen, TerritoryForm), app.screen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is actors


# ---------------------------------------------------------------------- saving


async def test_name_communes_and_mandate_are_saved_and_named_in_the_status_bar(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        name = form.query_one("#f-name", Input)
        name.value = ""
        await pilot.press(*"CC du Val de Brêves")
        form.query_one("#f-communes", TextArea).focus()
        await pilot.press(*"Brêves", "enter", "enter", *"Saint-Aubin", "enter")
        fill(form, mandate_start="15/03/2026", mandate_end="2032-03-14")
        await save(pilot)
        assert isinstance(app.screen, MayorsForm)  # offered for the new communes
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        with on_disk(app) as stored:
            assert stored.name == "CC du Val de Brêves"
            assert stored.communes == ["Brêves", "Saint-Aubin"]  # blank lines are spacing
            assert (stored.mandate_start, stored.mandate_end) == (date(2026, 3, 15),
                                                                  date(2032, 3, 14))
            assert stored.language == "en" and stored.thresholds.follow_up_days == 30
        # At 100 columns what ctrl+z would undo (the communes made actors) takes the room.
        await pilot.resize_terminal(180, 32)
        await until(pilot, lambda: "CC du Val de Brêves" in str(
            app.screen.query_one(StatusBar).render()))
        await pilot.press("3")
        await until(pilot, lambda: "CC du Val de Brêves" in str(
            app.screen.query_one(StatusBar).render()))


async def test_saved_communes_become_actors_of_the_map(
        make_app: AppFactory, empty_repository: Repository) -> None:
    """Issue 21, defect 15: a commune saved in the territory gets its actor (once), so the
    commune evidence finds none missing and a mayor can be « Part of » it."""
    from coop_tui.core.insights.levers import Facts, commune_knowledge
    from tests.conftest import TODAY

    empty_repository.save(Actor(name="Brêves", kind=ActorKind.COMMUNE))
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, communes="Brêves\nLunel\n")
        await save(pilot)
        assert isinstance(app.screen, MayorsForm)
        assert [commune.name for commune in app.screen.communes] == ["Lunel"]
    communes = [a.name for a in empty_repository.actors if a.kind is ActorKind.COMMUNE]
    assert sorted(communes) == ["Brêves", "Lunel"]
    evidence = commune_knowledge(Facts.of(empty_repository, TODAY))
    assert "not in the actor map" not in evidence.explanation


async def test_saving_unchanged_writes_nothing(make_app: AppFactory,
                                               empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    before = empty_repository.revision
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        await save(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert empty_repository.revision == before


# ---------------------------------------------------------------------- refusals


async def test_a_date_that_does_not_exist_is_shown_under_its_field(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, name="Renamed", mandate_end="31/02/2032")
        await save(pilot)
        assert app.screen is form
        assert error_under(form, "mandate_end") == "is not a real date (such as 26/11/2026)"
        assert error_under(form, "mandate_start") == ""
        assert form.query_one("#f-mandate_end", Input).has_focus
        fill(form, mandate_end="")
        await save(pilot)
        assert error_under(form, "mandate_end") == "is required"
    with on_disk(app) as stored:
        assert stored.name == "Test territory"


async def test_a_mandate_ending_before_it_starts_is_refused(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, name="Renamed", mandate_start="2026-03-15", mandate_end="2026-03-14")
        await save(pilot)
        assert app.screen is form
        assert error_under(form, "mandate_end") == (
            "the mandate ends (Mar 14, 2026) before it starts (Mar 15, 2026)")
    with on_disk(app) as stored:
        assert stored.name == "Test territory"
        assert stored.mandate_end == date(2032, 3, 15)


async def test_an_empty_name_is_refused(make_app: AppFactory,
                                        empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, name="   ", communes="Lunel")
        await save(pilot)
        assert app.screen is form
        assert error_under(form, "name") == "must not be empty"
        fill(form, name="CC de Lunel")
        await save(pilot)
        assert isinstance(app.screen, MayorsForm)
    with on_disk(app) as stored:
        assert (stored.name, stored.communes) == ("CC de Lunel", ["Lunel"])


async def test_a_commune_listed_twice_is_refused_with_its_line(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, communes="Lunel\n\nMauguio\nLUNEL\n")
        await save(pilot)
        assert app.screen is form
        assert error_under(form, "communes") == "« LUNEL » appears twice"
        fill(form, communes="Lunel\n\x1b[31m\n")  # a line of escapes only: no name left
        await save(pilot)
        assert error_under(form, "communes") == "line 2: must not be empty"
    with on_disk(app) as stored:
        assert stored.communes == []


async def test_user_text_is_shown_as_text(make_app: AppFactory,
                                          empty_repository: Repository) -> None:
    territory = empty_repository.territory.model_copy(
        update={"name": "[bold]CC[/bold]", "communes": ["[red]Lunel[/red]", "Lunel"]})
    empty_repository.save(territory)
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        assert "[bold]CC[/bold]" in str(app.screen.query_one(StatusBar).render())
        form = await open_form(pilot)
        assert form.query_one("#f-name", Input).value == "[bold]CC[/bold]"
        fill(form, communes="[red]Lunel[/red]\n[red]Lunel[/red]")
        await save(pilot)
        assert error_under(form, "communes") == "« [red]Lunel[/red] » appears twice"
        await pilot.press("escape")
        await answer(pilot, yes=True)
        assert "[bold]CC[/bold]" in str(app.screen.query_one(StatusBar).render())


# ---------------------------------------------------------------------- leaving


async def test_cancel_after_typing_asks_then_changes_nothing(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    before = empty_repository.territory
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        await pilot.press(*" renamed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await answer(pilot, yes=False)
        assert app.screen is form
        await pilot.press("escape")
        await answer(pilot, yes=True)
        assert isinstance(app.screen, DashboardScreen)
        assert "Test territory" in str(app.screen.query_one(StatusBar).render())
    assert empty_repository.territory == before
    with on_disk(app) as stored:
        assert stored == before


async def test_cancel_with_nothing_typed_leaves_at_once(
        make_app: AppFactory, empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_a_read_only_store_shows_the_territory_and_saves_nothing(
        make_app: AppFactory, demo_path: Path) -> None:
    repository = open_store(demo_path, read_only=True)
    before = repository.territory
    written = demo_path.read_bytes()
    try:
        app = make_app(repository)
        async with app.run_test(size=SIZE) as pilot:
            form = await open_form(pilot)
            assert "Territory (read-only)" in str(form.query_one("#form-title").render())
            assert form.query_one("#f-name", Input).is_disabled
            assert form.query_one("#form-save", Button).disabled
            assert form.check_action("save", ()) is False
            assert form.query_one("#f-communes", TextArea).text.splitlines() == \
                before.communes
            fill(form, name="Changed anyway")
            await save(pilot)
            assert app.screen is form
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
        assert repository.territory == before
        assert demo_path.read_bytes() == written
    finally:
        repository.close()


# ---------------------------------------------------------------------- first steps


async def test_a_new_store_says_where_to_start(make_app: AppFactory,
                                               empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        headline = shown(app, "#headline")
        assert headline.startswith("Where to start:")
        for step in ("name the territory and its communes (t)", "add the actors (2 then a)",
                     "plan a meeting (5 then n)"):
            assert step in headline
        assert "✓" not in headline and "late" not in headline
        empty_repository.save(Actor(name="Lunel", kind=ActorKind.COMMUNE))
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert "Where to start" not in shown(app, "#headline")
        assert "late roadmap items" in shown(app, "#headline")


async def test_a_store_with_data_shows_no_first_steps(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Where to start" not in shown(app, "#headline")


async def test_first_steps_and_form_in_french(make_app: AppFactory,
                                              empty_repository: Repository,
                                              french: None) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        headline = shown(app, "#headline")
        assert headline.startswith("Pour commencer\u00a0:")
        assert "ajouter les acteurs (2 puis a)" in headline
        await from_palette(pilot, "territoire modifier")
        form = app.screen
        assert isinstance(form, TerritoryForm), form
        assert form.query_one("#f-mandate_start", Input).value == "15/03/2026"
        assert "dimanche 15 mars 2026" in shown(app, "#hint-mandate_start")
        hint = str(form.query_one(".hint").render())
        assert "«\u00a0Connaître chaque commune membre\u00a0»" in hint
        fill(form, mandate_start="15/03/2026", mandate_end="14/03/2026")
        await save(pilot)
        assert error_under(form, "mandate_end") == (
            "le mandat finit (14 mars 2026) avant de commencer (15 mars 2026)")
        fill(form, mandate_end="fin mars 2032", communes="Lunel\nlunel")
        await save(pilot)
        assert error_under(form, "communes") == "«\u00a0lunel\u00a0» figure deux fois"
        assert error_under(form, "mandate_end") == ""


async def test_the_letterhead_address_and_logo_are_saved(
        make_app: AppFactory, empty_repository: Repository, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        form.query_one("#f-address", TextArea).text = "1 place de la Mairie\n58000 Brêves"
        fill(form, logo_path=str(tmp_path / "logo.gif"))
        await save(pilot)
        assert app.screen is form  # not a PNG or a JPEG
        assert "PNG or JPEG" in shown(app, "#error-logo_path")
        fill(form, logo_path=str(logo))
        await save(pilot)
        assert isinstance(app.screen, DashboardScreen)
        with on_disk(app) as stored:
            assert stored.address == "1 place de la Mairie\n58000 Brêves"
            assert stored.logo_path == str(logo)


async def test_later_forms_keep_their_labels_beside_their_fields(
        make_app: AppFactory, empty_repository: Repository) -> None:
    """Issue 21, defect 3: once the territory form (labels above fields) has been used, a
    form of the toolkit still draws each label on the line of its field."""
    from coop_tui.screens.actors.form import ActorForm
    from coop_tui.screens.actors.screen import ActorsScreen

    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        fill(form, communes="Brêves")
        await save(pilot)
        await pilot.press("escape")  # the mayors' list it offers
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await open_screen(pilot, "2", ActorsScreen)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ActorForm))
        shown = [row for row in app.screen.query(".field-row") if row.region.height]
        assert len(shown) >= 3
        for row in shown:
            label, field = row.children[0], row.children[1]
            assert label.region.y == field.region.y, (label, field)
            assert label.region.x < field.region.x
