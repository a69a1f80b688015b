"""End to end: ctrl+z in a real terminal (tmux) reaches the app, not the shell's job
control, and puts a lever's state back on disk."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.e2e.test_e2e_meetings import environment
from tests.tmux import coop_tui_command, terminal

pytestmark = pytest.mark.e2e


def lever_states(store: Path) -> dict[str, str]:
    data = json.loads(store.read_text(encoding="utf-8"))
    return {key: lever["status"] for key, lever in data["levers"].items()}


def wait_for_states(store: Path, check: object, timeout: float = 20.0) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    while True:
        states = lever_states(store)
        if callable(check) and check(states):
            return states
        if time.monotonic() > deadline:
            raise AssertionError(f"the store never reached the state expected: {states}")
        time.sleep(0.1)


def test_ctrl_z_puts_a_lever_state_back_on_disk(tmp_path: Path, demo_bytes: bytes) -> None:
    store = tmp_path / "territoire.json"
    store.write_bytes(demo_bytes)
    store.chmod(0o600)
    (tmp_path / "home").mkdir()
    before = lever_states(store)
    command = f"{coop_tui_command()} {store} --lang en"
    with terminal(command, environment(tmp_path), width=160, height=40) as term:
        term.wait_for("Dashboard")
        term.send("3")
        term.wait_for("Levers")
        term.send("s")
        term.wait_for("(ctrl+z undoes it)")
        term.wait_for("Undo: state of the lever")
        changed = wait_for_states(store, lambda states: states != before)
        assert sum(changed[key] != before[key] for key in before) == 1
        term.send("C-z")
        term.wait_for("Undone: state of the lever")
        wait_for_states(store, lambda states: states == before)
        term.send("C-q")
        term.wait_until_gone("Undone")
