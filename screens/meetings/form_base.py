"""What the meeting forms share: labelled one-line fields, errors shown at the field, an
actor chosen by typing, and the keys to save or cancel.

A form builds its record and validates it with the model; nothing is handed back (and so
nothing saved) until the whole record is valid. If the app goes away while a form is open,
a valid record is handed to the ``keep`` its screen gave (see ``DraftForm.keep_drafts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Actor
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.form_draft import DraftForm
from coop_tui.ui.widgets.text import plain

T = TypeVar("T")
FORMS_CSS = Path(__file__).parent / "forms.tcss"


class ActorField(Button):
    """A field holding one actor: enter opens a picker (type to filter), delete clears it."""

    BINDINGS = [Binding("delete,backspace", "clear", N_("Clear"), id="actor_field.clear")]

    class Changed(Message):
        def __init__(self, field: ActorField) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> ActorField:
            return self.field

    def __init__(self, actors: Sequence[Actor], actor_id: str | None, title: str, *,
                 id: str) -> None:
        super().__init__("", id=id, compact=True)
        translate_bindings(self)
        self._actors = list(actors)
        self._title = title
        self.actor_id = actor_id
        self._show()

    def _show(self) -> None:
        name = next((a.name for a in self._actors if a.id == self.actor_id), "")
        self.label = plain(name) if name else Text(_("(none: press Enter to choose)"),
                                                   style="italic")

    def set_actor(self, actor_id: str | None) -> None:
        self.actor_id = actor_id
        self._show()
        self.post_message(self.Changed(self))

    @on(Button.Pressed)
    def _pick(self, event: Button.Pressed) -> None:
        event.stop()

        def chosen(choice: ActorChoice | None) -> None:
            if choice is not None and choice.actor_id is not None:
                self.set_actor(choice.actor_id)

        self.app.push_screen(ActorPicker(self._actors, self._title), chosen)

    def action_clear(self) -> None:
        self.set_actor(None)


class FormScreen(DraftForm[T | None]):
    """A modal form: fields in rows, an error line under each, Save and Cancel."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "submit", N_("Save"), id="form.save"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box"):
            yield Label(plain(self._title), classes="form-title")
            yield from self.compose_fields()
            yield Static("", classes="field-error", id="error-form")
            with Horizontal(classes="form-buttons"):
                yield Button(_("Save"), variant="primary", id="form-save", compact=True)
                yield Button(_("Cancel"), id="form-cancel", compact=True)

    def compose_fields(self) -> ComposeResult:
        raise NotImplementedError

    def row(self, label: str, widget: Widget, name: str) -> ComposeResult:
        """One field: its label, the widget, and the line where its error shows."""
        with Horizontal(classes="field-row", id=f"row-{name}"):
            yield Label(label, classes="field-label")
            yield widget
        yield Static("", classes="field-error", id=f"error-{name}")

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field; ``form`` is the line for the whole record."""
        for error_line in self.query(".field-error").results(Static):
            name = (error_line.id or "").removeprefix("error-")
            message = errors.get(name, "")
            error_line.update(Text(message))
            error_line.display = bool(message)
        for row in self.query(".field-row"):
            if (row.id or "").removeprefix("row-") in errors:
                fields = [child for child in row.children if child.focusable]
                if fields:
                    fields[0].focus()
                break

    def submit(self) -> T | None:
        """The record built from the fields, or None after showing what is wrong."""
        raise NotImplementedError

    def draft_snapshot(self) -> object:
        values: list[tuple[str | None, object]] = []
        for widget in self.query("*"):
            if isinstance(widget, ActorField):
                values.append((widget.id, widget.actor_id))
            elif isinstance(widget, Input | Select | Checkbox):
                values.append((widget.id, widget.value))
        return values

    def draft_record(self) -> T | None:
        return self.submit()

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-save")
    def action_submit(self) -> None:
        result = self.submit()
        if result is not None:
            self.dismiss(result)

    def on_mount(self) -> None:
        self.show_errors({})

