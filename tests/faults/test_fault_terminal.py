"""The fault battery's terminal rows, one try each: the real coop-tui on a pty while notes
are typed, then the terminal closes, a signal comes, a bug raises in the screen, or the
keys of a corrected line arrive all at once (the full battery: python -m benchmarks.faults)."""

from __future__ import annotations

import random
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks import fault_terminal
from benchmarks.fault_terminal import BUG_PLACES, on_disk_prefix, shown_prefix
from coop_tui.shell.app import CoopApp
from coop_tui.store.errors import SaveFailed
from coop_tui.ui.session import SaveState

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

FAULTS = {
    "hang-up": (fault_terminal._hang_up, 0),
    "SIGHUP": (fault_terminal._signal(signal.SIGHUP), 0),
    "SIGTERM": (fault_terminal._signal(signal.SIGTERM), 0),
}


def test_shown_prefix_finds_what_was_drawn() -> None:
    assert shown_prefix(b"\x1b[1mZ001q cop\x1b[0m", "Z001q copil") == 9
    assert shown_prefix(b"nothing", "Z001q copil") == 0


def test_on_disk_prefix_reads_the_notes_back(demo_path: Path) -> None:
    assert on_disk_prefix(demo_path, "Z001q not in the demo") == 0


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_typed_notes_survive_and_the_app_ends(fault: str) -> None:
    strike, code = FAULTS[fault]
    attempt = fault_terminal._one_try(strike, random.Random(fault), 1)
    assert attempt.exit_code == code, attempt
    assert attempt.shown > 0, attempt
    assert attempt.lost == 0, attempt


def test_notes_are_on_disk_when_killed_two_seconds_after_the_last_key() -> None:
    attempt = fault_terminal._one_try(fault_terminal._signal(signal.SIGKILL), random.Random(5),
                                      2, quiet_seconds=2.0, whole_line=True)
    assert attempt.exit_code == -signal.SIGKILL
    assert attempt.on_disk == attempt.sent, attempt


def test_a_corrected_line_sent_at_once_is_stored_as_meant() -> None:
    keys, meant = fault_terminal.corrected_line(random.Random(3), 4)
    assert "backspace" in keys and "left" in keys
    sent, notes = fault_terminal._burst_try(random.Random(3), 4)
    assert sent == meant
    assert meant in notes


@pytest.mark.parametrize("place", BUG_PLACES)
def test_a_bug_in_the_screen_saves_reports_and_says_where(place: str) -> None:
    check = fault_terminal._crash_try(place, random.Random(place), 7)
    assert check.good, check
    assert check.on_disk == check.typed, check


async def test_a_save_outcome_never_waits_for_the_interface(
    make_app: Callable[..., CoopApp],
) -> None:
    """The writer's thread posts each outcome: the interface's thread may itself be waiting
    for the writer (a hang-up closes the store and joins the writer), and a report that
    waited for it held the exit back for the join's whole timeout."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        # From the interface's own thread: a waiting report could never return here.
        app.save_listener(SaveFailed(Path("/x.json"), reason="No space left on device"))
        await pilot.pause()
        assert app.session.status.state is SaveState.FAILED
