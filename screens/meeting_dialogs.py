"""Small questions asked on the meetings screens: confirm something, or type one line."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from coop_tui.i18n import N_, _
from coop_tui.screens.meeting_form_base import FORMS_CSS
from coop_tui.widgets.bindings import translate_bindings
from coop_tui.widgets.text import plain


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; the safe answer (no) is the default."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        Binding("escape,n", "answer(False)", N_("No"), id="confirm.no"),
        Binding("y,o", "answer(True)", N_("Yes"), id="confirm.yes"),
    ]

    def __init__(self, title: str, message: str, yes: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._message = message
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(plain(self._title), classes="form-title")
            yield Static(plain(self._message), classes="dialog-message")
            with Horizontal(classes="form-buttons"):
                yield Button(self._yes, variant="error", id="confirm-yes", compact=True)
                yield Button(_("Cancel"), id="confirm-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class TextPrompt(ModalScreen[str | None]):
    """One line to type (a substitute's name, a new due date); ``check`` refuses bad input.

    ``check`` returns an error message, or "" when the text is acceptable.
    """

    CSS_PATH = FORMS_CSS
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="prompt.cancel")]

    def __init__(self, title: str, label: str, value: str = "",
                 check: Callable[[str], str] | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._label = label
        self._value = value
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(plain(self._title), classes="form-title")
            with Horizontal(classes="field-row"):
                yield Label(self._label, classes="field-label")
                yield Input(self._value, id="prompt-input", compact=True)
            yield Static("", classes="field-error", id="prompt-error")
            with Horizontal(classes="form-buttons"):
                yield Button(_("OK"), variant="primary", id="prompt-ok", compact=True)
                yield Button(_("Cancel"), id="prompt-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#prompt-error", Static).display = False
        self.query_one("#prompt-input", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#prompt-ok")
    def _submit(self) -> None:
        value = self.query_one("#prompt-input", Input).value
        problem = self._check(value) if self._check else ""
        error = self.query_one("#prompt-error", Static)
        if problem:
            error.update(Text(problem))
            error.display = True
            return
        self.dismiss(value)

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
