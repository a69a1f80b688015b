"""The repository: one write per user action, rules across records, nothing half-written."""

from __future__ import annotations

import errno
import math
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from coop_tui.store import storage
from coop_tui.store.database import create, data_from_records, open_store
from coop_tui.store.errors import IntegrityError, ReadOnlyStore, SaveFailed
from coop_tui.store.models import (
    Action,
    Actor,
    Attendance,
    CommuneProfile,
    Lever,
    LocalizedText,
    Means,
    Meeting,
    Relation,
    RoadmapItem,
    Territory,
)
from coop_tui.store.repository import Repository
from coop_tui.store.storage import BackgroundWriter, DirectWriter

# ---------------------------------------------------------------------------- fixtures


@dataclass
class Sample:
    """The records of a small store, as built (the repository holds its own copies)."""

    territory: Territory
    commune: Actor
    neighbour: Actor
    mayor: Actor
    relation: Relation
    lever: Lever
    meeting: Meeting
    first: RoadmapItem
    second: RoadmapItem

    def records(self) -> list[Any]:
        return list(vars(self).values())


def build_sample() -> Sample:
    territory = Territory(name="CC du Val Test", mandate_start=date(2020, 7, 1),
                          mandate_end=date(2026, 3, 31))
    commune = Actor(name="Brêves", kind="commune")
    neighbour = Actor(name="Lormes", kind="commune")
    mayor = Actor(name="Anne Martin", kind="elected", parent_id=commune.id)
    relation = Relation(source_id=commune.id, target_id=neighbour.id, kind="cooperation")
    lever = Lever(category="human", title=LocalizedText(fr="Connaître chaque commune"),
                  owner_id=mayor.id)
    meeting = Meeting(title="Conférence des maires", kind="mayors_conference",
                      on=date(2026, 3, 2),
                      attendance=[Attendance(actor_id=mayor.id),
                                  Attendance(actor_id=neighbour.id, status="excused")],
                      actions=[Action(text="Envoyer le questionnaire", owner_id=mayor.id)])
    first = RoadmapItem(objective="Tour des communes", lever_id=lever.id,
                        owner_ids=[mayor.id], meeting_id=meeting.id)
    second = RoadmapItem(objective="Synthèse des profils", depends_on=[first.id])
    sample = Sample(territory, commune, neighbour, mayor, relation, lever, meeting, first,
                    second)
    # A second apart: the store serves records in the order they were created.
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for seconds, record in enumerate(sample.records()):
        record.created = record.updated = start + timedelta(seconds=seconds)
    return sample


@pytest.fixture
def sample() -> Sample:
    return build_sample()


@pytest.fixture
def path(tmp_path: Path, sample: Sample) -> Path:
    target = tmp_path / "val.json"
    create(target, data_from_records(sample.records()))
    return target


@pytest.fixture
def repo(path: Path) -> Iterator[Repository]:
    repository = open_store(path)
    yield repository
    repository.close()


