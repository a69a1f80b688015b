"""The one base of every form: a modal screen over one record that keeps what was typed
when the app goes away (quit, closed terminal, signal, crash): nothing typed may be lost.

While a form is mounted it registers a draft saver with the session (unless the store is
read-only). The saver asks the form for its fields as typed; if they changed since the form
opened, the form saves its record exactly as its Save would. What the model refuses is not
written, and nothing raises: the app is on its way out and must still flush the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Self, TypeVar

from pydantic import ValidationError
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import QueryError
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from coop_tui.core.i18n import N_, _
from coop_tui.store.errors import StoreError
from coop_tui.ui.forms.actor_field import ActorField
from coop_tui.ui.forms.errors import FieldError, field_errors, route_errors
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.key_order import KeysHeldForFocus
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

if TYPE_CHECKING:
    from coop_tui.ui.session import Session

FORMS_CSS = Path(__file__).parent / "forms.tcss"

T = TypeVar("T")

_NOT_YET = object()


class _Rerouted(events.Key):
    """A key a form handed to the widget that has the focus (handed on once only)."""


_Rerouted.handler_name = events.Key.handler_name  # handled as the key it is


class RecordForm(KeysHeldForFocus, ModalScreen[T | None]):
    """A form over one record: ctrl+s saves, escape leaves (asking first if changed).

    A form says what its fields hold (:meth:`draft_snapshot`) and builds its record from
    them in :meth:`save_record`, which returns it, or None after showing what is wrong
    (:meth:`show_errors`). A form that writes its record itself does it there, through
    ``session.save``; a form that hands its record back to the screen that opened it is
    given, with :meth:`keep_drafts`, the function that saves it when the app goes away
    (usually the one it gives ``push_screen``).

    Its look is ``forms.tcss`` (label width, error lines, buttons), then the form's own
    ``CSS_PATH`` for what is truly its own.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="form.save"),
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
    ]
    # Where the model's whole-record errors (location "") are shown.
    WHOLE_RECORD_FIELD = ""
    # What a cancel after typing would lose, in words.
    LOST = N_("What you typed in this form will be lost.")
    # Whether enter in a one-line field saves the form (short forms typed in a meeting).
    ENTER_SAVES = False
    # Whether enter in a one-line field moves to the next field, and saves the form on the
    # last one (forms filled in a row of fields; a multi-line field keeps enter for a line).
    ENTER_MOVES_ON = False

    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.css_path = [FORMS_CSS, *(path for path in self.css_path if path != FORMS_CSS)]
        self._draft_session: Session | None = None
        self._draft_keep: Callable[[T], object] | None = None
        self._draft_baseline: object = _NOT_YET
        self._draft_registered = False
        if session is not None:
            self.keep_drafts(session)

    def keep_drafts(self, session: Session, keep: Callable[[T], object] | None = None) -> Self:
        """Save what is typed through ``session``'s draft savers (``keep`` saves the record
        the form hands back)."""
        self._draft_session = session
        self._draft_keep = keep
        return self

    # ------------------------------------------------------------------ what a form says

    def draft_snapshot(self) -> object:
        """The fields as typed, to tell whether the user changed anything: by default
        every field's value, by id."""
        values: list[tuple[str | None, object]] = []
        for widget in self.query("*"):
            if isinstance(widget, ActorField | Input | Select | Checkbox):
                values.append((widget.id, widget.value))
            elif isinstance(widget, TextArea):
                values.append((widget.id, widget.text))
        return values

    def draft_baseline(self) -> object:
        """What counts as nothing typed yet: by default, the fields as the form opens."""
        return self.draft_snapshot()

    def save_record(self) -> T | None:
        """The record the fields make (saved, for a form that writes it), or None after
        showing what is wrong."""
        raise NotImplementedError

    # ------------------------------------------------------------------ layout

    def form_title(self) -> str:
        """The line at the top of the form."""
        return ""

    def compose_fields(self) -> ComposeResult:
        """The form's rows (:func:`form_row`), for the layout :meth:`compose` gives."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """The usual layout: a box with the title, the rows, the general error line and
        the buttons (it scrolls when the terminal is short), and the key bar."""
        with VerticalScroll(id="form", classes="dialog small"):
            yield Static(Text(self.form_title(), style="bold"), id="form-title")
            yield from self.compose_fields()
            yield self.general_error()
            yield self.buttons()
        yield KeyBar()

    def buttons(self, *, disabled: bool = False) -> Horizontal:
        """Save and Cancel, at the bottom right."""
        return Horizontal(
            Button(_("Save"), variant="primary", compact=True, id="form-save",
                   disabled=disabled),
            Button(_("Cancel"), compact=True, id="form-cancel"),
            classes="buttons",
        )

    def general_error(self) -> Static:
        """The line for what is about no field."""
        return Static(id="form-error", markup=False)

    # ------------------------------------------------------------------ saving and leaving

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Saving is not offered on a store open read-only."""
        session = self._draft_session
        return not (action == "save" and session is not None
                    and session.repository.read_only)

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Input.Submitted)
    def _enter_pressed(self, event: Input.Submitted) -> None:
        if self.ENTER_MOVES_ON:
            event.stop()
            self.enter_in_field(event.input)
        elif self.ENTER_SAVES:
            self.action_save()

    def enter_in_field(self, field: Input) -> bool:
        """Enter in a one-line field, handled where it is typed (before the keys behind
        it): the next field, or saving on the last one. False when the form does not
        move on with enter."""
        if not self.ENTER_MOVES_ON:
            return False
        following = self.field_after(field)
        if following is None:
            self.action_save()
        else:
            following.focus()
        return True

    def field_after(self, widget: Widget) -> Widget | None:
        """The field the focus goes to after ``widget``: None when ``widget`` is the last
        one (only buttons follow)."""
        chain = self.focus_chain
        if widget not in chain:
            return None
        following = chain[chain.index(widget) + 1:]
        return next((w for w in following if not isinstance(w, Button)), None)

    def action_save(self) -> None:
        session = self._draft_session
        if session is not None and session.repository.read_only:
            return
        saved = self.save_record()
        if saved is not None:
            self.dismiss(saved)

    def form_changed(self) -> bool:
        """Whether the fields differ from what the form opened with."""
        return (self._draft_baseline is not _NOT_YET
                and self.draft_snapshot() != self._draft_baseline)

    def action_cancel(self) -> None:
        """Leave; what was typed is dropped only once the user says so."""
        self.leave(_(self.LOST))

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def leave(self, lost: str) -> None:
        """Close without saving: at once when nothing was typed (or nothing could be saved),
        else once the user agrees to lose what ``lost`` says."""
        from coop_tui.ui.widgets.dialogs import ConfirmDialog

        session = self._draft_session
        if (session is not None and session.repository.read_only) or not self.form_changed():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(_("Leave without saving?"), lost, confirm=_("Leave"),
                                           cancel=_("Keep editing")), answered)

    # ------------------------------------------------------------------ errors

    def show_errors(self, errors: Mapping[str, str], general: Iterable[str] = ()) -> None:
        """Put each message under its field; the rest in the general line; focus the first
        field at fault."""
        fields = list(self.query(FieldError))
        placed, rest = route_errors(errors, [field.field for field in fields],
                                    self.WHOLE_RECORD_FIELD)
        first: FieldError | None = None
        for field in fields:
            message = placed.get(field.field, "")
            field.show(message)
            if message and first is None:
                first = field
        messages = [*rest, *general]
        for general_line in self.query("#form-error").results(Static):
            general_line.update(Text("\n".join(messages)))
            general_line.display = bool(messages)
        row = first.parent if first is not None else None
        if isinstance(row, Widget):
            focusable = [w for w in row.query("*") if w.focusable]
            if focusable:
                focusable[0].focus()
            row.scroll_visible(animate=False)

    def validation_failed(self, error: ValidationError) -> None:
        """The model's messages, translated, under their fields."""
        self.show_errors(field_errors(error))

    # ------------------------------------------------------------------ keys in order

    async def _on_key(self, event: events.Key) -> None:
        """A key no field took, bubbling up: it acts now, where the focus is now.

        Keys sent in one burst are queued for the field that had the focus when they came.
        One queued for a field the focus has left since (Tab Tab Tab then text) reaches a
        Select, a checkbox or a button, which pass it on to their parents; Textual ran its
        binding only once it reached the app, after the keys behind it, and dropped a
        character there: the text typed after the third Tab was lost. Here the key is
        handled at once by the widget that has the focus now, as if typed there, then its
        binding runs; the next key finds the focus where this one left it.
        """
        focused = self.focused
        if isinstance(event, _Rerouted) or focused is None:
            return  # handled here already, on its way to the app; or nowhere to go
        event.stop()
        event.prevent_default()
        with focused._context():  # sent by the widget itself, as a key typed there is
            key = _Rerouted(event.key, event.character)
            key._set_forwarded()
            await focused._dispatch_message(key)
        if not key._stop_propagation and await self.app._check_bindings(key.key):
            key.stop()
            key.prevent_default()

    # ------------------------------------------------------------------ drafts

    def takes_held_keys(self, widget: Widget) -> bool:
        """Keys typed as the form opens are for its first text field, not its body."""
        return isinstance(widget, TextInput | TextEditor)

    def save_draft(self) -> bool:
        """Save the record the fields make; False when the form's rules refuse it."""
        record = self.save_record()
        if record is None:
            return False
        if self._draft_keep is not None:
            self._draft_keep(record)
        return True

    @on(events.Mount)
    def _start_drafts(self) -> None:
        # Here, not after a refresh: keys typed at once may be handled before any refresh.
        # Textual runs this after the form's own ``on_mount``, with every field mounted.
        self._draft_baseline = self.draft_baseline()
        session = self._draft_session
        if session is not None and not session.repository.read_only \
                and not self._draft_registered:
            session.add_draft_saver(self._save_draft_now)
            self._draft_registered = True

    @on(events.Unmount)
    def _stop_drafts(self) -> None:
        if self._draft_session is not None:
            self._draft_session.remove_draft_saver(self._save_draft_now)
        self._draft_registered = False

    def _save_draft_now(self) -> None:
        """The saver: save the typed record once, if it changed and the rules accept it."""
        try:
            snapshot = self.draft_snapshot()
            if self._draft_baseline is _NOT_YET or snapshot == self._draft_baseline:
                return
            if self.save_draft():
                self._draft_baseline = snapshot
        except (StoreError, ValidationError, ValueError, QueryError):
            return
