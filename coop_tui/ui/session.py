"""What every screen shares without knowing the app: the store, the settings, the clock,
the save state, and the drafts to save before the process goes away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from coop_tui.core.settings import Settings, save_settings
from coop_tui.core.target import Target
from coop_tui.store.errors import SaveFailed
from coop_tui.store.repository import Repository
from coop_tui.store.storage import SaveListener


class SaveState(StrEnum):
    SAVED = "saved"
    FAILED = "failed"
    READ_ONLY = "read_only"


@dataclass(frozen=True)
class StoreStatus:
    state: SaveState
    message: str = ""


StatusListener = Callable[[StoreStatus], None]
Navigator = Callable[[Target], None]
DraftSaver = Callable[[], None]


class Session:
    """The shared context handed to every screen by the app."""

    def __init__(
        self,
        repository: Repository,
        settings: Settings,
        settings_path: Path | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.repository = repository
        self.settings = settings
        self.settings_path = settings_path
        self.today = today
        self._status = StoreStatus(SaveState.READ_ONLY if repository.read_only else SaveState.SAVED)
        self._status_listeners: list[StatusListener] = []
        self._draft_savers: list[DraftSaver] = []
        self.navigator: Navigator | None = None

    def open(self, target: Target) -> None:
        """Show a record on its own screen (the app switches screens and selects it)."""
        if self.navigator is not None:
            self.navigator(target)

    @property
    def status(self) -> StoreStatus:
        return self._status

    def set_status(self, status: StoreStatus) -> None:
        """Tell every listener (on the interface's thread) how the store stands."""
        self._status = status
        for listener in list(self._status_listeners):
            listener(status)

    def add_status_listener(self, listener: StatusListener) -> None:
        self._status_listeners.append(listener)

    def remove_status_listener(self, listener: StatusListener) -> None:
        if listener in self._status_listeners:
            self._status_listeners.remove(listener)

    def add_draft_saver(self, saver: DraftSaver) -> None:
        """Register what moves typed text into the store before a quit, a crash or a signal."""
        self._draft_savers.append(saver)

    def remove_draft_saver(self, saver: DraftSaver) -> None:
        if saver in self._draft_savers:
            self._draft_savers.remove(saver)

    def save_drafts(self) -> None:
        for saver in list(self._draft_savers):
            saver()

    def save_settings(self) -> None:
        if self.settings_path is not None:
            save_settings(self.settings, self.settings_path)


class SaveRelay:
    """Forwards the writer's outcomes to whoever listens once the app exists."""

    def __init__(self) -> None:
        self.target: SaveListener | None = None

    def __call__(self, failure: SaveFailed | None) -> None:
        if self.target is not None:
            self.target(failure)
