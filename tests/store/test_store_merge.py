"""The three-way merge of two copies of a store (store/merge.py): examples, then properties
over random edit scripts."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coop_tui.store.database import parse
from coop_tui.store.merge import Documents, MergeResult, documents_of, merge_documents, merge_lines
from coop_tui.store.models import (
    Actor,
    AgendaItem,
    Attendance,
    Conflict,
    Lever,
    LocalizedText,
    Meeting,
    PrivateReading,
    Record,
    Relation,
    Territory,
)
from coop_tui.store.storage import serialise

NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


def base_records() -> list[Record]:
    territory = Territory(name="CC du Val Test", communes=["Brêves", "Lormes"],
                          mandate_start=date(2020, 7, 1), mandate_end=date(2026, 3, 31))
    breves = Actor(name="Brêves", kind="commune")
    lormes = Actor(name="Lormes", kind="commune")
    mayor = Actor(name="Anne Martin", kind="elected", parent_id=breves.id,
                  private=PrivateReading(stance="Porte le projet."))
    relation = Relation(source_id=breves.id, target_id=lormes.id, kind="tension")
    lever = Lever(category="regulatory", title=LocalizedText(fr="Schéma"))
    copil = Meeting(title="COPIL n°1", kind="copil", on=date(2026, 2, 10),
                    attendance=[Attendance(actor_id=mayor.id)],
                    agenda=[AgendaItem(title="Ouverture", notes="Accueil.\nTour de table.\n")],
                    private_notes="Première ligne.\nDeuxième ligne.\nTroisième ligne.\n")
    records: list[Record] = [territory, breves, lormes, mayor, relation, lever, copil]
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for seconds, record in enumerate(records):
        record.created = record.updated = start + timedelta(seconds=seconds)
    return records


def base_documents() -> Documents:
    documents: Documents = {}
    for record in base_records():
        documents.setdefault(record.table, {})[record.id] = record.model_dump(mode="json")
    return documents


def first(documents: Documents, table: str, **match: Any) -> dict[str, Any]:
    return next(d for d in documents[table].values()
                if all(d.get(k) == v for k, v in match.items()))


def edited(documents: Documents, change: Callable[[Documents], object]) -> Documents:
    side = copy.deepcopy(documents)
    change(side)
    return side


def merged(base: Documents, ours: Documents, theirs: Documents) -> MergeResult:
    result = merge_documents(base, ours, theirs, now=NOW)
    if result.ok:  # every merged store reads back as a store file
        parse(Path("merged.json"), serialise(result.documents))
    return result


def new_actor(name: str) -> dict[str, Any]:
    return Actor(name=name, kind="association", created=NOW, updated=NOW).model_dump(mode="json")


def add(documents: Documents, record: dict[str, Any], table: str = "actors") -> None:
    documents[table][record["id"]] = record


# ---------------------------------------------------------------------------- texts


def test_lines_changed_apart_merge_and_overlapping_ones_do_not() -> None:
    assert merge_lines("a\nb\nc\nd\n", "A\nb\nc\nd\n", "a\nb\nc\nD\n") == "A\nb\nc\nD\n"
    assert merge_lines("a\nb\n", "a\nb\nc\n", "a\nb\nc\n") == "a\nb\nc\n"
    assert merge_lines("a\nb\n", "a\nX\n", "a\nY\n") is None
    assert merge_lines("a\nb\nc\n", "a\nX\nc\n", "a\nb\nY\nc\n") is None  # touching


# ---------------------------------------------------------------------------- examples


def test_records_added_on_both_sides_are_all_kept() -> None:
    base = base_documents()
    ours = edited(base, lambda d: add(d, new_actor("Mairie de Cressy")))
    theirs = edited(base, lambda d: add(d, new_actor("Office de tourisme")))
    result = merged(base, ours, theirs)
    assert result.ok and result.conflicts == []
    names = {d["name"] for d in result.documents["actors"].values()}
    assert {"Mairie de Cressy", "Office de tourisme", "Brêves"} <= names


def test_fields_changed_on_one_side_each_are_both_taken() -> None:
    base = base_documents()
    ours = edited(base, lambda d: first(d, "actors", name="Lormes").update(
        responsibilities="Voirie"))
    theirs = edited(base, lambda d: first(d, "actors", name="Lormes").update(tags=["rural"]))
    result = merged(base, ours, theirs)
    lormes = first(result.documents, "actors", name="Lormes")
    assert (lormes["responsibilities"], lormes["tags"]) == ("Voirie", ["rural"])
    assert result.conflicts == []


def test_a_record_deleted_on_one_side_and_untouched_on_the_other_is_deleted() -> None:
    base = base_documents()
    relation_id = next(iter(base["relations"]))
    ours = edited(base, lambda d: d["relations"].pop(relation_id))
    result = merged(base, ours, base)
    assert result.documents["relations"] == {} and result.conflicts == []


def test_a_record_deleted_on_one_side_and_edited_on_the_other_stays_as_a_conflict() -> None:
    base = base_documents()
    relation_id = next(iter(base["relations"]))
    ours = edited(base, lambda d: d["relations"].pop(relation_id))
    theirs = edited(base, lambda d: d["relations"][relation_id].update(note="Réconciliés"))
    result = merged(base, ours, theirs)
    assert result.documents["relations"][relation_id]["note"] == "Réconciliés"
    [conflict] = result.conflicts
    assert (conflict.record_table, conflict.record_id, conflict.field) == (
        "relations", relation_id, "")
    assert conflict.theirs is None and isinstance(conflict.ours, dict)


def test_a_field_changed_two_ways_keeps_ours_in_place_and_theirs_aside() -> None:
    base = base_documents()
    ours = edited(base, lambda d: first(d, "actors", name="Lormes").update(name="Lormes-Ouest"))
    theirs = edited(base, lambda d: first(d, "actors", name="Lormes").update(name="Lormes-Est"))
    result = merged(base, ours, theirs)
    assert any(d["name"] == "Lormes-Ouest" for d in result.documents["actors"].values())
    [conflict] = result.conflicts
    assert (conflict.field, conflict.base, conflict.ours, conflict.theirs) == (
        "name", "Lormes", "Lormes-Ouest", "Lormes-Est")
    assert result.documents["conflicts"][conflict.id]["theirs"] == "Lormes-Est"
    swapped = merged(base, theirs, ours)
    [other] = swapped.conflicts
    assert other.id == conflict.id and (other.ours, other.theirs) == ("Lormes-Est",
                                                                     "Lormes-Ouest")


def test_notes_edited_on_different_lines_merge_without_conflict() -> None:
    base = base_documents()

    def first_line(d: Documents) -> None:
        meeting = first(d, "meetings", title="COPIL n°1")
        meeting["private_notes"] = meeting["private_notes"].replace("Première", "1re")
        meeting["agenda"][0]["notes"] += "Point voirie.\n"

    def last_line(d: Documents) -> None:
        meeting = first(d, "meetings", title="COPIL n°1")
        meeting["private_notes"] = meeting["private_notes"].replace("Troisième", "3e")
        meeting["agenda"].append(AgendaItem(title="Divers").model_dump(mode="json"))

    result = merged(base, edited(base, first_line), edited(base, last_line))
    meeting = first(result.documents, "meetings", title="COPIL n°1")
    assert meeting["private_notes"] == "1re ligne.\nDeuxième ligne.\n3e ligne.\n"
    assert [item["title"] for item in meeting["agenda"]] == ["Ouverture", "Divers"]
    assert meeting["agenda"][0]["notes"].endswith("Point voirie.\n")
    assert result.conflicts == []


def test_overlapping_note_edits_become_a_conflict_on_the_path_of_the_text() -> None:
    base = base_documents()
    item_id = first(base, "meetings")["agenda"][0]["id"]

    def notes(text: str) -> Callable[[Documents], None]:
        return lambda d: first(d, "meetings")["agenda"][0].update(notes=text)

    result = merged(base, edited(base, notes("Accueil du maire.\n")),
                    edited(base, notes("Accueil par la présidente.\n")))
    [conflict] = result.conflicts
    assert conflict.field == f"agenda.{item_id}.notes"
    assert conflict.theirs == "Accueil par la présidente.\n"


def test_a_deleted_actor_another_side_still_refers_to_comes_back_as_a_conflict() -> None:
    base = base_documents()
    lormes = first(base, "actors", name="Lormes")
    relation_id = next(iter(base["relations"]))

    def delete_lormes(d: Documents) -> None:
        d["relations"].pop(relation_id)
        d["actors"].pop(lormes["id"])

    def meet_lormes(d: Documents) -> None:
        add(d, Meeting(title="Bilatérale", on=date(2026, 3, 1),
                       attendance=[Attendance(actor_id=lormes["id"])]).model_dump(mode="json"),
            "meetings")

    result = merged(base, edited(base, delete_lormes), edited(base, meet_lormes))
    assert result.ok
    assert lormes["id"] in result.documents["actors"]
    assert [(c.record_id, c.field, c.theirs) for c in result.conflicts] == [
        (lormes["id"], "", None)]


def test_a_merge_that_cannot_make_a_valid_store_says_why() -> None:
    base = base_documents()
    breves, lormes = first(base, "actors", name="Brêves"), first(base, "actors", name="Lormes")
    ours = edited(base, lambda d: d["actors"][breves["id"]].update(parent_id=lormes["id"]))
    theirs = edited(base, lambda d: d["actors"][lormes["id"]].update(parent_id=breves["id"]))
    result = merge_documents(base, ours, theirs, now=NOW)
    assert not result.ok
    assert [p.kind for p in result.problems] == ["cycle", "cycle"]


def test_a_merged_record_the_models_refuse_falls_back_to_ours_with_conflicts() -> None:
    base = base_documents()

    def dates(start: str | None, end: str | None) -> Callable[[Documents], None]:
        return lambda d: first(d, "meetings").update(start=start, end=end)

    ours = edited(base, dates("10:00:00", None))
    theirs = edited(base, dates(None, "09:00:00"))
    result = merged(base, ours, theirs)
    meeting = first(result.documents, "meetings")
    assert (meeting["start"], meeting["end"]) == ("10:00:00", None)
    assert sorted((c.field, c.ours, c.theirs) for c in result.conflicts) == [
        ("end", None, "09:00:00"), ("start", "10:00:00", None)]


# ---------------------------------------------------------------------------- properties

Edit = tuple[str, int, str]
EDITS = ("add_actor", "rename", "stance", "notes_first", "notes_append", "agenda_add",
         "delete_relation", "tag", "delete_added")


def apply_script(base: Documents, script: list[Edit]) -> Documents:
    """One person's session: each edit keeps the store valid."""
    side = copy.deepcopy(base)
    for kind, index, text in script:
        actors = sorted(side["actors"].values(), key=lambda d: (d["created"], d["id"]))
        actor = actors[index % len(actors)]
        meeting = first(side, "meetings")
        if kind == "add_actor":
            add(side, new_actor(f"Acteur {text}"))
        elif kind == "rename":
            actor["name"] = f"{actor['name']} {text}"
        elif kind == "stance":
            actor["private"]["stance"] = f"Lecture {text}"
        elif kind == "notes_first":
            lines = meeting["private_notes"].splitlines(keepends=True)
            lines[0] = f"Début {text}\n"
            meeting["private_notes"] = "".join(lines)
        elif kind == "notes_append":
            meeting["private_notes"] += f"Ajout {text}\n"
        elif kind == "agenda_add":
            meeting["agenda"].append(AgendaItem(title=f"Point {text}").model_dump(mode="json"))
        elif kind == "delete_relation":
            side["relations"].clear()
        elif kind == "tag":
            actor["tags"] = sorted({*actor["tags"], f"t{text}"})
        elif kind == "delete_added":
            added = [a for a in actors if a["id"] not in base["actors"]]
            if added:
                side["actors"].pop(added[index % len(added)]["id"])
    return side


