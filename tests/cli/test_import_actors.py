"""coop-tui import actors: a spreadsheet's list read by its headers (English or French) or
as « First Last, role » lines, previewed with --dry-run, each row left out in one line;
and, for any text at all, every row is either an actor or a reason, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coop_tui.core.actor_import import read_actors
from coop_tui.core.dates import fold
from coop_tui.core.i18n import set_language
from coop_tui.shell.cli import main
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor, ActorKind


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def names(store: Path) -> set[str]:
    repository = open_store(store, read_only=True)
    try:
        return {actor.name for actor in repository.actors}
    finally:
        repository.close()


def test_a_french_export_reads_back_by_its_headers(demo_path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "liste.csv"
    csv_file.write_text("\ufeffNom;Type;Rattaché à;Courriel;Étiquettes\n"
                        "Mairie de Vézelay;commune;;;rural\n"
                        "Jeanne Dupont;élu·e;Mairie de Vézelay;jeanne@example.org;bureau, eau\n",
                        encoding="utf-8")
    before = names(demo_path)
    code, _out, err = run(capsys, "import", "actors", str(demo_path), str(csv_file))
    assert code == 0, err
    assert "2 actors added" in err
    repository = open_store(demo_path, read_only=True)
    try:
        jeanne = next(a for a in repository.actors if a.name == "Jeanne Dupont")
        mairie = next(a for a in repository.actors if a.name == "Mairie de Vézelay")
        assert (jeanne.kind, jeanne.parent_id, jeanne.contact.email, jeanne.tags) == (
            ActorKind.ELECTED, mairie.id, "jeanne@example.org", ["bureau", "eau"])
        assert mairie.kind is ActorKind.COMMUNE and len(repository.actors) == len(before) + 2
    finally:
        repository.close()


def test_a_list_of_mayors_one_per_line(demo_path: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "maires.csv"
    csv_file.write_text("Claire Martin, Maire de Cressy\nLuc Bernard, Maire de Lormes\n",
                        encoding="utf-8")
    code, out, _err = run(capsys, "import", "actors", str(demo_path), str(csv_file))
    assert code == 0
    assert out.splitlines() == ["Claire Martin · elected official · Maire de Cressy",
                                "Luc Bernard · elected official · Maire de Lormes"]


def test_rows_left_out_say_why_and_dry_run_writes_nothing(
        demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("Name,Kind,Part of,E-mail\n"
                        "Syndicat mixte,public body,,\n"
                        ",,,\n"
                        "Paul,martian,,\n"
                        "Léo,,Nowhere,\n"
                        "Syndicat mixte,,,\n"
                        "Anne,,,not-an-address\n", encoding="utf-8")
    before = names(demo_path)
    code, out, err = run(capsys, "import", "actors", str(demo_path), str(csv_file),
                         "--dry-run")
    assert code == 2
    assert out.splitlines() == ["Syndicat mixte · public body"]
    lines = err.splitlines()
    assert lines[:4] == ["line 4: « martian » is not a kind of actor",
                         "line 5: no actor named « Nowhere » to be part of",
                         "line 6: « Syndicat mixte » is already an actor",
                         lines[3]]
    assert lines[3].startswith("line 7: email")
    assert "nothing written" in lines[-1]
    assert names(demo_path) == before


@pytest.mark.parametrize("content", [b"\xff\xfe\x00bad", b""])
def test_an_unreadable_file_is_one_line(demo_path: Path, tmp_path: Path, content: bytes,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "x.csv"
    csv_file.write_bytes(content)
    code, out, err = run(capsys, "import", "actors", str(demo_path), str(csv_file))
    assert code in (0, 1) and out == ""
    assert len(err.strip().splitlines()) == 1


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_actors_or_reasons(text: str) -> None:
    set_language("en")
    existing = [Actor(name="Mairie de Brêves", kind=ActorKind.COMMUNE)]
    found = read_actors(text, existing)
    for actor in found.actors:
        Actor.model_validate(actor.model_dump())  # every actor is valid as stored
    folded = [fold(actor.name) for actor in [*existing, *found.actors]]
    assert len(set(folded)) == len(folded)  # never a second actor of the same name
    assert all(rejected.reason and rejected.line >= 1 for rejected in found.rejected)
