"""The first frame's summary is used only while it matches the store's bytes exactly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coop_tui.store.database import open_store
from coop_tui.store.models import Territory
from coop_tui.store.summary import (
    Stamps,
    SummaryCheck,
    matching_summary,
    stamp_of,
    summary_path,
    write_summary,
)

CONTENT = {"territory": "Val de Loubière", "panels": []}


def summarised(store: Path) -> Stamps:
    """Write a summary for ``store`` as it is now (as the app does after its last save)."""
    stamp = stamp_of(store, store.read_bytes())
    assert stamp is not None
    stamps = Stamps(stamp)
    write_summary(store, stamps, CONTENT)
    return stamps


def test_a_summary_of_the_store_as_it_is_is_used(demo_path: Path) -> None:
    summarised(demo_path)
    assert matching_summary(demo_path) == CONTENT
    assert summary_path(demo_path).stat().st_mode & 0o777 == 0o600


def test_a_store_edited_by_hand_makes_it_stale(demo_path: Path) -> None:
    summarised(demo_path)
    text = demo_path.read_text(encoding="utf-8")
    demo_path.write_text(text.replace("Val de Loubière", "Val de Loubiere"), encoding="utf-8")
    assert matching_summary(demo_path) is None


def test_same_size_and_time_with_other_bytes_is_stale(demo_path: Path) -> None:
    """A backup restored with its size and time kept (cp -p of a same-sized copy): only
    the digest tells it apart."""
    summarised(demo_path)
    info = demo_path.stat()
    payload = bytearray(demo_path.read_bytes())
    index = payload.index(b"Val de Loubi")
    payload[index] = ord("W")
    demo_path.write_bytes(bytes(payload))
    os.utime(demo_path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert demo_path.stat().st_size == info.st_size
    assert matching_summary(demo_path) is None


def test_a_store_touched_without_change_is_stale(demo_path: Path) -> None:
    summarised(demo_path)
    info = demo_path.stat()
    os.utime(demo_path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert matching_summary(demo_path) is None


def test_a_changed_sidecar_makes_it_stale(demo_path: Path) -> None:
    sidecar = demo_path.with_name("demo.private.json")
    sidecar.write_bytes(b'{"relations": {}}\n')
    store_stamp, sidecar_stamp = (stamp_of(demo_path, demo_path.read_bytes()),
                                  stamp_of(sidecar, sidecar.read_bytes()))
    assert store_stamp is not None and sidecar_stamp is not None
    write_summary(demo_path, Stamps(store_stamp, sidecar_stamp), CONTENT)
    assert matching_summary(demo_path) == CONTENT
    sidecar.write_bytes(b'{"relations": {"x": {}}}\n')
    assert matching_summary(demo_path) is None


@pytest.mark.parametrize("damage", ["link", "garbage", "format"])
def test_a_summary_that_is_not_one_is_ignored(demo_path: Path, tmp_path: Path,
                                              damage: str) -> None:
    summarised(demo_path)
    path = summary_path(demo_path)
    if damage == "link":
        elsewhere = tmp_path / "elsewhere.summary"
        elsewhere.write_bytes(path.read_bytes())
        path.unlink()
        path.symlink_to(elsewhere)
    elif damage == "garbage":
        path.write_bytes(b"\x00not json")
    else:
        path.write_bytes(path.read_bytes().replace(b'"format":1', b'"format":99'))
    assert matching_summary(demo_path) is None


def test_the_check_runs_on_its_own_thread(demo_path: Path) -> None:
    summarised(demo_path)
    assert SummaryCheck(demo_path).result() == CONTENT
    assert SummaryCheck(demo_path.with_name("none.json")).result() is None


def test_the_app_store_knows_the_bytes_it_read_and_wrote(demo_path: Path) -> None:
    repository = open_store(demo_path, background=True)
    try:
        stamps = repository.stamps()
        assert stamps == Stamps(stamp_of(demo_path, demo_path.read_bytes()))  # type: ignore[arg-type]
        territory = repository.territory.model_copy(deep=True)
        territory.name = "Autre nom"
        repository.save(territory)
        repository.flush()
        written = repository.stamps()
        assert written is not None and written != stamps
        assert written == Stamps(stamp_of(demo_path, demo_path.read_bytes()))  # type: ignore[arg-type]
    finally:
        repository.close()


def test_the_sidecar_is_stamped_when_the_store_keeps_one(demo_path: Path) -> None:
    repository = open_store(demo_path, background=True)
    try:
        territory: Territory = repository.territory.model_copy(deep=True)
        territory.private_apart = True
        repository.save(territory)
        repository.flush()
        stamps = repository.stamps()
    finally:
        repository.close()
    sidecar = demo_path.with_name("demo.private.json")
    assert stamps is not None and stamps.sidecar is not None
    assert stamps.sidecar == stamp_of(sidecar, sidecar.read_bytes())
    write_summary(demo_path, stamps, CONTENT)
    assert matching_summary(demo_path) == CONTENT


def test_a_read_only_store_is_never_summarised(demo_path: Path) -> None:
    repository = open_store(demo_path, read_only=True, background=True)
    try:
        assert repository.stamps() is None
    finally:
        repository.close()
