"""The one door to a store file: typed records in memory, one write per user action.

Reads are served from the records kept in memory. ``save`` and ``delete`` validate the
records as a file being read would be, check the rules that span records, then update
TinyDB's tables inside one batch and hand one snapshot to the writer: a change that would
make the file unreadable is refused before anything is written. Records handed out are the
live ones: change a copy (``model_copy(deep=True)``) in a form, then ``save`` it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

import orjson
from pydantic import JsonValue
from tinydb import TinyDB
from tinydb.table import Document, Table

from coop_tui.store.conflicts import settlement
from coop_tui.store.errors import IntegrityError, Problem, ReadOnlyStore, SaveFailed
from coop_tui.store.integrity import (
    DUPLICATE_ID,
    MANY_TERRITORIES,
    NO_TERRITORY,
    label,
    record_problems,
)
from coop_tui.store.lock import StoreLock
from coop_tui.store.models import (
    Actor,
    CharterCommitment,
    Conflict,
    Finances,
    Lever,
    LivingArea,
    Meeting,
    Mission,
    Obligation,
    OrganisationMissions,
    PactCriterion,
    PactProject,
    Record,
    Relation,
    RoadmapItem,
    SharedProject,
    Territory,
    utc_now,
)
from coop_tui.store.private import LayoutStorage
from coop_tui.store.storage import Data, Writer
from coop_tui.store.summary import Stamp, Stamps
from coop_tui.store.text import N_

R = TypeVar("R", bound=Record)

CLOSED = N_("the store is closed")
NOT_STORABLE = N_("a value cannot be written as it is ({detail})")


class RecordTable(Table):
    """A TinyDB table keyed by each record's UUID instead of document numbers.

    Two copies of a store then file a record under the same key, and records added in each
    copy under different keys, so a merge can match them. Records are always stored with
    their id (``Document(..., doc_id=record.id)``): there is no next number to take.
    """

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> int:
        raise TypeError("a record is stored under its own id")


class RecordDatabase(TinyDB):
    table_class = RecordTable


class Repository:
    """Typed access to one territory's records; the only code that touches TinyDB."""

    def __init__(
        self,
        *,
        path: Path,
        data: Data,
        records: dict[str, dict[str, Record]],
        writer: Writer | None,
        private_writer: Writer | None = None,
        lock: StoreLock | None = None,
        read_only_reason: str = "",
        read_only_params: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.read_only_reason = read_only_reason
        self.read_only_params = dict(read_only_params or {})
        self._records = records
        self._lock = lock
        self._storage = LayoutStorage(data, writer, path, self.read_only_message,
                                      private_writer)
        self._db = RecordDatabase(storage=lambda: self._storage)
        self._revision = 0
        self.closed = False

    # ------------------------------------------------------------------ reading

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    @property
    def read_only_message(self) -> str:
        """Why the store is read-only, in English with its parameters filled in.

        ``read_only_reason`` is the untranslated template and ``read_only_params`` its
        parameters, for an interface that translates.
        """
        try:
            return self.read_only_reason.format(**self.read_only_params)
        except (KeyError, IndexError, ValueError):
            return self.read_only_reason

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

    @property
    def obligations(self) -> list[Obligation]:
        return self.all(Obligation)

    @property
    def finances(self) -> list[Finances]:
        return self.all(Finances)

    @property
    def charter(self) -> list[CharterCommitment]:
        return self.all(CharterCommitment)

    @property
    def pact_criteria(self) -> list[PactCriterion]:
        return self.all(PactCriterion)

    @property
    def pact_projects(self) -> list[PactProject]:
        return self.all(PactProject)

    @property
    def shared_project(self) -> SharedProject | None:
        """The shared project: the first one recorded, if any (one is expected)."""
        return next(iter(self.all(SharedProject)), None)

    @property
    def missions(self) -> list[Mission]:
        """The territory's own missions (the reference ones are in ``store/missions.py``)."""
        return self.all(Mission)

    @property
    def diagnostic(self) -> list[OrganisationMissions]:
        return self.all(OrganisationMissions)

    @property
    def living_areas(self) -> list[LivingArea]:
        return self.all(LivingArea)

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
            raise ReadOnlyStore(self.path, reason=self.read_only_reason,
                                **self.read_only_params)

    def _prepare(self, record: Record) -> tuple[Record, dict[str, Any]]:
        """The record to keep and its document, once it passes the checks of a file read.

        A record changed without validation (``model_copy(update=...)``, a list edited in
        place) is validated now: invalid, it raises :class:`pydantic.ValidationError`; valid
        but not clean (text with escape sequences), what validation made of it is kept
        instead. A value JSON cannot hold as it is (an integer past 64 bits, an infinite
        number) raises :class:`SaveFailed`. So the file never holds what it could not read
        back as it is.
        """
        document = record.model_dump(mode="json")
        try:
            stored = orjson.loads(orjson.dumps(document))
        except orjson.JSONEncodeError as error:
            raise SaveFailed(self.path, reason=NOT_STORABLE, detail=str(error)) from None
        if stored != document:
            raise SaveFailed(self.path, reason=NOT_STORABLE, detail=label(record))
        validated = type(record).model_validate(stored)
        clean = validated.model_dump(mode="json")
        if clean != document:
            return validated, clean
        return record, document

    def _store_rule(
        self, saved: list[Record], deleted: list[Record], view: Mapping[str, Mapping[str, Record]]
    ) -> Problem | None:
        """A rule of the whole file the change would break: one territory, unique ids."""
        if any(isinstance(record, Territory) for record in (*saved, *deleted)):
            count = len(view[Territory.table])
            if count == 0:
                return Problem("territory", "no_territory", NO_TERRITORY)
            if count > 1:
                return Problem("territory", "many_territories", MANY_TERRITORIES,
                               {"count": count})
        for record in saved:
            for table, records in self._records.items():
                other = records.get(record.id) if table != record.table else None
                if other is not None:
                    return Problem(label(record), "duplicate_id", DUPLICATE_ID,
                                   {"ref": record.id[:8], "other": label(other)})
        return None

    def save(self, *records: Record) -> None:
        """Validate and store records (new or changed) as one write.

        The records saved become the live ones (``get`` returns them), unless validation had
        to clean one: then its cleaned copy is stored in its place.
        """
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
        """Check everything first, then write it all inside one batch (one snapshot).

        Nothing is changed when a check fails. When the snapshot cannot be written
        (:class:`SaveFailed` from a direct writer), the change is kept in memory, like the
        data the next write will carry, and the error is raised.
        """
        self._check_writable()
        prepared = [self._prepare(record) for record in saved]
        saved = [record for record, _document in prepared]
        documents = [document for _record, document in prepared]
        view = self._overlay(saved, deleted)
        problem = self._store_rule(saved, deleted, view)
        if problem is not None:
            raise IntegrityError(problem)
        checked = [r for t in view.values() for r in t.values()] if check_all else saved
        for record in checked:
            problems = record_problems(record, view)
            if problems:
                raise IntegrityError(problems[0])
        now = utc_now()
        for record, document in zip(saved, documents, strict=True):
            record.updated = now
            document["updated"] = record.model_dump(mode="json", include={"updated"})["updated"]
        try:
            with self._storage.batch():
                for record, document in zip(saved, documents, strict=True):
                    self._write(record, document)
                for record in deleted:
                    self._db.table(record.table).remove(doc_ids=[record.id])  # type: ignore[list-item]
        except SaveFailed:
            self._apply(saved, deleted)
            raise
        self._apply(saved, deleted)

    def _apply(self, saved: list[Record], deleted: list[Record]) -> None:
        """Make the records in memory match TinyDB's data after a batch."""
        for record in saved:
            self._records[record.table][record.id] = record
        for record in deleted:
            self._records[record.table].pop(record.id, None)
        self._revision += 1

    def _write(self, record: Record, document: dict[str, Any]) -> None:
        self._db.table(record.table).upsert(
            Document(document, doc_id=record.id))  # type: ignore[arg-type]

    # ------------------------------------------------------------------ conflicts

    @property
    def conflicts(self) -> list[Conflict]:
        """What merges left to settle, oldest first (see ``store/merge.py``)."""
        return self.all(Conflict)

    def conflicts_of(self, record: Record) -> list[Conflict]:
        return [c for c in self.conflicts
                if c.record_table == record.table and c.record_id == record.id]

    def keep_ours(self, conflict: Conflict) -> None:
        """Settle on the value in place: the other one is dropped."""
        self.delete(conflict)

    def keep_theirs(self, conflict: Conflict) -> None:
        """Settle on the value the merge set aside."""
        self.resolve(conflict, conflict.theirs)

    def resolve(self, conflict: Conflict, value: JsonValue) -> None:
        """Put ``value`` in place of the conflicting one and drop the conflict, as one write.

        For a whole-record conflict, ``None`` deletes the record and a document replaces
        it. Raises pydantic's ``ValidationError`` for a value the record cannot hold,
        :class:`IntegrityError` when it would refer to nothing (or a deleted record is still
        referred to), :class:`ConflictPlaceGone` when the part was deleted since.
        """
        current = self._records.get(conflict.record_table, {}).get(conflict.record_id)
        saved, deleted = settlement(conflict, current, value)
        self.replace(saved, deleted)

    # ------------------------------------------------------------------ lifetime

    def stamps(self) -> Stamps | None:
        """What the store's files hold, as this repository wrote or read them (the first
        frame's summary is tied to it, see ``store/summary.py``); None when it cannot say."""
        return None if self.read_only else self._storage.stamps()

    def remember_read(self, store: Stamp | None, sidecar: Stamp | None) -> None:
        """The stamps of the files as the opening read them."""
        self._storage.read_stamp = store
        self._storage.private_read_stamp = sidecar

    def flush(self) -> None:
        """Block until every change is on disk (quit, signals)."""
        if not self.read_only:
            self._storage.flush()

    def close(self) -> None:
        """Write what is pending, release the lock; the store is read-only from then on."""
        self.closed = True
        try:
            self._storage.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None
            if not self.read_only:
                self.read_only_reason = CLOSED
                self.read_only_params = {}

