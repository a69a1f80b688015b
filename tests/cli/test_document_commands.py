"""The documents from the command line: the status report in Word and PDF, e-mail drafts of
minutes and convocations, and the export journal the lever evidence reads."""

from __future__ import annotations

import email
import io
import json
from datetime import date, timedelta
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as read_docx
from icalendar import Calendar
from pypdf import PdfReader

from benchmarks.fault_exports import CANARY, plant_canary
from coop_tui.core.insights.levers import Facts, shared_follow_up
from coop_tui.shell.cli import cli
from coop_tui.store.database import open_store
from coop_tui.store.export_journal import journal_path, read_journal, record_export
from coop_tui.store.models import Meeting, MeetingKind, Presence
from tests.conftest import TODAY


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


def docx_text(path: Path) -> str:
    word = read_docx(str(path))
    return "\n".join(p.text for p in word.paragraphs)


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def council(store: Path) -> Meeting:
    repository = open_store(store, read_only=True)
    try:
        held = [m for m in repository.meetings if m.kind is MeetingKind.COUNCIL and m.attendance]
        return min(held, key=lambda m: m.on)
    finally:
        repository.close()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_status_report_in_word_and_pdf_keeps_readings_of_people_out(
        demo_path: Path, tmp_path: Path, fmt: str) -> None:
    plant_canary(demo_path)
    out = tmp_path / f"status.{fmt}"
    run("status", str(demo_path), "--format", fmt, "-o", str(out), "--date",
        TODAY.isoformat(), "--lang", "fr")
    text = docx_text(out) if fmt == "docx" else pdf_text(out.read_bytes())
    assert "Point d'étape" in text and "Feuille de route" in text
    assert CANARY not in text
    assert "Réticent" not in text and "à relancer" not in text
    private = tmp_path / f"private.{fmt}"
    run("status", str(demo_path), "--format", fmt, "-o", str(private), "--date",
        TODAY.isoformat(), "--lang", "fr", "--include-private")
    text = docx_text(private) if fmt == "docx" else pdf_text(private.read_bytes())
    assert "Réticent" in text


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_minutes_draft_to_everyone_on_the_list_with_the_pdf(demo_path: Path,
                                                            tmp_path: Path) -> None:
    meeting = council(demo_path)
    repository = open_store(demo_path, read_only=True)
    actors = {a.id: a for a in repository.actors}
    repository.close()
    out = tmp_path / "minutes.eml"
    run("export", "minutes", str(demo_path), meeting.id, "--format", "eml",
        "--template", "pv", "-o", str(out))
    message = read_eml(out)
    to = {address.addr_spec for address in message["To"].addresses}
    expected = {actors[row.actor_id].contact.email for row in meeting.attendance
                if actors[row.actor_id].contact.email}
    assert to == expected
    statuses = {row.status for row in meeting.attendance
                if actors[row.actor_id].contact.email in to}
    assert {Presence.EXCUSED, Presence.REPRESENTED} <= statuses
    assert message["X-Unsent"] == "1"
    # No --lang and no locale asked: the store's own language (French).
    assert message["Subject"] == f"Procès-verbal\u00a0: {meeting.title}"
    body = message.get_body(("plain",))
    assert body is not None and "Veuillez trouver ci-joint le procès-verbal" in \
        body.get_content()
    attachments = list(message.iter_attachments())
    assert [a.get_content_type() for a in attachments] == ["application/pdf"]
    assert attachments[0].get_filename() == (
        f"{meeting.on.isoformat()}-compte-rendu-conseil-communautaire.pdf")
    assert meeting.decisions[0].text in pdf_text(attachments[0].get_content())


def test_minutes_draft_with_word_attached(demo_path: Path, tmp_path: Path) -> None:
    meeting = council(demo_path)
    out = tmp_path / "minutes.eml"
    run("export", "minutes", str(demo_path), meeting.id, "--format", "eml", "--attach",
        "docx", "--lang", "en", "-o", str(out))
    message = read_eml(out)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename().endswith(".docx")  # type: ignore[union-attr]
    word = read_docx(io.BytesIO(attachment.get_content()))
    titles = [p.text for p in word.paragraphs if p.style is not None
              and p.style.name == "Heading 1"]
    assert titles == [meeting.title]
    body = message.get_body(("plain",))
    assert body is not None and "Please find attached the minutes" in body.get_content()


def test_convocation_of_a_meeting_to_come_carries_its_event(demo_path: Path,
                                                             tmp_path: Path) -> None:
    repository = open_store(demo_path)
    coming = max(repository.meetings, key=lambda m: m.on).model_copy(deep=True)
    coming.on = date.today() + timedelta(days=10)
    repository.save(coming)
    repository.close()
    out = tmp_path / "convocation.eml"
    result = CliRunner().invoke(cli, ["export", "minutes", str(demo_path), coming.id,
                                      "--format", "eml", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0 and "Convocation draft written" in result.output
    message = read_eml(out)
    assert message["Subject"] == f"Convocation: {coming.title}"
    assert message["To"].addresses
    body = message.get_body(("plain",))
    assert body is not None
    for item in coming.agenda:
        assert item.title in body.get_content()
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    calendar = Calendar.from_ical(attachment.get_content())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1 and str(events[0]["SUMMARY"]) == coming.title
    assert not read_journal(demo_path.absolute()).minutes  # a convocation is no minutes


def test_every_export_is_recorded_even_while_an_app_holds_the_store(
        demo_path: Path, tmp_path: Path) -> None:
    app_side = open_store(demo_path)  # takes the lock, as a running app does
    try:
        assert not app_side.read_only
        before = shared_follow_up(Facts.of(app_side, TODAY)).figure
        assert "Minutes last exported: never" in before
        run("export", "minutes", str(demo_path), "latest", "--format", "pdf", "-o",
            str(tmp_path / "m.pdf"))
        run("status", str(demo_path), "--format", "md", "-o", str(tmp_path / "s.md"))
        journal = read_journal(demo_path.absolute())
        assert journal.minutes is not None and journal.status_report is not None
        after = shared_follow_up(Facts.of(app_side, TODAY)).figure
        assert "never" not in after
    finally:
        app_side.close()
    history = json.loads(journal_path(demo_path.absolute()).read_text(encoding="utf-8"))
    assert [entry["kind"] for entry in history["history"]] == ["minutes", "status_report"]
    assert history["history"][0]["format"] == "pdf"
    assert oct(journal_path(demo_path.absolute()).stat().st_mode & 0o777) == "0o600"


def test_a_damaged_journal_reads_empty_and_is_written_again(demo_path: Path) -> None:
    store = demo_path.absolute()
    journal_path(store).write_text("{not json", encoding="utf-8")
    assert read_journal(store).minutes is None
    record_export(store, "minutes")
    assert read_journal(store).minutes is not None


def test_a_later_record_never_moves_a_date_back(demo_path: Path) -> None:
    from datetime import UTC, datetime

    store = demo_path.absolute()
    late, early = datetime(2026, 11, 20, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC)
    record_export(store, "minutes", when=late)
    record_export(store, "minutes", when=early)
    assert read_journal(store).minutes == late


def test_binary_formats_are_not_printed_on_a_terminal(demo_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from coop_tui.shell.commands import refuse_binary_on_terminal

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    with pytest.raises(SystemExit):
        refuse_binary_on_terminal("pdf", None)
    refuse_binary_on_terminal("md", None)
    refuse_binary_on_terminal("pdf", demo_path)
