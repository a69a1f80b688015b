"""The shared diagnostic read from a spreadsheet (CSV), checked whole before anything is
written: each row becomes a mission line of an organisation, or one line saying why not.

Columns are found by their header, in English or in French (accents and case do not
matter): organisation, mission, FTE, category A, B and C, shared, shared with, note. The
delimiter (``;``, ``,`` or tab) and a byte order mark are found, not asked. Numbers take a
decimal point or a decimal comma (« 0,5 »), never a thousands separator. Columns and rules
are documented in docs/diagnostic.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from coop_tui.core.dates import fold
from coop_tui.core.diagnostic import format_fte, is_organisation, mission_name
from coop_tui.core.i18n import _, language, translate_template
from coop_tui.store.missions import REFERENCE_MISSIONS
from coop_tui.store.models import (
    Actor,
    ActorKind,
    Mission,
    MissionStaff,
    OrganisationMissions,
    new_id,
)

# Each field the import reads, and the headers that name it (folded: no accent, no case).
HEADERS: dict[str, tuple[str, ...]] = {
    "organisation": ("organisation", "organization", "commune", "structure", "collectivite"),
    "mission": ("mission", "missions"),
    "fte": ("fte", "etp", "full-time equivalents", "equivalents temps plein"),
    "category_a": ("category a", "categorie a", "cat a", "cat. a"),
    "category_b": ("category b", "categorie b", "cat b", "cat. b"),
    "category_c": ("category c", "categorie c", "cat c", "cat. c"),
    "shared": ("shared", "partage", "partagee", "mutualise", "mutualisee"),
    "shared_with": ("shared with", "partage avec", "partagee avec", "mutualise avec",
                    "mutualisee avec"),
    "note": ("note", "remarque", "commentaire", "comment"),
}
REQUIRED = ("organisation", "mission", "fte")
YES = frozenset({"yes", "y", "oui", "o", "x", "1", "true", "vrai"})
NO = frozenset({"", "no", "n", "non", "0", "false", "faux"})
MAX_ROWS = 10_000
# A number as a person types it: digits, then a point or a comma and digits.
_DECIMAL = re.compile(r"\d+(?:[.,]\d+)?")
# Digits with separators in them: a number, perhaps written with a thousands separator.
_NUMBER_LIKE = re.compile(r"\d[\d\s.,]*")
# Between names in « shared with »: the CSV's own delimiters stay for columns.
_PARTNERS = re.compile(r"\s*[+|]\s*")


@dataclass(frozen=True)
class Rejected:
    """A row left out, and why, in the current language."""

    line: int
    reason: str


@dataclass(frozen=True)
class ImportedLine:
    """A row read: the organisation, the line to keep, and whether it replaces one."""

    line: int
    organisation: Actor
    staff: MissionStaff
    replaces: bool


@dataclass
class DiagnosticImport:
    """What a file gives: the lines to write, the rows left out, and the records to save
    (only when no row was left out: nothing is half-imported)."""

    lines: list[ImportedLine] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    records: list[OrganisationMissions] = field(default_factory=list)


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _columns(header: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = " ".join(fold(cell).replace("_", " ").split())
        for wanted, names in HEADERS.items():
            if name in names and wanted not in found:
                found[wanted] = index
    return found


def parse_number(text: str) -> float:
    """``0.5`` or ``0,5``; raises ValueError with the reason, in words, for anything else
    (a thousands separator, a sign, letters)."""
    value = text.strip()
    if value.startswith("-"):
        raise ValueError(_("« {value} » is negative").format(value=value))
    if not _NUMBER_LIKE.fullmatch(value):
        raise ValueError(_("« {value} » is not a number").format(value=value))
    if any(char.isspace() for char in value) or ("," in value and "." in value):
        raise ValueError(_("« {value} » has a thousands separator: write {plain}").format(
            value=value, plain=re.sub(r"[\s,.](?=\d{3}\b)", "", value).replace(",", ".")))
    if not _DECIMAL.fullmatch(value):
        raise ValueError(_("« {value} » is not a number").format(value=value))
    whole, _sep, decimals = value.replace(",", ".").partition(".")
    if "," in value and len(decimals) == 3:
        raise ValueError(_("« {value} » is ambiguous (a decimal comma or a thousands "
                           "separator?): write {plain} or {decimal}").format(
            value=value, plain=whole + decimals, decimal=f"{whole}.{decimals.rstrip('0') or '0'}"))
    return float(f"{whole}.{decimals}" if decimals else whole)


def _count(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    if value.startswith("-"):
        raise ValueError(_("« {value} » is negative").format(value=value))
    if not value.isdigit() or not value.isascii():
        raise ValueError(_("« {value} » is not a whole number of agents").format(value=value))
    return int(value)


def read_partners(text: str, organisations: dict[str, Actor], own_id: str) -> list[str]:
    """The ids of the organisations named in ``text`` (« CC du Val + Cressy »), by folded
    name in ``organisations``; the organisation itself left out. Raises ValueError naming
    an unknown one."""
    ids: list[str] = []
    for partner in (p for p in _PARTNERS.split(text.strip()) if p):
        found = organisations.get(fold(partner))
        if found is None:
            raise ValueError(_("no organisation named « {name} » in the actor map").format(
                name=partner))
        if found.id != own_id and found.id not in ids:
            ids.append(found.id)
    return ids


def organisations_by_name(actors: Sequence[Actor]) -> dict[str, Actor]:
    """The organisations of the actor map by folded name."""
    return {fold(actor.name): actor for actor in actors if is_organisation(actor)}


def mission_lookup(own: Sequence[Mission]) -> dict[str, str]:
    """Each mission by its key, its French and English names and its own id (folded)."""
    found: dict[str, str] = {}
    for spec in REFERENCE_MISSIONS:
        for name in (spec.key, spec.fr, spec.en):
            found.setdefault(fold(name), spec.key)
    for mission in own:
        found.setdefault(fold(mission.name), mission.id)
        found.setdefault(mission.id, mission.id)
    return found


class _Reader:
    """Reads the rows one by one against the store's actors and missions."""

    def __init__(self, actors: Sequence[Actor], own: Sequence[Mission],
                 existing: Sequence[OrganisationMissions]) -> None:
        self.organisations = organisations_by_name(actors)
        self.others = {fold(a.name) for a in actors if not is_organisation(a)}
        self.missions = mission_lookup(own)
        self.own = own
        self.existing = existing
        self.seen: dict[tuple[str, str], int] = {}

    def row(self, number: int, row: Sequence[str],
            columns: dict[str, int]) -> ImportedLine | str:
        def cell(name: str) -> str:
            index = columns.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        name = " ".join(cell("organisation").split())
        if not name:
            return _("no organisation")
        organisation = self.organisations.get(fold(name))
        if organisation is None:
            if fold(name) in self.others:
                return _("« {name} » is not an organisation (a commune, the community, a "
                         "public body or an association)").format(name=name)
            return _("no organisation named « {name} » in the actor map").format(name=name)
        typed = " ".join(cell("mission").split())
        if not typed:
            return _("no mission")
        mission = self.missions.get(fold(typed))
        if mission is None:
            return _("« {mission} » is not a known mission: use a name of the reference list "
                     "or add it to the diagnostic first").format(mission=typed)
        key = (organisation.id, mission)
        if key in self.seen:
            return _("{organisation} · {mission} is already on line {line}").format(
                organisation=organisation.name, mission=mission_name(mission, self.own),
                line=self.seen[key])
        if not cell("fte"):
            return _("no FTE: write 0 when no one works on it")
        try:
            fte = parse_number(cell("fte"))
            categories = [_count(cell(f"category_{letter}")) for letter in "abc"]
            shared, partners = self._sharing(cell("shared"), cell("shared_with"), organisation)
        except ValueError as error:
            return str(error)
        before = self._line(organisation.id, mission)
        try:
            staff = MissionStaff(
                id=before.id if before else new_id(), mission=mission, fte=fte,
                category_a=categories[0], category_b=categories[1], category_c=categories[2],
                shared=shared, shared_with=partners, note=cell("note"))
        except ValidationError as error:
            detail = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in detail["loc"])
            message = translate_template(detail["type"], detail["msg"], detail.get("ctx") or {})
            return f"{where}: {message}" if where else message
        self.seen[key] = number
        return ImportedLine(number, organisation, staff, before is not None)

    def _sharing(self, shared: str, partners: str, organisation: Actor) -> tuple[bool, list[str]]:
        answer = fold(shared)
        if answer not in YES and answer not in NO:
            raise ValueError(_("« {value} » is not yes or no").format(value=shared))
        ids = read_partners(partners, self.organisations, organisation.id)
        return answer in YES or bool(ids), ids

    def _line(self, actor_id: str, mission: str) -> MissionStaff | None:
        return next((line for record in self.existing if record.actor_id == actor_id
                     for line in record.missions if line.mission == mission), None)


