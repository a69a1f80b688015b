"""Bytes on disk: the file format, atomic writes (also under SIGKILL), the writers."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from coop_tui.store import storage
from coop_tui.store.database import create, data_from_records, open_store
from coop_tui.store.errors import ReadOnlyStore, SaveFailed
from coop_tui.store.models import Actor, Territory
from coop_tui.store.storage import (
    BackgroundWriter,
    DirectWriter,
    MemoryStorage,
    atomic_write,
    serialise,
    temp_files,
)

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def small_store(path: Path) -> Path:
    territory = Territory(name="CC du Val", mandate_start=date(2020, 7, 1),
                          mandate_end=date(2026, 3, 31))
    create(path, data_from_records([territory, Actor(name="Mairie", kind="commune")]))
    return path


class CountingWriter:
    """A writer that keeps what it is given instead of writing it."""

    def __init__(self) -> None:
        self.payloads: list[bytes] = []

    def submit(self, payload: bytes) -> None:
        self.payloads.append(payload)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------------- format


def test_serialise_is_readable_utf8_indented_with_sorted_keys() -> None:
    data: dict[str, Any] = {
        "territory": {"1": {"name": "Communauté de communes du Val d'Évreux", "b": 1, "a": 2}},
        "actors": {},
    }
    payload = serialise(data)
    text = payload.decode("utf-8")
    assert "Communauté de communes du Val d'Évreux" in text
    assert "\\u00e9" not in text and "\\u00c9" not in text
    assert text == (
        "{\n"
        '  "actors": {},\n'
        '  "territory": {\n'
        '    "1": {\n'
        '      "a": 2,\n'
        '      "b": 1,\n'
        '      "name": "Communauté de communes du Val d\'Évreux"\n'
        "    }\n"
        "  }\n"
        "}\n"
    )
    # The same as the standard library's own readable form.
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# ---------------------------------------------------------------------------- atomic_write


def test_atomic_write_gives_mode_0600_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    path.write_bytes(b"old")
    path.chmod(0o644)
    old_umask = os.umask(0)
    try:
        atomic_write(path, b"new content")
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == b"new content"
    assert mode_of(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json"]
    assert temp_files(path) == []


def test_atomic_write_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    atomic_write(path, b"old")

    def no_space(*args: Any, **kwargs: Any) -> None:
        raise ENOSPC

    monkeypatch.setattr(os, "replace", no_space)  # what ``atomic_write`` calls
    with pytest.raises(OSError) as caught:
        atomic_write(path, b"new")
    assert caught.value.errno == errno.ENOSPC
    monkeypatch.undo()
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json"]


def test_temp_files_are_found_by_name(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    orphan = tmp_path / ".store.json.0123456789ab.tmp"
    orphan.write_bytes(b"{")
    (tmp_path / ".other.json.1.2.tmp").write_bytes(b"{")
    assert temp_files(path) == [orphan]


_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import orjson

    from coop_tui.store.storage import atomic_write

    path, counter = Path(sys.argv[1]), int(sys.argv[2])
    print("ready", flush=True)
    while True:
        counter += 1
        rows = [{"counter": counter, "row": i, "text": "défi é" * 8}
                for i in range(1500 + counter % 1000)]
        atomic_write(path, orjson.dumps({"counter": counter, "rows": rows, "end": counter},
                                        option=orjson.OPT_INDENT_2))
        print(counter, flush=True)
    """
)


def _check_payload(path: Path) -> int:
    """The counter of a complete payload at ``path``; fails on a partial or mixed one."""
    document = orjson.loads(path.read_bytes())
    counter = document["counter"]
    assert document["end"] == counter
    assert len(document["rows"]) == 1500 + counter % 1000
    assert all(row["counter"] == counter for row in document["rows"])
    assert [row["row"] for row in document["rows"]] == list(range(len(document["rows"])))
    return int(counter)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_atomic_write_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    chance = random.Random(20260312)
    on_disk = 0  # counter of the payload the file holds; 0: no file yet
    for round_number in range(50):
        base = round_number * 100_000
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path), str(base)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        assert child.stdout is not None and child.stderr is not None
        ready = child.stdout.readline()
        if ready != b"ready\n":
            child.kill()
            pytest.fail(f"the writer did not start: {child.stderr.read().decode()}")
        # Kill somewhere in the first writes: before, during or between them.
        threading.Event().wait(chance.uniform(0.0, 0.25))
        child.kill()
        child.wait()
        completed = [int(line) for line in child.stdout.read().split()]
        child.stdout.close()
        child.stderr.close()
        assert completed == list(range(base + 1, base + 1 + len(completed)))
        # The last write it reported, or the next one: replaced but not yet reported; with
        # no write reported, the previous round's file or this round's first write.
        expected = {completed[-1], completed[-1] + 1} if completed else {on_disk, base + 1}
        if not path.exists():
            assert on_disk == 0 and not completed
            continue
        on_disk = _check_payload(path)
        assert on_disk in expected, (round_number, on_disk, completed[-2:])
        assert mode_of(path) == 0o600
    assert on_disk, "no write ever completed: the test proved nothing"
    # What a killed writer leaves is only ever a temporary file beside the store.
    assert {p.name for p in tmp_path.iterdir()} - {path.name} == {
        p.name for p in temp_files(path)
    }


