"""The actor map driven with keys: filtering, sorting, the map, the detail panel, and the
forms that add, edit and delete actors, contacts and relations."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from coop_tui.core.i18n import ngettext
from coop_tui.core.target import Target
from coop_tui.screens.actors.detail import RELATIONS, ActorDetail, ContactLog, Neighbourhood
from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor, ActorKind, Relation, RelationKind, Role
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import FieldError
from coop_tui.ui.widgets.actor_picker import ActorPicker
from coop_tui.ui.widgets.power_grid import PowerGrid
from coop_tui.ui.widgets.record_table import RecordTable
from tests.helpers import AppFactory, answer, burst, open_screen, settle

WIDE = (160, 48)
SMALL = (80, 24)
# Long enough for the timers (the filter's pause, the detail panel) to run.
TIMERS = 0.3


async def open_actors(pilot: Pilot[int]) -> ActorsScreen:
    return await open_screen(pilot, "2", ActorsScreen)


def table(screen: ActorsScreen) -> RecordTable:
    return screen.query_one("#actors", RecordTable)


def first_names(screen: ActorsScreen, count: int = 3) -> list[str]:
    grid = table(screen)
    return [str(grid.row_cells(index)[0]) for index in range(min(count, grid.row_count))]


def row_of(screen: ActorsScreen, actor_id: str) -> list[str]:
    """The cells of an actor's row as text."""
    index = table(screen).index_of(actor_id)
    assert index is not None
    return [str(cell) for cell in table(screen).row_cells(index)]


def by_name(repository: Repository, name: str) -> Actor:
    return next(actor for actor in repository.actors if actor.name == name)


