"""What can go wrong with a store, said in words a person can act on.

Messages are English templates marked with ``N_`` plus parameters, so the interface can
translate them; ``str()`` gives the English text for logs and tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coop_tui.store.text import N_


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a store file: where, what kind, and an English template."""

    where: str
    kind: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.where}: {self.template.format(**self.params)}"


def _fill(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with ``params`` filled in; as it is when it is not a template."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class StoreError(Exception):
    """Base of the store's errors; carries a translatable template and its parameters.

    A ``reason`` parameter may itself be a template over the other parameters (the read-only
    reason names the lock's owner): ``str()`` fills it in, as the interface does after
    translating it.
    """

    template: str = N_("the store cannot be used")

    def __init__(self, path: Path | None = None, **params: Any) -> None:
        self.path = path
        self.params = {"path": str(path) if path else "", **params}
        super().__init__(self._english())

    def _english(self) -> str:
        params = dict(self.params)
        if "reason" in params:
            params["reason"] = _fill(str(params["reason"]), self.params)
        return self.template.format(**params)


class StoreNotFound(StoreError):
    template = N_("no store file at {path}")


class StoreUnreadable(StoreError):
    template = N_("cannot read {path}: {reason}")


class StoreFolderMissing(StoreError):
    template = N_("the folder {folder} does not exist")


class StoreIsFolder(StoreError):
    template = N_("{path} is a folder, not a store file")


class StoreTooNew(StoreError):
    template = N_(
        "{path} was written by a newer coop-tui (format {found}, this one reads up to "
        "{supported}): update coop-tui to open it"
    )


class StoreCorrupt(StoreError):
    """The file does not load or does not validate; it is never overwritten."""

    template = N_("{path} is damaged: {count} problem(s) found")

    def __init__(self, path: Path, problems: list[Problem], backup: Path | None) -> None:
        self.problems = problems
        self.backup = backup
        super().__init__(path, count=len(problems))


class ReadOnlyStore(StoreError):
    template = N_("{path} is open read-only: {reason}")


class IntegrityError(StoreError):
    """A record refers to something that does not exist, or would make a cycle."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.template = problem.template
        self.path = None
        # The problem's own parameters win: a loop names its ``path`` of ids.
        self.params = {"path": "", **problem.params}
        Exception.__init__(self, self._english())


class SaveFailed(StoreError):
    template = N_("not saved to {path}: {reason}")


class StoreNotRegular(StoreError):
    """A named pipe, a device or a socket given as the store: it would block or never end."""

    template = N_("{path} is {reason}, not a store file: nothing was read")


class StoreTooLarge(StoreError):
    template = N_("{path} is larger than {limit} MB, the most coop-tui reads: it is not a "
                  "store file")


class BackupFolderUnsafe(StoreError):
    """The backups folder is a link, not a folder, or someone else's: a planted trap."""

    template = N_("the backups folder {folder} is {reason}: nothing was written; move it "
                  "away, then open the store again")


class LockFileUnsafe(StoreError):
    template = N_("the lock file {lock} is {reason}: nothing was written; move it away, "
                  "then open the store again")
