"""Three-way merge of two copies of a store (git's merge driver, ``coop-tui merge``).

Two people who worked on copies of the same territory each changed some records. Given the
copy they started from (base) and their two versions (ours, theirs), the merge keeps every
change:

- per record and per field: a value changed on one side takes that side's value;
- a record (or a part of one: an agenda item, an action…) added on either side is kept, and
  one deleted on one side and untouched on the other is deleted;
- objects are merged key by key, lists of parts by their ids, lists of plain values as sets;
- a text changed on both sides is merged by lines where the changes do not overlap;
- anything else changed two ways is a conflict: one value stays in the record (ours, or
  the side that did not delete it) and the other is kept in a :class:`Conflict` record,
  never lost and never written as conflict markers.

A merged record that the models refuse (two dates that no longer fit together) falls back
to the side kept in place, each differing field becoming a conflict; a record deleted on
one side but referred to from the other comes back, as a conflict. A result that still
breaks a rule of the whole file (a loop of parents built from both sides) is refused with
that problem: the caller then leaves the files alone.

Pure: no Textual, no ``coop_tui`` beyond the store; works on documents as JSON values.
"""

from __future__ import annotations

import difflib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from coop_tui.store.errors import Problem
from coop_tui.store.integrity import store_problems
from coop_tui.store.models import TABLES, Conflict, Record

Documents = dict[str, dict[str, Any]]  # table -> {id: document}

_ABSENT: Any = type("Absent", (), {"__repr__": lambda self: "ABSENT"})()
# The namespace of conflict ids: a conflict gets the same id whichever side merges it.
_CONFLICT_NAMESPACE = uuid.UUID("6a0c5f3e-7d0b-4c1e-9a51-2f3b8c6d4e71")
# Fields every record has that a merge settles without asking anyone.
_LATEST = "updated"


@dataclass(frozen=True)
class Clash:
    """One value changed two ways: where, and the three values (None when absent)."""

    path: tuple[str, ...]
    base: Any
    ours: Any
    theirs: Any


@dataclass
class MergeResult:
    """The merged documents, the conflicts recorded in them, or the problem that stops it."""

    documents: Documents
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def documents_of(records: Mapping[str, Mapping[str, Record]]) -> Documents:
    """Records as the documents a merge compares (every field written out)."""
    return {table: {record_id: record.model_dump(mode="json")
                    for record_id, record in by_id.items()}
            for table, by_id in records.items()}


# ---------------------------------------------------------------------------- texts


