"""The shared diagnostic read as figures: the missions x organisations matrix, the
mutualisation candidates each with its reason, and the lines a roadmap item cites.

Pure functions of records, no Textual: the diagnostic screen, the actor detail, the lever
evidence and the status report read the same figures. The rules are written out in
``docs/diagnostic.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from coop_tui.core.i18n import _, format_number, language, ngettext
from coop_tui.store.missions import REFERENCE_MISSIONS, reference_mission
from coop_tui.store.models import (
    Actor,
    ActorKind,
    LivingArea,
    Mission,
    MissionStaff,
    OrganisationMissions,
    RoadmapItem,
    ServiceNeed,
)

# The kinds of actor that carry public-service missions in a diagnostic: an elected
# official or a service is part of one of them, a company or a citizen group is not public.
ORGANISATION_KINDS: tuple[ActorKind, ...] = (
    ActorKind.COMMUNE, ActorKind.COMMUNITY, ActorKind.PUBLIC_BODY, ActorKind.ASSOCIATION)
# A mission carried by at least this many organisations with under one FTE each is a
# candidate: each holds a fraction of a post that a shared service could gather.
SCATTERED_MIN_ORGANISATIONS = 3
SMALL_FTE = 1.0

SortKey = Literal["total", "name", "organisations"]
SORT_KEYS: tuple[SortKey, ...] = ("total", "name", "organisations")


def format_fte(value: float) -> str:
    """FTE as people read them: « 0,5 » in French, "0.5" in English, at most two decimals."""
    text = format_number(value, 2)
    return text.rstrip("0").rstrip(".,") if any(sep in text for sep in ".,") else text


def mission_name(key: str, own: Sequence[Mission]) -> str:
    """A mission's name in the current language: a reference one, or one of the territory's
    own (by id); the key itself when it names nothing known."""
    spec = reference_mission(key)
    if spec is not None:
        return spec.name(language())
    return next((mission.name for mission in own if mission.id == key), key)


def mission_keys(own: Sequence[Mission]) -> list[str]:
    """Every mission a line may name: the reference list, then the territory's own."""
    return [spec.key for spec in REFERENCE_MISSIONS] + [mission.id for mission in own]


def is_organisation(actor: Actor) -> bool:
    return actor.kind in ORGANISATION_KINDS


@dataclass(frozen=True)
class Cell:
    """What one organisation puts into one mission: its FTE, whether it already shares it,
    and the diagnostic lines behind it (one, unless a merge left two)."""

    fte: float
    shared: bool
    line_ids: tuple[str, ...]


@dataclass
class Matrix:
    """Missions x organisations: the FTE of each organisation on each mission it carries."""

    missions: list[str] = field(default_factory=list)
    organisations: list[Actor] = field(default_factory=list)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)

    def cell(self, mission: str, actor_id: str) -> Cell | None:
        return self.cells.get((mission, actor_id))

    def row(self, mission: str) -> list[tuple[Actor, Cell]]:
        """The organisations carrying a mission, in column order, with their cells."""
        found = ((actor, self.cells.get((mission, actor.id))) for actor in self.organisations)
        return [(actor, cell) for actor, cell in found if cell is not None]

    def row_total(self, mission: str) -> float:
        return sum(cell.fte for _actor, cell in self.row(mission))

    def carriers(self, mission: str) -> int:
        """How many organisations carry the mission."""
        return len(self.row(mission))

    def column_total(self, actor_id: str) -> float:
        return sum(self.cells[(m, actor_id)].fte for m in self.missions
                   if (m, actor_id) in self.cells)

    @property
    def total(self) -> float:
        return sum(cell.fte for cell in self.cells.values())


def lines_by_organisation(
    records: Iterable[OrganisationMissions],
) -> dict[str, list[MissionStaff]]:
    """Each organisation's mission lines; two records of one organisation (two copies of
    the store merged) count as one."""
    found: dict[str, list[MissionStaff]] = {}
    for record in records:
        found.setdefault(record.actor_id, []).extend(record.missions)
    return found


def build_matrix(records: Iterable[OrganisationMissions], actors: Sequence[Actor],
                 own: Sequence[Mission]) -> Matrix:
    """The matrix of the organisations with at least one line, in the actors' name order,
    and of the missions some organisation carries, in reference order then own missions.
    Two lines of one mission in one organisation add up."""
    by_id = {actor.id: actor for actor in actors}
    lines = lines_by_organisation(records)
    matrix = Matrix()
    for actor_id, staff in lines.items():
        if actor_id not in by_id or not staff:
            continue
        for line in staff:
            key = (line.mission, actor_id)
            before = matrix.cells.get(key)
            matrix.cells[key] = Cell(
                fte=line.fte + (before.fte if before else 0.0),
                shared=line.shared or bool(before and before.shared),
                line_ids=(*(before.line_ids if before else ()), line.id))
    carried = {mission for mission, _actor in matrix.cells}
    order = mission_keys(own)
    matrix.missions = [key for key in order if key in carried]
    matrix.missions += sorted(carried - set(order))
    present = {actor_id for _mission, actor_id in matrix.cells}
    matrix.organisations = sorted((by_id[a] for a in present),
                                  key=lambda actor: (actor.kind is not ActorKind.COMMUNITY,
                                                     actor.name.casefold(), actor.id))
    return matrix


