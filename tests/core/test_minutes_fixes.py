"""The fixes found while trying the minutes (issue 15): each one's behaviour."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from coop_tui.core.exports.actors_csv import safe_cell
from coop_tui.core.exports.ics import meeting_event
from coop_tui.core.exports.minutes import MinutesSource, render, render_bytes
from coop_tui.core.meeting_rules import follow_up
from coop_tui.shell.cli import cli
from coop_tui.store.models import Action, ActionStatus, Meeting
from coop_tui.store.repository import Repository


@pytest.mark.parametrize(("template", "name"), [
    ("full", "Minutes written"), ("decisions", "Record of decisions written"),
    ("pv", "Procès-verbal written"), ("deliberations", "List of deliberations written")])
def test_the_command_names_the_document_written(demo_path: Path, tmp_path: Path,
                                                template: str, name: str) -> None:
    result = CliRunner().invoke(cli, ["export", "minutes", str(demo_path), "latest",
                                      "--template", template, "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 0 and name in result.output


def test_markdown_ends_with_one_newline(repository: Repository) -> None:
    for meeting in repository.meetings[:6]:
        source = MinutesSource.from_repository(repository, meeting)
        for template in ("full", "decisions", "pv", "deliberations"):
            text = render(source, template, "md")  # type: ignore[arg-type]
            assert text.endswith("\n") and not text.endswith("\n\n")


def test_the_html_page_prints_on_a4(repository: Repository) -> None:
    page = render(MinutesSource.from_repository(repository, repository.meetings[0]), "full",
                  "html")
    assert "@page { size: A4;" in page


def test_a_meeting_with_a_start_and_no_end_lasts_two_hours_in_the_calendar() -> None:
    meeting = Meeting(title="COPIL", on=date(2026, 12, 7), start=time(9, 30))
    assert "DURATION:PT2H" in meeting_event(meeting)
    meeting.end = time(11, 0)
    assert not [line for line in meeting_event(meeting) if line.startswith("DURATION")]


def _follow_up_pair(repository: Repository) -> tuple[Meeting, Meeting]:
    """A meeting held with a follow-up, and the earlier meeting its follow-up reads."""
    meetings = repository.meetings
    later = min((m for m in meetings if m.attendance and follow_up(meetings, m)),
                key=lambda m: m.on)
    return follow_up(meetings, later)[0].meeting, later


def test_the_follow_up_shows_actions_as_they_stood_on_the_meeting_day(
        repository: Repository) -> None:
    earlier, later = _follow_up_pair(repository)
    earlier = earlier.model_copy(deep=True)
    earlier.actions = [Action(text="Fait bien après", status=ActionStatus.DONE,
                              done_on=later.on + timedelta(days=40),
                              due=later.on + timedelta(days=5))]
    meetings = [earlier if m.id == earlier.id else m for m in repository.meetings]
    rows = follow_up(meetings, later)
    assert [row.action.text for row in rows] == ["Fait bien après"]
    from coop_tui.core.exports.minutes import minutes_markdown

    source = MinutesSource(later, repository.territory,
                           {a.id: a for a in repository.actors}, meetings)
    text = minutes_markdown(source, "full")
    assert "| Fait bien après |" in text and "| open |" in text.split("Fait bien après")[1]


def test_an_action_long_past_due_reads_late(repository: Repository) -> None:
    earlier, later = _follow_up_pair(repository)
    earlier = earlier.model_copy(deep=True)
    earlier.actions = [Action(text="Oubliée", due=later.on - timedelta(days=231))]
    meetings = [earlier if m.id == earlier.id else m for m in repository.meetings]
    source = MinutesSource(later, repository.territory,
                           {a.id: a for a in repository.actors}, meetings)
    text = render_bytes(source, "full", "md", "fr").decode()
    assert "| 231 jours de retard |" in text


def test_digit_strings_survive_a_spreadsheet() -> None:
    assert safe_cell("0612345678") == '="0612345678"'
    assert safe_cell("+33612345678") == '="+33612345678"'
    assert safe_cell("06 12 34 56 78") == "06 12 34 56 78"
    assert safe_cell("12") == "12"
    assert safe_cell("=1+1") == "'=1+1"


def test_a_pv_of_a_meeting_where_nobody_votes_lists_everyone_by_presence(
        repository: Repository) -> None:
    """A COPIL has no voting members: its PV lists who was present and excused, not all of
    them under « also attending »; the chair named above is never listed as a guest."""
    from coop_tui.store.models import MeetingKind, Presence

    copil = next(m for m in repository.meetings if m.kind is MeetingKind.COPIL
                 and m.attendance and not any(row.voting for row in m.attendance))
    text = render(MinutesSource.from_repository(repository, copil), "pv", "md")
    present = sum(row.status is Presence.PRESENT for row in copil.attendance)
    assert f"Present ({present})" in text
    assert "Also attending" not in text
    council = next(m for m in repository.meetings if m.kind is MeetingKind.COUNCIL
                   and m.facilitator_id and any(r.voting for r in m.attendance))
    chaired = council.model_copy(deep=True)  # a chair who is not a voting member
    for row in chaired.attendance:
        if row.actor_id == chaired.facilitator_id:
            row.voting, row.status = False, Presence.PRESENT
    chair = next(a for a in repository.actors if a.id == chaired.facilitator_id)
    text = render(MinutesSource.from_repository(repository, chaired), "pv", "md")
    guests = text.split("Also attending", 1)[1].split("\n## ", 1)[0] if "Also attending" \
        in text else ""
    assert f"- {chair.name}\n" not in guests
    assert f"**Chair:** {chair.name}" in text
