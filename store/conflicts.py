"""Settling a conflict a merge recorded: the record as it is once a value is chosen.

A :class:`~coop_tui.store.models.Conflict` names a value by its path in the record's
document: field names and part ids joined by dots (``agenda.<id>.notes``), or nothing for
the whole record. What :func:`settlement` makes is saved as one write, by the repository
(``Repository.resolve``) or by the app's one save path.
"""

from __future__ import annotations

import copy
from typing import Any

from coop_tui.store.models import TABLES, Conflict, Record


class ConflictPlaceGone(LookupError):
    """The part a conflict is about was deleted since: there is no place to put a value."""


def _step(node: Any, name: str) -> Any:
    if isinstance(node, list):
        for item in node:
            if isinstance(item, dict) and item.get("id") == name:
                return item
        raise ConflictPlaceGone(name)
    if isinstance(node, dict) and name in node:
        return node[name]
    raise ConflictPlaceGone(name)


def value_at(record: Record, field: str) -> Any:
    """The value a conflict's ``field`` points at in ``record`` (its document if "")."""
    node: Any = record.model_dump(mode="json")
    for name in field.split(".") if field else []:
        node = _step(node, name)
    return node


def with_value(record: Record, field: str, value: Any) -> Record:
    """A validated copy of ``record`` with ``value`` at ``field`` (raises pydantic's
    ValidationError when the record would not be valid, ConflictPlaceGone when the part
    is gone)."""
    document = record.model_dump(mode="json")
    names = field.split(".")
    parent: Any = document
    for name in names[:-1]:
        parent = _step(parent, name)
    if isinstance(parent, list):
        index = next((i for i, item in enumerate(parent)
                      if isinstance(item, dict) and item.get("id") == names[-1]), None)
        if index is None:
            raise ConflictPlaceGone(names[-1])
        parent[index] = copy.deepcopy(value)
    elif isinstance(parent, dict):
        parent[names[-1]] = copy.deepcopy(value)
    else:
        raise ConflictPlaceGone(names[-1])
    return type(record).model_validate(document)


def whole_record(conflict: Conflict, value: Any) -> Record | None:
    """The record a whole-record conflict settles on: None for deleted, else validated."""
    if value is None:
        return None
    return TABLES[conflict.record_table].model_validate(value)


def settlement(conflict: Conflict, current: Record | None,
               value: Any) -> tuple[list[Record], list[Record]]:
    """What to save and delete, as one write, to settle ``conflict`` on ``value`` while the
    record now reads ``current`` (None if it is gone): the conflict always goes.

    For a whole-record conflict, ``None`` deletes the record and a document replaces it;
    a value for a record deleted since settles nothing more. Raises pydantic's
    ValidationError for a value the record cannot hold, ConflictPlaceGone when the part
    was deleted since.
    """
    if not conflict.field:
        settled = whole_record(conflict, value)
        if settled is None:
            return [], [conflict, *([current] if current is not None else [])]
        return [settled], [conflict]
    if current is None:
        return [], [conflict]
    return [with_value(current, conflict.field, value)], [conflict]
