"""End to end: the real coop-tui in tmux opens the demo and moves between its screens."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.tmux import coop_tui_command, terminal

pytestmark = pytest.mark.e2e


def environment(tmp_path: Path, lang: str) -> dict[str, str]:
    return {
        "COOP_TUI_DATA_DIR": str(tmp_path / "data"),
        "COOP_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "LANG": lang,
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }


def test_demo_in_a_real_terminal(tmp_path: Path) -> None:
    command = f"{coop_tui_command()} --demo --lang en"
    with terminal(command, environment(tmp_path, "C.UTF-8")) as term:
        term.wait_for("Dashboard")
        term.wait_for("Val de Loubière")
        term.send("2")
        term.wait_for("elected official")
        term.send("3")
        term.wait_for("regulatory levers")
        term.send("4")
        term.wait_for("Objective")
        term.send("5")
        term.wait_for("COPIL")
        term.send("1")
        term.wait_for("Levers:")
        term.send("C-q")
        term.wait_until_gone("Dashboard")
    assert not (tmp_path / "data" / "territoire.json").exists()


def test_first_run_creates_the_default_store_in_french(tmp_path: Path) -> None:
    with terminal(coop_tui_command(), environment(tmp_path, "fr_FR.UTF-8")) as term:
        term.wait_for("Tableau de bord")
        term.wait_for("Mon territoire")
        term.send("3")
        term.wait_for("leviers réglementaires")
        term.send("C-q")
        term.wait_until_gone("Tableau de bord")
    store = tmp_path / "data" / "territoire.json"
    assert store.exists()
    assert oct(store.stat().st_mode & 0o777) == oct(0o600)
