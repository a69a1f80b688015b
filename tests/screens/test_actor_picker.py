"""The shared actor picker: fuzzy filter, keyboard choice, a new name on the spot."""

from __future__ import annotations

from textual.app import App

from coop_tui.core.fuzzy import best, rank
from coop_tui.store.models import Actor, ActorKind
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker

ACTORS = [
    Actor(name="Martine Roux", kind=ActorKind.ELECTED),
    Actor(name="Hélène Chapuis", kind=ActorKind.ELECTED),
    Actor(name="Mairie de Fontenay-sous-Roche", kind=ActorKind.COMMUNE),
]


def test_fuzzy_folds_accents_and_case() -> None:
    assert best("helene", [(a.id, a.name) for a in ACTORS]) == ACTORS[1].id
    assert rank("zzzz", [(a.id, a.name) for a in ACTORS]) == []


class PickerApp(App[ActorChoice | None]):
    def on_mount(self) -> None:
        self.push_screen(ActorPicker(ACTORS, "Who?", allow_new=True), self.exit)


async def test_pick_by_typing() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        await pilot.press(*"helene", "enter")
    assert app.return_value == ActorChoice(ACTORS[1].id)


async def test_new_name_on_the_spot() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        await pilot.press(*"Paul Neuf")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")
    assert app.return_value == ActorChoice(None, "Paul Neuf")


async def test_cancel() -> None:
    app = PickerApp()
    async with app.run_test() as pilot:
        await pilot.press("escape")
    assert app.return_value is None
