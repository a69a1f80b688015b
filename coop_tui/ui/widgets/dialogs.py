"""The two small questions every screen asks: yes or no, and one line of text.

One look and one set of keys across the app, so a facilitator answering in the middle of a
meeting never has to remember which screen says yes with which key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Static

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Name
from coop_tui.ui.forms import RecordForm, field_errors
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextInput

CSS = Path(__file__).parent / "dialogs.tcss"

# A rule for typed text: the error to show, or None (or "") when the text is fine.
Check = Callable[[str], str | None]

_NAME: TypeAdapter[str] = TypeAdapter(Name)


def check_name(text: str) -> str | None:
    """A title or an item: one line of text, not empty (the models' ``Name``)."""
    try:
        _NAME.validate_python(text)
    except ValidationError as error:
        return next(iter(field_errors(error).values()), _("is not valid"))
    return None


def _lines(detail: str | Sequence[str]) -> list[str]:
    return [detail] if isinstance(detail, str) else list(detail)


class ConfirmDialog(ModalScreen[bool]):
    """Ask before something that matters: y (or o, oui) says yes, n or escape says no.

    ``subject`` names the record concerned; ``detail`` says what else happens. A
    ``destructive`` question has a red button and starts on cancel, so enter alone never
    destroys anything; otherwise the focus starts on the confirm button.
    """

    CSS_PATH = CSS
    BINDINGS = [
        Binding("y,o", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("escape,n", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str | Sequence[str] = (), *, subject: str = "",
                 confirm: str = "", cancel: str = "", destructive: bool = True) -> None:
        super().__init__()
        translate_bindings(self)
        self._question = question
        self._subject = subject
        self._detail = [line for line in _lines(detail) if line]
        self._confirm = confirm or _("Yes")
        self._cancel = cancel or _("Cancel")
        self.set_class(destructive, "-destructive")

    @property
    def destructive(self) -> bool:
        return self.has_class("-destructive")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(plain(self._question), id="confirm-question")
            if self._subject:
                yield Static(plain(self._subject), id="confirm-subject")
            for line in self._detail:
                yield Static(plain(line), classes="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self._confirm), id="confirm-yes", compact=True,
                             variant="error" if self.destructive else "primary")
                yield Button(Content(self._cancel), id="confirm-no", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        first = "#confirm-no" if self.destructive else "#confirm-yes"
        self.query_one(first, Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def ask_to_replace(screen: Screen[Any], path: Path, replace: Callable[[], object]) -> None:
    """Ask before an export replaces an existing file; ``replace`` runs on a yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            replace()

    screen.app.push_screen(ConfirmDialog(
        _("Replace the file?"), _("{path} already exists.").format(path=path),
        confirm=_("Replace")), answered)


class TextPrompt(RecordForm[str], inherit_bindings=False):
    """Ask for one line of text; None when cancelled, else the text without outer spaces.

    ``check`` refuses bad text with a message under the field instead of closing. ``keep``
    saves what was typed if the app goes away while the prompt is open (``session`` is
    where such savers are registered).
    """

    CSS_PATH = CSS
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="prompt.cancel"),
        Binding("ctrl+s", "submit", N_("OK"), id="prompt.submit", show=False),
    ]

    def __init__(self, title: str, label: str, value: str = "", check: Check | None = None,
                 *, placeholder: str = "", confirm: str = "",
                 keep: Callable[[str | None], object] | None = None,
                 session: Session | None = None) -> None:
        super().__init__()
        self._title = title
        self._label = label
        self._value = value
        self._check = check
        self._placeholder = placeholder
        self._confirm = confirm or _("OK")
        if session is not None and keep is not None:
            self.keep_drafts(session, keep)

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(plain(self._title), id="prompt-title")
            yield Static(plain(self._label), id="prompt-label")
            yield TextInput(self._value, placeholder=self._placeholder, id="prompt-input",
                            select_on_focus=False)
            yield Static("", id="prompt-error")
            with Horizontal(id="prompt-buttons"):
                yield Button(Content(self._confirm), variant="primary", id="prompt-ok",
                             compact=True)
                yield Button(Content(_("Cancel")), id="prompt-cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#prompt-error", Static).display = False

    def _typed(self) -> str:
        return self.query_one("#prompt-input", Input).value.strip()

    def _problem(self, value: str) -> str:
        return (self._check(value) or "") if self._check is not None else ""

    def draft_snapshot(self) -> object:
        return self._typed()

    def save_record(self) -> str | None:
        """The text, when ``check`` accepts it (for the draft saver)."""
        value = self._typed()
        return None if self._problem(value) else value

    @on(Input.Submitted, "#prompt-input")
    @on(Button.Pressed, "#prompt-ok")
    def action_submit(self) -> None:
        value = self._typed()
        problem = self._problem(value)
        message = self.query_one("#prompt-error", Static)
        message.update(plain(problem))
        message.display = bool(problem)
        if not problem:
            self.dismiss(value)

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