scripts = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 20),
                             st.text("abcxyz", min_size=1, max_size=3)), max_size=8)
PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


def changed_fields(base: Documents, side: Documents) -> list[tuple[str, str, str | None]]:
    """(table, id, field) of every record a side added (field None) or field it changed."""
    found: list[tuple[str, str, str | None]] = []
    for table, documents in side.items():
        for record_id, document in documents.items():
            old = base.get(table, {}).get(record_id)
            if old is None:
                found.append((table, record_id, None))
                continue
            found += [(table, record_id, name) for name in document
                      if name != "updated" and document[name] != old.get(name)]
    return found


def kept(result: MergeResult, table: str, record_id: str, name: str, value: Any,
         base_value: Any) -> bool:
    """Whether a side's value of a field survives: in place, set aside in a conflict, or
    (a text, a list) every line or item it added is in the merged value."""
    merged_value = result.documents[table].get(record_id, {}).get(name)
    if merged_value == value:
        return True
    if any(c.record_id == record_id and (c.field == name or c.field.startswith(f"{name}."))
           for c in result.conflicts):
        return True
    if isinstance(value, str) and isinstance(merged_value, str):
        added = set(value.splitlines()) - set(str(base_value or "").splitlines())
        return added <= set(merged_value.splitlines())
    if isinstance(value, list) and isinstance(merged_value, list):
        return all(item in merged_value for item in value if item not in (base_value or []))
    if isinstance(value, dict) and isinstance(merged_value, dict):
        return all(kept(MergeResult({"x": {"r": merged_value}}, result.conflicts), "x", "r",
                        key, item, (base_value or {}).get(key))
                   for key, item in value.items() if item != (base_value or {}).get(key))
    return False


