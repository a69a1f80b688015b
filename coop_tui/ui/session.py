"""What every screen shares without knowing the app: the store, the settings, the clock,
the save state, the drafts to save before the process goes away, and the changes to undo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from coop_tui.core.i18n import _, joined, translate_error, translate_template
from coop_tui.core.settings import Settings, save_settings
from coop_tui.core.target import Target
from coop_tui.store.errors import IntegrityError, SaveFailed, StoreError
from coop_tui.store.models import Record
from coop_tui.store.repository import Repository
from coop_tui.store.storage import SaveRelay as SaveRelay
from coop_tui.ui.history import History, Step, after_saving, before_saving, record_name
from coop_tui.ui.save_state import SaveState as SaveState
from coop_tui.ui.save_state import StoreStatus as StoreStatus


@dataclass(frozen=True)
class Refusal:
    """Why the store refused a change, in the interface's language: one message per model
    field where the rules say which (``""`` for the whole record). Nothing was changed."""

    fields: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return joined(self.fields.values())


@dataclass(frozen=True)
class Outcome:
    """What an undo or a redo did, in one line for the facilitator."""

    done: bool
    message: str


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
        # The changes made since the app opened, to undo (in memory only).
        self.history = History()

    def reopened(self, repository: Repository) -> None:
        """The store was closed and read again (merged work included): use this one."""
        self.repository = repository
        self.generation += 1
        self.history.clear()  # merged work may have changed any record: nothing to replay
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

    def save(self, saved: Iterable[Record] = (), deleted: Iterable[Record] = (), *,
             change: str = "", group: str | None = None) -> Refusal | None:
        """The one save path of every screen and form: save and delete as one write.

        None when the change is made. A change the disk refused is made too: it is kept in
        memory and written with the next save, and the status bar says NOT SAVED and why
        (the app's writer reports its own failures the same way). A :class:`Refusal` when
        the rules refused the change: then nothing changed.

        A change made becomes the step ctrl+z undoes, told as ``change`` (by default, in
        words drawn from the records). Saves of one ``group`` in a row (the autosaves of one
        meeting's typing) make one step.
        """
        saved, deleted = list(saved), list(deleted)
        entries = before_saving(self.repository, saved, deleted)
        refusal = self._commit(saved, deleted)
        if refusal is None:
            if entries is None:
                self.history.clear()
            else:
                self.history.push(after_saving(self.repository, entries, change, group))
            self._history_changed()
        return refusal

    def undo(self) -> Outcome:
        """Put back the records as they were before the last change (one more save)."""
        return self._replay(self.history.undoable, self.history.redoable,
                            _("Nothing to undo."), _("Undone: {change}"))

    def redo(self) -> Outcome:
        """Make again the change the last undo took back."""
        return self._replay(self.history.redoable, self.history.undoable,
                            _("Nothing to redo."), _("Redone: {change}"))

    def _replay(self, source: list[Step], target: list[Step], nothing: str,
                done: str) -> Outcome:
        if not source:
            return Outcome(False, nothing)
        step = source[-1]
        changed = step.changed_since(self.repository)
        if changed is not None:
            self.history.clear()
            self._history_changed()
            name = record_name(changed)
            return Outcome(False, _("Not undone: « {name} » changed since by other means; "
                                    "the changes before it can no longer be undone.")
                           .format(name=name) if name else
                           _("Not undone: a record changed since by other means; the changes "
                             "before it can no longer be undone."))
        saved, deleted = step.restoring(self.repository)
        entries = before_saving(self.repository, saved, deleted) or {}
        refusal = self._commit(saved, deleted)
        if refusal is not None:
            return Outcome(False, _("Not undone: {reason}").format(reason=refusal.message))
        source.pop()
        target.append(after_saving(self.repository, entries, step.description))
        self._history_changed()
        return Outcome(True, done.format(change=step.description))

    def _history_changed(self) -> None:
        """Tell the listeners (the status bar says what ctrl+z undoes)."""
        self.set_status(self._status)

    def _commit(self, saved: list[Record], deleted: list[Record]) -> Refusal | None:
        from coop_tui.ui.forms import field_errors

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


