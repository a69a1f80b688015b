"""Issue 21: several actors typed at once, one « Prénom Nom, rôle » per line (A on the actor
map); a mayor « Maire de X » is attached to the commune X (defect 15); a line that does not
read keeps everything unwritten and says why."""

from __future__ import annotations

from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.actors.several_form import SeveralActorsForm
from coop_tui.store.models import Actor, ActorKind
from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, open_screen, until

SIZE = (120, 40)


async def test_one_actor_per_line_with_mayors_attached(make_app: AppFactory,
                                                       empty_repository: Repository) -> None:
    lussac = Actor(name="Lussac", kind=ActorKind.COMMUNE)
    empty_repository.save(lussac)
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "2", ActorsScreen)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, SeveralActorsForm))
        await pilot.press(*"Anne Morel, Maire de Lussac", "enter",
                          *"Paul Roy, DGS de la communauté", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ActorsScreen))
    actors = {actor.name: actor for actor in empty_repository.actors}
    assert (actors["Anne Morel"].responsibilities, actors["Anne Morel"].parent_id) == (
        "Maire de Lussac", lussac.id)
    assert actors["Lussac"].commune is not None
    assert actors["Lussac"].commune.mayor == "Anne Morel"
    assert (actors["Paul Roy"].responsibilities, actors["Paul Roy"].parent_id) == (
        "DGS de la communauté", None)


async def test_a_line_that_does_not_read_writes_nothing(make_app: AppFactory,
                                                        empty_repository: Repository) -> None:
    empty_repository.save(Actor(name="Anne Morel", kind=ActorKind.ELECTED))
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "2", ActorsScreen)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, SeveralActorsForm))
        await pilot.press(*"Paul Roy, DGS", "enter", *"Anne Morel, Maire", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SeveralActorsForm)
        error = str(app.screen.query_one("#form-error").render())
        assert "line 2:" in error and "Anne Morel" in error
    assert "Paul Roy" not in {actor.name for actor in empty_repository.actors}
