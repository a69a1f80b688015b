"""The status report: golden files in both languages, Markdown that parses back to the
same text, nothing private, and the ``coop-tui status`` command.

Set UPDATE_GOLDEN=1 to write the golden files again (then read the diff before keeping it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from coop_tui.core.exports.markdown import parser
from coop_tui.core.exports.status import render, status_report
from coop_tui.core.insights.dashboard import overview
from coop_tui.shell.cli import cli
from coop_tui.store.models import (
    Actor,
    ActorKind,
    Blockage,
    Channel,
    PrivateReading,
    Relation,
    RelationKind,
    RoadmapItem,
    Role,
)
from coop_tui.store.repository import Repository
from tests.conftest import TODAY

GOLDEN = Path(__file__).parent / "golden" / "status"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["text", "md"])
def test_golden(repository: Repository, fmt: str, lang: str) -> None:
    text = status_report(repository, TODAY, "md" if fmt == "md" else "text",
                         "fr" if lang == "fr" else "en").decode()
    check_golden(f"demo-{lang}.{'md' if fmt == 'md' else 'txt'}", text)


def test_the_report_speaks_the_language_asked_and_leaves_the_interface_alone(
        repository: Repository) -> None:
    french = status_report(repository, TODAY, "text", "fr").decode()
    assert "Point d'étape" in french and "roadmap items" not in french
    assert "Status report" in status_report(repository, TODAY, "text").decode()
    assert "Status report" in render(overview(repository, TODAY))


def _texts(markdown: str) -> list[str]:
    """The text of every inline token, as a reader sees it once rendered."""
    out: list[str] = []
    for token in parser().parse(markdown):
        if token.type == "inline":
            out.append("".join(child.content for child in token.children or []
                               if child.type in ("text", "code_inline")))
    return out


def test_markdown_keeps_typed_text_literal(empty_repository: Repository) -> None:
    hostile = "[bold]*Plan* _a_ <b>#1</b> | `x` [lien](http://x)[/]"
    empty_repository.save(RoadmapItem(objective=hostile, due=TODAY.replace(day=1)),
                          Actor(name="# Mairie | <i>", kind=ActorKind.COMMUNE))
    markdown = render(overview(empty_repository, TODAY), "md")
    tokens = parser().parse(markdown)
    assert not [t for t in tokens if t.type in ("html_block", "table_open", "fence")]
    inline_types = {child.type for t in tokens if t.type == "inline" for child in t.children or []}
    assert not inline_types & {"link_open", "html_inline", "code_inline"}
    texts = _texts(markdown)
    assert any(hostile in text for text in texts)
    assert any("# Mairie | <i>" in text for text in texts)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("Status report: ")


def test_nothing_private_goes_out(empty_repository: Repository) -> None:
    secret = "SECRET-STANCE"
    reluctant = Actor(name="Maire réticent", kind=ActorKind.ELECTED, private=PrivateReading(
        role=Role.RELUCTANT, influence=5, interest=1, stance=secret,
        blockages=[Blockage(text="SECRET-BLOCKAGE", reason="SECRET-REASON")]))
    follower = Actor(name="Suiveuse discrète", kind=ActorKind.ELECTED, channels=[Channel.PHONE],
                     private=PrivateReading(role=Role.FOLLOWER))
    other = Actor(name="Autre", kind=ActorKind.COMMUNE)
    empty_repository.save(reluctant, follower, other, Relation(
        source_id=reluctant.id, target_id=other.id, kind=RelationKind.TENSION,
        note="SECRET-RELATION"))
    found = overview(empty_repository, TODAY)
    assert found.actors.to_contact and found.actors.reluctant.count == 1
    for fmt in ("text", "md"):
        for lang in ("fr", "en"):
            text = status_report(empty_repository, TODAY, "md" if fmt == "md" else "text",
                                 "fr" if lang == "fr" else "en").decode()
            for private in ("SECRET", "Suiveuse discrète", "Reluctant", "Réticent",
                            "to contact", "à relancer"):
                assert private not in text
            # Named only where a public field puts them: no known channel, never a role.
            lines = [line for line in text.splitlines() if "Maire réticent" in line]
            assert lines and all("élu" in line or "elected" in line for line in lines)
    assert "Reluctant — 1" not in render(found)
    assert "Reluctant — 1" in render(found, include_private=True)
    assert "1 follower to contact" in render(found, include_private=True)


def test_status_command_prints_writes_and_refuses_to_overwrite(
        demo_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["status", str(demo_path), "--date", TODAY.isoformat(),
                                 "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert result.output == (GOLDEN / "demo-fr.txt").read_text(encoding="utf-8")
    out = tmp_path / "status.md"
    args = ["status", str(demo_path), "--format", "md", "--date", TODAY.isoformat(),
            "-o", str(out), "--lang", "en"]
    assert runner.invoke(cli, args).exit_code == 0
    assert out.read_text(encoding="utf-8") == (GOLDEN / "demo-en.md").read_text(encoding="utf-8")
    again = runner.invoke(cli, args)
    assert again.exit_code == 1 and "--force" in again.output
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0


def test_status_command_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["status", str(tmp_path / "none.json")])
    assert missing.exit_code == 1 and len(missing.output.strip().splitlines()) == 1
    assert "Traceback" not in missing.output
    bad_date = runner.invoke(cli, ["status", str(tmp_path / "none.json"), "--date", "2026-13-01"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output
