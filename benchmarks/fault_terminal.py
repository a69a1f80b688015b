"""Faults of the terminal and the process while a facilitator types meeting notes.

The real coop-tui runs on a pty (benchmarks/fault_pty.py); a unique line is typed in the
first meeting's notes at a fast typist's pace, and the fault strikes at a random moment:
the terminal closes (the pty's master side), SIGHUP, SIGTERM, SIGKILL two seconds after
the last key, or a bug raises in the meeting screen. The store is then read back.

"Data lost" counts characters the app had drawn on the screen before the fault that are
not on disk afterwards: what the user saw typed. Keys still in flight (written to the pty,
not yet read by the app) are counted apart.
"""

from __future__ import annotations

import random
import re
import signal
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.fault_common import Row, demo_store, lost_label
from benchmarks.fault_pty import PtyApp, app_environment, open_first_meeting, running

# A fast typist: about 30 keys a second.
KEY_SECONDS = 0.03
# A clean exit after a signal or a hang-up takes less than this (the app's grace is 3 s).
CLEAN_EXIT_SECONDS = 5.0
WORDS = ("copil", "voirie", "mutualisation", "budget", "scenario", "vote", "commune",
         "transport", "dechets", "eau", "ecole", "piscine", "mairie", "bureau")


@dataclass(frozen=True)
class Attempt:
    """One try: keys written, keys drawn before the fault, characters on disk after."""

    sent: int
    shown: int
    on_disk: int
    exit_code: int | None
    seconds: float

    @property
    def lost(self) -> int:
        return max(0, self.shown - self.on_disk)


def typed_line(rng: random.Random, number: int) -> str:
    """A unique line of plain words (nothing the notes' capture or completion reacts to)."""
    words = [rng.choice(WORDS) for _ in range(5)]
    return f"Z{number:03d}q " + " ".join(words)


