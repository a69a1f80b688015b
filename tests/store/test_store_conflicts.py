"""Conflicts a merge recorded, as the app lists and settles them (Repository API)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from coop_tui.store.conflicts import ConflictPlaceGone
from coop_tui.store.database import open_store
from coop_tui.store.merge import merge_documents
from coop_tui.store.models import Actor, Conflict, Meeting, Relation
from coop_tui.store.repository import Repository
from coop_tui.store.storage import serialise
from tests.store.test_store_merge import NOW, Documents, base_documents, edited, first


def conflicting(base: Documents) -> tuple[Documents, Documents]:
    """Two sides: a name, an agenda item's notes and a relation, each changed two ways."""
    relation_id = next(iter(base["relations"]))

    def ours(d: Documents) -> None:
        first(d, "actors", name="Lormes")["name"] = "Lormes-Ouest"
        first(d, "meetings")["agenda"][0]["notes"] = "Accueil du maire.\n"
        d["relations"].pop(relation_id)

    def theirs(d: Documents) -> None:
        first(d, "actors", name="Lormes")["name"] = "Lormes-Est"
        first(d, "meetings")["agenda"][0]["notes"] = "Accueil par la présidente.\n"
        d["relations"][relation_id]["note"] = "Réconciliés"

    return edited(base, ours), edited(base, theirs)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Repository]:
    base = base_documents()
    result = merge_documents(base, *conflicting(base), now=NOW)
    assert result.ok and len(result.conflicts) == 3
    path = tmp_path / "val.json"
    path.write_bytes(serialise(result.documents))
    repository = open_store(path)
    yield repository
    repository.close()


def conflict_on(repository: Repository, table: str, field_start: str) -> Conflict:
    return next(c for c in repository.conflicts
                if c.record_table == table and c.field.startswith(field_start))


def reopened(repository: Repository) -> Repository:
    repository.close()
    return open_store(repository.path)


def test_conflicts_are_listed_and_found_by_record(store: Repository) -> None:
    assert len(store.conflicts) == 3
    lormes = next(a for a in store.actors if a.name == "Lormes-Ouest")
    [conflict] = store.conflicts_of(lormes)
    assert (conflict.field, conflict.ours, conflict.theirs) == ("name", "Lormes-Ouest",
                                                                "Lormes-Est")


def test_keep_ours_drops_the_value_set_aside(store: Repository) -> None:
    conflict = conflict_on(store, "actors", "name")
    store.keep_ours(conflict)
    again = reopened(store)
    try:
        assert len(again.conflicts) == 2
        assert any(a.name == "Lormes-Ouest" for a in again.actors)
    finally:
        again.close()


def test_keep_theirs_puts_the_value_set_aside_in_place(store: Repository) -> None:
    store.keep_theirs(conflict_on(store, "actors", "name"))
    store.keep_theirs(conflict_on(store, "meetings", "agenda."))
    again = reopened(store)
    try:
        assert any(a.name == "Lormes-Est" for a in again.actors)
        assert again.meetings[0].agenda[0].notes == "Accueil par la présidente.\n"
        assert len(again.conflicts) == 1
    finally:
        again.close()


def test_a_new_value_settles_it(store: Repository) -> None:
    store.resolve(conflict_on(store, "actors", "name"), "Lormes-Centre")
    assert [a.name for a in store.actors if a.name.startswith("Lormes")] == ["Lormes-Centre"]
    assert len(store.conflicts) == 2


def test_a_whole_record_conflict_settles_on_deleting_or_keeping(store: Repository) -> None:
    conflict = conflict_on(store, "relations", "")
    assert conflict.theirs is None and store.count(Relation) == 1
    store.keep_theirs(conflict)
    assert store.count(Relation) == 0 and len(store.conflicts) == 2


def test_a_value_the_record_cannot_hold_changes_nothing(store: Repository) -> None:
    conflict = conflict_on(store, "actors", "name")
    with pytest.raises(ValidationError):
        store.resolve(conflict, "")
    assert len(store.conflicts) == 3
    assert any(a.name == "Lormes-Ouest" for a in store.all(Actor))


def test_a_part_deleted_since_has_no_place_for_the_value(store: Repository) -> None:
    conflict = conflict_on(store, "meetings", "agenda.")
    meeting = store.meetings[0].model_copy(deep=True)
    meeting.agenda = []
    store.save(meeting)
    with pytest.raises(ConflictPlaceGone):
        store.keep_theirs(conflict)
    assert store.get(Meeting, meeting.id) is not None and len(store.conflicts) == 3
