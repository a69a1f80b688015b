"""An unexpected error: work saved, a report without user text, one clear line, exit 1."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from coop_tui.core.locations import crash_reports_dir
from coop_tui.shell.app import CoopApp
from coop_tui.shell.crash import describe, write_crash_report

CANARY = "Martine-secret-7f3a"


def fail_with_user_text() -> None:
    raise RuntimeError(f"cannot render {CANARY}")


def test_report_leaves_out_messages(tmp_path: Path) -> None:
    try:
        fail_with_user_text()
    except RuntimeError as error:
        path = write_crash_report(error, tmp_path / "reports")
    assert path is not None
    text = path.read_text()
    assert "RuntimeError" in text
    assert "fail_with_user_text" in text
    assert CANARY not in text
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert oct(path.parent.stat().st_mode & 0o777) == oct(0o700)


def test_describe_follows_the_cause() -> None:
    try:
        try:
            fail_with_user_text()
        except RuntimeError as inner:
            raise ValueError("outer") from inner
    except ValueError as error:
        text = describe(error)
    assert "ValueError" in text and "caused by:" in text and "RuntimeError" in text


async def test_app_crash_saves_and_reports(make_app: Callable[..., CoopApp]) -> None:
    app = make_app()
    repository = app.session.repository
    saved: list[bool] = []
    app.session.add_draft_saver(lambda: saved.append(True))
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(100, 30)) as pilot:
            app.call_later(fail_with_user_text)
            await pilot.pause()
    assert saved
    assert app.return_code == 1
    reports = list(crash_reports_dir().glob("crash-*.txt"))
    assert len(reports) == 1
    assert CANARY not in reports[0].read_text()
    assert str(reports[0]) in app.crash_message
    assert not repository.read_only
    assert os.access(repository.path, os.R_OK)
