"""The one door to a store file: typed records in memory, one write per user action.

Reads are served from the records kept in memory. ``save`` and ``delete`` check the rules
that span records, update TinyDB's tables inside one batch and hand one snapshot to the
writer. Records handed out are the live ones: change a copy (``model_copy(deep=True)``)
in a form, then ``save`` it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Document

from coop_tui.store.errors import IntegrityError, Problem, ReadOnlyStore
from coop_tui.store.integrity import record_problems
from coop_tui.store.lock import StoreLock
from coop_tui.store.models import (
    Actor,
    Lever,
    Meeting,
    Record,
    Relation,
    RoadmapItem,
    Territory,
    utc_now,
)
from coop_tui.store.storage import Data, MemoryStorage, Writer

R = TypeVar("R", bound=Record)


class Repository:
    """Typed access to one territory's records; the only code that touches TinyDB."""

    def __init__(
        self,
        *,
        path: Path,
        data: Data,
        records: dict[str, dict[str, Record]],
        doc_ids: dict[str, str],
        writer: Writer | None,
        lock: StoreLock | None = None,
        read_only_reason: str = "",
        read_only_params: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.read_only_reason = read_only_reason
        self.read_only_params = dict(read_only_params or {})
        self._records = records
        self._doc_ids = {record_id: int(doc_id) for record_id, doc_id in doc_ids.items()}
        self._lock = lock
        self._storage = MemoryStorage(data, writer, path, read_only_reason)
        self._db = TinyDB(storage=lambda: self._storage)
        self._revision = 0

    # ------------------------------------------------------------------ reading

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    @property
    def revision(self) -> int:
        """Grows with every change, so a view can tell whether it is out of date."""
        return self._revision

    @property
    def territory(self) -> Territory:
        return cast(Territory, next(iter(self._records[Territory.table].values())))

    def all(self, kind: type[R]) -> list[R]:
        """Every record of a kind, in the order they were created."""
        return cast(list[R], list(self._records[kind.table].values()))

    def get(self, kind: type[R], record_id: str | None) -> R | None:
        if record_id is None:
            return None
        return cast(R | None, self._records[kind.table].get(record_id))

    def by_prefix(self, kind: type[R], prefix: str) -> list[R]:
        """Records whose id starts with ``prefix`` (ids typed on the command line)."""
        prefix = prefix.strip().lower()
        return [r for r in self.all(kind) if r.id.startswith(prefix)] if prefix else []

    def count(self, kind: type[Record]) -> int:
        return len(self._records[kind.table])

    @property
    def actors(self) -> list[Actor]:
        return self.all(Actor)

    @property
    def relations(self) -> list[Relation]:
        return self.all(Relation)

    @property
    def levers(self) -> list[Lever]:
        return self.all(Lever)

    @property
    def roadmap(self) -> list[RoadmapItem]:
        return self.all(RoadmapItem)

    @property
    def meetings(self) -> list[Meeting]:
        return self.all(Meeting)

    def actor_name(self, actor_id: str | None, default: str = "") -> str:
        actor = self.get(Actor, actor_id)
        return actor.name if actor else default

    # ------------------------------------------------------------------ writing

    def _overlay(
        self, saved: Iterable[Record] = (), deleted: Iterable[Record] = ()
    ) -> dict[str, dict[str, Record]]:
        """The records as they would be after saving and deleting, copying touched tables."""
        view: dict[str, dict[str, Record]] = dict(self._records)
        touched: set[str] = set()
        for record in (*saved, *deleted):
            if record.table not in touched:
                view[record.table] = dict(view[record.table])
                touched.add(record.table)
        for record in saved:
            view[record.table][record.id] = record
        for record in deleted:
            view[record.table].pop(record.id, None)
        return view

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStore(self.path, reason=self.read_only_reason)

    def save(self, *records: Record) -> None:
        """Validate and store records (new or changed) as one write."""
        self._commit(list(records), [], check_all=False)

    def delete(self, *records: Record) -> None:
        """Delete records as one write; refused while anything still refers to them."""
        self._commit([], list(records), check_all=True)

    def replace(self, saved: Iterable[Record], deleted: Iterable[Record]) -> None:
        """Save some records and delete others as one write (a delete with its fix-ups)."""
        self._commit(list(saved), list(deleted), check_all=True)

    def dependents(self, *records: Record) -> list[Problem]:
        """What would refer to nothing if ``records`` were deleted."""
        view = self._overlay(deleted=records)
        return [
            problem
            for table in view.values()
            for record in table.values()
            for problem in record_problems(record, view)
        ]

    def _commit(self, saved: list[Record], deleted: list[Record], *, check_all: bool) -> None:
        """Check the rules, then write everything inside one batch (one snapshot)."""
        self._check_writable()
        view = self._overlay(saved, deleted)
        checked = [r for t in view.values() for r in t.values()] if check_all else saved
        for record in checked:
            problems = record_problems(record, view)
            if problems:
                raise IntegrityError(problems[0])
        now = utc_now()
        with self._storage.batch():
            for record in saved:
                record.updated = now
                self._write(record)
            for record in deleted:
                doc_id = self._doc_ids.pop(record.id, None)
                if doc_id is not None:
                    self._db.table(record.table).remove(doc_ids=[doc_id])
        for record in saved:
            self._records[record.table][record.id] = record
        for record in deleted:
            self._records[record.table].pop(record.id, None)
        self._revision += 1

    def _write(self, record: Record) -> None:
        table = self._db.table(record.table)
        document = record.model_dump(mode="json")
        doc_id = self._doc_ids.get(record.id)
        if doc_id is None:
            self._doc_ids[record.id] = table.insert(document)
        else:
            table.upsert(Document(document, doc_id=doc_id))

    # ------------------------------------------------------------------ lifetime

    def flush(self) -> None:
        """Block until every change is on disk (quit, signals)."""
        if not self.read_only:
            self._storage.flush()

    def close(self) -> None:
        try:
            self._storage.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

