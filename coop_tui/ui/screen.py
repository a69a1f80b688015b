"""The base of the five main screens: a status bar, the content, the keys.

A screen is handed the :class:`Session` and reads and writes through its repository only.
It rebuilds its view when shown again after the store changed elsewhere. ctrl+z undoes the
last change made since the app opened (ctrl+y redoes it), except in a text area, where it
undoes typing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import Notification, Notify
from textual.screen import Screen

from coop_tui.core.i18n import N_, _
from coop_tui.core.target import Target
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.key_order import KeysHeldForFocus
from coop_tui.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from coop_tui.ui.session import Outcome, Session


class CoopScreen(KeysHeldForFocus, Screen[None]):
    """A main screen of coop-tui (one per mode). Keys typed while it opens go to the
    widget that takes the focus first: ``AUTO_FOCUS`` names it."""

    BINDINGS = [
        Binding("ctrl+z", "undo", N_("Undo"), id="undo", show=False),
        Binding("ctrl+y,ctrl+shift+z", "redo", N_("Redo"), id="redo", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        translate_bindings(self)
        self.session = session
        self._shown_version: tuple[int, int] = (-1, -1)
        self._theme_when_hidden = ""
        self._change_notice: Notification | None = None

    @property
    def title_text(self) -> str:
        """The screen's name in the current language."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield StatusBar(self.session, self.title_text)
        yield from self.compose_content()
        yield KeyBar()

    def compose_content(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.refresh_if_stale()

    def on_screen_suspend(self) -> None:
        self._theme_when_hidden = self.app.theme

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler, which would style the whole screen again each
        # time it is shown: half the cost of a switch, needed only after a theme change.
        if self._theme_when_hidden == self.app.theme:
            event.refresh_styles = False
        self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        version = self.session.version
        if version != self._shown_version:
            self._shown_version = version
            self.refresh_data()

    def action_undo(self) -> None:
        self._replay(self.session.undo)

    def action_redo(self) -> None:
        self._replay(self.session.redo)

    def _replay(self, replay: Callable[[], Outcome]) -> None:
        """Undo or redo, after typing still in memory is saved (it is the last change)."""
        self.session.save_drafts()
        outcome = replay()
        self.notify(outcome.message, severity="information" if outcome.done else "warning",
                    timeout=4, markup=False)
        self.refresh_if_stale()

    def notify_change(self, change: str) -> None:
        """Say what a key just changed, and that ctrl+z takes it back, instead of asking
        first: a date moved five weeks is five presses. The notice of the press before is
        replaced, not piled up."""
        previous = self._change_notice
        if previous is not None:
            previous.timeout = 0  # not shown yet (keys typed in a burst): never shown
            if previous in self.app._notifications:
                self.app._unnotify(previous)
        notice = Notification(_("{change} (ctrl+z undoes it)").format(change=change),
                              timeout=4, markup=False)
        self._change_notice = notice
        self.app.post_message(Notify(notice))

    def refresh_data(self) -> None:
        """Show the store's current state (called when first shown and after changes)."""

    def show_record(self, target: Target) -> None:
        """Select (and reveal) a record of this screen: a jump from elsewhere."""
