"""Opening store files: round trips, damaged files, backups, the lock, migrations."""

from __future__ import annotations

import getpass
import json
import os
import re
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from coop_tui.store import backups, database, migrations, models, parsing
from coop_tui.store.database import (
    LOCKED_BY,
    check,
    create,
    data_from_records,
    open_store,
)
from coop_tui.store.errors import (
    Problem,
    ReadOnlyStore,
    SaveFailed,
    StoreCorrupt,
    StoreFolderMissing,
    StoreIsFolder,
    StoreNotFound,
    StoreTooNew,
)
from coop_tui.store.lock import StoreLock, read_owner
from coop_tui.store.models import (
    Action,
    Actor,
    ActorKind,
    AgendaItem,
    Attendance,
    Blockage,
    Channel,
    ChecklistItem,
    CommuneProfile,
    Contact,
    ContactEntry,
    Decision,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Means,
    Meeting,
    MeetingKind,
    Presence,
    PrivateReading,
    Record,
    Relation,
    RelationKind,
    RoadmapItem,
    RoadmapStatus,
    Role,
    Territory,
    Vote,
)
from coop_tui.store.parsing import duplicate_keys, parse
from coop_tui.store.repository import Repository
from coop_tui.store.storage import serialise
from coop_tui.store.text import clean_line

# ---------------------------------------------------------------------------- building stores


def sample_records() -> list[Record]:
    """A small territory: two communes, an elected official, a relation, a lever, a plan."""
    territory = Territory(name="CC du Val Test", communes=["Brêves", "Lormes"],
                          mandate_start=date(2020, 7, 1), mandate_end=date(2026, 3, 31))
    breves = Actor(name="Brêves", kind="commune", channels=["email"],
                   commune=CommuneProfile(population=812, mayor="Anne Martin"))
    lormes = Actor(name="Lormes", kind="commune")
    mayor = Actor(name="Anne Martin", kind="elected", parent_id=breves.id,
                  private=PrivateReading(role="driver", influence=4, interest=5))
    relation = Relation(source_id=breves.id, target_id=lormes.id, kind="tension",
                        note="Différend sur la voirie")
    lever = Lever(category="regulatory", title=LocalizedText(fr="Schéma de mutualisation",
                                                             en="Pooling plan"),
                  owner_id=breves.id)
    copil = Meeting(title="COPIL n°1", kind="copil", on=date(2026, 2, 10), start=time(9),
                    end=time(11), attendance=[Attendance(actor_id=mayor.id),
                                              Attendance(actor_id=lormes.id, status="absent")])
    item = RoadmapItem(objective="Adopter le schéma", lever_id=lever.id, owner_ids=[breves.id],
                       meeting_id=copil.id, due=date(2026, 6, 30))
    return created_in_order([territory, breves, lormes, mayor, relation, lever, copil, item])


def created_in_order(records: list[Record]) -> list[Record]:
    """Give ``records`` creation times a second apart, so a store serves them in this order
    (records created in the same second come in the order of their ids)."""
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for seconds, record in enumerate(records):
        record.created = record.updated = start + timedelta(seconds=seconds)
    return records


def nth(data: dict[str, Any], table: str, number: int) -> dict[str, Any]:
    """The ``number``-th document of ``table`` (from 1) in the order the store serves them."""
    documents = sorted(data[table].values(), key=lambda d: (d["created"], d["id"]))
    return documents[number - 1]


def key_of(data: dict[str, Any], table: str, number: int) -> str:
    return str(nth(data, table, number)["id"])


def numbered_where(path: Path, where: str) -> str:
    """``where`` with each ``table #N`` naming the N-th record as problems name it."""
    data = raw(path)
    return re.sub(r"(\w+) #(\d+)",
                  lambda m: f"{m[1]} #{key_of(data, m[1], int(m[2]))[:8]}", where)


def write_store(path: Path, records: list[Record] | None = None) -> Path:
    create(path, data_from_records(records if records is not None else sample_records()))
    return path


def raw(path: Path) -> dict[str, Any]:
    return dict(orjson.loads(path.read_bytes()))


def write_raw(path: Path, data: Any) -> bytes:
    payload = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    path.write_bytes(payload)
    return payload


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return write_store(tmp_path / "val.json")


@pytest.fixture
def opened() -> Iterator[Callable[..., Repository]]:
    """open_store, closing every repository it opened at the end of the test."""
    repositories: list[Repository] = []

    def opener(path: Path, **options: Any) -> Repository:
        repository = open_store(path, **options)
        repositories.append(repository)
        return repository

    yield opener
    for repository in reversed(repositories):
        repository.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes (lock files aside: filelock owns them)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


