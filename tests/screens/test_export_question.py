"""The minutes export's « replace the file? » question comes at once (issue 21, defect 7):
nothing is rendered or written before the answer, showing the question restyles nothing,
and the minutes are made on a worker thread while the dialog says it is writing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from coop_tui.core.exports import formats
from coop_tui.core.exports.document import Document
from coop_tui.core.exports.formats import DocumentFormat
from coop_tui.screens.meetings import export
from coop_tui.screens.meetings.export import ExportDialog
from coop_tui.screens.meetings.sheet import MeetingSheet
from coop_tui.ui.widgets.dialogs import CSS, ConfirmDialog
from tests.helpers import AppFactory, answer, until
from tests.screens.test_meetings_screen import SIZE, live_meeting, open_meeting


class Renders:
    """Stands in for the turning of minutes into bytes: counts calls and where they ran."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()
        self.release.set()

    def __call__(self, document: Document, fmt: DocumentFormat) -> bytes:
        self.threads.append(threading.current_thread())
        self.release.wait(timeout=30)
        return formats.document_bytes(document, fmt)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Renders:
    calls = Renders()
    monkeypatch.setattr(export, "document_bytes", calls)
    return calls


async def test_the_question_comes_before_anything_is_rendered(
    make_app: AppFactory, tmp_path: Path, renders: Renders
) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository)
    target = tmp_path / "cr.md"
    target.write_text("kept", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(app, pilot, meeting.id)
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        # The question's look came with the dialog: asking restyles nothing.
        assert app.stylesheet.has_source(str(CSS), "")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert renders.threads == []
        assert target.read_text(encoding="utf-8") == "kept"
        await answer(pilot, yes=True)
        await until(pilot, lambda: isinstance(app.screen, MeetingSheet))
        assert target.read_text(encoding="utf-8").startswith("# COPIL de test")
        assert len(renders.threads) == 1


async def test_the_minutes_are_made_off_the_interface_thread(
    make_app: AppFactory, tmp_path: Path, renders: Renders
) -> None:
    app = make_app()
    meeting = live_meeting(app.session.repository)
    target = tmp_path / "cr.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_meeting(app, pilot, meeting.id)
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#path", Input).value = str(target)
        renders.release.clear()  # a slow PDF: the bytes are still being made
        await pilot.press("enter")
        await until(pilot, lambda: len(renders.threads) == 1)
        assert renders.threads[0] is not threading.main_thread()
        # The interface is free meanwhile: it says so, and ignores a second export.
        await until(pilot, lambda: "Writing" in str(dialog.query_one("#written",
                                                                    Static).render()))
        await pilot.press("ctrl+s", "escape")
        assert app.screen is dialog and not target.exists()
        renders.release.set()
        await until(pilot, lambda: isinstance(app.screen, MeetingSheet))
        assert len(renders.threads) == 1
        assert target.read_text(encoding="utf-8").startswith("# COPIL de test")
