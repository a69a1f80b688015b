"""``coop-tui merge BASE OURS THEIRS``: git's merge driver on store files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from coop_tui.shell.cli import main
from coop_tui.store.database import check
from coop_tui.store.storage import serialise
from tests.store.test_store_merge import base_documents, edited, first


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


def sides(tmp_path: Path, ours: Any, theirs: Any, base: Any = None) -> list[Path]:
    paths = []
    for name, documents in (("base", base or base_documents()), ("ours", ours),
                            ("theirs", theirs)):
        path = tmp_path / f"{name}.json"
        path.write_bytes(serialise(documents))
        paths.append(path)
    return paths


def test_the_driver_writes_the_merge_over_ours_and_counts_conflicts(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = base_documents()
    ours = edited(base, lambda d: first(d, "actors", name="Lormes").update(name="Lormes-Ouest"))
    theirs = edited(base, lambda d: first(d, "actors", name="Lormes").update(name="Lormes-Est"))
    base_path, ours_path, theirs_path = sides(tmp_path, ours, theirs, base)
    code, _out, err = run(capsys, "--lang", "en", "merge", str(base_path), str(ours_path),
                          str(theirs_path))
    assert code == 0
    assert "1 conflict recorded" in err
    merged = json.loads(ours_path.read_text(encoding="utf-8"))
    [conflict] = merged["conflicts"].values()
    assert (conflict["ours"], conflict["theirs"]) == ("Lormes-Ouest", "Lormes-Est")
    assert check(ours_path) == []
    assert b"<<<<<<<" not in ours_path.read_bytes()


def test_a_merge_that_cannot_be_valid_leaves_ours_untouched(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = base_documents()
    breves, lormes = first(base, "actors", name="Brêves"), first(base, "actors", name="Lormes")
    ours = edited(base, lambda d: d["actors"][breves["id"]].update(parent_id=lormes["id"]))
    theirs = edited(base, lambda d: d["actors"][lormes["id"]].update(parent_id=breves["id"]))
    paths = sides(tmp_path, ours, theirs, base)
    before = paths[1].read_bytes()
    code, _out, err = run(capsys, "--lang", "fr", "merge", *map(str, paths))
    assert code == 1
    assert err.count("\n") == 1 and "ne peut pas être fusionné" in err and "boucle" in err
    assert paths[1].read_bytes() == before


def test_a_damaged_side_is_one_line_and_leaves_ours_untouched(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = sides(tmp_path, base_documents(), base_documents())
    paths[2].write_text("{", encoding="utf-8")
    before = paths[1].read_bytes()
    code, _out, err = run(capsys, "--lang", "en", "merge", *map(str, paths))
    assert code == 1 and err.count("\n") == 1 and "cannot be merged" in err
    assert "Traceback" not in err
    assert paths[1].read_bytes() == before


def test_the_driver_never_writes_private_parts_into_a_shared_file(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from coop_tui.store.private import split

    base = base_documents()
    next(iter(base["territory"].values()))["private_apart"] = True
    shared = split(base)[0]
    ours = edited(shared, lambda d: first(d, "actors", name="Lormes").update(name="Lormes-O"))
    theirs = edited(shared, lambda d: first(d, "meetings").update(place="Mairie"))
    paths = sides(tmp_path, ours, theirs, shared)
    code, _out, err = run(capsys, "merge", *map(str, paths), "--path", "territoire/val.json")
    assert code == 0, err
    merged = json.loads(paths[1].read_text(encoding="utf-8"))
    assert merged["relations"] == {}
    assert all("private" not in d for d in merged["actors"].values())
    assert all("private_notes" not in d for d in merged["meetings"].values())
    assert first(merged, "meetings")["place"] == "Mairie"
    assert first(merged, "actors", name="Lormes-O")


def test_a_commit_message_counts_records_and_names_meetings_whose_notes_changed() -> None:
    from coop_tui.core.i18n import language, set_language
    from coop_tui.shell.git_sharing import describe_changes
    from tests.store.test_store_merge import add, new_actor

    base = base_documents()

    def work(d: Any) -> None:
        add(d, new_actor("Mairie de Cressy"))
        first(d, "actors", name="Lormes")["tags"] = ["rural"]
        first(d, "meetings")["agenda"][0]["notes"] += "Point voirie.\n"

    before = language()
    try:
        set_language("en")
        assert describe_changes(base, edited(base, work)) == "2 actors, notes of COPIL n°1"
        assert describe_changes(base, base) == ""
        set_language("fr")
        assert describe_changes(base, edited(base, work)) == (
            "2 acteurs, notes de COPIL n°1")
    finally:
        set_language(before)
