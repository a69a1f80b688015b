"""Upgrades of older store files, one schema version at a time.

A migration takes the raw data of version ``n`` and returns version ``n + 1``. The file is
backed up before an upgraded version is written; a file newer than this code is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from coop_tui.store import models
from coop_tui.store.models import Territory

RawData = dict[str, Any]
Migration = Callable[[RawData], RawData]



def _canonical_id(document: Any) -> str | None:
    """The record id a document declares, spelled as the models store it, or None."""
    if not isinstance(document, dict) or not isinstance(document.get("id"), str):
        return None
    try:
        return str(uuid.UUID(document["id"]))
    except ValueError:
        return None


def key_tables_by_id(data: RawData) -> RawData:
    """Version 1 to 2: each table keyed by its records' UUIDs instead of TinyDB's numbers.

    Two people who each add a record in their own copy then write two different keys, so
    the copies merge. A document with no usable id, or whose id an earlier document of the
    table already took, keeps its number: reading then reports it (a bad key, a repeated
    id) instead of one copy silently replacing the other.
    """
    for table, documents in data.items():
        if not isinstance(documents, dict):
            continue
        keyed: dict[str, Any] = {}
        for number, document in documents.items():
            record_id = _canonical_id(document)
            keyed[number if record_id is None or record_id in keyed else record_id] = document
        data[table] = keyed
    return data


# MIGRATIONS[n] upgrades a file of version n to n + 1. Version 1 is the first format.
MIGRATIONS: dict[int, Migration] = {1: key_tables_by_id}


def file_version(data: RawData) -> int | None:
    """The schema version a raw file declares, or None when it declares none."""
    table = data.get(Territory.table)
    if not isinstance(table, dict):
        return None
    for document in table.values():
        # ``type(...) is int``: JSON ``true`` is a bool, which Python counts as an int.
        if isinstance(document, dict) and type(document.get("schema_version")) is int:
            return int(document["schema_version"])
    return None


def set_version(data: RawData, version: int) -> None:
    for document in data.get(Territory.table, {}).values():
        document["schema_version"] = version


def migrate(data: RawData, found: int, target: int | None = None) -> RawData:
    """Upgrade ``data`` from version ``found`` to ``target``, step by step.

    ``target`` defaults to the current :data:`~coop_tui.store.models.SCHEMA_VERSION`, read
    at call time. Raises :class:`LookupError` when a step is missing; a step may raise
    anything on data it cannot make sense of.
    """
    if target is None:
        target = models.SCHEMA_VERSION
    for version in range(found, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise LookupError(f"no migration from schema version {version}")
        data = step(data)
        set_version(data, version + 1)
    return data
