"""The line at the top of every screen: which territory, which file, whether it is safe, and
what ctrl+z would undo."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coop_tui.core.i18n import _
from coop_tui.store.text import clean_line
from coop_tui.ui.session import SaveState, Session, StoreStatus


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

    def _show(self, status: StoreStatus) -> None:
        repository = self._session.repository
        state = {
            SaveState.SAVED: _("saved"),
            SaveState.FAILED: _("NOT SAVED"),
            SaveState.READ_ONLY: _("read-only"),
        }[status.state]
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(self._title, style="bold")
        line.append("  ·  ")
        line.append(repository.territory.name)
        line.append("  ·  ")
        line.append(state, style="bold")
        if status.message:
            line.append(f" ({status.message})")
        undoable = self._session.history.undoable
        if undoable:
            line.append("  ·  ")
            words = _("Undo: {change} (ctrl+z)") if len(undoable) == 1 else \
                _("Undo: {change} (ctrl+z, {count} changes)")
            line.append(words.format(change=undoable[-1].description, count=len(undoable)))
        line.append("  ·  ")
        line.append(clean_line(str(repository.path)))  # a file name may hold escapes
        self.update(line)
        self.set_class(status.state is SaveState.FAILED, "-failed")
        self.set_class(status.state is SaveState.READ_ONLY, "-read-only")
