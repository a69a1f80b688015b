"""Actors read from the lists people already keep in spreadsheets (CSV), checked before
anything is written: each row becomes an actor or one line saying why not.

A file with a header row is read by its column names, in English or in French, as the
actor export writes them (« Nom », « Type », « Rattaché à », « Courriel »…); accents and
case do not matter, unknown columns are left aside. A file without one is read as
« Prénom Nom, rôle » per line, the way a list of mayors is typed. The delimiter (``;``,
``,`` or tab) and a byte order mark are found, not asked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from coop_tui.core.dates import fold
from coop_tui.core.i18n import _, language, set_language, translate_template
from coop_tui.core.labels import label
from coop_tui.store.models import Actor, ActorKind, Contact

# Each field an import reads, and the headers that name it (folded: no accent, no case).
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "nom", "nom complet", "prenom nom", "full name"),
    "kind": ("kind", "type", "nature"),
    "parent": ("part of", "rattache a", "rattache", "commune", "structure"),
    "responsibilities": ("responsibilities", "responsabilites", "role", "fonction",
                         "function", "titre"),
    "email": ("e-mail", "email", "courriel", "mail", "adresse e-mail"),
    "phone": ("phone", "telephone", "tel", "portable"),
    "address": ("address", "adresse", "adresse postale"),
    "tags": ("tags", "etiquettes", "mots-cles"),
}
MAX_ROWS = 10_000


@dataclass(frozen=True)
class Rejected:
    """A row left out, and why, in the current language."""

    line: int
    reason: str


@dataclass
class ActorImport:
    """What a file gives: the actors to add (valid, new) and the rows left out."""

    actors: list[Actor] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _columns(header: Sequence[str]) -> dict[str, int] | None:
    """Which column holds each field, when ``header`` is a header row with a name."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = " ".join(fold(cell).replace("_", " ").split())
        for wanted, names in HEADERS.items():
            if name in names and wanted not in found:
                found[wanted] = index
    return found if "name" in found else None


def kind_names() -> dict[str, ActorKind]:
    """Each kind by its stored key and by its name in both languages (folded)."""
    names: dict[str, ActorKind] = {}
    current = language()
    try:
        for lang in ("fr", "en"):
            set_language(lang)
            for kind in ActorKind:
                names.setdefault(fold(label(kind)), kind)
    finally:
        set_language(current)
    for kind in ActorKind:
        names[kind.value] = kind
        names[kind.value.replace("_", " ")] = kind
    return names


def read_actors(text: str, existing: Sequence[Actor],
                default_kind: ActorKind = ActorKind.ELECTED) -> ActorImport:
    """The actors ``text`` (a CSV file's content) adds to ``existing``."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    result = ActorImport()
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error as error:
        result.rejected.append(Rejected(1, _("not a CSV file: {reason}").format(reason=error)))
        return result
    if not rows:
        return result
    columns = _columns(rows[0])
    start = 1 if columns is not None else 0
    if columns is None:  # « Prénom Nom, rôle » per line
        columns = {"name": 0, "responsibilities": 1}
    by_name = {fold(actor.name): actor for actor in existing}
    kinds = kind_names()
    for number, row in enumerate(rows[start:MAX_ROWS + start], start=start + 1):
        if not any(cell.strip() for cell in row):
            continue
        actor, reason = _actor(row, columns, by_name, kinds, default_kind)
        if actor is None:
            result.rejected.append(Rejected(number, reason))
            continue
        by_name[fold(actor.name)] = actor
        result.actors.append(actor)
    if len(rows) > MAX_ROWS + start:
        result.rejected.append(Rejected(MAX_ROWS + start + 1, _(
            "more than {count} rows: the rest was not read").format(count=MAX_ROWS)))
    return result


def _actor(row: Sequence[str], columns: dict[str, int], by_name: dict[str, Actor],
           kinds: dict[str, ActorKind], default_kind: ActorKind) -> tuple[Actor | None, str]:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    name = " ".join(cell("name").split())
    if not name:
        return None, _("no name")
    if fold(name) in by_name:
        return None, _("« {name} » is already an actor").format(name=name)
    kind = default_kind
    if cell("kind"):
        found = kinds.get(" ".join(fold(cell("kind")).split()))
        if found is None:
            return None, _("« {kind} » is not a kind of actor").format(kind=cell("kind"))
        kind = found
    parent_id = None
    if cell("parent"):
        parent = by_name.get(fold(cell("parent")))
        if parent is None:
            return None, _("no actor named « {name} » to be part of").format(
                name=cell("parent"))
        parent_id = parent.id
    tags = [tag.strip() for tag in cell("tags").replace(";", ",").split(",") if tag.strip()]
    try:
        actor = Actor(name=name, kind=kind, parent_id=parent_id,
                      responsibilities=cell("responsibilities"), tags=tags,
                      contact=Contact(email=cell("email"), phone=cell("phone"),
                                      address=cell("address")))
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in detail["loc"])
        message = translate_template(detail["type"], detail["msg"], detail.get("ctx") or {})
        return None, f"{where}: {message}" if where else message
    return actor, ""
