"""The line at the top of every screen: which territory, which file, whether it is safe, and
what ctrl+z would undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from coop_tui.core.i18n import _
from coop_tui.store.text import clean_line
from coop_tui.ui.save_state import SaveState, StoreStatus

if TYPE_CHECKING:
    from coop_tui.ui.session import Session

SEPARATOR = "  ·  "


class StatusBar(Static):
    """Territory name, save state, the change ctrl+z undoes and the store path; an alarm
    colour when not saved."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    StatusBar.-failed { background: $error; color: $text; }
    StatusBar.-read-only { background: $warning-muted; color: $text; }
    """

    def __init__(self, session: Session, title: str) -> None:
        super().__init__(markup=False)
        self._session = session
        self._title = title

    def on_mount(self) -> None:
        self._session.add_status_listener(self._show)
        self._show(self._session.status)

    def on_unmount(self) -> None:
        self._session.remove_status_listener(self._show)

    def on_resize(self) -> None:
        if self._session.history.undoable:
            self._show(self._session.status)

    def _show(self, status: StoreStatus) -> None:
        repository = self._session.repository
        state = {
            SaveState.SAVED: _("saved"),
            SaveState.FAILED: _("NOT SAVED"),
            SaveState.READ_ONLY: _("read-only"),
        }[status.state]
        if status.message:
            state_line = Text.assemble((state, "bold"), f" ({status.message})")
        else:
            state_line = Text(state, style="bold")
        hint = self._undo_hint()
        territory = Text(repository.territory.name)
        width = self.content_size.width
        if hint and width:
            # The territory gives way to what ctrl+z would undo (an 80-column terminal).
            room = width - cell_len(self._title) - state_line.cell_len - cell_len(hint) \
                - 3 * len(SEPARATOR)
            if room < territory.cell_len:
                territory.truncate(max(room, 1), overflow="ellipsis")
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(self._title, style="bold")
        line.append(SEPARATOR)
        line.append_text(territory)
        line.append(SEPARATOR)
        line.append_text(state_line)
        if hint:
            line.append(SEPARATOR)
            line.append(hint)
        line.append(SEPARATOR)
        line.append(clean_line(str(repository.path)))  # a file name may hold escapes
        self.update(line)
        self.set_class(status.state is SaveState.FAILED, "-failed")
        self.set_class(status.state is SaveState.READ_ONLY, "-read-only")

    def _undo_hint(self) -> str:
        """What ctrl+z would undo, and how many changes can be undone; empty when none."""
        undoable = self._session.history.undoable
        if not undoable:
            return ""
        words = _("Undo: {change} (ctrl+z)") if len(undoable) == 1 else \
            _("Undo: {change} (ctrl+z, {count} changes)")
        return words.format(change=undoable[-1].description, count=len(undoable))
