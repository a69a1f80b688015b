"""The status report written from the dashboard (r): the format chosen names the file, the
file reads back, an existing file is replaced only after a yes, and the readings of people
stay out unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select

from coop_tui.screens.dashboard.report import StatusReportForm
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.shell.app import CoopApp
from coop_tui.ui.widgets.dialogs import ConfirmDialog
from tests.helpers import AppFactory, until


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home with a Documents folder, where reports go by default."""
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "Documents"
    folder.mkdir()
    return folder


async def open_form(pilot: Pilot[int], app: CoopApp) -> StatusReportForm:
    await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("r")
    await until(pilot, lambda: isinstance(app.screen, StatusReportForm))
    assert isinstance(app.screen, StatusReportForm)
    return app.screen


async def test_r_writes_a_word_report_that_reads_back(make_app: AppFactory,
                                                      documents: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, app)
        path = Path(form.query_one("#path", Input).value)
        assert path.parent == documents and path.suffix == ".docx"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen) and path.exists())
    text = "\n".join(paragraph.text for paragraph in Document(str(path)).paragraphs)
    assert "Val de Loubière" in text
    assert "Followers to contact" not in text and "Suiveur·euses à recontacter" not in text


async def test_the_format_names_the_file_and_an_existing_one_needs_a_yes(
        make_app: AppFactory, documents: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form(pilot, app)
        form.query_one("#format", Select).value = "md"
        await until(pilot, lambda: form.query_one("#path", Input).value.endswith(".md"))
        path = Path(form.query_one("#path", Input).value)
        path.write_text("kept", encoding="utf-8")
        form.query_one("#private", Checkbox).value = True
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is form)
        assert path.read_text(encoding="utf-8") == "kept"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        app.screen.dismiss(True)
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    report = path.read_text(encoding="utf-8")
    assert report.startswith("# ") and "Followers to contact" in report
