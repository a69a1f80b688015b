"""What every screen shares without knowing the app: the store, the settings, the clock,
the save state, and the drafts to save before the process goes away.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from pydantic import ValidationError

from coop_tui.core.i18n import joined, translate_error, translate_template
from coop_tui.core.settings import Settings, save_settings
from coop_tui.core.target import Target
from coop_tui.store.errors import IntegrityError, SaveFailed, StoreError
from coop_tui.store.models import Record
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


@dataclass(frozen=True)
class Refusal:
    """Why the store refused a change, in the interface's language: one message per model
    field where the rules say which (``""`` for the whole record). Nothing was changed."""

    fields: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return joined(self.fields.values())


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
        # How many times the store was opened again (after a sync): screens read it afresh.
        self.generation = 0

    def reopened(self, repository: Repository) -> None:
        """The store was closed and read again (merged work included): use this one."""
        self.repository = repository
        self.generation += 1
        self.set_status(StoreStatus(SaveState.READ_ONLY if repository.read_only
                                    else SaveState.SAVED))

    @property
    def version(self) -> tuple[int, int]:
        """What a screen compares to know whether it shows the store as it is."""
        return self.generation, self.repository.revision

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

    def save(self, saved: Iterable[Record] = (), deleted: Iterable[Record] = ()) -> Refusal | None:
        """The one save path of every screen and form: save and delete as one write.

        None when the change is made. A change the disk refused is made too: it is kept in
        memory and written with the next save, and the status bar says NOT SAVED and why
        (the app's writer reports its own failures the same way). A :class:`Refusal` when
        the rules refused the change: then nothing changed.
        """
        from coop_tui.ui.forms import field_errors

        saved, deleted = list(saved), list(deleted)
        before = self.repository.revision
        try:
            if deleted:
                self.repository.replace(saved, deleted)
            else:
                self.repository.save(*saved)
        except SaveFailed as error:
            if self.repository.revision == before:  # refused before anything was kept
                return Refusal({"": translate_error(error)})
            self.set_status(StoreStatus(SaveState.FAILED, translate_error(error)))
            return None
        except IntegrityError as error:
            problem = error.problem
            where = str(problem.params.get("field", ""))
            return Refusal({where: translate_template(problem.kind, problem.template,
                                                      problem.params)})
        except StoreError as error:
            return Refusal({"": translate_error(error)})
        except ValidationError as error:
            return Refusal(field_errors(error))
        return None

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
