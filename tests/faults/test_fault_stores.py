"""The fault battery's store rows: damaged files, stores that cannot be written, a folder,
a missing folder, a second instance (the full battery: python -m benchmarks.faults)."""

from __future__ import annotations

import shutil

import pytest

from benchmarks import fault_stores
from benchmarks.fault_stores import DAMAGES

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.mark.parametrize("damage", DAMAGES, ids=[damage.name for damage in DAMAGES])
def test_a_damaged_store_is_refused_untouched_and_the_backup_offered(
    damage: fault_stores.Damage,
) -> None:
    row = fault_stores.broken_stores(in_terminal=True, damages=(damage,))
    assert row.nothing_lost, row


def test_a_folder_or_a_missing_folder_is_one_line() -> None:
    row = fault_stores.unusable_paths(in_terminal=False)
    assert row.nothing_lost, row


def test_a_second_instance_is_read_only_and_names_the_holder() -> None:
    row = fault_stores.second_instance(tries=1)
    assert row.nothing_lost, row


@pytest.mark.skipif(bool(fault_stores.other_user_missing()),
                    reason=fault_stores.other_user_missing() or "-")
def test_a_store_another_user_cannot_write_opens_read_only_in_the_app() -> None:
    """As a real other user, so the kernel refuses the writes: the app says read-only and
    offers no editing; the store and its folder are unchanged."""
    user = fault_stores.other_user()
    assert user is not None
    folder, store = fault_stores.shared_store(user)
    try:
        before = fault_stores.folder_state(folder)
        assert fault_stores.read_only_app(user, store, folder)
        assert fault_stores.folder_state(folder) == before
    finally:
        shutil.rmtree(folder, ignore_errors=True)