def test_orphan_temp_files_are_removed_at_the_next_open(tmp_path: Path) -> None:
    path = small_store(tmp_path / "store.json")
    orphans = [tmp_path / ".store.json.4242.139.tmp", tmp_path / ".store.json.0a1b2c3d4e5f.tmp"]
    for orphan in orphans:
        orphan.write_bytes(b'{"half": ')
    unrelated = tmp_path / ".notes.json.1.1.tmp"
    unrelated.write_bytes(b"")
    repository = open_store(path)
    try:
        assert not any(orphan.exists() for orphan in orphans)
        assert unrelated.exists()
        # A second, read-only opener leaves the writer's temporary files alone.
        live = tmp_path / ".store.json.777.1.tmp"
        live.write_bytes(b"{")
        second = open_store(path)
        assert second.read_only
        second.close()
        assert live.exists()
    finally:
        repository.close()


# ---------------------------------------------------------------------------- DirectWriter


def test_direct_writer_reports_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    writer = DirectWriter(path)
    writer.submit(b"one")
    assert path.read_bytes() == b"one"

    def full_disk(target: Path, payload: bytes) -> None:
        raise ENOSPC

    monkeypatch.setattr(storage, "atomic_write", full_disk)
    with pytest.raises(SaveFailed) as caught:
        writer.submit(b"two")
    assert os.strerror(errno.ENOSPC) in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"one"


# ---------------------------------------------------------------------------- BackgroundWriter


class GatedWrites:
    """Replaces ``atomic_write``: records each payload; the first write waits for a gate."""

    def __init__(self) -> None:
        self.payloads: list[bytes] = []
        self.started = threading.Event()
        self.gate = threading.Event()
        self.real = storage.atomic_write

    def __call__(self, path: Path, payload: bytes) -> None:
        self.payloads.append(payload)
        if len(self.payloads) == 1:
            self.started.set()
            self.gate.wait(30)
        self.real(path, payload)


def test_background_submits_coalesce_to_the_latest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    writes = GatedWrites()
    monkeypatch.setattr(storage, "atomic_write", writes)
    writer = BackgroundWriter(path)
    try:
        writer.submit(b"1")
        assert writes.started.wait(30)
        for payload in (b"2", b"3", b"4"):
            writer.submit(payload)
        writes.gate.set()
        writer.flush()
        assert writes.payloads == [b"1", b"4"]
        assert path.read_bytes() == b"4"
    finally:
        writes.gate.set()
        writer.close()


def test_background_flush_waits_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    writes = GatedWrites()
    monkeypatch.setattr(storage, "atomic_write", writes)
    writer = BackgroundWriter(path)
    try:
        writer.submit(b"typed during the meeting")
        assert writes.started.wait(30)
        opener = threading.Timer(0.2, writes.gate.set)
        opener.start()
        writer.flush()  # returns only once the gated write is done
        assert path.read_bytes() == b"typed during the meeting"
        opener.join()
    finally:
        writes.gate.set()
        writer.close()


def test_background_close_writes_what_is_pending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    writes = GatedWrites()
    monkeypatch.setattr(storage, "atomic_write", writes)
    writer = BackgroundWriter(path)
    writer.submit(b"a")
    assert writes.started.wait(30)
    writer.submit(b"b")
    threading.Timer(0.1, writes.gate.set).start()
    writer.close()
    assert path.read_bytes() == b"b"