def shown_prefix(output: bytes | bytearray, text: str) -> int:
    """How much of ``text`` the app had drawn: the longest prefix found in its output."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text[:middle].encode() in output:
            low = middle
        else:
            high = middle - 1
    return low


def stored_notes(store: Path) -> str:
    """Every agenda item's notes, read back through the store's own loader."""
    from coop_tui.store.database import open_store
    from coop_tui.store.models import Meeting

    repository = open_store(store, read_only=True)
    try:
        return "\n".join(item.notes for meeting in repository.all(Meeting)
                         for item in meeting.agenda)
    finally:
        repository.close()


def on_disk_prefix(store: Path, text: str) -> int:
    notes = stored_notes(store)
    return max((k for k in range(len(text) + 1) if text[:k] in notes), default=0)


def _type(app: PtyApp, text: str) -> None:
    for character in text:
        app.send(character.encode())
        app.settle(KEY_SECONDS)


Fault = Callable[[PtyApp], None]


def _hang_up(app: PtyApp) -> None:
    app.hang_up()


def _signal(number: int) -> Fault:
    def send(app: PtyApp) -> None:
        app.signal(number)

    return send


def _one_try(fault: Fault, rng: random.Random, number: int, *, quiet_seconds: float = 0.0,
             whole_line: bool = False) -> Attempt:
    """Start the app, type, strike; the figures of this try."""
    text = typed_line(rng, number)
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = Path(scratch)
        store = demo_store(folder, "small")
        with running(["--lang", "en", str(store)], app_environment(folder)) as app:
            open_first_meeting(app)
            sent = len(text) if whole_line else rng.randint(1, len(text))
            _type(app, text[:sent])
            app.settle(quiet_seconds or rng.uniform(0.0, KEY_SECONDS))
            shown = shown_prefix(app.output, text)
            fault(app)
            code, seconds = app.wait_exit(timeout=20.0)
        on_disk = on_disk_prefix(store, text)
    return Attempt(sent, shown, on_disk, code, seconds)


def _summary(attempts: list[Attempt], expected_code: int) -> tuple[str, str]:
    """The outcome and data-lost cells of a row of typing faults."""
    tries = len(attempts)
    codes = Counter(a.exit_code for a in attempts)
    clean = sum(a.exit_code == expected_code and a.seconds < CLEAN_EXIT_SECONDS
                for a in attempts)
    seconds = [a.seconds for a in attempts]
    sent = sum(a.sent for a in attempts)
    shown = sum(a.shown for a in attempts)
    in_flight = sent - shown
    lost = sum(a.lost for a in attempts)
    code_text = ", ".join(f"{'none' if c is None else c} ×{n}" for c, n in sorted(
        codes.items(), key=lambda item: str(item[0])))
    outcome = (f"{clean}/{tries} ended (exit {code_text}) in {statistics.median(seconds):.2f} s "
               f"median, {max(seconds):.2f} s max; {shown} of {sent} keys drawn "
               f"({in_flight} in flight), {shown - lost} of them on disk")
    return outcome, lost_label(lost, "characters", ok=clean == tries)


def typing_faults(tries: int, seed: int = 11) -> list[Row]:
    """Hang-up, SIGHUP, SIGTERM at a random moment while typing; SIGKILL two seconds
    after the last key."""
    rng = random.Random(seed)
    rows: list[Row] = []
    cases: list[tuple[str, Fault, int]] = [
        ("terminal closed (pty hang-up) while typing notes", _hang_up, 0),
        ("SIGHUP while typing notes", _signal(signal.SIGHUP), 0),
        ("SIGTERM while typing notes", _signal(signal.SIGTERM), 0),
    ]
    number = 0
    for name, fault, code in cases:
        attempts = []
        for _ in range(tries):
            number += 1
            attempts.append(_one_try(fault, rng, number))
        outcome, lost = _summary(attempts, code)
        rows.append(Row(name, tries, outcome, lost))
    attempts = []
    for _ in range(tries):
        number += 1
        attempts.append(_one_try(_signal(signal.SIGKILL), rng, number, quiet_seconds=2.0,
                                 whole_line=True))
    outcome, lost = _summary(attempts, -signal.SIGKILL)
    rows.append(Row("SIGKILL 2 s after the last key", tries, outcome, lost))
    return rows


# ------------------------------------------------------------------- keys arriving together

_KEY_BYTES = {"backspace": b"\x7f", "left": b"\x1b[D", "end": b"\x1b[F"}


def corrected_line(rng: random.Random, number: int) -> tuple[list[str], str]:
    """Keys of a line typed with slips put right at once (a wrong letter, then
    backspace) and one fixed afterwards (arrows back, a letter put in, End); and the
    line they mean."""
    words = typed_line(rng, number).split(" ")
    keys: list[str] = []
    for index, word in enumerate(words):
        keys += [" "] if index else []
        keys += list(word)
        if rng.random() < 0.5:
            keys += [rng.choice("xkwj"), "backspace"]
    line = " ".join(words)
    back = rng.randint(1, len(words[-1]))
    keys += ["left"] * back + ["#", "end"]
    return keys, line[:len(line) - back] + "#" + line[len(line) - back:]


def _burst_try(rng: random.Random, number: int) -> tuple[str, str]:
    keys, meant = corrected_line(rng, number)
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = Path(scratch)
        store = demo_store(folder, "small")
        with running(["--lang", "en", str(store)], app_environment(folder)) as app:
            open_first_meeting(app)
            app.send(b"".join(_KEY_BYTES.get(key, key.encode()) for key in keys))
            app.settle(2.5)  # past the autosave
            app.send(b"\x11")  # ctrl+q
            app.wait_exit(timeout=20.0)
        return meant, stored_notes(store)


def keys_in_a_burst(tries: int, seed: int = 13) -> Row:
    """A line typed with corrections, all its keys written to the terminal at once (as a
    slow SSH link delivers them): the notes on disk must say what the keys meant."""
    rng = random.Random(seed)
    lost = 0
    exact = 0
    for number in range(1, tries + 1):
        meant, notes = _burst_try(rng, number)
        if meant in notes:
            exact += 1
        else:
            kept = max((len(line) for line in notes.splitlines() if line in meant), default=0)
            lost += len(meant) - kept
    return Row("keys arriving together (typos, backspace, arrows)", tries,
               f"{exact}/{tries} lines on disk exactly as meant", lost_label(
                   lost, "characters", ok=exact == tries))


# ---------------------------------------------------------------------------- a bug in a screen

CANARY = "CANARY-crash-5e2b"
TRIGGER = "~"

# coop-tui with one screen method broken: it raises, with the user's notes in the
# exception's message, once the trigger is typed. argv[1] names the method.
_BROKEN_APP = f"""
import sys
from coop_tui.screens.meetings import detail as meeting_detail
from coop_tui.screens.meetings import notes as meeting_notes
where = sys.argv.pop(1)
def notes_of(widget):
    return widget.screen.query_one("#notes-area").text
