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
from coop_tui.ui.widgets.bindings import described, translate_bindings

# The notes syntax, as coop_tui/core/capture.py reads it: (what to type, what it does).
NOTES_SYNTAX = (
    ("D: …", N_("a decision (also « decision: »)")),
    ("A: …", N_("an action (also « action: »)")),
    ("@name", N_("in an action, its owner: the actor whose name matches")),
    ("15/12", N_("in an action, its due date: 15/12/2026, 2026-12-15, 15 December, "
                 "end of January, mid-March, tomorrow")),
)
NOTES_EXAMPLES = (
    N_("D: adopt the pooling scheme"),
    N_("A: send the budget to the mayors @Martin by 15/12"),
)
GUIDE = "docs/guide.md"


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
            yield Static(Text(_("Meeting notes"), style="bold"), id="help-notes-title")
            yield Static(self._notes_table(), id="help-notes")
            yield Static(Text(_("The user guide, in French, with pictures of every screen: "
                                "{path} in coop-tui's sources.").format(path=GUIDE)),
                         id="help-guide")

    def _notes_table(self) -> Table:
        """The notes syntax with examples: one line per decision or action."""
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        table.add_row("", Text(_("One line per decision or action, typed as people talk:")))
        for typed, meaning in NOTES_SYNTAX:
            table.add_row(Text(typed), Text(_(meaning)))
        for example in NOTES_EXAMPLES:
            table.add_row(Text(_("e.g.")), Text(_(example)))
        table.add_row("", Text(_("A name or a date that matches nothing is flagged in the "
                                 "notes, never dropped.")))
        return table

    def _keys_table(self) -> Table:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app.screen
        seen: set[tuple[str, str]] = set()
        for key, active in below.active_bindings.items():
            binding: Binding = active.binding
            description = described(active.node, key, binding)
            if not description or (key, description) in seen or \
                    (description in {said for _key, said in seen} and key.startswith("super+")):
                continue
            seen.add((key, description))
            table.add_row(self.app.get_key_display(binding), Text(description))
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
