"""End to end: the real coop-tui in tmux. Notes typed in a meeting survive a killed process
(SIGKILL after the autosave) and a closed terminal (SIGHUP at once), keys sent in one burst
keep their order, and a meeting typed with D: and A: lines exports its minutes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.tmux import Terminal, coop_tui_command, terminal

pytestmark = pytest.mark.e2e

LINES = [
    "- Tour de table : impliqué·e·s et acteur.rice.s présent·e·s",
    "D: le COPIL retient les scénarios 1 et 3 | vote à main levée",
    "A: envoyer les simulations @Giraud avant le 15/12",
    "- <script>alert(1)</script> reste du texte",
]


def environment(tmp_path: Path) -> dict[str, str]:
    return {
        "COOP_TUI_DATA_DIR": str(tmp_path / "data"),
        "COOP_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }


def app_pid(term: Terminal) -> int:
    """The coop-tui process inside the pane (the pane runs a shell around it)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = subprocess.run(["pgrep", "-P", str(term.pane_pid())], capture_output=True,
                               text=True, check=False).stdout.split()
        if found:
            return int(found[0])
        time.sleep(0.1)
    raise AssertionError("coop-tui is not running in the pane")


def wait_gone(pid: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"process {pid} still runs")


def wait_on_disk(store: Path, texts: list[str], timeout: float = 20.0) -> None:
    """Until the notes in the store file hold every one of ``texts`` (the autosave)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            notes = stored_notes(store)
        except (OSError, ValueError):
            notes = ""
        if all(text in notes for text in texts):
            return
        time.sleep(0.1)
    raise AssertionError(f"not on disk after {timeout} s: {texts}")


def open_first_meeting(term: Terminal) -> None:
    term.wait_for("Dashboard")
    term.send("5")
    term.wait_for("Still open")
    term.send("Enter")
    term.wait_for("Captured in this item")


def type_text(term: Terminal, text: str) -> None:
    """Type ``text`` literally, even when it starts with a dash."""
    term.run("send-keys", "-t", term.session, "-l", "--", text)


def type_lines(term: Terminal, lines: list[str]) -> None:
    for line in lines:
        type_text(term, line)
        term.send("Enter")


def stored_notes(store: Path) -> str:
    data = json.loads(store.read_text(encoding="utf-8"))
    return "\n".join(item["notes"] for meeting in data["meetings"].values()
                     for item in meeting["agenda"])


@pytest.fixture
def store(tmp_path: Path, demo_bytes: bytes) -> Path:
    path = tmp_path / "territoire.json"
    path.write_bytes(demo_bytes)
    path.chmod(0o600)
    (tmp_path / "home").mkdir()
    return path


def test_notes_survive_a_killed_process(tmp_path: Path, store: Path) -> None:
    command = f"{coop_tui_command()} {store} --lang en"
    with terminal(command, environment(tmp_path)) as term:
        open_first_meeting(term)
        type_lines(term, LINES)
        term.wait_for("vote à main levée")
        wait_on_disk(store, LINES)  # the autosave, a second at most after the last key
        pid = app_pid(term)
        os.kill(pid, signal.SIGKILL)
        wait_gone(pid)
    notes = stored_notes(store)
    for line in LINES:
        assert line in notes


def test_notes_survive_a_closed_terminal(tmp_path: Path, store: Path) -> None:
    command = f"{coop_tui_command()} {store} --lang en"
    with terminal(command, environment(tmp_path)) as term:
        open_first_meeting(term)
        type_lines(term, LINES[:2])
        type_text(term, "typed just before the terminal closed")
        term.wait_for("the terminal closed")
        pid = app_pid(term)
        term.run("kill-session", "-t", term.session)  # SIGHUP, at once: no autosave yet
        wait_gone(pid)
    notes = stored_notes(store)
    for line in [*LINES[:2], "typed just before the terminal closed"]:
        assert line in notes


def test_notes_typed_in_one_burst_keep_their_corrections(tmp_path: Path, store: Path) -> None:
    """Keys sent in one go, as a slow SSH link delivers them: each backspace and arrow
    edits the text where it was typed, and the notes on disk say so."""
    command = f"{coop_tui_command()} {store} --lang en"
    with terminal(command, environment(tmp_path)) as term:
        open_first_meeting(term)
        term.send(*"Wordx", "BSpace", "s", "Space", *"one", "BSpace", "BSpace", "BSpace",
                  "k", "Enter", *"abc", "Left", "Left", "BSpace", "X", "End", *" done")
        term.wait_for("Xbc done")
        wait_on_disk(store, ["Words k\nXbc done"])
        term.send("C-q")
        term.wait_until_gone("Captured in this item")
    assert "Words k\nXbc done" in stored_notes(store)


def test_a_meeting_typed_live_exports_its_minutes(tmp_path: Path, store: Path) -> None:
    minutes = tmp_path / "home" / "minutes.md"
    command = f"{coop_tui_command()} {store} --lang fr"
    env = environment(tmp_path) | {"LANG": "fr_FR.UTF-8"}
    with terminal(command, env) as term:
        term.wait_for("Tableau de bord")
        term.send("5")
        term.wait_for("En cours")
        term.send("Enter")
        term.wait_for("Relevé dans ce point")
        type_lines(term, LINES)
        term.wait_for("décision, 1 action")
        term.send("C-g")
        term.wait_for("Exporter le compte rendu")  # drawn: its path field has the focus
        term.send("C-u", *str(minutes), "Enter")
        term.wait_for("Compte rendu écrit dans")
        term.send("Escape")
        term.send("C-q")
        term.wait_until_gone("Relevé dans ce point")
    text = minutes.read_text(encoding="utf-8")
    assert text.startswith("# COPIL mutualisation")
    assert "**Décisions**\n\n- le COPIL retient les scénarios 1 et 3 \\| vote à main levée" \
        in text
    assert "- Tour de table : impliqué·e·s et acteur.rice.s présent·e·s" in text
    assert "- \\<script>alert(1)\\</script> reste du texte" in text  # raw HTML stays text
    assert "| envoyer les simulations | Hélène Giraud | 15 décembre 2026 |" in text
    assert "D: le COPIL" not in text and "A: envoyer" not in text
