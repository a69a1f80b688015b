"""Small dialogs of the levers screen: one line of text to type, a yes-or-no question.

The prompt checks what is typed with the caller's rule (the model's, through
:func:`check_name`) and shows the error under the field instead of closing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Static

from coop_tui.forms import field_errors
from coop_tui.i18n import N_, _
from coop_tui.session import Session
from coop_tui.store.models import Name
from coop_tui.widgets.bindings import translate_bindings
from coop_tui.widgets.text import plain

_NAME: TypeAdapter[str] = TypeAdapter(Name)

# A rule for typed text: the error to show, or None when the text is fine.
Check = Callable[[str], str | None]


def check_name(text: str) -> str | None:
    """A title or an item: one line of text, not empty (the models' ``Name``)."""
    try:
        _NAME.validate_python(text)
    except ValidationError as error:
        return next(iter(field_errors(error).values()), _("is not valid"))
    return None


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text (a new item, a new title); None when cancelled."""

    CSS_PATH = Path(__file__).parent / "lever_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="prompt.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="prompt.save"),
    ]

    def __init__(self, title: str, label: str, value: str = "", check: Check = check_name,
                 *, keep: Callable[[str], object] | None = None,
                 session: Session | None = None) -> None:
        """``keep`` saves what was typed if the app goes away while the prompt is open
        (``session`` is where such savers are registered)."""
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._label = label
        self._value = value
        self._check = check
        self._keep = keep
        self._session = session

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="dialog"):
            yield Static(plain(self._title), id="prompt-title", classes="dialog-title")
            yield Static(plain(self._label), classes="field-label")
            yield Input(self._value, id="prompt-input", select_on_focus=False)
            yield Static("", id="prompt-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), variant="primary", id="prompt-save")
                yield Button(_("Cancel"), id="prompt-cancel")
        yield Footer()

    def on_mount(self) -> None:
        if self._session is not None and self._keep is not None:
            self._session.add_draft_saver(self._keep_draft)

    def on_unmount(self) -> None:
        if self._session is not None:
            self._session.remove_draft_saver(self._keep_draft)

    def _keep_draft(self) -> None:
        value = self.query_one("#prompt-input", Input).value.strip()
        if self._keep is not None and value != self._value and self._check(value) is None:
            self._keep(value)

    @on(Input.Submitted, "#prompt-input")
    @on(Button.Pressed, "#prompt-save")
    def action_save(self) -> None:
        value = self.query_one("#prompt-input", Input).value.strip()
        error = self._check(value)
        message = self.query_one("#prompt-error", Static)
        message.update(plain(error or ""))
        message.display = bool(error)
        if error is None:
            self.dismiss(value)

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A question before something that cannot be undone; the safe answer has the focus."""

    CSS_PATH = Path(__file__).parent / "lever_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="confirm.cancel")]

    def __init__(self, title: str, lines: Sequence[str], confirm: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._lines = list(lines)
        self._confirm = confirm

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(plain(self._title), classes="dialog-title")
            for line in self._lines:
                yield Static(plain(line), classes="dialog-line")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._confirm, variant="error", id="confirm-yes")
                yield Button(_("Cancel"), id="confirm-no")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(False)
