"""A look at what comes out: the first page of each template's PDF, and of the Word file
through LibreOffice, rendered to PNG where the tools exist (poppler's pdftoppm, soffice).
The reference images a person looks at are in docs/documents/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coop_tui.core.exports.minutes import MinutesSource, render_bytes
from coop_tui.store.models import MeetingKind
from coop_tui.store.repository import Repository

pytestmark = pytest.mark.slow


def _first_page_png(pdf: Path) -> Path:
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)
    png = pdf.with_suffix(".png")
    assert png.read_bytes().startswith(b"\x89PNG")
    return png


def _council(repository: Repository) -> MinutesSource:
    held = [m for m in repository.meetings if m.kind is MeetingKind.COUNCIL and m.attendance]
    return MinutesSource.from_repository(repository, min(held, key=lambda m: m.on))


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("template", ["full", "decisions", "pv", "deliberations"])
def test_the_pdf_first_page_renders(repository: Repository, tmp_path: Path,
                                    template: str) -> None:
    pdf = tmp_path / f"{template}.pdf"
    pdf.write_bytes(render_bytes(_council(repository), template, "pdf", "fr"))  # type: ignore[arg-type]
    _first_page_png(pdf)


@pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) or pdftoppm is not installed")
def test_the_word_file_opens_in_libreoffice(repository: Repository, tmp_path: Path) -> None:
    word = tmp_path / "pv.docx"
    word.write_bytes(render_bytes(_council(repository), "pv", "docx", "fr"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
                   check=True, timeout=300, capture_output=True)
    _first_page_png(tmp_path / "pv.pdf")
