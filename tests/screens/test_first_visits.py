"""A screen's first showing does not parse every stylesheet again and restyle the whole
app (issue 21, defect 16): Textual does so for a screen it takes for styled with an older
theme, which a new screen seemed to be."""

from __future__ import annotations

import pytest

from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.levers.screen import LeversScreen
from tests.helpers import AppFactory, until


async def test_a_first_visit_does_not_refresh_every_style(
        make_app: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        refreshed: list[bool] = []
        monkeypatch.setattr(app, "refresh_css", lambda animate=True: refreshed.append(animate))
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, ActorsScreen))
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, LeversScreen))
        assert refreshed == []


async def test_a_theme_chosen_later_still_reaches_every_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, ActorsScreen))
        actors = app.screen
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, LeversScreen))
        await pilot.press("2")
        await until(pilot, lambda: app.screen is actors)
        await pilot.pause()
        assert actors.styles.background == app.screen.styles.background
        assert actors.query_one("StatusBar").styles.background.hex == \
            app.get_css_variables()["panel"].upper()[:7]