def test_background_failure_is_reported_kept_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    real = storage.atomic_write
    tries: list[bytes] = []

    def disk_full_twice(target: Path, payload: bytes) -> None:
        tries.append(payload)
        if len(tries) <= 2:
            raise ENOSPC
        real(target, payload)

    outcomes: list[SaveFailed | None] = []
    saved = threading.Event()

    def listener(failure: SaveFailed | None) -> None:
        outcomes.append(failure)
        if failure is None:
            saved.set()

    monkeypatch.setattr(storage, "atomic_write", disk_full_twice)
    writer = BackgroundWriter(path, listener, retry_seconds=0.01)
    try:
        writer.submit(b"decisions")
        assert saved.wait(30)
        assert tries == [b"decisions"] * 3
        assert [type(outcome) for outcome in outcomes] == [SaveFailed, SaveFailed, type(None)]
        failure = outcomes[0]
        assert failure is not None and os.strerror(errno.ENOSPC) in str(failure)
        assert path.read_bytes() == b"decisions"
        assert not writer.failed
    finally:
        writer.close()


def test_background_flush_raises_while_the_disk_fails_then_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "usb-key"
    folder.mkdir()
    path = folder / "store.json"
    outcomes: list[SaveFailed | None] = []
    writer = BackgroundWriter(path, outcomes.append, retry_seconds=3600)
    try:
        writer.submit(b"first")
        writer.flush()
        assert path.read_bytes() == b"first"
        shutil.rmtree(folder)  # the key is pulled out
        writer.submit(b"second")
        with pytest.raises(SaveFailed):
            writer.flush()
        assert writer.failed
        assert isinstance(outcomes[-1], SaveFailed)
        folder.mkdir()  # and put back: the kept snapshot goes to disk
        writer.flush()
        assert path.read_bytes() == b"second"
        assert not writer.failed
        assert outcomes[-1] is None
    finally:
        folder.mkdir(exist_ok=True)
        writer.close()


def test_background_submit_during_a_failing_write_is_tried_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.json"
    real = storage.atomic_write
    started, gate, saved = threading.Event(), threading.Event(), threading.Event()
    tries: list[bytes] = []

    def first_fails(target: Path, payload: bytes) -> None:
        tries.append(payload)
        if len(tries) == 1:
            started.set()
            gate.wait(30)
            raise ENOSPC
        real(target, payload)

    monkeypatch.setattr(storage, "atomic_write", first_fails)
    # With an hour between retries, only an immediate try of the new snapshot can save it.
    def listener(failure: SaveFailed | None) -> None:
        if failure is None:
            saved.set()

    writer = BackgroundWriter(path, listener, retry_seconds=3600)
    try:
        writer.submit(b"old")
        assert started.wait(30)
        writer.submit(b"new")
        gate.set()
        assert saved.wait(30)
        assert tries == [b"old", b"new"]
        assert path.read_bytes() == b"new"
    finally:
        gate.set()
        writer.close()


# ---------------------------------------------------------------------------- MemoryStorage


def test_memory_storage_batch_gives_one_snapshot(tmp_path: Path) -> None:
    writer = CountingWriter()
    memory = MemoryStorage({"actors": {}}, writer, tmp_path / "s.json")
    with memory.batch():
        for number in range(3):
            data = memory.read()
            data["actors"][str(number + 1)] = {"n": number}
            memory.write(data)
        with memory.batch():  # nested: still the same snapshot
            memory.write(memory.read())
        assert writer.payloads == []
    assert len(writer.payloads) == 1
    assert orjson.loads(writer.payloads[0]) == {
        "actors": {"1": {"n": 0}, "2": {"n": 1}, "3": {"n": 2}}
    }
    memory.write(memory.read())
    memory.write(memory.read())
    assert len(writer.payloads) == 3  # outside a batch, one snapshot per write
    with memory.batch():
        pass
    assert len(writer.payloads) == 3  # nothing written, nothing sent


def test_memory_storage_serves_reads_from_memory(tmp_path: Path) -> None:
    data = {"actors": {"1": {"name": "x"}}}
    memory = MemoryStorage(data, CountingWriter(), tmp_path / "absent.json")
    assert memory.read() is data


def test_memory_storage_without_writer_is_read_only(tmp_path: Path) -> None:
    memory = MemoryStorage({}, None, tmp_path / "s.json", "another coop-tui holds it")
    with pytest.raises(ReadOnlyStore) as caught:
        memory.write({"actors": {}})
    assert "another coop-tui holds it" in str(caught.value)
    with pytest.raises(ReadOnlyStore), memory.batch():
        pass
    assert memory.read() == {}