def read_diagnostic(text: str, actors: Sequence[Actor], own: Sequence[Mission],
                    existing: Sequence[OrganisationMissions]) -> DiagnosticImport:
    """The diagnostic lines ``text`` (a CSV file's content) gives, against the store's
    actors, own missions and diagnostic. A line of an organisation and mission already in
    the diagnostic replaces it (it keeps its id, so roadmap items citing it still do)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    result = DiagnosticImport()
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error as error:
        result.rejected.append(Rejected(1, _("not a CSV file: {reason}").format(reason=error)))
        return result
    if not rows:
        result.rejected.append(Rejected(1, _("the file is empty")))
        return result
    columns = _columns(rows[0])
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        result.rejected.append(Rejected(1, _(
            "the header row lacks the columns {names} (see coop-tui import diagnostic "
            "--example)").format(names=", ".join(missing))))
        return result
    reader = _Reader(actors, own, existing)
    for number, row in enumerate(rows[1:MAX_ROWS + 1], start=2):
        if not any(cell.strip() for cell in row):
            continue
        found = reader.row(number, row, columns)
        if isinstance(found, str):
            result.rejected.append(Rejected(number, found))
        else:
            result.lines.append(found)
    if len(rows) > MAX_ROWS + 1:
        result.rejected.append(Rejected(MAX_ROWS + 2, _(
            "more than {count} rows: the rest was not read").format(count=MAX_ROWS)))
    if not result.rejected:
        result.records = merged_records(result.lines, existing)
    return result


def merged_records(lines: Sequence[ImportedLine],
                   existing: Sequence[OrganisationMissions]) -> list[OrganisationMissions]:
    """The organisations' records with the imported lines put in: a line replaced in
    place, a new one added at the end, a new record for an organisation with none."""
    changed: dict[str, OrganisationMissions] = {}
    for imported in lines:
        actor_id = imported.organisation.id
        record = changed.get(actor_id)
        if record is None:
            found = next((r for r in existing if r.actor_id == actor_id), None)
            record = (found.model_copy(deep=True) if found is not None
                      else OrganisationMissions(actor_id=actor_id))
            changed[actor_id] = record
        staff = imported.staff
        index = next((i for i, line in enumerate(record.missions) if line.id == staff.id), None)
        if index is None:
            record.missions.append(staff)
        else:
            record.missions[index] = staff
    return list(changed.values())


# ------------------------------------------------------------------ writing


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def diagnostic_csv(records: Sequence[OrganisationMissions], actors: Sequence[Actor],
                   own: Sequence[Mission]) -> str:
    """The diagnostic as a CSV the import reads back: headers in the current language,
    ``;`` between columns, numbers with a decimal point, organisations by name."""
    names = {actor.id: actor.name for actor in actors}
    french = language() == "fr"
    header = (["Organisation", "Mission", "ETP", "Catégorie A", "Catégorie B", "Catégorie C",
               "Partagée", "Partagée avec", "Note"] if french else
              ["Organisation", "Mission", "FTE", "Category A", "Category B", "Category C",
               "Shared", "Shared with", "Note"])
    yes, no = ("oui", "non") if french else ("yes", "no")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for record in sorted(records, key=lambda r: (fold(names.get(r.actor_id, "")), r.id)):
        for line in record.missions:
            writer.writerow([
                names.get(record.actor_id, record.actor_id), mission_name(line.mission, own),
                _number(line.fte), _number(line.category_a), _number(line.category_b),
                _number(line.category_c), yes if line.shared else no,
                " + ".join(names.get(ref, ref) for ref in line.shared_with), line.note])
    return out.getvalue()


def line_summary(imported: ImportedLine, own: Sequence[Mission]) -> str:
    """How the preview shows a line: « Vernay · État civil · 0,5 ETP · partagée »."""
    staff = imported.staff
    parts = [imported.organisation.name, mission_name(staff.mission, own),
             _("{fte} FTE").format(fte=format_fte(staff.fte))]
    if staff.shared:
        parts.append(_("shared"))
    if imported.replaces:
        parts.append(_("replaces the line in the diagnostic"))
    return " · ".join(parts)


# The example: communes of the demo territory (``coop-tui demo``), so that it can be tried.
_EXAMPLE_ORGANISATIONS = (
    ("Communauté de communes du Val de Loubière", ActorKind.COMMUNITY),
    ("Vernay", ActorKind.COMMUNE), ("Cressy", ActorKind.COMMUNE),
    ("Montclar-les-Bois", ActorKind.COMMUNE))
_EXAMPLE_LINES = (
    (0, "town_planning", 2.5, (1, 2, None), (1, 2), "Service commun ADS"),
    (1, "civil_status", 0.4, (None, None, 1), (), ""),
    (1, "town_planning", 0.2, (None, None, None), (0,), ""),
    (1, "roads", 1.5, (None, None, 2), (), ""),
    (2, "civil_status", 0.3, (None, None, 1), (), ""),
    (2, "town_planning", 0.1, (None, None, None), (0,), ""),
    (3, "civil_status", 0.25, (None, None, 1), (), "Secrétaire de mairie, 10 h par semaine"),
    (3, "roads", 0.5, (None, None, None), (), ""),
)


def example_actors() -> list[Actor]:
    """The organisations the example names, as the actor map would hold them."""
    return [Actor(name=name, kind=kind) for name, kind in _EXAMPLE_ORGANISATIONS]


def example_csv() -> str:
    """A sample file for ``coop-tui import diagnostic --example``, in the current language."""
    actors = example_actors()
    records = [OrganisationMissions(actor_id=actor.id) for actor in actors]
    for index, mission, fte, (a, b, c), partners, note in _EXAMPLE_LINES:
        records[index].missions.append(MissionStaff(
            mission=mission, fte=fte, category_a=a, category_b=b, category_c=c,
            shared=bool(partners), shared_with=[actors[p].id for p in partners], note=note))
    return diagnostic_csv(records, actors, [])
