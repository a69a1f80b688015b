"""A conflict a merge left for a person to settle."""

from __future__ import annotations

from typing import ClassVar

from pydantic import JsonValue

from coop_tui.store.models.base import Line, Name, Record, RecordId


class Conflict(Record):
    """A value two copies of the store changed two ways, left for a person to settle.

    A merge (``store/merge.py``) keeps one value in the record (``ours``) and sets the other
    aside here (``theirs``), with the value both started from (``base``). ``field`` is the
    path of the value in the record's document: top-level field names and the ids of parts
    (an agenda item, an action…) joined by dots, such as ``agenda.<id>.notes``; empty when
    the whole record is in question (deleted in one copy, changed in the other): then a
    missing record is ``null``.
    """

    table: ClassVar[str] = "conflicts"

    record_table: Name
    record_id: RecordId
    field: Line = ""
    base: JsonValue = None
    ours: JsonValue = None
    theirs: JsonValue = None

