"""The bilan partagé and the charter in every minutes format, read back: Markdown and HTML
as text, Word through python-docx, PDF through pypdf, on the territory's letterhead."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from coop_tui.core.exports.pacte import pact_export
from coop_tui.core.pacte import PactRecords, read_pacte
from coop_tui.shell.cli import main
from coop_tui.store.repository import Repository


def test_the_bilan_in_markdown_names_each_commune_its_index_and_flows(
        repository: Repository) -> None:
    text = pact_export(repository, "bilan", "md", "en").decode()
    reading = read_pacte(PactRecords.of(repository))
    assert text.startswith("# Bilan partagé 2025\n")
    for line in reading.bilan.communes:
        assert f"| {line.name} |" in text
    assert "| Median |" in text
    assert "## Flows between the community and the communes" in text
    assert "épargne nette of" in text and "× 7 years left in the mandate" in text
    assert "## Projects ranked" in text
    assert "Intérêt communautaire: " in text and "/5 × 3 = " in text
    assert "beyond the capacity" in text
    assert "compte administratif 2025" in text


def test_the_charter_in_french_html(repository: Repository) -> None:
    page = pact_export(repository, "charte", "html", "fr").decode()
    assert page.startswith("<!DOCTYPE html>")
    assert "Charte du pacte financier et fiscal" in page
    assert "Approuvé par" in page
    assert "Pas encore approuvé" in page


def test_the_bilan_in_word_on_the_letterhead(repository: Repository) -> None:
    document = docx.Document(io.BytesIO(pact_export(repository, "bilan", "docx", "fr")))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert repository.territory.name in text
    assert "Bilan partagé 2025" in text
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:2] == ["Commune", "Pop."]
    assert table.rows[-1].cells[0].text == "Médiane"
    assert len(table.rows) == 12 + 2


def test_the_charter_in_pdf(repository: Repository) -> None:
    reader = PdfReader(io.BytesIO(pact_export(repository, "charte", "pdf", "en")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Charter of the pacte financier et fiscal" in text
    assert "Endorsed by" in text
    assert "Loubières-le-Bourg" in text


def test_export_pacte_command(demo_path: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bilan.pdf"
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "export", "pacte", str(demo_path), "--format", "pdf",
              "-o", str(out)])
    assert exit_info.value.code in (0, None)
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "export", "pacte", str(demo_path), "--what", "bilan",
              "--year", "2024"])
    assert "# Bilan partagé 2024" in capsys.readouterr().out


def test_the_status_report_has_a_pacte_section_only_once_something_is_recorded(
        repository: Repository, empty_repository: Repository) -> None:
    from datetime import date

    from coop_tui.core.exports.status import status_report

    day = date(2026, 11, 26)
    text = status_report(repository, day, "text", "en").decode()
    assert "Pacte financier et fiscal\n-------------------------\n" in text
    assert "  - Charter — 7 of 9 commitments endorsed\n" in text
    assert "Pacte financier et fiscal" not in status_report(
        empty_repository, day, "text", "en").decode()