@pytest.fixture
def submits(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every snapshot handed to a direct writer from now on."""
    payloads: list[bytes] = []
    real = DirectWriter.submit

    def counting(self: DirectWriter, payload: bytes) -> None:
        payloads.append(payload)
        real(self, payload)

    monkeypatch.setattr(DirectWriter, "submit", counting)
    return payloads


def on_disk(path: Path) -> dict[str, dict[str, Any]]:
    """The file's records by id, table by table."""
    data = orjson.loads(path.read_bytes())
    return {table: {doc["id"]: doc for doc in docs.values()} for table, docs in data.items()}


def copy_of(repository: Repository, record: Any) -> Any:
    """An editable copy of the live record, as a form would take."""
    live = repository.get(type(record), record.id)
    assert live is not None
    return live.model_copy(deep=True)


def refused_without_a_trace(
    repository: Repository, path: Path, submits: list[bytes], action: Callable[[], Any],
    error: type[Exception],
) -> Exception:
    """``action`` raises ``error`` and changes nothing: no write, same memory, same file."""
    before_file = path.read_bytes()
    before_records = {kind: list(repository.all(kind)) for kind in
                      (Territory, Actor, Relation, Lever, RoadmapItem, Meeting)}
    before_dumps = {kind: [r.model_dump() for r in records]
                    for kind, records in before_records.items()}
    revision = repository.revision
    count = len(submits)
    with pytest.raises(error) as caught:
        action()
    assert len(submits) == count
    assert path.read_bytes() == before_file
    assert repository.revision == revision
    for kind, records in before_records.items():
        assert repository.all(kind) == records
        assert [r.model_dump() for r in repository.all(kind)] == before_dumps[kind]
    return caught.value


# ---------------------------------------------------------------------------- one write


def test_saving_three_records_is_one_write(
    repo: Repository, path: Path, submits: list[bytes]
) -> None:
    new = [Actor(name=f"Commune {n}", kind="commune") for n in range(3)]
    repo.save(*new)
    assert len(submits) == 1
    stored = on_disk(path)["actors"]
    assert all(actor.id in stored for actor in new)
    assert orjson.loads(submits[0]) == orjson.loads(path.read_bytes())


def test_delete_and_replace_are_one_write_each(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    repo.delete(repo.get(RoadmapItem, sample.second.id))  # type: ignore[arg-type]
    assert len(submits) == 1
    meeting = copy_of(repo, sample.meeting)
    meeting.attendance = [row for row in meeting.attendance if row.actor_id != sample.neighbour.id]
    repo.replace([meeting], [copy_of(repo, sample.relation), sample.neighbour])
    assert len(submits) == 2
    stored = on_disk(path)
    assert sample.neighbour.id not in stored["actors"]
    assert sample.relation.id not in stored["relations"]
    assert sample.second.id not in stored["roadmap"]
    assert len(stored["meetings"][sample.meeting.id]["attendance"]) == 1


def test_background_saves_are_one_submit_per_action(path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    payloads: list[bytes] = []
    real = BackgroundWriter.submit

    def counting(self: BackgroundWriter, payload: bytes) -> None:
        payloads.append(payload)
        real(self, payload)

    monkeypatch.setattr(BackgroundWriter, "submit", counting)
    outcomes: list[Any] = []
    repository = open_store(path, background=True, on_save=outcomes.append)
    try:
        repository.save(*(Actor(name=f"Asso {n}", kind="association") for n in range(3)))
        assert len(payloads) == 1
        repository.flush()
        assert len(on_disk(path)["actors"]) == 6
        assert outcomes and outcomes[-1] is None
    finally:
        repository.close()


def test_save_sets_updated_and_keeps_created(
    repo: Repository, path: Path, sample: Sample
) -> None:
    actor = copy_of(repo, sample.commune)
    actor.updated = actor.created = datetime(2021, 1, 1, tzinfo=UTC)
    before = datetime.now(UTC).replace(microsecond=0)
    repo.save(actor)
    assert actor.updated >= before
    assert actor.created == datetime(2021, 1, 1, tzinfo=UTC)
    document = on_disk(path)["actors"][actor.id]
    assert datetime.fromisoformat(document["updated"]) == actor.updated
    assert repo.get(Actor, actor.id) is actor
    assert repo.revision == 1


def test_an_edited_copy_leaves_the_store_alone_until_saved(
    repo: Repository, sample: Sample
) -> None:
    draft = copy_of(repo, sample.commune)
    draft.name = "Brêves-sur-Yonne"
    assert repo.get(Actor, sample.commune.id).name == "Brêves"  # type: ignore[union-attr]
    repo.save(draft)
    assert repo.get(Actor, sample.commune.id).name == "Brêves-sur-Yonne"  # type: ignore[union-attr]
    assert [a.id for a in repo.actors][:3] == [sample.commune.id, sample.neighbour.id,
                                               sample.mayor.id]


# ---------------------------------------------------------------------------- references


def test_a_relation_to_a_missing_actor_is_refused(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    ghost = Actor(name="Fantôme", kind="company")  # never saved
    relation = Relation(source_id=sample.commune.id, target_id=ghost.id, kind="funding")
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(relation),
                                    IntegrityError)
    assert isinstance(error, IntegrityError)
    assert error.problem.kind == "missing_reference"
    assert error.problem.params["field"] == "target_id"
    assert "target_id refers to" in str(error)


@pytest.mark.parametrize(
    "dangling",
    [
        lambda s, ghost: Lever(category="methodological", title=LocalizedText(fr="x"),
                               owner_id=ghost),
        lambda s, ghost: RoadmapItem(objective="x", partner_ids=[ghost]),
        lambda s, ghost: RoadmapItem(objective="x", depends_on=[ghost]),
        lambda s, ghost: Meeting(title="x", on=date(2026, 1, 1),
                                 attendance=[Attendance(actor_id=ghost)]),
        lambda s, ghost: Meeting(title="x", on=date(2026, 1, 1),
                                 actions=[Action(text="y", owner_id=ghost)]),
        lambda s, ghost: Actor(name="x", kind="service", parent_id=ghost),
    ],
)
def test_every_kind_of_dangling_reference_is_refused(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes],
    dangling: Callable[[Sample, str], Any],
) -> None:
    record = dangling(sample, "6f1c2b8e-0000-4000-8000-00000000dead")
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(record),
                                    IntegrityError)
    assert error.problem.kind == "missing_reference"  # type: ignore[attr-defined]


def test_parent_cycles_are_refused(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    service = Actor(name="Service voirie", kind="service", parent_id=sample.mayor.id)
    repo.save(service)
    commune = copy_of(repo, sample.commune)
    commune.parent_id = service.id  # commune -> service -> mayor -> commune
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(commune),
                                    IntegrityError)
    assert error.problem.kind == "cycle"  # type: ignore[attr-defined]
    assert error.problem.params["field"] == "parent_id"  # type: ignore[attr-defined]
    assert error.problem.params["path"].count("→") == 3  # type: ignore[attr-defined]
    # The message and the parameters the interface translates with carry the loop.
    assert isinstance(error, IntegrityError)
    assert error.params["path"] == error.problem.params["path"]
    assert str(error) == f"parent_id makes a loop ({error.problem.params['path']})"
    mayor = copy_of(repo, sample.mayor)
    mayor.parent_id = sample.neighbour.id  # a plain change of parent is fine
    repo.save(mayor)


def test_dependency_cycles_are_refused(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    third = RoadmapItem(objective="Charte de gouvernance", depends_on=[sample.second.id])
    repo.save(third)
    first = copy_of(repo, sample.first)
    first.depends_on = [third.id]  # first -> third -> second -> first
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(first),
                                    IntegrityError)
    assert error.problem.kind == "cycle"  # type: ignore[attr-defined]
    assert error.problem.params["field"] == "depends_on"  # type: ignore[attr-defined]
    diamond = copy_of(repo, third)
    diamond.depends_on = [sample.second.id, sample.first.id]  # shared, but no loop
    repo.save(diamond)


@pytest.mark.parametrize("referenced", ["neighbour", "mayor", "first", "lever", "meeting"])
def test_deleting_what_is_referred_to_is_refused(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes], referenced: str
) -> None:
    record = getattr(sample, referenced)
    live = repo.get(type(record), record.id)
    assert repo.dependents(live)  # type: ignore[arg-type]
    error = refused_without_a_trace(repo, path, submits, lambda: repo.delete(live),  # type: ignore[arg-type]
                                    IntegrityError)
    assert error.problem.kind == "missing_reference"  # type: ignore[attr-defined]