@PROPERTIES
@given(scripts, scripts)
def test_nothing_created_or_changed_on_one_side_is_lost(ours_script: list[Edit],
                                                        theirs_script: list[Edit]) -> None:
    base = base_documents()
    ours, theirs = apply_script(base, ours_script), apply_script(base, theirs_script)
    result = merged(base, ours, theirs)
    assert result.ok, result.problems
    for side in (ours, theirs):
        for table, record_id, name in changed_fields(base, side):
            assert record_id in result.documents[table]
            if name is not None:
                value = side[table][record_id][name]
                assert kept(result, table, record_id, name, value,
                            base[table][record_id].get(name)), (table, name, value)


@PROPERTIES
@given(scripts)
def test_merging_a_side_with_an_untouched_base_gives_that_side(script: list[Edit]) -> None:
    base = base_documents()
    side = apply_script(base, script)
    for result in (merged(base, side, base), merged(base, base, side)):
        assert result.conflicts == []
        assert {t: d for t, d in result.documents.items() if d} == {
            t: d for t, d in side.items() if d}


def blank(document: Any, path: list[str]) -> None:
    """Replace the value at ``path`` (field names and part ids) by a mark."""
    for step in path[:-1]:
        document = (next(item for item in document if item.get("id") == step)
                    if isinstance(document, list) else document[step])
    if isinstance(document, list):
        index = next(i for i, item in enumerate(document) if item.get("id") == path[-1])
        document[index] = "<conflict>"
    else:
        document[path[-1]] = "<conflict>"


