"""Rules that span records: references that must exist, chains that must not loop.

The same rules run when a file is loaded (every record) and when a record is saved (that
record), so a store never holds a reference to nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from coop_tui.store.errors import Problem
from coop_tui.store.missions import reference_mission
from coop_tui.store.models import (
    Actor,
    Lever,
    LivingArea,
    LocalizedText,
    Meeting,
    OrganisationMissions,
    Record,
    Relation,
    RoadmapItem,
    Territory,
)
from coop_tui.store.text import N_

# table -> {id: record}
Records = Mapping[str, Mapping[str, Record]]

MISSING = N_("{field} refers to {ref}, which is not in {kind}")
CYCLE = N_("{field} makes a loop ({path})")


def label(record: Record) -> str:
    """How a problem names a record: its table, its name and the start of its id."""
    name = ""
    for attribute in ("name", "title", "objective"):
        value = getattr(record, attribute, None)
        if isinstance(value, LocalizedText):
            value = value.get("fr")
        if isinstance(value, str) and value:
            name = f" « {value} »"
            break
    return f"{record.table}{name} ({record.id[:8]})"


def _missing(record: Record, field: str, table: str, ref: str) -> Problem:
    return Problem(label(record), "missing_reference", MISSING,
                   {"field": field, "kind": table, "ref": ref[:8]})


def _refs(
    record: Record, records: Records, table: str, pairs: Iterable[tuple[str, str | None]]
) -> list[Problem]:
    known = records.get(table, {})
    return [
        _missing(record, field, table, ref)
        for field, ref in pairs
        if ref is not None and ref not in known
    ]


def _cycle(
    record: Record, field: str, start: str, following: Callable[[str], Iterable[str]]
) -> Problem | None:
    """A loop back to ``start`` when walking ``following`` from it, if there is one."""
    stack = [(ref, [start, ref]) for ref in following(start)]
    seen: set[str] = set()
    while stack:
        current, path = stack.pop()
        if current == start:
            return Problem(label(record), "cycle", CYCLE,
                           {"field": field, "path": " → ".join(p[:8] for p in path)})
        if current in seen:
            continue
        seen.add(current)
        stack.extend((ref, [*path, ref]) for ref in following(current))
    return None


def _actor(actor: Actor, records: Records) -> list[Problem]:
    problems = _refs(actor, records, "actors", [("parent_id", actor.parent_id)])
    actors = records.get("actors", {})

    def parent_of(actor_id: str) -> list[str]:
        found = actor if actor_id == actor.id else actors.get(actor_id)
        parent = getattr(found, "parent_id", None)
        return [parent] if parent else []

    loop = _cycle(actor, "parent_id", actor.id, parent_of)
    return problems + ([loop] if loop else [])


def _relation(relation: Relation, records: Records) -> list[Problem]:
    return _refs(relation, records, "actors",
                 [("source_id", relation.source_id), ("target_id", relation.target_id)])


def _lever(lever: Lever, records: Records) -> list[Problem]:
    return _refs(lever, records, "actors", [("owner_id", lever.owner_id)])


def _roadmap_item(item: RoadmapItem, records: Records) -> list[Problem]:
    problems = _refs(item, records, "levers", [("lever_id", item.lever_id)])
    problems += _refs(item, records, "actors",
                      [("owner_ids", ref) for ref in item.owner_ids]
                      + [("partner_ids", ref) for ref in item.partner_ids])
    problems += _refs(item, records, "roadmap", [("depends_on", ref) for ref in item.depends_on])
    problems += _refs(item, records, "meetings", [("meeting_id", item.meeting_id)])
    items = records.get("roadmap", {})

    def dependencies(item_id: str) -> list[str]:
        found = item if item_id == item.id else items.get(item_id)
        return list(getattr(found, "depends_on", []))

    loop = _cycle(item, "depends_on", item.id, dependencies)
    return problems + ([loop] if loop else [])


def _meeting(meeting: Meeting, records: Records) -> list[Problem]:
    actors: list[tuple[str, str | None]] = [
        ("facilitator_id", meeting.facilitator_id),
        ("note_taker_id", meeting.note_taker_id),
        ("secretary_id", meeting.secretary_id),
    ]
    for row in meeting.attendance:
        actors += [("attendance", row.actor_id), ("attendance.proxy_id", row.proxy_id)]
    actors += [("actions.owner_id", action.owner_id) for action in meeting.actions]
    problems = _refs(meeting, records, "actors", actors)
    problems += _refs(meeting, records, "roadmap",
                      [("actions.roadmap_item_id", a.roadmap_item_id) for a in meeting.actions])
    problems += _refs(meeting, records, "meetings",
                      [("approved_in_id", meeting.approved_in_id),
                       ("approves_id", meeting.approves_id)])
    return problems


def _organisation_missions(record: OrganisationMissions, records: Records) -> list[Problem]:
    """The organisation and its partners are actors; a mission is a reference key or one
    of the territory's own missions."""
    actors = [("actor_id", record.actor_id)]
    actors += [("missions.shared_with", ref) for line in record.missions
               for ref in line.shared_with]
    problems = _refs(record, records, "actors", actors)
    problems += _refs(record, records, "missions",
                      [("missions.mission", line.mission) for line in record.missions
                       if reference_mission(line.mission) is None])
    return problems


def _living_area(area: LivingArea, records: Records) -> list[Problem]:
    return _refs(area, records, "actors",
                 [("communes.actor_id", commune.actor_id) for commune in area.communes])


def record_problems(record: Record, records: Records) -> list[Problem]:
    """Everything ``record`` refers to that ``records`` does not hold, and loops."""
    if isinstance(record, Actor):
        return _actor(record, records)
    if isinstance(record, Relation):
        return _relation(record, records)
    if isinstance(record, Lever):
        return _lever(record, records)
    if isinstance(record, RoadmapItem):
        return _roadmap_item(record, records)
    if isinstance(record, Meeting):
        return _meeting(record, records)
    if isinstance(record, OrganisationMissions):
        return _organisation_missions(record, records)
    if isinstance(record, LivingArea):
        return _living_area(record, records)
    return []


DUPLICATE_ID = N_("the id {ref} is used twice (also in {other})")
NO_TERRITORY = N_("the file holds no territory record")
MANY_TERRITORIES = N_("the file holds {count} territory records; one is expected")


def store_problems(records: Records) -> list[Problem]:
    """Every cross-record problem of a whole store."""
    problems: list[Problem] = []
    territories = records.get(Territory.table, {})
    if not territories:
        problems.append(Problem("territory", "no_territory", NO_TERRITORY))
    elif len(territories) > 1:
        problems.append(Problem("territory", "many_territories", MANY_TERRITORIES,
                                {"count": len(territories)}))
    for table in records.values():
        for record in table.values():
            problems.extend(record_problems(record, records))
    return problems