def sorted_missions(matrix: Matrix, by: SortKey, own: Sequence[Mission]) -> list[str]:
    """The matrix's missions by total FTE (most first), by name, or by the number of
    organisations carrying them (most first); ties by name."""
    def name(key: str) -> str:
        return mission_name(key, own).casefold()

    if by == "total":
        return sorted(matrix.missions, key=lambda m: (-matrix.row_total(m), name(m)))
    if by == "organisations":
        return sorted(matrix.missions, key=lambda m: (-matrix.carriers(m), name(m)))
    return sorted(matrix.missions, key=name)


# ------------------------------------------------------------------ candidates


@dataclass(frozen=True)
class Candidate:
    """A mission worth pooling, the rule that found it and why, in words."""

    mission: str
    rule: Literal["scattered", "partly_shared"]
    reason: str
    organisation_ids: tuple[str, ...]
    line_ids: tuple[str, ...]


# How many organisations a reason names before "and N more".
NAMES_SHOWN = 4


def _names(actors: Sequence[Actor]) -> str:
    """The first few names, then how many more: "A, B, C, D and 7 more"."""
    shown = ", ".join(actor.name for actor in actors[:NAMES_SHOWN])
    rest = len(actors) - NAMES_SHOWN
    if rest <= 0:
        return shown
    more = ngettext("{count} more", "{count} more", rest).format(count=rest)
    return _("{names} and {more}").format(names=shown, more=more)


def _scattered(matrix: Matrix, mission: str, name: str) -> Candidate | None:
    small = [(actor, cell) for actor, cell in matrix.row(mission) if cell.fte < SMALL_FTE]
    if len(small) < SCATTERED_MIN_ORGANISATIONS:
        return None
    total = sum(cell.fte for _actor, cell in small)
    reason = _("{mission}: {count} organisations carry it with under one FTE each "
               "({total} FTE in all: {names}); a shared service could gather these "
               "fractions of posts into one team.").format(
        mission=name, count=len(small), total=format_fte(total),
        names=_names([actor for actor, _cell in small]))
    return Candidate(mission, "scattered", reason,
                     tuple(actor.id for actor, _cell in small),
                     tuple(i for _actor, cell in small for i in cell.line_ids))


def _partly_shared(matrix: Matrix, mission: str, name: str) -> Candidate | None:
    row = matrix.row(mission)
    sharing = [actor for actor, cell in row if cell.shared]
    alone = [(actor, cell) for actor, cell in row if not cell.shared]
    if not sharing or not alone:
        return None
    reason = ngettext(
        "{mission}: already shared by {shared} of the {count} organisations that carry it "
        "({sharing}); {names} still carries it alone and could join.",
        "{mission}: already shared by {shared} of the {count} organisations that carry it "
        "({sharing}); {names} still carry it alone and could join.", len(alone)).format(
        mission=name, shared=len(sharing), count=len(row), sharing=_names(sharing),
        names=_names([actor for actor, _cell in alone]))
    return Candidate(mission, "partly_shared", reason,
                     tuple(actor.id for actor, _cell in alone),
                     tuple(i for _actor, cell in alone for i in cell.line_ids))


def candidates(matrix: Matrix, own: Sequence[Mission]) -> list[Candidate]:
    """Every mutualisation candidate: missions scattered in small fractions of posts, then
    missions already shared by some organisations but not all; most organisations first."""
    found: list[Candidate] = []
    for mission in matrix.missions:
        name = mission_name(mission, own)
        for rule in (_scattered, _partly_shared):
            candidate = rule(matrix, mission, name)
            if candidate is not None:
                found.append(candidate)
    return sorted(found, key=lambda c: (-len(c.organisation_ids), c.rule,
                                        mission_name(c.mission, own).casefold()))


# ------------------------------------------------------------------ coverage


@dataclass(frozen=True)
class Coverage:
    """Member communes whose missions and staff the diagnostic holds, and those it lacks."""

    covered: tuple[Actor, ...]
    lacking: tuple[Actor, ...]

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.lacking)


