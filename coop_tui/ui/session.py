"""What every screen shares without knowing the app: the store, the settings, the clock,
the save state, the one way to save, and the drafts to save before the process goes away.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import ValidationError

from coop_tui.core.i18n import translate_error
from coop_tui.core.settings import Settings, save_settings
from coop_tui.core.target import Target
from coop_tui.store.errors import SaveFailed, StoreError
from coop_tui.store.models import Record
from coop_tui.store.repository import NOT_STORABLE, Repository
from coop_tui.store.storage import SaveListener
from coop_tui.ui.forms.errors import field_errors


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
FailureReporter = Callable[[SaveFailed], None]


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
        # The app's answer to a save that did not reach the disk (status bar, notice).
        self.failure_reporter: FailureReporter | None = None

    def open(self, target: Target) -> None:
        """Show a record on its own screen (the app switches screens and selects it)."""
        if self.navigator is not None:
            self.navigator(target)

    def save(self, saved: Iterable[Record] = (), deleted: Iterable[Record] = ()) -> str | None:
        """Save ``saved`` and delete ``deleted`` as one write: None when done, else why not,
        in words (the model's field errors translated, or the store's refusal).

        A change that could not reach the disk is kept in memory and written by the next
        save (the writer retries): it counts as done, and the status bar says "NOT SAVED"
        and why. Every screen and form saves through here, so a failed save reads the same
        everywhere.
        """
        saved, deleted = list(saved), list(deleted)
        try:
            if deleted:
                self.repository.replace(saved, deleted)
            else:
                self.repository.save(*saved)
        except SaveFailed as failure:
            if failure.params.get("reason") == NOT_STORABLE:
                return translate_error(failure)  # refused before anything changed
            self.report_failure(failure)
        except StoreError as error:
            return translate_error(error)
        except ValidationError as error:
            return "; ".join(field_errors(error).values())
        return None

    def report_failure(self, failure: SaveFailed) -> None:
        """Say that the store is not on disk, and why."""
        if self.failure_reporter is not None:
            self.failure_reporter(failure)
        else:
            self.set_status(StoreStatus(SaveState.FAILED, translate_error(failure)))

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
