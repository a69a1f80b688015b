"""The roadmap item form: every field, errors at their field, nothing saved half-done."""

from __future__ import annotations

from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from coop_tui.screens.roadmap.choices import ChoiceList, ItemPicker
from coop_tui.screens.roadmap.form import RoadmapItemForm, parse_number
from coop_tui.screens.roadmap.screen import RoadmapScreen
from coop_tui.shell.app import CoopApp
from coop_tui.store.models import Actor, Meeting, RoadmapItem, RoadmapStatus
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import typed_date
from coop_tui.ui.widgets.actor_picker import ActorPicker
from coop_tui.ui.widgets.timeline import Timeline
from tests.helpers import AppFactory, answer

SIZE = (120, 40)


async def laid_out(form: RoadmapItemForm, pilot: Pilot[int]) -> RoadmapItemForm:
    """Wait until the form has its size: a widget out of the layout cannot take focus."""
    for _attempt in range(100):
        if form.query_one("#form-fields").virtual_size.height:
            break
        await pilot.pause(0.05)
    return form


async def open_form(app: CoopApp, pilot: Pilot[int], key: str = "n") -> RoadmapItemForm:
    await pilot.press("4")
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    form = app.screen
    assert isinstance(form, RoadmapItemForm)
    return await laid_out(form, pilot)


def fill(form: RoadmapItemForm, **values: str) -> None:
    for field, value in values.items():
        form.query_one(f"#f-{field}", Input).value = value


def error(form: RoadmapItemForm, field: str) -> str:
    label = form.query_one(f"#error-{field}", Label)
    return str(label.render()) if label.has_class("-shown") else ""


def test_numbers_as_people_type_them() -> None:
    assert parse_number("12 500") == 12500
    assert parse_number("12 500,50 €") == 12500.5
    assert parse_number(" 0,5 ") == 0.5
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("beaucoup")


def test_dates_are_shown_the_way_each_language_writes_them(french: None) -> None:
    assert typed_date(date(2027, 1, 27)) == "27/01/2027"
    assert typed_date(None) == ""


