"""Forms that keep what was typed when the app goes away (quit, closed terminal, signal,
crash): nothing typed may be lost.

While a :class:`DraftForm` is mounted it registers a draft saver with the session (unless
the store is read-only). The saver asks the form for its fields as typed; if they changed
since the form opened, the form writes its record by its own rules, exactly as its Save
would. What the model refuses is not written, and nothing raises: the app is on its way
out and must still flush the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self, TypeVar

from pydantic import ValidationError
from textual import events, on
from textual.css.query import QueryError
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button

from coop_tui.core.i18n import _
from coop_tui.store.errors import StoreError
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_order import KeysHeldForFocus
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

R = TypeVar("R")

_NOT_YET = object()


class DraftForm(KeysHeldForFocus, ModalScreen[R]):
    """A modal form whose typed content is saved before the app goes away.

    A form says what its fields hold (:meth:`draft_snapshot`) and how to write them
    (:meth:`save_draft`). A form that writes its record itself overrides ``save_draft``; a
    form that hands its record back to the screen that opened it overrides
    :meth:`draft_record`, and that screen names, with :meth:`keep_drafts`, the function
    that saves the record (usually the same one it gives ``push_screen``).
    """

    def __init__(self) -> None:
        super().__init__()
        self._draft_session: Session | None = None
        self._draft_keep: Callable[[R], object] | None = None
        self._draft_baseline: object = _NOT_YET
        self._draft_registered = False

    def keep_drafts(self, session: Session, keep: Callable[[R], object] | None = None) -> Self:
        """Save what is typed through ``session``'s draft savers (``keep`` writes the record
        the form hands back)."""
        self._draft_session = session
        self._draft_keep = keep
        return self

    # ------------------------------------------------------------------ what a form says

    def draft_snapshot(self) -> object:
        """The fields as typed, to tell whether the user changed anything."""
        raise NotImplementedError

    def draft_baseline(self) -> object:
        """What counts as nothing typed yet: by default, the fields as the form opens."""
        return self.draft_snapshot()

    def draft_record(self) -> R | None:
        """The record the fields make by the form's own rules, or None when refused."""
        return None

    def save_draft(self) -> bool:
        """Write the record the fields make; False when the form's rules refuse it."""
        record = self.draft_record()
        if record is None or self._draft_keep is None:
            return False
        self._draft_keep(record)
        return True

    # ------------------------------------------------------------------ shared behaviour

    def form_changed(self) -> bool:
        """Whether the fields differ from what the form opened with."""
        return (self._draft_baseline is not _NOT_YET
                and self.draft_snapshot() != self._draft_baseline)

    def action_cancel(self) -> None:
        """Leave; what was typed is dropped only once the user says so."""
        self.leave(_("What you typed in this form will be lost."))

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def leave(self, lost: str) -> None:
        """Close without saving: at once when nothing was typed (or nothing could be saved),
        else once the user agrees to lose what ``lost`` says."""
        from coop_tui.ui.widgets.dialogs import ConfirmDialog

        session = self._draft_session
        if (session is not None and session.repository.read_only) or not self.form_changed():
            self.dismiss()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()

        self.app.push_screen(ConfirmDialog(_("Leave without saving?"), lost, confirm=_("Leave"),
                                           cancel=_("Keep editing")), answered)

    def takes_held_keys(self, widget: Widget) -> bool:
        """Keys typed as the form opens are for its first text field, not its body."""
        return isinstance(widget, TextInput | TextEditor)

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
        """The saver: write the typed record once, if it changed and the rules accept it."""
        try:
            snapshot = self.draft_snapshot()
            if self._draft_baseline is _NOT_YET or snapshot == self._draft_baseline:
                return
            if self.save_draft():
                self._draft_baseline = snapshot
        except (StoreError, ValidationError, ValueError, QueryError):
            return
