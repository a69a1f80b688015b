"""The private sidecar (store/private.py): split on save, joined on open."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from coop_tui.store import backups
from coop_tui.store.database import check, create, data_from_records, open_store
from coop_tui.store.errors import StoreError
from coop_tui.store.models import Actor, Relation, Territory
from coop_tui.store.private import join, sidecar_path, split
from tests.store.test_store_merge import base_records


def read(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def shared_store(tmp_path: Path) -> Path:
    records = base_records()
    territory = records[0]
    assert isinstance(territory, Territory)
    territory.private_apart = True
    path = tmp_path / "val.json"
    create(path, data_from_records(records))
    open_store(path).close()  # a plain create writes one file; the first save splits
    repository = open_store(path)
    try:
        repository.save(repository.territory.model_copy(deep=True))
    finally:
        repository.close()
    return path


def test_split_then_join_gives_the_data_back() -> None:
    data = data_from_records(base_records())
    shared, private = split(data)
    assert shared["relations"] == {} and private["relations"] == data["relations"]
    assert all("private" not in d for d in shared["actors"].values())
    assert join(shared, private) == data


def test_saving_splits_and_opening_joins(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    sidecar = sidecar_path(path)
    assert sidecar.name == "val.private.json" and sidecar.stat().st_mode & 0o777 == 0o600
    assert all("private" not in d for d in read(path)["actors"].values())
    repository = open_store(path, read_only=True)
    try:
        mayor = next(a for a in repository.actors if a.name == "Anne Martin")
        assert mayor.private.stance == "Porte le projet."
        assert repository.count(Relation) == 1
    finally:
        repository.close()


def test_private_parts_of_records_deleted_elsewhere_are_left_out(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    data = read(path)
    lormes = next(k for k, d in data["actors"].items() if d["name"] == "Lormes")
    del data["actors"][lormes]  # a colleague deleted it (the relation pointed at it)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert check(path) == []
    repository = open_store(path)
    try:
        assert repository.count(Relation) == 0
        assert repository.get(Actor, lormes) is None
    finally:
        repository.close()
    [kept] = backups.backups(sidecar_path(path))[:1]
    assert lormes in read(kept)["relations"][next(iter(read(kept)["relations"]))].values()


def test_a_sidecar_that_is_not_json_is_named(tmp_path: Path) -> None:
    path = shared_store(tmp_path)
    sidecar_path(path).write_text("{", encoding="utf-8")
    [problem] = check(path)
    assert problem.where == "val.private.json" and problem.kind == "json_invalid"


def test_an_inline_store_ignores_a_stray_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "val.json"
    create(path, data_from_records(base_records()))
    sidecar_path(path).write_text("{", encoding="utf-8")
    assert check(path) == []


def test_a_planted_link_in_place_of_the_sidecar_is_refused(tmp_path: Path) -> None:
    """A neighbour's symlink put in place of the sidecar is neither read nor written
    through: the store says why in one line and the file linked to is left as it was."""
    path = shared_store(tmp_path)
    sidecar = sidecar_path(path)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("{}", encoding="utf-8")
    sidecar.unlink()
    os.symlink(elsewhere, sidecar)
    with pytest.raises(StoreError):
        open_store(path)
    assert elsewhere.read_text(encoding="utf-8") == "{}"