def coverage(records: Iterable[OrganisationMissions], actors: Sequence[Actor]) -> Coverage:
    """A commune is covered when its diagnostic holds at least one mission line and some
    staff (a total above zero FTE): a line with no staff says what it does, not who."""
    lines = lines_by_organisation(records)
    communes = sorted((a for a in actors if a.kind is ActorKind.COMMUNE),
                      key=lambda actor: (actor.name.casefold(), actor.id))
    covered = [a for a in communes if sum(line.fte for line in lines.get(a.id, [])) > 0]
    lacking = [a for a in communes if a not in covered]
    return Coverage(tuple(covered), tuple(lacking))


# ------------------------------------------------------------------ summary


@dataclass(frozen=True)
class DiagnosticSummary:
    """The diagnostic in a few figures, for the dashboard and the status report: communes
    covered, the candidates (mission names, most organisations first), bassins and needs."""

    covered: int
    communes: int
    candidates: tuple[str, ...]
    areas: int
    needs: int

    def coverage_text(self) -> str:
        """« Diagnostic: 12/12 communes »."""
        return _("Diagnostic: {covered}/{total} communes").format(covered=self.covered,
                                                                  total=self.communes)

    def candidates_text(self) -> str:
        return ngettext("{count} candidate", "{count} candidates",
                        len(self.candidates)).format(count=len(self.candidates))


def diagnostic_summary(records: Sequence[OrganisationMissions], areas: Sequence[LivingArea],
                       actors: Sequence[Actor], own: Sequence[Mission]) -> DiagnosticSummary:
    found = coverage(records, actors)
    names = list(dict.fromkeys(mission_name(candidate.mission, own) for candidate in
                               candidates(build_matrix(records, actors, own), own)))
    return DiagnosticSummary(len(found.covered), found.total, tuple(names), len(areas),
                             sum(len(area.needs) for area in areas))


# ------------------------------------------------------------------ citations


def need_text(need: ServiceNeed) -> str:
    """« Petite enfance : 40 places manquantes » in French, "Early childhood: 40 ..." else."""
    if need.figure is None:
        return need.text
    figure = format_fte(need.figure)
    amount = f"{figure} {need.unit}".strip()
    return _("{need}: {amount}").format(need=need.text, amount=amount)


@dataclass(frozen=True)
class DiagnosticLine:
    """A line a roadmap item may cite: a mission line of an organisation, or a need of a
    bassin de vie, said in words."""

    id: str
    text: str


def diagnostic_lines(records: Iterable[OrganisationMissions], areas: Iterable[LivingArea],
                     actors: Sequence[Actor], own: Sequence[Mission]) -> list[DiagnosticLine]:
    """Every citable line: the organisations' missions by organisation name, then the needs
    of each bassin de vie."""
    names = {actor.id: actor.name for actor in actors}
    found: list[DiagnosticLine] = []
    for actor_id, lines in sorted(lines_by_organisation(records).items(),
                                  key=lambda pair: names.get(pair[0], "").casefold()):
        for line in lines:
            found.append(DiagnosticLine(line.id, _("{organisation} · {mission} ({fte} FTE)").format(
                organisation=names.get(actor_id, "?"), mission=mission_name(line.mission, own),
                fte=format_fte(line.fte))))
    for area in sorted(areas, key=lambda area: area.name.casefold()):
        found.extend(DiagnosticLine(need.id, _("{area} · {need}").format(
            area=area.name, need=need_text(need))) for need in area.needs)
    return found


def cited_lines(item: RoadmapItem, lines: Sequence[DiagnosticLine]) -> list[DiagnosticLine]:
    """The lines a roadmap item cites that still exist, in the order it cites them."""
    by_id = {line.id: line for line in lines}
    return [by_id[line_id] for line_id in item.answers if line_id in by_id]


# ------------------------------------------------------------------ an actor deleted


def without_actor(records: Iterable[OrganisationMissions], areas: Iterable[LivingArea],
                  gone: str, new: str | None) -> tuple[list[OrganisationMissions | LivingArea],
                                                       list[OrganisationMissions]]:
    """What deleting actor ``gone`` does to the diagnostic: its own records go with it; as
    a partner it is replaced by ``new`` (or dropped), and it leaves the bassins de vie.
    The records to save and the records to delete."""
    saved: list[OrganisationMissions | LivingArea] = []
    deleted: list[OrganisationMissions] = []
    for record in records:
        if record.actor_id == gone:
            deleted.append(record)
            continue
        if not any(gone in line.shared_with for line in record.missions):
            continue
        changed = record.model_copy(deep=True)
        for line in changed.missions:
            partners = [new if ref == gone else ref for ref in line.shared_with]
            line.shared_with = list(dict.fromkeys(
                ref for ref in partners if ref is not None and ref != record.actor_id))
        saved.append(changed)
    for area in areas:
        if any(commune.actor_id == gone for commune in area.communes):
            kept = area.model_copy(deep=True)
            kept.communes = [c for c in kept.communes if c.actor_id != gone]
            saved.append(kept)
    return saved, deleted
