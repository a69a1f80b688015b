"""The fault battery's fast variants (the full one: python -m benchmarks.faults)."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import faults

pytestmark = pytest.mark.slow


def test_sigkill_during_saves() -> None:
    row = faults.sigkill_during_saves(tries=8, size="small")
    assert row.nothing_lost, row


def test_disk_full_during_a_save() -> None:
    row = faults.disk_full(tries=1)
    assert row.nothing_lost, row


def test_private_modes_after_every_save() -> None:
    row = faults.private_modes(tries=2)
    assert row.nothing_lost, row


def test_a_megabyte_note_among_many_meetings() -> None:
    row = faults.big_store(meetings=300, note_bytes=1_000_000)
    assert row.nothing_lost, row


def _as_nobody() -> None:
    nobody = pwd.getpwnam("nobody")
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)


def _nobody_can_run_python() -> bool:
    if os.geteuid() != 0:
        return False
    try:
        probe = subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_as_nobody,
                               capture_output=True, check=False)
    except OSError:
        return False
    return probe.returncode == 0


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


@pytest.mark.skipif(not _nobody_can_run_python(),
                    reason="this Python cannot run as another user (its folder is private)")
def test_read_only_store_for_a_user_who_cannot_write_it(demo_bytes: bytes) -> None:
    """As a real other user: the store opens read-only, check still works."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="coop-tui-shared-"))
    folder.chmod(0o755)
    store = folder / "shared.json"
    store.write_bytes(demo_bytes)
    store.chmod(0o644)
    script = (
        "from pathlib import Path; from coop_tui.store.database import open_store;"
        f"r = open_store(Path({str(store)!r})); print(r.read_only_message); r.close()"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, preexec_fn=_as_nobody, check=False,
                            env={**os.environ, "HOME": str(folder)})
    assert result.returncode == 0, result.stderr
    assert "not writable" in result.stdout
    assert store.read_bytes() == demo_bytes
    checked = subprocess.run([sys.executable, "-m", "coop_tui", "check", str(store)],
                             capture_output=True, text=True, timeout=120, preexec_fn=_as_nobody,
                             check=False, env={**os.environ, "LANG": "C.UTF-8"})
    assert checked.returncode == 0, checked.stderr
