"""Issue 21, defect 15 and the setup in few keys: communes saved in the territory form become
actors, and the mayors' list it offers makes one elected actor per line, « Maire de X »,
attached to the commune X, which names them as its mayor."""

from __future__ import annotations

from coop_tui.core.communes import mayors_of
from coop_tui.screens.territory.form import TerritoryForm
from coop_tui.screens.territory.mayors import MayorsForm
from coop_tui.store.models import ActorKind
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.text_fields import TextEditor
from tests.helpers import AppFactory, until

SIZE = (120, 40)


async def test_communes_then_their_mayors_in_two_lists(make_app: AppFactory,
                                                     empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TerritoryForm))
        await pilot.press("enter", *"Lussac", "enter", *"Avrillé", "enter", *"Brêves",
                          "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MayorsForm))
        assert app.screen.focused is app.screen.query_one("#f-mayors", TextEditor)
        await pilot.press(*"Anne Morel", "enter", "enter", *"Paul Roy", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, MayorsForm))
    actors = {actor.name: actor for actor in empty_repository.actors}
    assert empty_repository.territory.communes == ["Lussac", "Avrillé", "Brêves"]
    assert {name for name, a in actors.items() if a.kind is ActorKind.COMMUNE} == {
        "Lussac", "Avrillé", "Brêves"}
    anne, paul = actors["Anne Morel"], actors["Paul Roy"]
    assert (anne.kind, anne.responsibilities, anne.parent_id) == (
        ActorKind.ELECTED, "Mayor of Lussac", actors["Lussac"].id)
    assert (paul.responsibilities, paul.parent_id) == ("Mayor of Brêves", actors["Brêves"].id)
    assert actors["Lussac"].commune is not None and actors["Lussac"].commune.mayor == "Anne Morel"
    assert "Avrillé" not in {a.responsibilities.removeprefix("Mayor of ") for a in (anne, paul)}
    assert mayors_of(empty_repository.territory.communes, empty_repository.actors) == [
        anne, paul]


async def test_more_names_than_communes_are_refused(make_app: AppFactory,
                                                    empty_repository: Repository) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TerritoryForm))
        await pilot.press("tab", *"Lussac", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MayorsForm))
        await pilot.press(*"Anne Morel", "enter", *"Paul Roy", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MayorsForm)
        error = str(app.screen.query_one("#form-error").render())
        assert "More names than communes: one line per commune, 1 in all" in error
    assert not [a for a in empty_repository.actors if a.kind is ActorKind.ELECTED]


async def test_the_name_typed_replaces_a_new_stores_placeholder(
        make_app: AppFactory, empty_repository: Repository) -> None:
    territory = empty_repository.territory.model_copy(update={"name": "My territory"})
    empty_repository.save(territory)
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TerritoryForm))
        await pilot.press(*"CC du Val", "enter", *"Lussac", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, MayorsForm))
    assert (empty_repository.territory.name, empty_repository.territory.communes) == (
        "CC du Val", ["Lussac"])
