"""The diagnostic's tables: stored under their ids, checked like every record, and a store
written before they existed still opens."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from coop_tui.store.database import open_store
from coop_tui.store.errors import IntegrityError
from coop_tui.store.merge import documents_of, merge_documents
from coop_tui.store.missions import REFERENCE_MISSIONS, reference_mission
from coop_tui.store.models import (
    Actor,
    ActorKind,
    AreaCommune,
    LivingArea,
    Mission,
    MissionStaff,
    OrganisationMissions,
    RoadmapItem,
    ServiceNeed,
    Territory,
)
from coop_tui.store.repository import Repository


def _commune(repository: Repository, name: str = "Saint-Test") -> Actor:
    actor = Actor(name=name, kind=ActorKind.COMMUNE)
    repository.save(actor)
    return actor


def test_reference_missions_have_unique_ascii_keys_and_both_names() -> None:
    keys = [spec.key for spec in REFERENCE_MISSIONS]
    assert len(keys) == len(set(keys))
    assert all(key.isascii() and key.islower() for key in keys)
    assert all(spec.fr and spec.en for spec in REFERENCE_MISSIONS)
    assert reference_mission("civil_status") is not None
    assert reference_mission("nothing") is None


def test_a_diagnostic_survives_a_reopen(empty_repository: Repository) -> None:
    commune = _commune(empty_repository)
    own = Mission(name="Médiathèque")
    line = MissionStaff(mission="civil_status", fte=0.5, category_c=1, shared=False)
    mine = MissionStaff(mission=own.id, fte=1.25)
    record = OrganisationMissions(actor_id=commune.id, missions=[line, mine])
    area = LivingArea(name="Bassin nord",
                      communes=[AreaCommune(actor_id=commune.id, insee="01053")],
                      needs=[ServiceNeed(text="Petite enfance", figure=40,
                                         unit="places manquantes")])
    item = RoadmapItem(objective="Crèche intercommunale", answers=[area.needs[0].id, line.id])
    empty_repository.save(own, record, area, item)
    path = empty_repository.path
    empty_repository.close()
    again = open_store(path, read_only=True)
    try:
        assert again.diagnostic == [record]
        assert again.missions == [own]
        assert again.living_areas == [area]
        assert again.get(RoadmapItem, item.id) == item
    finally:
        again.close()


def test_a_mission_that_is_neither_a_reference_nor_a_record_is_refused(
    empty_repository: Repository,
) -> None:
    commune = _commune(empty_repository)
    record = OrganisationMissions(actor_id=commune.id, missions=[
        MissionStaff(mission="b5a2c1d0-0000-4000-8000-000000000000", fte=1)])
    with pytest.raises(IntegrityError, match="missions"):
        empty_repository.save(record)


def test_an_organisation_or_a_commune_that_is_not_an_actor_is_refused(
    empty_repository: Repository,
) -> None:
    ghost = "b5a2c1d0-0000-4000-8000-000000000001"
    with pytest.raises(IntegrityError, match="actor_id"):
        empty_repository.save(OrganisationMissions(actor_id=ghost))
    with pytest.raises(IntegrityError, match=r"communes\.actor_id"):
        empty_repository.save(LivingArea(name="Sud", communes=[AreaCommune(actor_id=ghost)]))
    commune = _commune(empty_repository)
    with pytest.raises(IntegrityError, match="shared_with"):
        empty_repository.save(OrganisationMissions(actor_id=commune.id, missions=[
            MissionStaff(mission="it", shared=True, shared_with=[ghost])]))


@pytest.mark.parametrize("fte", [-0.5, float("nan"), float("inf")])
def test_fte_is_a_finite_number_not_below_zero(fte: float) -> None:
    with pytest.raises(ValidationError):
        MissionStaff(mission="it", fte=fte)


@pytest.mark.parametrize(("given", "kept"), [("01053", "01053"), ("2a004", "2A004"),
                                             ("", "")])
def test_insee_codes_are_five_characters(given: str, kept: str) -> None:
    assert AreaCommune(actor_id="b5a2c1d0-0000-4000-8000-000000000001",
                       insee=given).insee == kept


@pytest.mark.parametrize("given", ["1053", "010533", "ABCDE", "3A004", "０１０５３"])
def test_a_wrong_insee_code_is_refused(given: str) -> None:
    with pytest.raises(ValidationError, match="INSEE"):
        AreaCommune(actor_id="b5a2c1d0-0000-4000-8000-000000000001", insee=given)


def test_a_store_written_before_the_diagnostic_opens(demo_path: Path) -> None:
    data = orjson.loads(demo_path.read_bytes())
    for table in ("missions", "diagnostic", "living_areas"):
        data.pop(table, None)
    for item in data["roadmap"].values():
        item.pop("answers", None)
    demo_path.write_bytes(orjson.dumps(data))
    repository = open_store(demo_path, read_only=True)
    try:
        assert repository.diagnostic == []
        assert all(item.answers == [] for item in repository.roadmap)
    finally:
        repository.close()


def test_two_copies_adding_lines_to_one_organisation_merge_line_by_line() -> None:
    territory = Territory(name="Val", mandate_start=date(2026, 3, 15),
                          mandate_end=date(2032, 3, 15))
    commune = Actor(name="Cressy", kind=ActorKind.COMMUNE)
    record = OrganisationMissions(actor_id=commune.id,
                                  missions=[MissionStaff(mission="roads", fte=0.5)])

    def copy(*lines: MissionStaff) -> dict[str, dict[str, Any]]:
        changed = record.model_copy(deep=True)
        changed.missions += list(lines)
        return documents_of({r.table: {r.id: r} for r in (territory, commune)}
                            | {changed.table: {changed.id: changed}})

    base = copy()
    ours = copy(MissionStaff(mission="civil_status", fte=0.3))
    theirs = copy(MissionStaff(mission="it", fte=0.1))
    result = merge_documents(base, ours, theirs, now=datetime(2026, 11, 26, tzinfo=UTC))
    assert result.conflicts == [] and result.problems == []
    merged = OrganisationMissions.model_validate(result.documents["diagnostic"][record.id])
    assert sorted(line.mission for line in merged.missions) == ["civil_status", "it", "roads"]