def fail_if_triggered(text):
    if {TRIGGER!r} in text:
        raise RuntimeError({CANARY!r} + " " + text)
if where == "handler":
    original = meeting_detail.MeetingScreen._show_captures
    def broken(self):
        fail_if_triggered(notes_of(self))
        original(self)
    meeting_detail.MeetingScreen._show_captures = broken
elif where == "timer":
    original = meeting_detail.MeetingScreen._autosave
    def broken(self):
        fail_if_triggered(notes_of(self))
        original(self)
    meeting_detail.MeetingScreen._autosave = broken
elif where == "key":
    original = meeting_notes.NotesArea._on_key
    async def broken(self, event):
        if event.character == {TRIGGER!r}:
            fail_if_triggered(self.text + event.character)
        await original(self, event)
    meeting_notes.NotesArea._on_key = broken
from coop_tui.shell.cli import main
main(sys.argv[1:])
"""

# Where the bug is: a message handler of the screen, a timer callback, a widget's key handler.
BUG_PLACES = ("handler", "timer", "key")


@dataclass(frozen=True)
class CrashCheck:
    exit_code: int | None
    reports: int
    private_report: bool
    report_leaks: bool
    message_lines: int
    message_names_report: bool
    traceback_shown: bool
    typed: int
    on_disk: int

    @property
    def good(self) -> bool:
        return (self.exit_code not in (0, None) and self.reports == 1 and self.private_report
                and not self.report_leaks and self.message_lines == 1
                and self.message_names_report and not self.traceback_shown)


def _after_the_app(output: bytes) -> str:
    """What the process printed once it had left the alternate screen."""
    cut = output.rfind(b"\x1b[?1049l")
    tail = output[cut:] if cut >= 0 else output
    plain = re.sub(rb"\x1b\[[0-?]*[ -/]*[@-~]", b"", tail)
    return plain.decode("utf-8", "replace").replace("\r", "")


def _crash_try(place: str, rng: random.Random, number: int) -> CrashCheck:
    text = typed_line(rng, number)
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = Path(scratch)
        store = demo_store(folder, "small")
        with running([place, "--lang", "en", str(store)], app_environment(folder),
                     python=[sys.executable, "-c", _BROKEN_APP]) as app:
            open_first_meeting(app)
            _type(app, text)
            app.settle(0.1)
            app.send(TRIGGER.encode())
            code, _seconds = app.wait_exit(timeout=20.0)
            output = bytes(app.output)
        reports = sorted((folder / "data" / "crash-reports").glob("crash-*.txt"))
        report_text = "".join(path.read_text(encoding="utf-8") for path in reports)
        private = all(path.stat().st_mode & 0o777 == 0o600 for path in reports) and all(
            path.parent.stat().st_mode & 0o777 == 0o700 for path in reports)
        printed = [line for line in _after_the_app(output).splitlines() if line.strip()]
        on_disk = on_disk_prefix(store, text)
    return CrashCheck(
        exit_code=code, reports=len(reports), private_report=private,
        report_leaks=CANARY in report_text or text in report_text
        or "RuntimeError" not in report_text,
        message_lines=len(printed),
        message_names_report=bool(reports) and any(str(reports[0]) in line for line in printed),
        traceback_shown="Traceback" in _after_the_app(output), typed=len(text),
        on_disk=on_disk)


def crash_in_a_screen(tries: int, seed: int = 13) -> Row:
    """A bug raises in the meeting screen while notes are typed: notes saved, a crash
    report beside the data without user text, a non-zero exit, one line saying where."""
    rng = random.Random(seed)
    checks = [_crash_try(BUG_PLACES[n % len(BUG_PLACES)], rng, 500 + n) for n in range(tries)]
    good = sum(check.good for check in checks)
    typed = sum(check.typed for check in checks)
    lost = sum(max(0, check.typed - check.on_disk) for check in checks)
    codes = Counter(check.exit_code for check in checks)
    outcome = (f"{good}/{tries}: exit {', '.join(f'{c} ×{n}' for c, n in codes.items())}, "
               f"one report each (0600, no user text), one line naming it; "
               f"{typed - lost} of {typed} typed characters on disk")
    return Row("unhandled exception in the meeting screen", tries, outcome,
               lost_label(lost, "characters", ok=good == tries))