async def test_a_new_item_with_every_field(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    before = repository.count(RoadmapItem)
    meeting = repository.meetings[-1]
    lever = repository.levers[1]
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        fill(form, objective="Mutualiser la commande publique", start="15/01/2027",
             due="fin juin 2027", progress="20", budget="12 500", staff="0,5",
             means="Convention de groupement", indicator="Économie réalisée")
        form.query_one("#f-lever", Select).value = lever.id
        form.query_one("#f-meeting", Select).value = meeting.id
        form.query_one("#f-status", Select).value = RoadmapStatus.IN_PROGRESS.value
        form.query_one("#f-milestone", Checkbox).value = True
        form.query_one("#f-description", TextArea).text = "Papier, fournitures"
        owner = repository.actors[0]
        form.query_one("#f-owners", ChoiceList).add(owner.id)
        prerequisite = repository.roadmap[2]
        form.query_one("#f-depends", ChoiceList).add(prerequisite.id)
        await pilot.pause()
        assert "Wednesday, June 30, 2027" in str(form.query_one("#hint-due", Label).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RoadmapScreen)
        assert repository.count(RoadmapItem) == before + 1
        saved = next(i for i in repository.roadmap if i.objective.startswith("Mutualiser"))
        assert (saved.start, saved.due) == (date(2027, 1, 15), date(2027, 6, 30))
        assert saved.lever_id == lever.id and saved.meeting_id == meeting.id
        assert saved.owner_ids == [owner.id] and saved.depends_on == [prerequisite.id]
        assert saved.means.budget_eur == 12500 and saved.means.staff_fte == 0.5
        assert saved.means.text == "Convention de groupement"
        assert saved.status is RoadmapStatus.IN_PROGRESS and saved.progress == 20
        assert saved.milestone and saved.indicator == "Économie réalisée"
        assert saved.description == "Papier, fournitures"
        assert app.screen.query_one(Timeline).selected_id == saved.id


async def test_due_before_start_is_refused_at_the_due_field(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    revision = repository.revision
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        fill(form, objective="Objectif", start="2027-05-01", due="2027-04-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "before the start date" in error(form, "due")
        assert "May 1, 2027" in error(form, "due")
        assert repository.revision == revision


async def test_errors_in_french_at_their_fields(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        fill(form, objective="  ", start="31/02/2027", progress="150", budget="beaucoup")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error(form, "objective") == "ne doit pas être vide"
        assert error(form, "start").startswith("n'est pas une date")
        assert error(form, "progress") == "doit valoir au plus 100"
        assert error(form, "budget") == "doit être un nombre"
        assert error(form, "due") == ""
        assert form.query_one("#f-objective", Input).has_focus


async def test_a_dependency_loop_is_named_at_its_field(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    first = next(i for i in repository.roadmap if i.depends_on)
    prerequisite = repository.get(RoadmapItem, first.depends_on[0])
    assert prerequisite is not None
    revision = repository.revision
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one(Timeline).select(prerequisite.id)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RoadmapItemForm)
        form.query_one("#f-depends", ChoiceList).add(first.id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "would make a loop" in error(form, "depends")
        assert first.objective[:20] in error(form, "depends")
        assert repository.revision == revision


async def test_the_picker_never_offers_a_loop(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    first = next(i for i in repository.roadmap if i.depends_on)
    prerequisite = repository.get(RoadmapItem, first.depends_on[0])
    assert prerequisite is not None
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        app.screen.query_one(Timeline).select(prerequisite.id)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RoadmapItemForm)
        await laid_out(form, pilot)
        form.query_one("#f-depends", ChoiceList).focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ItemPicker)
        offered = {item.id for item in picker._items}
        assert first.id not in offered and prerequisite.id not in offered
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form


async def test_owners_must_exist(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    ghost = Actor(name="Fantôme", kind="elected")  # never saved
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        fill(form, objective="Objectif")
        form.query_one("#f-owners", ChoiceList).ids.append(ghost.id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "not in actors" in error(form, "owners")
        assert repository.get(Actor, ghost.id) is None


async def test_owners_come_from_the_actor_picker(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        owners = form.query_one("#f-owners", ChoiceList)
        owners.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        target = repository.actors[3]
        await pilot.press(*target.name)
        await pilot.press("enter")
        await pilot.pause()
        assert owners.ids == [target.id]
        await pilot.press("delete")
        assert owners.ids == []


async def test_editing_keeps_the_record_and_changes_its_fields(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, key="enter")
        original = form.item
        assert form.query_one("#f-objective", Input).value == original.objective
        fill(form, objective="Nouveau libellé", due="")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = repository.get(RoadmapItem, original.id)
        assert saved is not None
        assert saved.objective == "Nouveau libellé" and saved.due is None
        assert saved.created == original.created


async def test_leaving_with_changes_asks_first(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    before = repository.count(RoadmapItem)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoadmapScreen)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RoadmapItemForm)
        fill(form, objective="Brouillon")
        await pilot.press("escape")
        await pilot.pause()
        await answer(pilot, yes=False)
        assert app.screen is form
        await pilot.press("escape")
        await pilot.pause()
        await answer(pilot, yes=True)
        assert isinstance(app.screen, RoadmapScreen)
        assert repository.count(RoadmapItem) == before


async def test_markup_typed_in_a_field_is_kept_as_text(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        fill(form, objective="[bold]Gras[/] et [link=x]lien[/]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(i.objective == "[bold]Gras[/] et [link=x]lien[/]"
                   for i in repository.roadmap)


async def test_a_read_only_form_shows_but_does_not_save(make_app: AppFactory,
                                                       repository: Repository) -> None:
    from coop_tui.store.database import open_store

    second = open_store(repository.path)
    try:
        app = make_app(second)
        async with app.run_test(size=SIZE) as pilot:
            form = await open_form(app, pilot, key="enter")
            assert form.query_one("#form-fields").disabled
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, RoadmapScreen)
    finally:
        second.close()


async def test_the_meeting_choice_lists_meetings_newest_first(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        options = form._meeting_options()
        newest = max(repository.meetings, key=lambda m: m.on)
        assert options[0][1] == newest.id
        assert isinstance(repository.get(Meeting, options[-1][1]), Meeting)


async def test_a_new_item_joins_the_lever_it_is_added_under(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        selected = app.screen.query_one(Timeline).selected_item
        assert selected is not None and selected.lever_id is not None
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RoadmapItemForm)
        assert form.query_one("#f-lever", Select).value == selected.lever_id