def test_replace_deletes_with_its_fix_ups(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    mayor = repo.get(Actor, sample.mayor.id)
    assert mayor is not None
    fields = sorted(problem.params["field"] for problem in repo.dependents(mayor))
    assert fields == ["actions.owner_id", "attendance", "owner_id", "owner_ids"]
    meeting = copy_of(repo, sample.meeting)
    meeting.attendance = [row for row in meeting.attendance if row.actor_id != mayor.id]
    meeting.actions[0].owner_id = None
    meeting.actions[0].owner_name = "Anne Martin"
    lever = copy_of(repo, sample.lever)
    lever.owner_id = None
    first = copy_of(repo, sample.first)
    first.owner_ids = []
    repo.replace([meeting, lever, first], [mayor])
    assert len(submits) == 1
    assert repo.get(Actor, mayor.id) is None
    assert repo.get(Meeting, meeting.id).actions[0].owner_name == "Anne Martin"  # type: ignore[union-attr]
    stored = on_disk(path)
    assert mayor.id not in stored["actors"]
    assert stored["levers"][lever.id]["owner_id"] is None
    # What was written opens again.
    repo.close()
    reopened = open_store(path, read_only=True)
    assert reopened.get(Actor, mayor.id) is None
    assert reopened.get(Lever, lever.id) == lever


def test_an_unreferenced_record_deletes(repo: Repository, path: Path, sample: Sample) -> None:
    relation = repo.get(Relation, sample.relation.id)
    assert relation is not None and repo.dependents(relation) == []
    repo.delete(relation)
    assert repo.relations == []
    assert on_disk(path)["relations"] == {}
    # A new record after a delete gets a fresh document id and survives a reopen.
    again = Relation(source_id=sample.neighbour.id, target_id=sample.commune.id, kind="tension")
    repo.save(again)
    repo.close()
    assert open_store(path, read_only=True).relations == [again]  # read-only: no lock to free


# ---------------------------------------------------------------------------- whole-file rules


def test_the_store_keeps_exactly_one_territory(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    other = Territory(name="CA voisine", mandate_start=date(2020, 7, 1),
                      mandate_end=date(2026, 3, 31))
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(other),
                                    IntegrityError)
    assert error.problem.kind == "many_territories"  # type: ignore[attr-defined]
    error = refused_without_a_trace(repo, path, submits, lambda: repo.delete(repo.territory),
                                    IntegrityError)
    assert error.problem.kind == "no_territory"  # type: ignore[attr-defined]
    renamed = copy_of(repo, sample.territory)
    renamed.name = "CC du Val Test et du Morvan"
    repo.save(renamed)
    assert repo.territory.name == "CC du Val Test et du Morvan"


def test_an_id_cannot_live_in_two_tables(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    impostor = Meeting(id=sample.commune.id, title="x", on=date(2026, 1, 1))
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(impostor),
                                    IntegrityError)
    assert error.problem.kind == "duplicate_id"  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- validation


def test_a_record_changed_without_validation_is_refused(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    blank = copy_of(repo, sample.commune).model_copy(update={"name": ""})
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(blank),
                                    ValidationError)
    assert [e["type"] for e in error.errors()] == ["empty_text"]  # type: ignore[attr-defined]
    meeting = copy_of(repo, sample.meeting)
    meeting.attendance.append(Attendance(actor_id=sample.commune.id, status="represented"))
    error = refused_without_a_trace(repo, path, submits, lambda: repo.save(meeting),
                                    ValidationError)
    assert [e["type"] for e in error.errors()] == ["proxy_missing"]  # type: ignore[attr-defined]


def test_text_that_skipped_cleaning_is_stored_clean(
    repo: Repository, path: Path, sample: Sample
) -> None:
    dirty = copy_of(repo, sample.commune).model_copy(
        update={"name": "\x1b]0;pwned\x07Brêves\x1b[2J", "competences": "a\r\nb\x00"})
    repo.save(dirty)
    stored = repo.get(Actor, sample.commune.id)
    assert stored is not None and stored is not dirty
    assert (stored.name, stored.competences) == ("Brêves", "a\nb")
    assert b"\\u001b" not in path.read_bytes() and b"\x1b" not in path.read_bytes()
    assert on_disk(path)["actors"][sample.commune.id]["name"] == "Brêves"
    # A clean record is kept as it is: the saved object is the live one.
    clean = copy_of(repo, sample.neighbour)
    clean.name = "Lormes"
    repo.save(clean)
    assert repo.get(Actor, clean.id) is clean


def test_one_bad_record_stops_the_whole_action(
    repo: Repository, path: Path, sample: Sample, submits: list[bytes]
) -> None:
    good = Actor(name="Syndicat des eaux", kind="public_body")
    bad = copy_of(repo, sample.meeting).model_copy(update={"title": "  "})
    refused_without_a_trace(repo, path, submits, lambda: repo.save(good, bad), ValidationError)
    assert repo.get(Actor, good.id) is None
    repo.save(good)
    assert good.id in on_disk(path)["actors"]


@pytest.mark.parametrize(
    "unstorable",
    [
        lambda: Actor(name="Ville", kind="commune", commune=CommuneProfile(population=10**30)),
        lambda: RoadmapItem(objective="x", means=Means(budget_eur=math.inf)),
    ],
)
def test_a_value_json_cannot_hold_is_refused_and_the_store_goes_on(
    repo: Repository, path: Path, submits: list[bytes], unstorable: Callable[[], Any]
) -> None:
    """The models bound numbers to what JSON holds, so such a record is never built."""
    with pytest.raises(ValidationError):
        unstorable()
    assert not submits
    fine = Actor(name="Ville", kind="commune")
    repo.save(fine)
    assert fine.id in on_disk(path)["actors"]


# ---------------------------------------------------------------------------- failures, lifetime


def test_a_failed_direct_save_keeps_the_change_in_memory(
    repo: Repository, path: Path, sample: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = storage.atomic_write

    def full_disk(target: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage, "atomic_write", full_disk)
    first = Actor(name="Première", kind="citizen_group")
    before = path.read_bytes()
    with pytest.raises(SaveFailed) as caught:
        repo.save(first)
    assert os.strerror(errno.ENOSPC) in str(caught.value)
    assert path.read_bytes() == before
    assert repo.get(Actor, first.id) is first  # memory and TinyDB agree
    monkeypatch.setattr(storage, "atomic_write", real)
    second = Actor(name="Seconde", kind="citizen_group")
    repo.save(second)
    stored = on_disk(path)["actors"]
    assert first.id in stored and second.id in stored


def test_a_read_only_store_refuses_every_write(path: Path, sample: Sample) -> None:
    repository = open_store(path, read_only=True)
    try:
        assert repository.read_only
        before = path.read_bytes()
        writes: list[Callable[[], None]] = [
            lambda: repository.save(Actor(name="x", kind="commune")),
            lambda: repository.delete(repository.relations[0]),
            lambda: repository.replace([], []),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyStore):
                write()
        repository.flush()  # nothing to do, and no error
        assert path.read_bytes() == before
    finally:
        repository.close()


def test_flush_waits_for_background_saves(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real = storage.atomic_write

    def slow(target: Path, payload: bytes) -> None:
        gate.wait(30)
        real(target, payload)

    repository = open_store(path, background=True)
    try:
        monkeypatch.setattr(storage, "atomic_write", slow)
        actor = Actor(name="Tapé en réunion", kind="elected")
        repository.save(actor)  # returns at once: the interface never waits
        assert repository.get(Actor, actor.id) is actor
        opener = threading.Timer(0.2, gate.set)
        opener.start()
        repository.flush()
        assert actor.id in on_disk(path)["actors"]
        opener.join()
    finally:
        gate.set()
        repository.close()


def test_by_prefix_and_counts(repo: Repository, sample: Sample) -> None:
    assert repo.by_prefix(Actor, "") == []
    assert repo.by_prefix(Meeting, f"  {sample.meeting.id[:5].upper()} ") == [sample.meeting]
    assert repo.count(RoadmapItem) == 2
    assert repo.actor_name(None, "—") == "—"
    assert repo.actor_name(sample.mayor.id) == "Anne Martin"
