"""The pacte's actions in the command palette, for the screen that shows the view."""

from __future__ import annotations

from collections.abc import Iterator

from textual.css.query import NoMatches

from coop_tui.screens.pacte.view import PactView, palette_actions
from coop_tui.ui.palette import PaletteCommand, ScreenCommands


class PactCommands(ScreenCommands):
    """Lists the pacte's actions while a :class:`PactView` is on the screen shown."""

    def commands(self) -> Iterator[PaletteCommand]:
        try:
            view = self.screen.query_one(PactView)
        except NoMatches:
            return
        for title, help_text, run in palette_actions(view):
            yield PaletteCommand(title, help_text, run)
