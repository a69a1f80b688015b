"""How the meetings screens look: the list, live notes with captures (narrow and wide), the
attendance of a council, the form with its errors (review the SVGs before accepting)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from coop_tui.screens.meetings.screen import MeetingsScreen
from coop_tui.store.models import AgendaItem, Attendance, Meeting, MeetingKind, Presence
from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, settle, stop_blinking

# The status bar shows the store's path: a fixed one keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-meetings-snapshots"
NOTES = ("- Tour de table des communes\n"
         "D: le COPIL retient les scénarios 1 et 3\n"
         "A: envoyer les simulations @Hélène avant le 15/12\n"
         "A: réserver la salle @Inconnue 31/02\n"
         "- [bold]pas du balisage[/] *ni* `code`")


def council_with_notes(repository: Repository) -> Meeting:
    """A council with every kind of attendance, a proxy holder flagged, notes with captures."""
    elected = [a for a in repository.actors if a.kind.value == "elected"][:8]
    statuses = [Presence.PRESENT, Presence.PRESENT, Presence.PRESENT, Presence.EXCUSED,
                Presence.REPRESENTED, Presence.REPRESENTED, Presence.SUBSTITUTED,
                Presence.ABSENT]
    attendance = []
    for actor, status in zip(elected, statuses, strict=True):
        attendance.append(Attendance(
            actor_id=actor.id, status=status,
            proxy_id=elected[0].id if status is Presence.REPRESENTED else None,
            substitute="Jeanne Suppléante" if status is Presence.SUBSTITUTED else ""))
    meeting = Meeting(
        id="00000000-0000-4000-8000-00000000c0de", title="Conseil communautaire de décembre",
        kind=MeetingKind.COUNCIL, on=repository.meetings[-1].on, start=time(18, 30),
        end=time(20), place="Salle du conseil", voting_members=8, attendance=attendance,
        agenda=[AgendaItem(title="Schéma de mutualisation : scénarios", planned_minutes=60,
                           notes=NOTES),
                AgendaItem(title="Pacte financier et fiscal", planned_minutes=45)],
    )
    repository.save(meeting)
    return meeting


def settle_on(meeting_id: str, *keys: str) -> Callable[[Pilot[int]], object]:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.press("5")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, MeetingsScreen)
        screen.open_meeting(meeting_id)
        await pilot.pause()
        stop_blinking(pilot.app)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()

    return run_before


def test_meetings_list_80x24_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                    fixed_repository: Repository, french: None) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), press=["5"], run_before=settle)


def test_live_notes_80x24_french(snap_compare: Callable[..., bool], make_app: AppFactory,
                                 fixed_repository: Repository, french: None) -> None:
    meeting = council_with_notes(fixed_repository)
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle_on(meeting.id))


def test_live_notes_120x36(snap_compare: Callable[..., bool], make_app: AppFactory,
                           fixed_repository: Repository) -> None:
    meeting = council_with_notes(fixed_repository)
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle_on(meeting.id))


def test_attendance_of_a_council_120x36_french(
        snap_compare: Callable[..., bool], make_app: AppFactory, fixed_repository: Repository,
        french: None) -> None:
    meeting = council_with_notes(fixed_repository)
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle_on(meeting.id, "f3"))


def test_meeting_form_errors_80x24(snap_compare: Callable[..., bool], make_app: AppFactory,
                                   fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.press("5", "n")
        await pilot.pause()
        pilot.app.screen.query_one("#on", Input).value = "31/02/2027"
        pilot.app.screen.query_one("#start", Input).value = "14h"
        pilot.app.screen.query_one("#end", Input).value = "13:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stop_blinking(pilot.app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_new_meeting_form_120x40_french(snap_compare: Callable[..., bool],
                                        make_app: AppFactory, fixed_repository: Repository,
                                        french: None) -> None:
    """Issue 21: title, date and place first, the agenda one item per line, the mayors of
    the member communes invited in one tick."""
    app = make_app(fixed_repository)

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.press("5", "n", *"Conférence des maires", "enter", "enter", *"Mairie",
                          "enter", *"Voirie", "enter", *"Budget")
        await pilot.pause()
        stop_blinking(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
