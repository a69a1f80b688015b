"""The help screen: every key available where the user was, in the current language."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from coop_tui.core.i18n import N_, _
from coop_tui.ui.widgets.bindings import translate_bindings


class HelpScreen(ModalScreen[None]):
    CSS_PATH = Path(__file__).parent / "help.tcss"
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss", N_("Close"), id="help.close")]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text(_("Keys"), style="bold"), id="help-title")
            yield Static(self._keys_table(), id="help-keys")
            yield Static(
                Text(_("ctrl+p opens the command palette: every screen and action by name.")),
                id="help-palette",
            )

    def _keys_table(self) -> Table:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        seen: set[tuple[str, str]] = set()
        for key, active in below.active_bindings.items():
            binding: Binding = active.binding
            if not binding.description or (key, binding.description) in seen:
                continue
            seen.add((key, binding.description))
            table.add_row(self.app.get_key_display(binding), Text(binding.description))
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
