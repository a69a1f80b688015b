"""The actor list as CSV: for a mail merge, UTF-8 with BOM, private fields only when asked."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coop_tui.core.exports.actors_csv import actor_rows, actors_csv, safe_cell
from coop_tui.shell.cli import main
from coop_tui.store.models import Actor, ActorKind, Channel, Contact, PrivateReading, Role
from coop_tui.store.repository import Repository


def run(capsys: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err.decode()


def parse(payload: bytes, delimiter: str = ",") -> list[list[str]]:
    assert payload.startswith(b"\xef\xbb\xbf")
    text = payload.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_one_row_per_actor_in_name_order(repository: Repository) -> None:
    rows = parse(actors_csv(repository.actors))
    assert rows[0][:4] == ["Name", "Kind", "Part of", "E-mail"]
    names = [row[0] for row in rows[1:]]
    assert len(names) == len(repository.actors)
    assert names[0] == "Agnès Henry"
    assert names.index("Hélène Giraud") < names.index("Julie Guérin")


def test_private_fields_only_when_asked(repository: Repository) -> None:
    public = parse(actors_csv(repository.actors))[0]
    private = parse(actors_csv(repository.actors, include_private=True))[0]
    for header in ("Role", "Influence", "Interest", "Quadrant", "Stance", "Blockages"):
        assert header not in public
        assert header in private
    stances = {actor.private.stance for actor in repository.actors if actor.private.stance}
    text = actors_csv(repository.actors).decode("utf-8-sig")
    assert not any(stance in text for stance in stances)


def test_values_of_one_actor() -> None:
    parent = Actor(name="Communauté de communes", kind=ActorKind.COMMUNITY)
    actor = Actor(
        name="Service « ADS »", kind=ActorKind.SERVICE, parent_id=parent.id,
        channels=[Channel.EMAIL, Channel.PHONE], preferred_channel=Channel.PHONE,
        contact=Contact(email="ads@example.fr", phone="+33 4 65 00 00 00",
                        address="1 place de la Mairie\n38000 Loubières"),
        tags=["urbanisme", "service commun"],
        private=PrivateReading(role=Role.DRIVER, influence=4, interest=5),
    )
    header, *rows = actor_rows([actor, parent], include_private=True)
    row = dict(zip(header, rows[1], strict=True))
    assert row["Name"] == "Service « ADS »"
    assert row["Part of"] == "Communauté de communes"
    assert row["Phone"] == '="+33 4 65 00 00 00"'  # a spreadsheet shows it as typed
    assert row["Address"] == "1 place de la Mairie\n38000 Loubières"
    assert row["Channel to use"] == "phone"
    assert row["Tags"] == "urbanisme, service commun"
    assert (row["Role"], row["Influence"], row["Interest"], row["Quadrant"]) == (
        "driver", "4", "5", "manage closely")


def test_french_headers_and_labels(repository: Repository, french: None) -> None:
    rows = parse(actors_csv(repository.actors, include_private=True, delimiter=";"), ";")
    assert rows[0][:3] == ["Nom", "Type", "Rattaché à"]
    assert "Rôle" in rows[0]
    kinds = {row[1] for row in rows[1:]}
    assert "élu·e" in kinds and "commune" in kinds


def test_formulas_are_written_as_text() -> None:
    assert safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-cmd") == "'-cmd"
    assert safe_cell("+33 6 12 34 56 78") == '="+33 6 12 34 56 78"'
    assert safe_cell("- premier point") == "'- premier point"
    assert safe_cell("Mairie") == "Mairie"


def test_command_writes_a_file_and_never_overwrites(
        capsysbinary: pytest.CaptureFixture[bytes], demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "actors.csv"
    code, _out, err = run(capsysbinary, "export", "actors", str(demo_path), "-o", str(target),
                           "--lang", "en")
    assert code == 0
    assert "actors written to" in err
    rows = parse(target.read_bytes())
    assert "Role" not in rows[0]
    code, _out, err = run(capsysbinary, "export", "actors", str(demo_path), "-o", str(target),
                          "--include-private", "--lang", "en")
    assert code == 1
    assert "--force" in err
    assert "Role" not in parse(target.read_bytes())[0]
    code, _out, _err = run(capsysbinary, "export", "actors", str(demo_path), "-o", str(target),
                           "--include-private", "--force", "--lang", "en")
    assert code == 0
    assert "Role" in parse(target.read_bytes())[0]


def test_command_to_standard_output_in_french(
        capsysbinary: pytest.CaptureFixture[bytes], demo_path: Path) -> None:
    code, out, _err = run(capsysbinary, "export", "actors", str(demo_path), "--lang", "fr")
    assert code == 0
    rows = parse(out, ";")
    assert rows[0][0] == "Nom"
    code, out, _err = run(capsysbinary, "--lang", "fr", "export", "actors", str(demo_path),
                          "--delimiter", ",")
    assert parse(out, ",")[0][:2] == ["Nom", "Type"]


def test_command_errors_are_one_line(
        capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, demo_path: Path) -> None:
    code, _out, err = run(capsysbinary, "export", "actors", str(tmp_path / "missing.json"))
    assert code == 1
    assert err.startswith("coop-tui: ") and "Traceback" not in err
    code, _out, err = run(capsysbinary, "export", "actors", str(demo_path), "-o",
                          str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == 1
    assert "does not exist" in err


@pytest.mark.parametrize("typed", [
    '+0+HYPERLINK("http://example.org";"Cliquez")', "-2+3", "+1", "-1", "+ 1", "- 1",
    "\t=1", "\r=1", "=1", "@A1", '+33 6 12"&HYPERLINK("x")',
])
def test_every_cell_a_spreadsheet_could_run_is_written_as_text(typed: str) -> None:
    """Issue 19: signs followed by a digit or a space were let through."""
    assert safe_cell(typed) == "'" + typed


@given(st.text(max_size=40))
def test_no_cell_reaches_a_spreadsheet_as_a_formula(typed: str) -> None:
    cell = safe_cell(typed)
    if cell.startswith('="'):
        # a text constant made of digits and separators only: nothing to run
        assert re.fullmatch(r'="\+?[0-9 .()\-]+"', cell), cell
    else:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert cell in (typed, "'" + typed)
