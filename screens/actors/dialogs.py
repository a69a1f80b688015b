"""What the actor map's forms share: field rows with their error line, and one way to
say in words, under each field, what the store refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Actor
from coop_tui.ui.forms import field_errors
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.form_draft import DraftForm

FORMS_CSS = Path(__file__).parent / "forms.tcss"

T = TypeVar("T")


class FieldError(Static):
    """The error line under one field; hidden while the field is fine."""

    def __init__(self, field: str) -> None:
        super().__init__("", markup=False, classes="field-error")
        self.field = field
        self.display = False

    def show(self, message: str) -> None:
        self.update(Text(message))
        self.display = bool(message)


def form_row(title: str, widget: Widget, field: str | None = None, *,
             id: str | None = None) -> Vertical:
    """A labelled field, its error line under it (``field`` is the model's field path)."""
    children: list[Widget] = [Horizontal(Label(title, classes="field-label", markup=False),
                                         widget, classes="field-row")]
    if field is not None:
        children.append(FieldError(field))
    return Vertical(*children, classes="field", id=id)


def route_errors(errors: Mapping[str, str], fields: Iterable[str],
                 whole_record: str = "") -> tuple[dict[str, str], list[str]]:
    """Each error to the field whose path is the longest prefix of its location.

    Errors about the whole record (location ``""``) go to ``whole_record`` when given;
    what finds no field comes back in the list, for the form's general error line.
    """
    known = sorted(fields, key=len, reverse=True)
    placed: dict[str, str] = {}
    rest: list[str] = []
    for location, message in errors.items():
        location = location or whole_record
        target = next((name for name in known if location == name
                       or location.startswith(name + ".")), None)
        if target is None:
            rest.append(f"{location}: {message}" if location else message)
        else:
            placed.setdefault(target, message)
    return placed, rest


class RecordForm(DraftForm[T]):
    """A form over one record: ctrl+s saves, escape leaves (asking first if changed).

    Subclasses build their record from the fields in ``save_record``, which returns the
    saved record or None after showing what is wrong. If the app goes away while the form
    is open, ``save_record`` runs too, when something was changed.
    """

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]
    WHOLE_RECORD_FIELD = ""

    def __init__(self, session: Session) -> None:
        super().__init__()
        translate_bindings(self)
        self._session = session
        self._repository = session.repository
        self.keep_drafts(session)

    def save_record(self) -> T | None:
        raise NotImplementedError

    def save_draft(self) -> bool:
        return self.save_record() is not None

    def buttons(self) -> Horizontal:
        return Horizontal(
            Button(_("Save"), variant="primary", compact=True, id="form-save"),
            Button(_("Cancel"), compact=True, id="form-cancel"),
            classes="buttons",
        )

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        saved = self.save_record()
        if saved is not None:
            self.dismiss(saved)

    def show_errors(self, errors: Mapping[str, str], general: Iterable[str] = ()) -> None:
        """Put each message under its field; the rest in the general line; focus the first."""
        fields = list(self.query(FieldError))
        placed, rest = route_errors(errors, [field.field for field in fields],
                                    self.WHOLE_RECORD_FIELD)
        first: FieldError | None = None
        for field in fields:
            message = placed.get(field.field, "")
            field.show(message)
            if message and first is None:
                first = field
        general_line = self.query_one("#form-error", Static)
        messages = [*rest, *general]
        general_line.update(Text("\n".join(messages)))
        general_line.display = bool(messages)
        row = first.parent if first is not None else None
        if isinstance(row, Widget):
            focusable = [w for w in row.query("*") if w.focusable]
            if focusable:
                focusable[0].focus()
            row.scroll_visible()

    def validation_failed(self, error: ValidationError) -> None:
        self.show_errors(field_errors(error))


class ActorField(Static, can_focus=True):
    """A field holding one actor, chosen with the shared picker (enter) or cleared (delete)."""

    BINDINGS = [
        Binding("enter,space", "choose", N_("Choose"), id="actor_field.choose"),
        Binding("delete,backspace", "clear", N_("Clear"), id="actor_field.clear"),
    ]

    class Changed(Message):
        """The actor held by the field changed."""

        def __init__(self, field: ActorField, actor_id: str | None) -> None:
            super().__init__()
            self.field = field
            self.actor_id = actor_id

        @property
        def control(self) -> ActorField:
            return self.field

    def __init__(self, actors: Sequence[Actor], picker_title: str, value: str | None = None,
                 *, empty: str, exclude: Sequence[str] = (), clearable: bool = True,
                 id: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes="actor-field")
        translate_bindings(self)
        self._actors = list(actors)
        self._names = {actor.id: actor.name for actor in actors}
        self._picker_title = picker_title
        self._exclude = list(exclude)
        self._empty = empty
        self._clearable = clearable
        self.value = value

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, actor_id: str | None) -> None:
        self._value = actor_id
        name = self._names.get(actor_id or "")
        text = Text(name) if name else Text(self._empty, style="italic")
        text.append("  ▾", style="dim")
        self.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return self._clearable and self._value is not None
        return True

    def action_choose(self) -> None:
        def chosen(choice: ActorChoice | None) -> None:
            if choice is not None and choice.actor_id is not None:
                self._set(choice.actor_id)

        self.app.push_screen(ActorPicker(self._actors, self._picker_title,
                                         exclude=self._exclude), chosen)

    def action_clear(self) -> None:
        if self._clearable:
            self._set(None)

    def _set(self, actor_id: str | None) -> None:
        if actor_id != self._value:
            self.value = actor_id
            self.post_message(self.Changed(self, actor_id))
        self.refresh_bindings()

    def on_click(self) -> None:
        self.action_choose()