def without_conflicting_values(result: MergeResult) -> Documents:
    documents = copy.deepcopy(result.documents)
    conflicts = documents.pop("conflicts")
    for conflict in conflicts.values():
        table = documents[conflict["record_table"]]
        if conflict["field"]:
            blank(table[conflict["record_id"]], conflict["field"].split("."))
        else:
            table[conflict["record_id"]] = "<conflict>"
    return documents


@PROPERTIES
@given(scripts, scripts)
# Both sides add the same tag, then one more each: "a" must not take its side's next tag
# along with it.
@example([("tag", 0, "a"), ("tag", 0, "b")], [("tag", 0, "a"), ("tag", 0, "aa")])
def test_swapping_the_sides_changes_at_most_which_value_of_a_conflict_stays(
        ours_script: list[Edit], theirs_script: list[Edit]) -> None:
    base = base_documents()
    ours, theirs = apply_script(base, ours_script), apply_script(base, theirs_script)
    one, other = merged(base, ours, theirs), merged(base, theirs, ours)
    assert without_conflicting_values(one) == without_conflicting_values(other)
    assert {c.id: {repr(c.ours), repr(c.theirs)} for c in one.conflicts} == {
        c.id: {repr(c.ours), repr(c.theirs)} for c in other.conflicts}


def test_documents_of_writes_every_field() -> None:
    records = base_records()
    documents = documents_of({r.table: {r.id: r} for r in records[:1]})
    assert documents["territory"][records[0].id]["schema_version"] == 2


def test_conflict_records_validate_as_part_of_a_store(tmp_path: Path) -> None:
    base = base_documents()
    ours = edited(base, lambda d: first(d, "actors", name="Lormes").update(name="A"))
    theirs = edited(base, lambda d: first(d, "actors", name="Lormes").update(name="B"))
    result = merged(base, ours, theirs)
    loaded = parse(tmp_path / "m.json", serialise(result.documents))
    [conflict] = loaded.records[Conflict.table].values()
    assert isinstance(conflict, Conflict) and conflict.created == NOW


def test_an_empty_base_is_a_file_both_sides_added() -> None:
    base = base_documents()
    ours = edited(base, lambda d: add(d, new_actor("Mairie de Cressy")))
    result = merged({}, ours, base)
    assert result.ok and result.conflicts == []
    assert result.documents["actors"] == ours["actors"]
