"""The fault battery's fast variants (the full one: python -m benchmarks.faults)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks import fault_files, fault_stores, fault_summary, faults
from benchmarks.fault_common import Row

pytestmark = pytest.mark.slow


def test_sigkill_during_saves() -> None:
    row = faults.sigkill_during_saves(tries=8, size="small")
    assert row.nothing_lost, row


def test_disk_full_during_a_save() -> None:
    row = faults.disk_full(tries=1)
    assert row.nothing_lost, row


def test_a_summary_out_of_step_with_the_store_is_never_shown() -> None:
    """Edited by hand, same size and time, restored copy, merge: the first frame never
    shows the summary of the store as it was, and the change made outside is kept."""
    row = fault_summary.stale_summaries(tries=1)
    assert row.nothing_lost, row


def test_private_modes_after_every_save() -> None:
    row = faults.private_modes(tries=2)
    assert row.nothing_lost, row


def test_a_megabyte_note_among_many_meetings() -> None:
    row = faults.big_store(meetings=300, note_bytes=1_000_000)
    assert row.nothing_lost, row


def test_read_only_store_opens_read_only(
    tmp_path: Path, demo_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file system says the store is not writable: read-only, with the reason."""
    from coop_tui.store.database import open_store
    from coop_tui.store.errors import ReadOnlyStore
    from coop_tui.store.models import Actor

    store = tmp_path / "shared.json"
    store.write_bytes(demo_bytes)
    monkeypatch.setattr(os, "access", lambda path, mode, **_: mode != os.W_OK)
    repository = open_store(store)
    try:
        assert "not writable" in repository.read_only_message
        with pytest.raises(ReadOnlyStore):
            repository.save(repository.all(Actor)[0])
    finally:
        repository.close()
    assert store.read_bytes() == demo_bytes


@pytest.mark.skipif(bool(fault_stores.other_user_missing()),
                    reason=fault_stores.other_user_missing() or "-")
def test_read_only_store_for_a_user_who_cannot_write_it() -> None:
    """As a real other user (a forked child that gave up root, so the kernel checks the
    permissions): the store opens read-only, a save is refused, check still works."""
    user = fault_stores.other_user()
    assert user is not None
    folder, store = fault_stores.shared_store(user)
    try:
        before = store.read_bytes()
        answer = fault_stores.read_only_in_process(user, store)
        assert "error" not in answer, answer.get("error")
        assert answer["uid"] == user.pw_uid
        assert answer["writable"] is False
        assert "not writable" in answer["message"]
        assert answer["save_refused"] is True
        assert answer["check"] == 0, answer["check_output"]
        assert store.read_bytes() == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("fault", [
    lambda: fault_files.planted_links(tries=1),
    fault_files.special_stores,
    fault_files.modes_under_umasks,
    fault_files.export_onto_the_store,
    fault_files.untimed_meetings_and_date_limits,
], ids=["planted links", "special files", "modes", "export onto the store", "dates"])
def test_what_a_neighbour_plants_and_a_user_types(fault: Callable[[], Row]) -> None:
    row = fault()
    assert row.nothing_lost, row