def merge_lines(base: str, ours: str, theirs: str) -> str | None:
    """``ours`` and ``theirs`` merged line by line against ``base``, or None when their
    changes overlap or touch (as git's own merge would call a conflict)."""
    old = base.splitlines(keepends=True)
    sides = [ours.splitlines(keepends=True), theirs.splitlines(keepends=True)]
    hunks: list[tuple[int, int, int, list[str]]] = []  # base start, end, side, new lines
    for side, lines in enumerate(sides):
        matcher = difflib.SequenceMatcher(None, old, lines, autojunk=False)
        hunks += [(i1, i2, side, lines[j1:j2])
                  for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    hunks.sort(key=lambda hunk: (hunk[0], hunk[1], hunk[2]))
    out: list[str] = []
    position = 0
    index = 0
    while index < len(hunks):
        group = [hunks[index]]
        start, end = hunks[index][0], hunks[index][1]
        index += 1
        while index < len(hunks) and hunks[index][0] <= end:
            group.append(hunks[index])
            end = max(end, hunks[index][1])
            index += 1
        versions = {side: _apply(old, start, end, [h for h in group if h[2] == side])
                    for side in {hunk[2] for hunk in group}}
        if len(versions) == 2 and versions[0] != versions[1]:
            return None
        out += old[position:start] + next(iter(versions.values()))
        position = end
    out += old[position:]
    return "".join(out)


def _apply(old: list[str], start: int, end: int,
           hunks: list[tuple[int, int, int, list[str]]]) -> list[str]:
    """``old[start:end]`` with one side's hunks (all inside that range) applied."""
    out: list[str] = []
    position = start
    for i1, i2, _side, lines in hunks:
        out += old[position:i1] + lines
        position = i2
    return out + old[position:end]


# ---------------------------------------------------------------------------- values


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _is_parts(value: Any) -> bool:
    """A list of parts: objects each with a string id, no id twice."""
    if not isinstance(value, list) or not all(
            isinstance(item, dict) and isinstance(item.get("id"), str) for item in value):
        return False
    return len({item["id"] for item in value}) == len(value)


def _is_set(value: Any) -> bool:
    """A list of plain values, none twice."""
    if not isinstance(value, list) or any(isinstance(item, dict | list) for item in value):
        return False
    return len({_key(item) for item in value}) == len(value)


class _Merger:
    def __init__(self) -> None:
        self.clashes: list[Clash] = []

    def value(self, base: Any, ours: Any, theirs: Any, path: tuple[str, ...]) -> Any:
        if ours == theirs:
            return ours
        if base == ours:
            return theirs
        if base == theirs:
            return ours
        if path and path[-1] == _LATEST and isinstance(ours, str) and isinstance(theirs, str):
            return max(ours, theirs)
        if ours is _ABSENT or theirs is _ABSENT:
            return self.clash(base, ours, theirs, path)
        if isinstance(ours, dict) and isinstance(theirs, dict) and (
                base is _ABSENT or isinstance(base, dict)):
            return self.mapping(base if isinstance(base, dict) else {}, ours, theirs, path)
        if _is_parts(ours) and _is_parts(theirs) and (base is _ABSENT or _is_parts(base)):
            return self.parts(base if isinstance(base, list) else [], ours, theirs, path)
        if _is_set(ours) and _is_set(theirs) and (base is _ABSENT or _is_set(base)):
            return self.set(base if isinstance(base, list) else [], ours, theirs)
        if isinstance(base, str) and isinstance(ours, str) and isinstance(theirs, str):
            merged = merge_lines(base, ours, theirs)
            if merged is not None:
                return merged
        return self.clash(base, ours, theirs, path)

    def clash(self, base: Any, ours: Any, theirs: Any, path: tuple[str, ...]) -> Any:
        """Record a conflict; what stays in place is ours, unless ours deleted it."""
        kept, other = (theirs, ours) if ours is _ABSENT else (ours, theirs)
        self.clashes.append(Clash(path, _none(base), _none(kept), _none(other)))
        return kept

    def mapping(self, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any],
                path: tuple[str, ...]) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for key in dict.fromkeys([*base, *ours, *theirs]):
            value = self.value(base.get(key, _ABSENT), ours.get(key, _ABSENT),
                               theirs.get(key, _ABSENT), (*path, key))
            if value is not _ABSENT:
                merged[key] = value
        return merged

    def parts(self, base: list[Any], ours: list[Any], theirs: list[Any],
              path: tuple[str, ...]) -> list[Any]:
        old, mine, other = ({item["id"]: item for item in side}
                            for side in (base, ours, theirs))
        merged = []
        for part_id in _sequence(list(old), list(mine), list(other)):
            value = self.value(old.get(part_id, _ABSENT), mine.get(part_id, _ABSENT),
                               other.get(part_id, _ABSENT), (*path, part_id))
            if value is not _ABSENT:
                merged.append(value)
        return merged

    def set(self, base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
        keyed = [{_key(item): item for item in side} for side in (base, ours, theirs)]
        order = _sequence(*(list(side) for side in keyed))
        kept_base, kept_ours, kept_theirs = keyed
        return [next(side[key] for side in (kept_ours, kept_theirs, kept_base) if key in side)
                for key in order
                if (key in kept_ours or key not in kept_base)
                and (key in kept_theirs or key not in kept_base)]


def _none(value: Any) -> Any:
    return None if value is _ABSENT else value


def _sequence(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """Every key of the three lists once, in an order both sides would agree on.

    Keys of the base come in the order of the side that reordered them (ours when both
    did), else the base's; a key a side added comes after the key of the base before it
    on that side (a key both added, after the earlier of its two anchors). Where both
    sides added after the same key, their keys are interleaved keeping each side's order,
    the smaller key first where either could come, so the order does not depend on which
    side is which.
    """
    in_base = set(base)

    def reordered(side: list[str]) -> bool:
        present = set(side)
        return [k for k in side if k in in_base] != [k for k in base if k in present]

    skeleton = ours if reordered(ours) else theirs if reordered(theirs) else base
    skeleton = [key for key in skeleton if key in in_base]
    skeleton += [key for key in base if key not in set(skeleton)]
    position = {key: index for index, key in enumerate([None, *skeleton])}
    sides: list[dict[str | None, list[str]]] = []
    anchors: dict[str, str | None] = {}
    for side in (ours, theirs):
        anchor: str | None = None
        by_anchor: dict[str | None, list[str]] = {}
        for key in side:
            if key in in_base:
                anchor = key
                continue
            by_anchor.setdefault(anchor, []).append(key)
            # A key both sides added goes after the earlier of its two anchors.
            if key not in anchors or position[anchor] < position[anchors[key]]:
                anchors[key] = anchor
        sides.append(by_anchor)
    out: list[str] = []
    for anchor in [None, *skeleton]:
        if anchor is not None:
            out.append(anchor)
        one, other = ([key for key in side.get(anchor, []) if anchors[key] == anchor]
                      for side in sides)
        out += _interleave(one, other)
    return out


def _interleave(one: list[str], other: list[str]) -> list[str]:
    """Both lists' keys once, each list's order kept where the two agree; where either
    could come next, the smaller key does, so the result does not depend on which list is
    which."""
    one, other = list(one), list(other)
    out: list[str] = []
    while one or other:
        heads = [side[0] for side in (one, other) if side]
        free = [head for head in heads
                if all(head not in side[1:] for side in (one, other))]
        chosen = min(free or heads)
        out.append(chosen)
        for side in (one, other):
            if chosen in side:
                side.remove(chosen)
    return out


# ---------------------------------------------------------------------------- stores


def merge_documents(base: Documents, ours: Documents, theirs: Documents, *,
                    now: datetime) -> MergeResult:
    """Merge three versions of a store's documents; see the module's docstring."""
    merger = _Merger()
    merged: Documents = {}
    for table in TABLES:
        if table == Conflict.table:
            continue
        merged[table] = merger.mapping(base.get(table, {}), ours.get(table, {}),
                                       theirs.get(table, {}), (table,))
    records, fallbacks = _validated(merged, base, ours, theirs, merger)
    _restore_referred(records, merged, base, ours, theirs, merger)
    conflicts_table = merger.mapping(base.get(Conflict.table, {}), ours.get(Conflict.table, {}),
                                     theirs.get(Conflict.table, {}), (Conflict.table,))
    conflicts = [_conflict(clash, now) for clash in merger.clashes]
    for conflict in conflicts:
        conflicts_table[conflict.id] = conflict.model_dump(mode="json")
    merged[Conflict.table] = conflicts_table
    records[Conflict.table] = {}
    problems: list[Problem] = list(fallbacks)
    for record_id, document in conflicts_table.items():
        try:
            records[Conflict.table][record_id] = Conflict.model_validate(document)
        except ValidationError as error:
            problems.append(Problem(f"conflicts #{record_id[:8]}", "invalid", str(error)
                                    .replace("{", "{{").replace("}", "}}")))
    problems += store_problems(records)
    return MergeResult(merged, conflicts, problems)


def _validated(merged: Documents, base: Documents, ours: Documents, theirs: Documents,
               merger: _Merger) -> tuple[dict[str, dict[str, Record]], list[Problem]]:
    """The merged documents as records; one the models refuse falls back to the side in
    place, its other side's differing fields becoming conflicts."""
    records: dict[str, dict[str, Record]] = {}
    problems: list[Problem] = []
    for table, documents in merged.items():
        kind = TABLES[table]
        records[table] = {}
        for record_id, document in documents.items():
            try:
                records[table][record_id] = kind.model_validate(document)
                continue
            except ValidationError:
                pass
            mine, other = ours.get(table, {}).get(record_id), theirs.get(table, {}).get(record_id)
            kept, aside = (mine, other) if mine is not None else (other, mine)
            assert kept is not None  # a record absent from both sides is not merged
            merger.clashes[:] = [c for c in merger.clashes if c.path[:2] != (table, record_id)]
            old = base.get(table, {}).get(record_id) or {}
            for name in dict.fromkeys([*kept, *(aside or {})]):
                if name != _LATEST and aside is not None and kept.get(name) != aside.get(name):
                    merger.clashes.append(Clash((table, record_id, name), old.get(name),
                                                kept.get(name), aside.get(name)))
            documents[record_id] = kept
            try:
                records[table][record_id] = kind.model_validate(kept)
            except ValidationError as error:
                problems.append(Problem(f"{table} #{record_id[:8]}", "invalid", str(error)
                                        .replace("{", "{{").replace("}", "}}")))
    return records, problems


def _restore_referred(records: dict[str, dict[str, Record]], merged: Documents,
                      base: Documents, ours: Documents, theirs: Documents,
                      merger: _Merger) -> None:
    """Bring back records one side deleted that the other side still refers to."""
    while True:
        restored = False
        for problem in store_problems(records):
            if problem.kind != "missing_reference":
                continue
            table = str(problem.params["kind"])
            prefix = str(problem.params["ref"])
            for record_id in base.get(table, {}):
                if not record_id.startswith(prefix) or record_id in merged[table]:
                    continue
                mine = ours.get(table, {}).get(record_id)
                other = theirs.get(table, {}).get(record_id)
                document = mine or other or base[table][record_id]
                merged[table][record_id] = document
                records[table][record_id] = TABLES[table].model_validate(document)
                merger.clashes.append(Clash((table, record_id), base[table][record_id],
                                            document, None))
                restored = True
        if not restored:
            return


def _conflict(clash: Clash, now: datetime) -> Conflict:
    """The record of a clash; its id is the same whichever side holds which value."""
    table, record_id, *rest = clash.path
    values = sorted([_key(clash.ours), _key(clash.theirs)])
    name = "\n".join([table, record_id, ".".join(rest), _key(clash.base), *values])
    return Conflict(id=str(uuid.uuid5(_CONFLICT_NAMESPACE, name)), created=now, updated=now,
                    record_table=table, record_id=record_id, field=".".join(rest),
                    base=clash.base, ours=clash.ours, theirs=clash.theirs)


# ---------------------------------------------------------------------------- files


def read_side(path: Path) -> Documents:
    """One version of a store file as documents (an empty file: no records, as git gives
    for the base of a file both sides added). Raises the store's errors when it does not
    read."""
    from coop_tui.store.database import parse

    payload = path.read_bytes()
    if not payload.strip():
        return {}
    return documents_of(parse(path, payload).records)


def merge_files(base: Path, ours: Path, theirs: Path, *, now: datetime) -> MergeResult:
    """Merge three store files (git's %O %A %B); writes nothing."""
    return merge_documents(read_side(base), read_side(ours), read_side(theirs), now=now)