async def test_table_lists_every_actor_by_name(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        assert table(screen).row_count == len(repository.actors)
        names = sorted(repository.actors, key=lambda a: a.name.casefold())
        assert first_names(screen, 1)[0] in {names[0].name, names[1].name}
        summary = str(screen.query_one("#actors-summary", Static).render())
        assert "drivers" in summary and "followers to contact" in summary


async def test_typing_filters_the_table_and_the_map(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        await pilot.press("slash", *"bertrand")
        await settle(pilot, TIMERS)
        assert first_names(screen) == ["Gérard Bertrand"]
        grid = screen.query_one(PowerGrid)
        assert [a.name for a in grid.placement.actors()] == ["Gérard Bertrand"]
        assert screen.selected_actor is not None
        assert screen.selected_actor.name == "Gérard Bertrand"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.focused is table(screen)
        await pilot.press("x")
        await settle(pilot, TIMERS)
        assert table(screen).row_count == len(app.session.repository.actors)
        assert screen.query_one("#filter-text", Input).value == ""


async def test_a_filter_typed_in_one_burst_filters(make_app: AppFactory) -> None:
    """``/`` and the letters after it arrive together (a slow link): the letters are the
    filter's, none runs the table's keys (``c`` logs a contact, ``e`` edits)."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        burst(app, "slash", *"cressy")
        await settle(pilot, TIMERS)
        assert screen.query_one("#filter-text", Input).value == "cressy"
        assert first_names(screen) == ["Cressy"]
        assert app.screen is screen


async def test_keys_typed_as_the_map_opens_wait_for_it(make_app: AppFactory) -> None:
    """``2`` and a filter at once, from the dashboard: the map is not built yet when the
    filter's keys come; they wait for its table instead of being dropped."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        burst(app, "2", "slash", *"cressy")
        for _ in range(30):  # the map's first opening
            await pilot.pause(0.1)
            if isinstance(app.screen, ActorsScreen) and app.screen.is_mounted:
                break
        await settle(pilot, TIMERS)
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        assert screen.query_one("#filter-text", Input).value == "cressy"
        assert first_names(screen) == ["Cressy"]


async def test_typing_the_same_matches_keeps_the_rows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        await pilot.press("slash", *"gerard bertrand")
        await settle(pilot, TIMERS)
        rebuilt: list[int] = []
        original = screen._fill_table

        def counted() -> None:
            rebuilt.append(1)
            original()

        screen._fill_table = counted  # type: ignore[method-assign]
        await pilot.press("space", "backspace", "backspace")
        await settle(pilot, TIMERS)
        assert first_names(screen) == ["Gérard Bertrand"]
        assert rebuilt == []


async def test_select_filters(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        screen.query_one("#filter-kind", Select).value = ActorKind.COMMUNE.value
        await settle(pilot, TIMERS)
        communes = [a for a in repository.actors if a.kind is ActorKind.COMMUNE]
        assert table(screen).row_count == len(communes)
        screen.query_one("#filter-role", Select).value = Role.DRIVER.value
        await settle(pilot, TIMERS)
        drivers = [a for a in communes if a.private.role is Role.DRIVER]
        assert table(screen).row_count == len(drivers)
        count = str(screen.query_one("#filter-count", Static).render())
        assert count == f"{len(drivers)} of {len(repository.actors)}"
        await pilot.press("x")
        await settle(pilot, TIMERS)
        assert table(screen).row_count == len(repository.actors)
        assert screen.query_one("#filter-kind", Select).value == Select.NULL


async def test_summary_figure_filters(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        await pilot.pause()
        screen.action_figure("to_contact")
        await settle(pilot, TIMERS)
        expected = len(screen._figures.followers_to_contact)
        assert 0 < table(screen).row_count == expected
        screen.action_figure("to_contact")
        await settle(pilot, TIMERS)
        assert table(screen).row_count == len(app.session.repository.actors)


async def test_sort_by_a_column_and_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        await pilot.press("s")  # second column: kind
        await pilot.press("s", "s")  # role, then influence
        await settle(pilot, TIMERS)
        highest = max(a.private.influence or 0 for a in repository.actors)
        top = by_name(repository, first_names(screen, 1)[0])
        assert top.private.influence == highest
        await pilot.press("S")
        await settle(pilot, TIMERS)
        bottom = by_name(repository, first_names(screen, 1)[0])
        assert bottom.private.influence is None


async def test_a_click_on_a_heading_sorts_by_it_then_reverses(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        grid = table(screen)
        column = screen._columns.index("influence")
        widths = grid.column_widths(grid.scrollable_content_region.width)
        x = sum(width + 2 for width in widths[:column]) + 1
        await pilot.click("#actors", offset=(x, 0))
        await settle(pilot, TIMERS)
        highest = max(a.private.influence or 0 for a in repository.actors)
        assert by_name(repository, first_names(screen, 1)[0]).private.influence == highest
        assert "Infl. ▼" in grid.render_line(0).text
        await pilot.click("#actors", offset=(x, 0))
        await settle(pilot, TIMERS)
        assert by_name(repository, first_names(screen, 1)[0]).private.influence is None
        assert "Infl. ▲" in grid.render_line(0).text


async def test_table_and_map_share_the_selection(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        grid = screen.query_one(PowerGrid)
        await pilot.press("down", "down")
        await settle(pilot, TIMERS)
        assert grid.selected == screen.selected
        await pilot.press("m")
        assert grid.has_focus
        await pilot.press("up")
        await settle(pilot, TIMERS)
        assert screen.selected == grid.selected
        row = table(screen).cursor_row
        assert screen.visible_ids[row] == screen.selected
        detail = screen.query_one("#detail-title", Static)
        assert screen.selected_actor is not None
        assert screen.selected_actor.name in str(detail.render())


async def test_moving_an_actor_on_the_map_saves_its_scores(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        await pilot.press("slash", *"vernay", "enter")
        await settle(pilot, TIMERS)
        vernay = by_name(repository, "Vernay")
        before = (vernay.private.influence, vernay.private.interest)
        assert before[0] is not None and before[1] is not None
        await pilot.press("m")
        revision = repository.revision
        await pilot.press("shift+down", "shift+right")
        await settle(pilot, TIMERS)
        after = by_name(repository, "Vernay").private
        assert (after.influence, after.interest) == (before[0] - 1, before[1] + 1)
        assert repository.revision == revision + 2
        influence = [column.key for column in table(screen).columns].index("influence")
        assert row_of(screen, vernay.id)[influence] == str(before[0] - 1)


async def test_open_on_a_small_terminal_shows_one_part_at_a_time(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_actors(pilot)
        assert screen.has_class("-narrow")
        assert table(screen).display and not screen.query_one(ActorDetail).display
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view == "detail"
        assert screen.query_one(ActorDetail).display
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view == "table"
        await pilot.press("m")
        await pilot.pause()
        assert screen.view == "map"
        assert screen.query_one(PowerGrid).has_focus


async def test_relations_of_a_mayor_in_two_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        mayor = next(a for a in repository.actors if "maire" in a.tags and any(
            a.id in (r.source_id, r.target_id) for r in repository.relations))
        screen.show_actor(mayor.id)
        await settle(pilot, TIMERS)
        await pilot.press("r")
        await pilot.pause()
        neighbours = screen.query_one(Neighbourhood)
        assert neighbours.has_focus
        expected = sum(mayor.id in (r.source_id, r.target_id) for r in repository.relations)
        assert sum(not option.disabled for option in neighbours.options) == expected
        await pilot.press("enter")
        await settle(pilot, TIMERS)
        assert screen.selected != mayor.id


async def test_add_an_actor_with_field_errors_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        count = len(repository.actors)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActorForm)
        form.query_one("#f-influence", Input).value = "7"
        form.query_one("#f-email", Input).value = "not an address"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = {error.field: str(error.render()) for error in form.query(FieldError)
                  if error.display}
        assert errors["name"] == "must not be empty"
        assert errors["private.influence"] == "must be at most 5"
        assert errors["contact.email"] == "is not an e-mail address"
        assert len(repository.actors) == count
        form.query_one("#f-name", Input).value = "[bold]Mairie[/] de Test"
        form.query_one("#f-influence", Input).value = "4"
        form.query_one("#f-email", Input).value = "mairie@test.example.fr"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        assert app.screen is screen
        added = by_name(repository, "[bold]Mairie[/] de Test")
        assert added.private.influence == 4
        assert screen.selected == added.id
        assert row_of(screen, added.id)[0] == "[bold]Mairie[/] de Test"


async def test_edit_an_actor_keeps_its_log_and_asks_before_discarding(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        vernay = by_name(repository, "Vernay")
        screen.show_actor(vernay.id)
        await settle(pilot, TIMERS)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActorForm)
        assert form.query_one("#commune-section").display
        form.query_one("#f-name", Input).value = "Vernay-sur-Loubière"
        await pilot.press("escape")
        await pilot.pause()
        await answer(pilot, yes=False)
        assert app.screen is form
        form.query_one("#f-mayor", Input).value = "Claire Martin"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        saved = by_name(repository, "Vernay-sur-Loubière")
        assert saved.id == vernay.id
        assert saved.commune is not None and saved.commune.mayor == "Claire Martin"
        assert saved.contact_log == vernay.contact_log


async def test_an_actor_cannot_be_its_own_parent(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        child = next(a for a in repository.actors if a.parent_id)
        screen.show_actor(child.id)
        await settle(pilot, TIMERS)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActorForm)
        form.query_one("#f-parent").focus()
        await pilot.press("enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ActorPicker)
        offered = {actor.id for actor in picker._actors}
        assert child.id not in offered
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form


async def test_log_edit_and_delete_a_contact(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        actor = by_name(repository, "Vernay")
        screen.show_actor(actor.id)
        await settle(pilot, TIMERS)
        entries = len(actor.contact_log)
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-on", Input).value = "31/02/2026"
        await pilot.press(*"Point COPIL")
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = next(e for e in form.query(FieldError) if e.field == "on")
        assert error.display and str(error.render()) == "is not a date"
        form.query_one("#f-on", Input).value = "today"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        saved = by_name(repository, "Vernay")
        assert len(saved.contact_log) == entries + 1
        assert saved.last_contact() == app.session.today()
        assert any(entry.subject == "Point COPIL" for entry in saved.contact_log)
        await pilot.press("h")
        await pilot.pause()
        log = screen.query_one(ContactLog)
        assert log.has_focus
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-subject", Input).value = "Point COPIL (suite)"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        subjects = [e.subject for e in by_name(repository, "Vernay").contact_log]
        assert "Point COPIL (suite)" in subjects and "Point COPIL" not in subjects
        screen.query_one(ContactLog).focus()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, TIMERS)
        assert len(by_name(repository, "Vernay").contact_log) == entries


async def test_add_edit_and_delete_a_relation(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        source = by_name(repository, "Vernay")
        target = by_name(repository, "Cressy")
        screen.show_actor(source.id)
        await settle(pilot, TIMERS)
        relations = len(repository.relations)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        await pilot.press("escape")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-kind", Select).value = RelationKind.FUNDING.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        other_error = next(e for e in form.query(FieldError) if e.field == "other")
        assert str(other_error.render()) == "choose the other actor"
        form.query_one("#f-other").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"cressy", "enter")
        await pilot.pause()
        form.query_one("#f-direction", Select).value = "in"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        assert len(repository.relations) == relations + 1
        added = next(r for r in repository.relations if r.kind is RelationKind.FUNDING
                     and {r.source_id, r.target_id} == {source.id, target.id})
        assert (added.source_id, added.target_id) == (target.id, source.id)
        detail = screen.query_one(ActorDetail)
        assert detail.active_tab == RELATIONS
        neighbours = screen.query_one(Neighbourhood)
        neighbours.focus()
        neighbours.highlighted = next(i for i, option in enumerate(neighbours.options)
                                      if option.id == added.id)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-strength", Select).value = "3"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        edited = repository.get(Relation, added.id)
        assert edited is not None and edited.strength == 3
        neighbours = screen.query_one(Neighbourhood)
        neighbours.focus()
        neighbours.highlighted = next(i for i, option in enumerate(neighbours.options)
                                      if option.id == added.id)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot, TIMERS)
        assert repository.get(Relation, added.id) is None


async def test_delete_an_actor_nobody_refers_to(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        lone = Actor(name="Collectif éphémère", kind=ActorKind.CITIZEN_GROUP)
        repository.save(lone)
        screen.refresh_data()
        screen.show_actor(lone.id)
        await settle(pilot, TIMERS)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#delete-plain")
        await settle(pilot, TIMERS)
        assert repository.get(Actor, lone.id) is None
        assert lone.id not in screen.visible_ids


async def test_delete_an_actor_reassigning_what_it_holds(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        owner = next(a for m in repository.meetings for action in m.actions
                     for a in repository.actors if a.id == action.owner_id)
        screen.show_actor(owner.id)
        await settle(pilot, TIMERS)
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#delete-reassign")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        await pilot.press(*"Vernay", "enter")
        await settle(pilot, TIMERS)
        vernay = by_name(repository, "Vernay")
        assert repository.get(Actor, owner.id) is None
        assert not repository.dependents(owner)
        assert any(action.owner_id == vernay.id for m in repository.meetings
                   for action in m.actions)


async def test_show_record_clears_hiding_filters(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        await pilot.press("slash", *"vernay", "enter")
        await settle(pilot, TIMERS)
        other = by_name(repository, "Cressy")
        app.session.open(Target("actors", other.id))
        await settle(pilot, TIMERS)
        assert screen.selected == other.id
        assert table(screen).row_count == len(repository.actors)


async def test_read_only_store_offers_no_change(make_app: AppFactory, demo_path: Path) -> None:
    second = open_store(demo_path)
    try:
        app = make_app(second)
        async with app.run_test(size=WIDE) as pilot:
            screen = await open_actors(pilot)
            assert screen.check_action("add", ()) is None
            assert screen.check_action("edit", ()) is None
            await pilot.press("a")
            await pilot.pause()
            assert app.screen is screen
            assert screen.query_one(PowerGrid).read_only
    finally:
        second.close()


async def test_french_screen(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        summary = str(screen.query_one("#actors-summary", Static).render())
        to_contact = len(screen._figures.followers_to_contact)
        expected = ngettext("{count} follower to contact", "{count} followers to contact",
                            to_contact).format(count=to_contact)
        assert "moteurs" in summary and expected in summary
        assert "to contact" not in expected
        descriptions = {b.binding.description for b in screen.active_bindings.values()}
        assert {"Ajouter", "Modifier", "Supprimer", "Carte"} <= descriptions
        grid_text = "\n".join(line.plain for line in screen.query_one(PowerGrid)._drawing().lines)
        assert "associer étroitement" in grid_text and "surveiller" in grid_text


async def test_blockages_are_edited_in_the_private_reading(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        actor = by_name(repository, "Vernay")
        screen.show_actor(actor.id)
        await settle(pilot, TIMERS)
        before = len(actor.private.blockages)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActorForm)
        form.query_one("#add-blockage", Button).press()
        await pilot.pause()
        rows = list(form.query(".blockage-row"))
        assert len(rows) == before + 1
        rows[-1].query_one(".blockage-reason", Input).value = "Craint de perdre la main"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = next(e for e in form.query(FieldError) if e.field == "private.blockages")
        assert error.display and str(error.render()) == "must not be empty"
        rows[-1].query_one(".blockage-text", Input).value = "Refuse le service commun"
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        blockages = by_name(repository, "Vernay").private.blockages
        assert len(blockages) == before + 1
        assert (blockages[-1].text, blockages[-1].reason) == ("Refuse le service commun",
                                                               "Craint de perdre la main")


async def test_a_new_actor_is_shown_even_when_filters_hide_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        screen.query_one("#filter-kind", Select).value = ActorKind.COMMUNE.value
        await settle(pilot, TIMERS)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "Association Terre de liens"
        app.screen.query_one("#f-kind", Select).value = ActorKind.ASSOCIATION.value
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        added = by_name(app.session.repository, "Association Terre de liens")
        assert screen.selected == added.id
        assert added.id in screen.visible_ids
        assert screen.query_one("#filter-kind", Select).value == Select.NULL


async def test_form_errors_in_french(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_actors(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-name", Input).value = "Commune test"
        form.query_one("#f-interest", Input).value = "zéro"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = next(e for e in form.query(FieldError) if e.field == "private.interest")
        assert error.display and str(error.render()) == "doit être un nombre entier"


async def test_jump_to_an_actor_from_another_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.current_mode == "dashboard"
        cressy = by_name(app.session.repository, "Cressy")
        app.session.open(Target("actors", cressy.id))
        await settle(pilot, TIMERS)
        screen = app.screen
        assert isinstance(screen, ActorsScreen)
        assert screen.selected == cressy.id
        assert screen.view == "detail"
        assert "Cressy" in str(screen.query_one("#detail-title", Static).render())


async def test_an_empty_territory(empty_repository: Repository, make_app: AppFactory) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        assert table(screen).row_count == 0
        empty = screen.query_one("#actors-empty", Static)
        assert empty.display and "press a" in str(empty.render())
        assert screen.check_action("edit", ()) is False
        await pilot.press("m", "up", "shift+up", "e", "d", "r")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#f-name", Input).value = "Première commune"
        app.screen.query_one("#f-kind", Select).value = ActorKind.COMMUNE.value
        await pilot.press("ctrl+s")
        await settle(pilot, TIMERS)
        assert table(screen).row_count == 1
        assert not empty.display
        assert screen.selected_actor is not None
        assert screen.selected_actor.commune is not None


async def test_a_narrow_table_drops_columns_rather_than_cut_them(make_app: AppFactory) -> None:
    """Beside the detail panel the table has half the width: the columns that do not fit
    are left out whole, the names keep room, the role and the scores stay."""
    for size in [(100, 30), (110, 30), (120, 40), WIDE, (200, 50)]:
        app = make_app()
        async with app.run_test(size=size) as pilot:
            screen = await open_actors(pilot)
            await settle(pilot, TIMERS)
            grid = table(screen)
            width = grid.scrollable_content_region.width
            widths = grid.column_widths(width)
            keys = [column.key for column in grid.columns]
            assert sum(widths) + 2 * len(widths) <= width, size
            assert widths[0] >= 16 and {"name", "role"} <= set(keys), size
            assert ("influence" in keys) == ("interest" in keys), size
            for column, column_width in zip(grid.columns, widths, strict=True):
                assert column.width == 0 or len(str(column.heading)) <= column_width, size
    assert "channel" in keys and "kind" in keys
