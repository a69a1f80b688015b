"""A private canary: a unique string in every private field appears in no export made
without the explicit private option (and in the actor CSV when it is asked for)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.fault_exports import CANARY, plant_canary
from coop_tui.shell.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    assert exit_info.value.code in (0, None), err
    return out


@pytest.fixture
def canary_store(demo_path: Path) -> Path:
    plant_canary(demo_path)
    return demo_path


def test_no_export_leaks_the_private_canary(capsys: pytest.CaptureFixture[str],
                                            canary_store: Path) -> None:
    store = str(canary_store)
    data = json.loads(canary_store.read_text(encoding="utf-8"))
    outputs = []
    for meeting in data["meetings"].values():
        for template in ("full", "decisions", "pv"):
            for fmt in ("md", "html"):
                outputs.append(run(capsys, "export", "minutes", store, meeting["id"],
                                   "--template", template, "--format", fmt))
    outputs += [run(capsys, "status", store, "--format", fmt) for fmt in ("text", "md")]
    outputs.append(run(capsys, "export", "ics", store))
    outputs.append(run(capsys, "export", "actors", store))
    assert all(outputs)
    for output in outputs:
        assert CANARY not in output


def test_the_actor_list_carries_it_when_asked(capsys: pytest.CaptureFixture[str],
                                              canary_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "actors.csv"
    run(capsys, "export", "actors", str(canary_store), "--include-private", "-o", str(target))
    assert CANARY in target.read_text(encoding="utf-8-sig")


def apart(store: Path) -> Path:
    """The store laid out for sharing: its private parts in the sidecar."""
    from coop_tui.store.database import open_store

    repository = open_store(store)
    try:
        territory = repository.territory.model_copy(deep=True)
        territory.private_apart = True
        repository.save(territory)
    finally:
        repository.close()
    return store.with_name(f"{store.stem}.private.json")


def test_the_shared_file_never_holds_the_canary(canary_store: Path) -> None:
    sidecar = apart(canary_store)
    assert CANARY not in canary_store.read_text(encoding="utf-8")
    assert CANARY in sidecar.read_text(encoding="utf-8")


def test_no_export_leaks_the_canary_with_the_private_parts_apart(
        capsys: pytest.CaptureFixture[str], canary_store: Path) -> None:
    apart(canary_store)
    test_no_export_leaks_the_private_canary(capsys, canary_store)


def test_the_actor_list_carries_it_from_the_sidecar_when_asked(
        capsys: pytest.CaptureFixture[str], canary_store: Path, tmp_path: Path) -> None:
    apart(canary_store)
    test_the_actor_list_carries_it_when_asked(capsys, canary_store, tmp_path)