# ---------------------------------------------------------------------------- round trips

names = st.text(min_size=1, max_size=20).filter(lambda s: clean_line(s) != "")
texts = st.text(max_size=30)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1),
                       timezones=st.sampled_from([UTC, timezone(timedelta(hours=2))]))


@st.composite
def stores(draw: st.DrawFn) -> list[Record]:
    """A valid store whose records refer to each other, with most fields drawn."""
    start = draw(days)
    communes = draw(st.lists(names, max_size=3, unique_by=lambda n: clean_line(n).casefold()))
    territory = Territory(name=draw(names), communes=communes,
                          mandate_start=start, mandate_end=start + timedelta(days=2190),
                          language=draw(st.sampled_from(["fr", "en"])),
                          created=draw(moments), last_status_report=draw(st.none() | moments))
    actors: list[Actor] = []
    for _ in range(draw(st.integers(2, 5))):
        channels = draw(st.lists(st.sampled_from(Channel), unique=True, max_size=3))
        earlier = [actor.id for actor in actors]
        parent = draw(st.none() | st.sampled_from(earlier)) if earlier else None
        preferred = draw(st.none() | st.sampled_from(channels)) if channels else None
        actors.append(Actor(
            name=draw(names), kind=draw(st.sampled_from(ActorKind)), parent_id=parent,
            responsibilities=draw(texts), competences=draw(texts), channels=channels,
            preferred_channel=preferred,
            contact=Contact(email=draw(st.sampled_from(["", "dgs@val.fr"])), phone=draw(texts),
                            address=draw(texts)),
            tags=draw(st.lists(names, max_size=2)),
            contact_log=draw(st.lists(st.builds(ContactEntry, on=days,
                                                channel=st.sampled_from(Channel),
                                                subject=texts), max_size=2)),
            commune=draw(st.none() | st.builds(CommuneProfile,
                                               population=st.none() | st.integers(0, 10**6),
                                               mayor=texts, deputies=st.lists(names, max_size=2),
                                               shared_services=texts)),
            private=PrivateReading(role=draw(st.none() | st.sampled_from(Role)),
                                   influence=draw(st.none() | st.integers(1, 5)),
                                   interest=draw(st.none() | st.integers(1, 5)),
                                   blockages=draw(st.lists(st.builds(Blockage, text=names,
                                                                     reason=texts), max_size=2)),
                                   stance=draw(texts)),
            created=draw(moments), updated=draw(moments),
        ))
    ids = [actor.id for actor in actors]
    people = st.sampled_from(ids)
    relation = Relation(source_id=ids[0], target_id=ids[1],
                        kind=draw(st.sampled_from(RelationKind)),
                        strength=draw(st.integers(1, 3)), note=draw(texts))
    lever = Lever(category=draw(st.sampled_from(LeverCategory)),
                  position=draw(st.integers(-1000, 1000)),
                  title=LocalizedText(fr=draw(texts), en=draw(texts)),
                  items=draw(st.lists(st.builds(ChecklistItem,
                                                text=st.builds(LocalizedText, fr=texts),
                                                done=st.booleans(), done_on=st.none() | days),
                                      max_size=3)),
                  status=draw(st.sampled_from(LeverStatus)), owner_id=draw(st.none() | people),
                  due=draw(st.none() | days), notes=draw(texts),
                  evidence=draw(st.lists(texts, max_size=2)))
    attendance = []
    for actor_id in draw(st.lists(people, unique=True, max_size=3)):
        status = draw(st.sampled_from(Presence))
        attendance.append(Attendance(
            actor_id=actor_id, status=status,
            proxy_id=draw(people) if status is Presence.REPRESENTED else None,
            substitute=draw(texts), voting=draw(st.booleans())))
    begin = draw(st.none() | st.times(max_value=time(22)))
    meeting = Meeting(
        title=draw(names), kind=draw(st.sampled_from(MeetingKind)), on=draw(days),
        start=begin, end=None if begin is None else time(23, 30),
        place=draw(texts), facilitator_id=draw(st.none() | people),
        voting_members=draw(st.none() | st.integers(1, 60)), attendance=attendance,
        agenda=draw(st.lists(st.builds(AgendaItem, title=names, notes=texts,
                                       planned_minutes=st.integers(0, 600)), max_size=2)),
        decisions=draw(st.lists(st.builds(Decision, text=names,
                                          vote=st.none() | st.builds(Vote, yes=st.integers(0, 9),
                                                                     public=st.booleans())),
                                max_size=2)),
        actions=draw(st.lists(st.builds(Action, text=names, owner_id=st.none() | people,
                                        due=st.none() | days), max_size=2)),
        private_notes=draw(texts), next_meeting_on=draw(st.none() | days),
    )
    first = RoadmapItem(objective=draw(names), lever_id=lever.id, meeting_id=meeting.id,
                        owner_ids=draw(st.lists(people, unique=True, max_size=2)),
                        partner_ids=draw(st.lists(people, unique=True, max_size=2)),
                        means=Means(budget_eur=draw(st.none() | st.floats(0, 1e9)),
                                    staff_fte=draw(st.none() | st.floats(0, 50)),
                                    text=draw(texts)),
                        status=draw(st.sampled_from(RoadmapStatus)),
                        progress=draw(st.integers(0, 100)), milestone=draw(st.booleans()),
                        indicator=draw(texts))
    second = RoadmapItem(objective=draw(names), depends_on=[first.id],
                         start=date(2026, 1, 1), due=date(2026, 1, 1) + timedelta(
                             days=draw(st.integers(0, 900))))
    return [territory, *actors, relation, lever, meeting, first, second]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(stores())
