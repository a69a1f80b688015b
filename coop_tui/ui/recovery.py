"""When a store file is damaged: say what is wrong and where, and offer the last backup.

The damaged file is never written to. Restoring moves it aside (``.damaged-…``) and puts
the newest good backup in its place; reading the backup opens it read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from coop_tui.core.i18n import N_, _, translate_error, translate_problem
from coop_tui.store.errors import StoreCorrupt
from coop_tui.store.text import clean_line
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar

Choice = Literal["restore", "read_backup"]


class RecoveryApp(App[Choice | None]):
    """A one-screen app in front of a damaged store."""

    CSS_PATH = Path(__file__).parent / "recovery.tcss"
    BINDINGS = [
        Binding("r", "choose('restore')", N_("Restore the last backup"), id="recovery.restore"),
        Binding("o", "choose('read_backup')", N_("Open the backup read-only"),
                id="recovery.read"),
        Binding("q,escape", "quit", N_("Quit"), id="recovery.quit"),
    ]

    def __init__(self, error: StoreCorrupt) -> None:
        super().__init__()
        translate_bindings(self)
        self.error = error

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="recovery"):
            yield Static(Text(translate_error(self.error), style="bold"), id="recovery-title")
            problems = Text()
            for problem in self.error.problems[:200]:
                problems.append("• " + translate_problem(problem) + "\n")
            yield Static(problems, id="recovery-problems")
            if self.error.backup is not None:
                advice = _("The file was not changed. The last good backup is {path}.\n"
                           "Restore it (the damaged file is kept beside it), or open it "
                           "read-only to look.").format(path=clean_line(str(self.error.backup)))
            else:
                advice = _("The file was not changed. There is no backup to restore: "
                           "repair the file by hand (see docs/store-format.md), then run "
                           "coop-tui check.")
            yield Static(Text(advice), id="recovery-advice")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return self.error.backup is not None
        return True

    def action_choose(self, choice: Choice) -> None:
        self.exit(choice)
