"""The changes made since the app opened, to undo and redo them; kept in memory, never on disk.

Every change goes through ``Session.save``, which hands this history the records as they
were before the save and as the store holds them after it. Undoing is one more save that
puts the records back as they were (and deletes those the change created); that save is in
turn the step a redo replays. A step is replayed only while the store still holds what it
left: a record changed since by other means (a sync, a merge, a settled conflict) stops
the undo rather than overwrite that work.

The records kept are the store's own objects, never copies: the store replaces a record on
each save instead of changing it, so ``is`` tells whether a record is still the one a step
left.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from coop_tui.core.i18n import N_, _, language, ngettext
from coop_tui.store.models import LocalizedText, Record
from coop_tui.store.repository import Repository

# How many steps are kept: enough for a meeting, little memory (records are shared).
LIMIT = 100

Key = tuple[str, str]  # a record's table and id

# What a change to one or two fields is called, by the fields it touched.
_FIELD_NAMES: dict[frozenset[str], str] = {
    frozenset({"status"}): N_("state"),
    frozenset({"start", "due"}): N_("dates"),
    frozenset({"start"}): N_("start date"),
    frozenset({"due"}): N_("due date"),
    frozenset({"progress"}): N_("progress"),
    frozenset({"notes"}): N_("notes"),
    frozenset({"private_notes"}): N_("private notes"),
    frozenset({"agenda"}): N_("agenda"),
    frozenset({"attendance"}): N_("attendance"),
    frozenset({"decisions"}): N_("decisions"),
    frozenset({"actions"}): N_("actions"),
    frozenset({"owner_id"}): N_("owner"),
    frozenset({"owner_ids"}): N_("owners"),
    frozenset({"items"}): N_("checklist"),
    frozenset({"position"}): N_("order"),
    frozenset({"name"}): N_("name"),
    frozenset({"title"}): N_("title"),
    frozenset({"objective"}): N_("objective"),
}
# « … of the lever », « … of the meeting »: the phrase follows the record's table.
_OF_TABLE: dict[str, str] = {
    "levers": N_("of the lever"),
    "roadmap": N_("of the objective"),
    "meetings": N_("of the meeting"),
    "actors": N_("of the actor"),
    "relations": N_("of the relation"),
    "territory": N_("of the territory"),
    "obligations": N_("of the deadline"),
}
_TABLE_NAMES: dict[str, str] = {
    "levers": N_("lever"),
    "roadmap": N_("objective"),
    "meetings": N_("meeting"),
    "actors": N_("actor"),
    "relations": N_("relation"),
    "territory": N_("territory"),
    "obligations": N_("deadline"),
}
_IGNORED_FIELDS = frozenset({"created", "updated"})
# Lists of parts whose one part added or deleted names the change: (deleted, added).
_PARTS: dict[str, tuple[str, str]] = {
    "agenda": (N_("deleting the agenda item « {text} » {of_kind} {name}"),
               N_("adding the agenda item « {text} » {of_kind} {name}")),
    "decisions": (N_("deleting the decision « {text} » {of_kind} {name}"),
                  N_("adding the decision « {text} » {of_kind} {name}")),
    "actions": (N_("deleting the action « {text} » {of_kind} {name}"),
                N_("adding the action « {text} » {of_kind} {name}")),
    "items": (N_("deleting the checklist item « {text} » {of_kind} {name}"),
              N_("adding the checklist item « {text} » {of_kind} {name}")),
}


@dataclass
class Entry:
    """One record of a step: as it was before (None: the step created it) and after (None:
    the step deleted it)."""

    kind: type[Record]
    record_id: str
    before: Record | None
    after: Record | None = None


@dataclass
class Step:
    """What one save changed, told in words; saves of one ``group`` in a row make one step."""

    entries: dict[Key, Entry]
    description: str = ""
    group: str | None = None

    def changed_since(self, repository: Repository) -> Record | None:
        """A record the store no longer holds as this step left it (None: all are)."""
        for entry in self.entries.values():
            current = repository.get(entry.kind, entry.record_id)
            if current is not entry.after:
                return current or entry.after or entry.before
        return None

    def restoring(self, repository: Repository) -> tuple[list[Record], list[Record]]:
        """The records to save and to delete to put the store back as before the step."""
        saved = [entry.before for entry in self.entries.values() if entry.before is not None]
        deleted = [current for entry in self.entries.values() if entry.before is None
                   and (current := repository.get(entry.kind, entry.record_id)) is not None]
        return saved, deleted


@dataclass
class History:
    """The steps to undo (the newest last) and those undone, to redo."""

    undoable: list[Step] = field(default_factory=list)
    redoable: list[Step] = field(default_factory=list)

    def clear(self) -> None:
        self.undoable.clear()
        self.redoable.clear()

    def push(self, step: Step) -> None:
        """A new change: it joins the last step when both are of one group; redo is gone."""
        if not step.entries:
            return
        self.redoable.clear()
        last = self.undoable[-1] if self.undoable else None
        if last is not None and step.group is not None and last.group == step.group:
            for key, entry in step.entries.items():
                if key in last.entries:
                    last.entries[key].after = entry.after
                else:
                    last.entries[key] = entry
            last.description = step.description or last.description
            return
        self.undoable.append(step)
        del self.undoable[:-LIMIT]


def before_saving(repository: Repository, saved: Iterable[Record],
                  deleted: Iterable[Record]) -> dict[Key, Entry] | None:
    """The records a save will replace or delete, as the store holds them now.

    None when a record handed to save is the store's own object (changed in place, against
    the rule that changes are made on copies): what it was before is then unknown.
    """
    entries: dict[Key, Entry] = {}
    for record in saved:
        current = repository.get(type(record), record.id)
        if current is record:
            return None
        entries.setdefault((record.table, record.id), Entry(type(record), record.id, current))
    for record in deleted:
        current = repository.get(type(record), record.id)
        entries.setdefault((record.table, record.id), Entry(type(record), record.id, current))
    return entries


def after_saving(repository: Repository, entries: Mapping[Key, Entry], description: str = "",
                 group: str | None = None) -> Step:
    """The step a save made, once made: each record as the store now holds it."""
    for entry in entries.values():
        entry.after = repository.get(entry.kind, entry.record_id)
    step = Step({key: entry for key, entry in entries.items() if entry.after is not entry.before},
                group=group)
    step.description = description or describe(step)
    return step


def record_name(record: Record) -> str:
    """The name people know a record by (empty when it has none, like a relation)."""
    for attribute in ("name", "title", "objective"):
        value = getattr(record, attribute, None)
        if isinstance(value, LocalizedText):
            value = value.get(language())
        if isinstance(value, str) and value:
            return value
    return ""


def _quoted(record: Record) -> str:
    name = record_name(record)
    return _("« {name} »").format(name=name) if name else ""


def describe(step: Step) -> str:
    """A step in a few words: « state of the lever « Pacte financier » »."""
    if not step.entries:
        return _("no change")
    entries = list(step.entries.values())
    main = next((entry for entry in entries if entry.after is None), entries[0])
    if main.before is None and main.after is not None:
        table = main.after.table
        words = _("adding: {kind} {name}").format(
            kind=_(_TABLE_NAMES.get(table, table)), name=_quoted(main.after))
    elif main.after is None and main.before is not None:
        table = main.before.table
        words = _("deleting: {kind} {name}").format(
            kind=_(_TABLE_NAMES.get(table, table)), name=_quoted(main.before))
    elif main.before is not None and main.after is not None:
        words = _changed_fields(main.before, main.after)
    else:
        words = _("no change")
    others = len(entries) - 1
    if others:
        words += ngettext(" (and {count} other record)", " (and {count} other records)",
                          others).format(count=others)
    return words.strip()


def _changed_fields(before: Record, after: Record) -> str:
    fields = frozenset(name for name in type(after).model_fields
                       if name not in _IGNORED_FIELDS
                       and getattr(before, name, None) != getattr(after, name, None))
    table = after.table
    part = _changed_part(before, after, fields)
    if part:
        return part
    what = _FIELD_NAMES.get(fields)
    if what is None:
        return _("changes to the {kind} {name}").format(
            kind=_(_TABLE_NAMES.get(table, table)), name=_quoted(after))
    return _("{what} {of_kind} {name}").format(
        what=_(what), of_kind=_(_OF_TABLE.get(table, N_("of"))), name=_quoted(after))


def _part_names(record: Record, name: str) -> dict[str, str]:
    parts = getattr(record, name, None)
    if not isinstance(parts, list):
        return {}
    return {str(getattr(part, "id", "")): _part_text(part) for part in parts}


def _part_text(part: object) -> str:
    for attribute in ("title", "text"):
        value = getattr(part, attribute, None)
        if isinstance(value, LocalizedText):
            value = value.get(language())
        if isinstance(value, str) and value:
            return value
    return ""


def _changed_part(before: Record, after: Record, fields: frozenset[str]) -> str:
    """« deleting the agenda item « Budget » of the meeting « COPIL » », when one part of
    the record came or went (the others may have lost their link to it)."""
    for name, (deleting, adding) in _PARTS.items():
        if name not in fields:
            continue
        was, now = _part_names(before, name), _part_names(after, name)
        gone, new = was.keys() - now.keys(), now.keys() - was.keys()
        if len(gone) + len(new) != 1:
            continue
        template = _(deleting) if gone else _(adding)
        return template.format(text=was[next(iter(gone))] if gone else now[next(iter(new))],
                               of_kind=_(_OF_TABLE.get(after.table, N_("of"))),
                               name=_quoted(after))
    return ""