def test_create_then_open_preserves_every_field(records: list[Record]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.json"
        create(path, data_from_records(records))
        repository = open_store(path, read_only=True)
        try:
            for record in records:
                assert repository.get(type(record), record.id) == record
            for kind in models.RECORD_TYPES:
                assert repository.count(kind) == sum(isinstance(r, kind) for r in records)
            assert [a.id for a in repository.actors] == [r.id for r in sorted(
                (r for r in records if isinstance(r, Actor)), key=database.creation_order)]
        finally:
            repository.close()


def test_saved_changes_survive_a_reopen(
    store: Path, opened: Callable[..., Repository]
) -> None:
    repository = opened(store)
    actor = repository.actors[0].model_copy(deep=True)
    actor.private = PrivateReading(role="reluctant", influence=2, stance="Craint pour l'école")
    repository.save(actor)
    repository.close()
    again = opened(store, read_only=True)
    assert again.get(Actor, actor.id) == actor
    assert again.get(Actor, actor.id).private.stance == "Craint pour l'école"  # type: ignore[union-attr]
    assert "Craint pour l'école" in store.read_text(encoding="utf-8")


def test_a_new_store_is_created_private(tmp_path: Path, opened: Callable[..., Repository]
                                        ) -> None:
    path = tmp_path / "new.json"
    repository = opened(path, initial=lambda: data_from_records(sample_records()))
    assert not repository.read_only
    assert repository.territory.name == "CC du Val Test"
    assert mode_of(path) == 0o600
    with pytest.raises(FileExistsError):
        create(path, data_from_records(sample_records()))


def test_reads_are_served_from_memory(
    store: Path, opened: Callable[..., Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = opened(store)
    store.unlink()

    def no_disk(self: Path) -> bytes:
        raise AssertionError(f"{self} read again")

    monkeypatch.setattr(Path, "read_bytes", no_disk)
    monkeypatch.setattr(Path, "read_text", no_disk)
    assert repository.territory.name == "CC du Val Test"
    assert [actor.name for actor in repository.actors] == ["Brêves", "Lormes", "Anne Martin"]
    assert repository.count(Meeting) == 1
    mayor = repository.actors[2]
    assert repository.get(Actor, mayor.id) is mayor
    assert repository.actor_name(mayor.parent_id) == "Brêves"
    assert repository.by_prefix(Actor, mayor.id[:6].upper()) == [mayor]


# ---------------------------------------------------------------------------- damaged files


def _problems_of(path: Path) -> StoreCorrupt:
    with pytest.raises(StoreCorrupt) as caught:
        open_store(path)
    return caught.value


def _assert_refused_untouched(path: Path) -> StoreCorrupt:
    """Opening is refused; no byte of the file (nor a backup) changed; check() agrees."""
    before = snapshot(path.parent)
    error = _problems_of(path)
    with pytest.raises(StoreCorrupt):
        open_store(path, read_only=True)
    assert snapshot(path.parent) == before
    assert check(path) == error.problems
    assert error.problems
    assert str(path) in str(error) and f"{len(error.problems)} problem" in str(error)
    # The lock was let go: another opener may take it.
    probe = StoreLock(path)
    assert probe.acquire()
    probe.release()
    return error


def _damage(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = raw(path)
    change(data)
    write_raw(path, data)


def _doc(data: dict[str, Any], table: str, name: str) -> dict[str, Any]:
    for document in data[table].values():
        if document.get("name") == name or document.get("title") == name:
            return dict(document)
    raise KeyError(name)


def test_truncated_json_is_refused_with_the_latest_backup(store: Path) -> None:
    open_store(store).close()  # a good open leaves a backup
    backup = backups.latest_backup(store)
    assert backup is not None and backup.read_bytes() == store.read_bytes()
    store.write_bytes(store.read_bytes()[: len(store.read_bytes()) // 2])
    error = _assert_refused_untouched(store)
    assert [p.kind for p in error.problems] == ["json_invalid"]
    assert error.problems[0].where == store.name
    assert error.backup == backup


@pytest.mark.parametrize(("payload", "found"), [(b"[]", "array"), (b'"store"', "string"),
                                                 (b"12", "number"), (b"null", "null")])
def test_json_that_is_not_an_object_is_refused(tmp_path: Path, payload: bytes,
                                               found: str) -> None:
    path = tmp_path / "store.json"
    path.write_bytes(payload)
    error = _assert_refused_untouched(path)
    assert [(p.kind, p.params.get("found")) for p in error.problems] == [("not_object", found)]
    assert error.backup is None


def test_an_empty_file_is_refused_and_names_the_backup(store: Path) -> None:
    open_store(store).close()
    backup = backups.latest_backup(store)
    for empty in (b"", b"  \n"):
        store.write_bytes(empty)
        error = _assert_refused_untouched(store)
        assert [p.kind for p in error.problems] == ["empty_file"]
        assert error.backup == backup
    assert backup is not None and orjson.loads(backup.read_bytes())["territory"]


def test_a_newer_file_is_refused(store: Path) -> None:
    _damage(store, lambda data: nth(data, "territory", 1).update(schema_version=7))
    before = store.read_bytes()
    with pytest.raises(StoreTooNew) as caught:
        open_store(store)
    assert caught.value.params["found"] == 7
    assert caught.value.params["supported"] == models.SCHEMA_VERSION
    assert "update coop-tui" in str(caught.value)
    assert store.read_bytes() == before
    assert backups.backups(store) == []


def test_duplicate_ids_are_reported(store: Path) -> None:
    def twin(data: dict[str, Any]) -> None:
        copy = _doc(data, "actors", "Lormes") | {"name": "Lormes (copie)"}
        data["actors"]["99"] = copy

    _damage(store, twin)
    error = _assert_refused_untouched(store)
    [problem] = error.problems
    assert problem.kind == "duplicate_id"
    assert problem.where.startswith("actors #")
    assert "used twice" in str(problem)


@pytest.mark.parametrize(
    ("change", "where", "kind"),
    [
        (lambda d: nth(d, "meetings", 1).update(on="2026-02-31"),
         "meetings #1 « COPIL n°1 » › on", "date_from_datetime_parsing"),
        (lambda d: nth(d, "meetings", 1).pop("title"), "meetings #1 › title", "missing"),
        (lambda d: nth(d, "actors", 2).update(name=123), "actors #2 › name", "string_type"),
        (lambda d: nth(d, "actors", 3)["private"].update(influence="high"),
         "actors #3 « Anne Martin » › private.influence", "int_parsing"),
        (lambda d: nth(d, "actors", 1).update(kind="mayor"), "actors #1 « Brêves » › kind",
         "enum"),
        (lambda d: nth(d, "roadmap", 1).update(start="2026-07-01"),
         "roadmap #1 « Adopter le schéma » › record", "date_order"),
        (lambda d: nth(d, "relations", 1).update(id="not-a-uuid"), "relations #1 › id",
         "bad_id"),
        (lambda d: nth(d, "actors", 1).update(nickname="x"), "actors #1 « Brêves » › nickname",
         "extra_forbidden"),
    ],
)
def test_records_failing_validation_name_table_record_and_field(
    store: Path, change: Callable[[dict[str, Any]], Any], where: str, kind: str
) -> None:
    where = numbered_where(store, where)
    _damage(store, change)
    error = _assert_refused_untouched(store)
    assert [(p.where, p.kind) for p in error.problems] == [(where, kind)]
    text = str(error.problems[0])
    assert text.startswith(where + ": ") and "{" not in text


def test_every_problem_is_reported_at_once(store: Path) -> None:
    def many(data: dict[str, Any]) -> None:
        nth(data, "meetings", 1)["on"] = "2026-02-31"
        nth(data, "actors", 2)["kind"] = "mayor"
        data["notes"] = {}
        data["levers"] = []

    _damage(store, many)
    kinds = sorted(p.kind for p in _assert_refused_untouched(store).problems)
    assert kinds == ["bad_table", "date_from_datetime_parsing", "enum", "unknown_table"]


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (lambda d: nth(d, "relations", 1).update(
            target_id="6f1c2b8e-0000-4000-8000-000000000000"), "missing_reference"),
        (lambda d: d.update(territory={}), "no_version"),
        (lambda d: d["territory"].update({"6f1c2b8e-0000-4000-8000-000000000001": nth(
            d, "territory", 1) | {"id": "6f1c2b8e-0000-4000-8000-000000000001"}}),
         "many_territories"),
        (lambda d: nth(d, "actors", 1).update(parent_id=nth(d, "actors", 3)["id"]), "cycle"),
        (lambda d: d["actors"].update({"abc": d["actors"].pop(key_of(d, "actors", 2))}),
         "bad_key"),
        (lambda d: d["actors"].update({key_of(d, "actors", 1): d["actors"].pop(
            key_of(d, "actors", 2))}), "bad_key"),
        (lambda d: d["actors"].update({key_of(d, "actors", 2).upper(): d["actors"].pop(
            key_of(d, "actors", 2))}), "bad_key"),
    ],
)
def test_rules_across_records_are_checked_at_load(
    store: Path, change: Callable[[dict[str, Any]], Any], kind: str
) -> None:
    _damage(store, change)
    problems = _assert_refused_untouched(store).problems
    assert kind in [p.kind for p in problems]


def test_problem_where_names_the_record_of_a_dangling_reference(store: Path) -> None:
    ghost = "6f1c2b8e-0000-4000-8000-000000000000"
    _damage(store, lambda d: nth(d, "relations", 1).update(source_id=ghost))
    [problem] = _assert_refused_untouched(store).problems
    assert problem.where.startswith("relations (")
    assert problem.params == {"field": "source_id", "kind": "actors", "ref": ghost[:8]}


# ---------------------------------------------------------------------------- duplicate keys


def _two_copies(store: Path, table: str, key: str, spelled: str | None = None) -> bytes:
    """The store's text with one more copy of ``table``'s document ``key``, written first."""
    data = raw(store)
    document = orjson.dumps(data[table][key]).decode()
    text = orjson.dumps(data).decode()
    opening = f'"{table}":{{'
    assert text.count(opening) == 1
    twin = f'"{spelled or key}":{document.replace("Brêves", "Brêves bis")},'
    return text.replace(opening, opening + twin).encode()


def test_a_key_written_twice_is_reported(store: Path) -> None:
    key = key_of(raw(store), "actors", 1)
    store.write_bytes(_two_copies(store, "actors", key))
    problems = _assert_refused_untouched(store).problems
    assert [(p.where, p.kind, dict(p.params)) for p in problems] == [
        (f"actors #{key[:8]}", "duplicate_key", {"table": "actors", "key": key})]
    assert "appears twice" in str(problems[0])


def test_a_key_written_twice_with_an_escape_is_reported(store: Path) -> None:
    key = key_of(raw(store), "actors", 1)
    spelled = f"\\u{ord(key[0]):04x}{key[1:]}"
    store.write_bytes(_two_copies(store, "actors", key, spelled=spelled))
    problems = _assert_refused_untouched(store).problems
    assert [(p.where, p.kind) for p in problems] == [(f"actors #{key[:8]}", "duplicate_key")]


def test_a_table_written_twice_is_reported(store: Path) -> None:
    data = raw(store)
    lost = {"7": nth(data, "relations", 1)}  # the first copy, which a parser would drop
    text = orjson.dumps(data).decode()
    twin = '"relations":' + orjson.dumps(lost).decode() + ","
    store.write_bytes(text.replace('{"actors":', "{" + twin + '"actors":', 1).encode())
    problems = _assert_refused_untouched(store).problems
    assert [(p.where, p.kind, dict(p.params)) for p in problems] == [
        ("relations", "duplicate_table", {"table": "relations"})]


def test_duplicate_detection_stays_cheap_for_ordinary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a repeated key the slow exact decoding never runs, even with tricky text."""
    records = sample_records()
    tricky = Actor(name='Le "12": {', kind="association",
                   responsibilities='{"actors": {"1": {}, "1": {}}}\n"7":')
    path = write_store(tmp_path / "store.json", [*records, tricky])

    def slow_path(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the exact check ran on a file without repeated keys")

    assert vars(parsing)["json"] is json  # the exact check uses the standard decoder
    monkeypatch.setattr(json, "loads", slow_path)
    loaded = parse(path, path.read_bytes())
    assert loaded.records["actors"][tricky.id] == tricky


def test_duplicate_keys_ignores_repeats_inside_records(store: Path) -> None:
    """Only tables and record keys are its business; a false alarm reports nothing."""
    text = orjson.dumps(raw(store)).decode()
    text = text.replace('"name":"Lormes"', '"name":"X","name":"Lormes"', 1)
    text = text.replace('"kind":"commune"', '"kind":"commune","5":1,"5":2', 1)
    payload = text.encode()
    assert duplicate_keys(payload, orjson.loads(payload)) == []


# ---------------------------------------------------------------------------- backups


@pytest.mark.parametrize("background", [False, True], ids=["direct", "writer-thread"])
def test_backups_roll_and_are_private(store: Path, background: bool) -> None:
    """The app (``background``) backs up on its writer's thread, before its first save."""
    states = []
    for number in range(8):
        states.append(store.read_bytes())
        repository = open_store(store, background=background)
        actor = repository.actors[0].model_copy(deep=True)
        actor.name = f"Brêves {number}"
        repository.save(actor)
        repository.close()
    kept = backups.backups(store)
    assert len(kept) == backups.KEEP == 5
    assert [path.read_bytes() for path in kept] == states[::-1][:5]  # the newest five
    assert backups.latest_backup(store) == kept[0]
    folder = backups.backup_folder(store)
    assert folder == store.parent / ".val.json.backups"
    assert mode_of(folder) == 0o700
    assert all(mode_of(path) == 0o600 for path in folder.iterdir())


def test_an_unchanged_file_is_not_backed_up_twice(store: Path) -> None:
    for _ in range(3):
        open_store(store).close()
    assert len(backups.backups(store)) == 1
    assert backups.backups(store)[0].read_bytes() == store.read_bytes()


def test_read_only_opens_make_no_backup(store: Path, opened: Callable[..., Repository]) -> None:
    opened(store, read_only=True)
    assert not backups.backup_folder(store).exists()


# ---------------------------------------------------------------------------- the lock


def test_a_second_opener_is_read_only_and_names_the_owner(
    store: Path, opened: Callable[..., Repository]
) -> None:
    first = opened(store)
    assert not first.read_only
    before = snapshot(store.parent)
    second = opened(store)
    assert second.read_only
    assert second.read_only_reason == LOCKED_BY
    owner = f"{getpass.getuser()}@{socket.gethostname()} (pid {os.getpid()},"
    assert second.read_only_params["owner"].startswith(owner)
    assert owner in second.read_only_message
    actor = second.actors[0].model_copy(deep=True)
    actor.name = "Changed"
    writes: list[Callable[[], None]] = [
        lambda: second.save(actor),
        lambda: second.delete(second.relations[0]),
        lambda: second.replace([actor], []),
    ]
    for write in writes:
        with pytest.raises(ReadOnlyStore) as caught:
            write()
        assert owner in str(caught.value)
        # What the interface translates: the reason's template and the owner to fill in.
        assert caught.value.params["reason"] == LOCKED_BY
        assert caught.value.params["owner"] == second.read_only_params["owner"]
    assert snapshot(store.parent) == before
    # Reading works as usual.
    assert second.get(Actor, actor.id) == first.get(Actor, actor.id)


def test_the_lock_is_free_again_after_close(
    store: Path, opened: Callable[..., Repository]
) -> None:
    first = opened(store)
    assert read_owner(store) is not None and read_owner(store).pid == os.getpid()  # type: ignore[union-attr]
    first.close()
    assert read_owner(store) is None
    again = opened(store)
    assert not again.read_only
    lormes = again.actors[1].model_copy(deep=True)
    lormes.name = "Lormes-en-Morvan"
    again.save(lormes)
    assert raw(store)["actors"][lormes.id]["name"] == "Lormes-en-Morvan"


def test_a_closed_repository_writes_nothing(store: Path) -> None:
    repository = open_store(store)
    repository.close()
    before = store.read_bytes()
    with pytest.raises(ReadOnlyStore):
        repository.save(Actor(name="Trop tard", kind="commune"))
    assert repository.read_only
    assert store.read_bytes() == before


_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from coop_tui.store.database import open_store

    repository = open_store(Path(sys.argv[1]))
    print("read-only" if repository.read_only else "holding", flush=True)
    sys.stdin.read()
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_the_lock_of_a_killed_holder_is_released(
    store: Path, opened: Callable[..., Repository]
) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"holding\n"
        second = opened(store)
        assert second.read_only
        assert f"pid {holder.pid}," in second.read_only_message
    finally:
        holder.kill()
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    third = opened(store)
    assert not third.read_only  # the system let go of the dead holder's lock


# ---------------------------------------------------------------------------- migrations


def _old_format(store: Path) -> bytes:
    """The store as a version-0 file, where an actor's name was called ``nom``."""
    data = raw(store)
    nth(data, "territory", 1)["schema_version"] = 0
    for document in data["actors"].values():
        document["nom"] = document.pop("name")
    return write_raw(store, data)


def _rename_nom(data: dict[str, Any]) -> dict[str, Any]:
    for document in data["actors"].values():
        document["name"] = document.pop("nom")
    return data


def test_an_old_file_is_backed_up_then_upgraded(
    store: Path, opened: Callable[..., Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_format(store)
    monkeypatch.setitem(migrations.MIGRATIONS, 0, _rename_nom)
    repository = opened(store)
    assert [a.name for a in repository.actors] == ["Brêves", "Lormes", "Anne Martin"]
    assert repository.territory.schema_version == models.SCHEMA_VERSION == 2
    [backup] = backups.backups(store)
    assert backup.read_bytes() == old
    assert backup.name.endswith("-v0.json")
    upgraded = raw(store)
    assert nth(upgraded, "territory", 1)["schema_version"] == 2
    assert all("nom" not in d and d["name"] for d in upgraded["actors"].values())
    assert check(store) == []


def test_an_old_file_opened_read_only_is_upgraded_in_memory_only(
    store: Path, opened: Callable[..., Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_format(store)
    monkeypatch.setitem(migrations.MIGRATIONS, 0, _rename_nom)
    repository = opened(store, read_only=True)
    assert repository.actors[0].name == "Brêves"
    assert store.read_bytes() == old
    assert backups.backups(store) == []


def test_upgrades_follow_the_current_schema_version(
    store: Path, opened: Callable[..., Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A v2 file meets a coop-tui whose format is v3: one step, read at call time."""
    def add_marker(data: dict[str, Any]) -> dict[str, Any]:
        for document in data["meetings"].values():
            document["place"] = "Salle du conseil"
        return data

    monkeypatch.setattr(models, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, add_marker)
    repository = opened(store)
    assert repository.meetings[0].place == "Salle du conseil"
    assert nth(raw(store), "territory", 1)["schema_version"] == 3
    assert backups.backups(store)[0].name.endswith("-v2.json")
    repository.close()
    _damage(store, lambda d: nth(d, "territory", 1).update(schema_version=4))
    with pytest.raises(StoreTooNew) as caught:
        open_store(store)
    assert caught.value.params["supported"] == 3


def test_a_file_that_cannot_be_upgraded_is_refused_untouched(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_format(store)
    monkeypatch.delitem(migrations.MIGRATIONS, 0, raising=False)
    error = _assert_refused_untouched(store)
    assert [(p.kind, p.params["found"]) for p in error.problems] == [("cannot_migrate", 0)]

    def broken(data: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("nom")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, broken)
    error = _assert_refused_untouched(store)
    assert error.problems[0].kind == "cannot_migrate"
    assert "nom" in str(error.problems[0])


def test_a_boolean_is_not_a_schema_version(store: Path) -> None:
    _damage(store, lambda d: nth(d, "territory", 1).update(schema_version=True))
    kinds = [p.kind for p in _assert_refused_untouched(store).problems]
    assert kinds == ["no_version"]


# ---------------------------------------------------------------------------- paths


def test_a_missing_folder_or_a_folder_path_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "store.json"
    for attempt in (lambda: open_store(missing),
                    lambda: open_store(missing, initial=lambda: data_from_records([])),
                    lambda: open_store(missing, read_only=True),
                    lambda: create(missing, {})):
        with pytest.raises(StoreFolderMissing) as caught:
            attempt()
        assert str(missing.parent) in str(caught.value)
    folder = tmp_path / "store.json"
    folder.mkdir()
    for attempt in (lambda: open_store(folder), lambda: open_store(folder, read_only=True)):
        with pytest.raises(StoreIsFolder):
            attempt()


def test_a_missing_file_is_not_found_and_leaves_the_lock_free(
    tmp_path: Path, opened: Callable[..., Repository]
) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(StoreNotFound):
        open_store(path)
    with pytest.raises(StoreNotFound):
        check(path)
    assert not opened(path, initial=lambda: data_from_records(sample_records())).read_only


def test_check_reports_nothing_for_a_good_file_and_writes_nothing(
    store: Path, opened: Callable[..., Repository]
) -> None:
    before = snapshot(store.parent)
    assert check(store) == []
    assert snapshot(store.parent) == before
    opened(store)  # a holder of the lock does not stop a check
    assert check(store) == []


def test_problem_text_is_the_template_filled_in() -> None:
    problem = Problem("actors #2", "duplicate_key", "the id {key} twice", {"key": "2"})
    assert str(problem) == "actors #2: the id 2 twice"


def test_error_messages_fill_in_their_reason(tmp_path: Path) -> None:
    error = ReadOnlyStore(tmp_path / "s.json", reason=LOCKED_BY, owner="ana@poste (pid 7)")
    assert str(error).endswith("is open read-only: another coop-tui holds it: ana@poste (pid 7)")
    # A reason that only looks like a template (an OS message, a file name) stays as it is.
    odd = SaveFailed(tmp_path / "s.json", reason="cannot write {draft}.json")
    assert str(odd).endswith(": cannot write {draft}.json")


# ---------------------------------------------------------------------------- documentation

DOC = Path(__file__).resolve().parents[2] / "docs" / "store-format.md"


def test_the_documented_example_is_a_valid_store(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.json"
    path.write_text(example, encoding="utf-8")
    assert check(path) == []
    # It is written exactly as coop-tui writes files.
    assert serialise(orjson.loads(example)).decode() == example


def test_every_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    kinds: list[type[BaseModel]] = [
        *models.RECORD_TYPES, models.Thresholds, models.Contact, models.ContactEntry,
        models.CommuneProfile, models.Blockage, models.PrivateReading, models.ChecklistItem,
        models.LocalizedText, models.Means, models.Attendance, models.AgendaItem, models.Vote,
        models.Decision, models.Action, models.CalendarSettings, models.Endorsement,
        models.FinancingLine, models.CriterionScore,
        models.Decision, models.Action, models.CalendarSettings, models.BlockageAnswer,
        models.Decision, models.Action, models.CalendarSettings, models.MissionStaff,
        models.AreaCommune, models.ServiceNeed,
    ]
    missing = [f"{kind.__name__}.{name}" for kind in kinds for name in kind.model_fields
               if f"`{name}`" not in text]
    assert missing == []
    for kind in models.RECORD_TYPES:
        assert f"`{kind.table}`" in text


# ---------------------------------------------------------------------------- version 1: numbers


def version_1(store: Path) -> bytes:
    """The store as coop-tui wrote it before version 2: tables keyed by document numbers."""
    data = raw(store)
    for table, documents in data.items():
        ordered = sorted(documents.values(), key=lambda d: (d["created"], d["id"]))
        data[table] = {str(number): document for number, document in enumerate(ordered, 1)}
    nth(data, "territory", 1)["schema_version"] = 1
    payload = serialise(data)
    store.write_bytes(payload)
    return payload


def test_a_version_1_file_is_keyed_by_id_after_a_backup(
    store: Path, opened: Callable[..., Repository]
) -> None:
    before = raw(store)
    old = version_1(store)
    assert set(raw(store)["actors"]) == {"1", "2", "3"}
    assert check(store) == []
    assert database.inspect(store) == ([], 1)
    repository = opened(store)
    assert [a.name for a in repository.actors] == ["Brêves", "Lormes", "Anne Martin"]
    [backup] = backups.backups(store)
    assert backup.read_bytes() == old and backup.name.endswith("-v1.json")
    upgraded = raw(store)
    for table, documents in before.items():
        assert upgraded[table].keys() == documents.keys()
        for key, document in documents.items():
            assert upgraded[table][key] == document | (
                {"schema_version": 2} if table == "territory" else {})
    assert database.inspect(store) == ([], None)
    assert store.read_bytes() == serialise(upgraded)


def test_a_version_1_file_with_a_repeated_id_is_refused_not_collapsed(store: Path) -> None:
    version_1(store)
    data = raw(store)
    data["actors"]["4"] = data["actors"]["2"] | {"name": "Lormes (copie)"}
    write_raw(store, data)
    problems = _assert_refused_untouched(store).problems
    assert [p.kind for p in problems] == ["duplicate_id"]


def test_a_version_1_document_without_a_valid_id_is_named_by_its_number(store: Path) -> None:
    version_1(store)
    data = raw(store)
    data["actors"]["2"]["id"] = "not-a-uuid"
    write_raw(store, data)
    problems = _assert_refused_untouched(store).problems
    assert [(p.where, p.kind) for p in problems] == [("actors #2 « Lormes » › id", "bad_id")]
