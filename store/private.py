"""The private parts of a store, kept apart from the shared file when sharing is set up.

A facilitator's private reading of people is not the team's. Once a territory is shared
(``coop-tui share init``, which sets ``Territory.private_apart``), these parts live in a
file beside the store, ``<name>.private.json`` (mode 0600), that git ignores:

- the ``private`` field of every actor (role, influence, interest, blockages, stance);
- the ``private_notes`` of every meeting;
- the whole ``relations`` table.

Opening joins them in memory, so the app, the checks and the exports see one store; each
save splits them again: the shared file never holds them. Private parts whose record is
gone from the shared file (a colleague deleted the actor or the meeting) are dropped when
the store is opened; the sidecar's backups keep them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coop_tui.store.files import sidecar_path as sidecar_path
from coop_tui.store.models import Territory
from coop_tui.store.storage import Data, DirectWriter, MemoryStorage, Writer, serialise
from coop_tui.store.summary import Stamp, Stamps

PRIVATE_FIELDS: dict[str, tuple[str, ...]] = {
    "actors": ("private",),
    "meetings": ("private_notes",),
}
PRIVATE_TABLES: tuple[str, ...] = ("relations",)


def private_apart(data: dict[str, Any]) -> bool:
    """Whether the territory of ``data`` keeps its private parts in the sidecar."""
    territory = data.get(Territory.table)
    if not isinstance(territory, dict):
        return False
    return any(isinstance(document, dict) and document.get("private_apart") is True
               for document in territory.values())


def split(data: Data) -> tuple[Data, Data]:
    """The shared part of ``data`` and its private part (see the module's docstring)."""
    shared: Data = {}
    private: Data = {}
    for table, documents in data.items():
        if table in PRIVATE_TABLES:
            shared[table] = {}
            private[table] = documents
            continue
        fields = PRIVATE_FIELDS.get(table)
        if not fields:
            shared[table] = documents
            continue
        shared[table] = {record_id: {key: value for key, value in document.items()
                                     if key not in fields}
                         for record_id, document in documents.items()}
        private[table] = {record_id: {key: document[key] for key in fields if key in document}
                          for record_id, document in documents.items()}
    return shared, private


def join(shared: dict[str, Any], private: Any) -> dict[str, Any]:
    """``shared`` with the private parts put back in (a new top-level object: ``shared``'s
    tables are not changed). Parts that do not fit are left out: those of records the
    shared file no longer holds, relations between actors it no longer holds, anything in
    a sidecar that is not an object of tables."""
    if not isinstance(private, dict):
        return shared
    data = dict(shared)
    for table, fields in PRIVATE_FIELDS.items():
        documents = data.get(table)
        parts = private.get(table)
        if not isinstance(documents, dict) or not isinstance(parts, dict):
            continue
        joined = dict(documents)
        for record_id, part in parts.items():
            document = joined.get(record_id)
            if isinstance(document, dict) and isinstance(part, dict):
                joined[record_id] = document | {k: v for k, v in part.items() if k in fields}
        data[table] = joined
    found = data.get("actors")
    actors: dict[str, Any] = found if isinstance(found, dict) else {}
    for table in PRIVATE_TABLES:
        documents = private.get(table)
        if not isinstance(documents, dict):
            continue
        kept = {key: document for key, document in documents.items()
                if not isinstance(document, dict)
                or (document.get("source_id") in actors and document.get("target_id") in actors)}
        current = data.get(table)
        data[table] = {**(current if isinstance(current, dict) else {}), **kept}
    return data


def write_layout(path: Path, data: Data) -> None:
    """Write ``data`` at once as the territory lays it out (the sidecar first)."""
    if private_apart(data):
        shared, private = split(data)
        DirectWriter(sidecar_path(path)).submit(serialise(private))
        DirectWriter(path).submit(serialise(shared))
    else:
        DirectWriter(path).submit(serialise(data))


class LayoutStorage(MemoryStorage):
    """The in-memory storage, whose snapshots follow the territory's layout: one file, or
    the shared file and the private sidecar, each with its own writer."""

    def __init__(self, data: Data, writer: Writer | None, path: Path,
                 read_only_reason: str = "", private_writer: Writer | None = None) -> None:
        super().__init__(data, writer, path, read_only_reason)
        self._private_writer = private_writer
        self.private_read_stamp: Stamp | None = None  # the sidecar as read

    def stamps(self) -> Stamps | None:
        """What the store's files hold, as this storage wrote or read them; None when it
        cannot say (a save waits or failed, or it was never told)."""
        store = self.file_stamp(self._writer, self.read_stamp)
        if store is None:
            return None
        if not private_apart(self._data):
            return Stamps(store)
        sidecar = self.file_stamp(self._private_writer, self.private_read_stamp)
        return Stamps(store, sidecar) if sidecar is not None else None

    def _submit(self) -> None:
        if self._writer is None:
            return
        self._submitted = True
        if self._private_writer is not None and private_apart(self._data):
            shared, private = split(self._data)
            self._private_writer.submit(serialise(private))
            self._writer.submit(serialise(shared))
        else:
            self._writer.submit(serialise(self._data))

    def flush(self) -> None:
        if self._private_writer is not None:
            self._private_writer.flush()
        super().flush()

    def close(self) -> None:
        try:
            if self._private_writer is not None:
                self._private_writer.close()
        finally:
            super().close()
