"""End to end: the real coop-tui in tmux opens the demo and moves between its screens."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
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
        term.wait_for("Last contact")
        term.send("3")
        term.wait_for("regulatory levers")
        term.send("4")
        term.wait_for("Objective")
        term.send("5")
        term.wait_for("COPIL")
        term.send("1")
        term.wait_for("Open actions")
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


def test_first_run_names_the_territory_in_a_real_terminal(tmp_path: Path) -> None:
    """A newcomer is told where to start, names the territory and its communes with t, and
    is offered the list of their mayors, passes it, and finds them in the file."""
    with terminal(coop_tui_command(), environment(tmp_path, "fr_FR.UTF-8")) as term:
        term.wait_for("Pour commencer")
        term.send("t")
        term.wait_for("Communes membres")
        # One burst, as a slow link delivers it: each key still acts where it was typed.
        term.send("C-u", *"Communauté de communes des Deux Rives", "Tab", *"Lunel", "Enter",
                  *"Marsillargues", "C-s")
        term.wait_for("Maires des communes membres")  # the communes are actors now
        term.send("Escape")
        term.wait_until_gone("Maires des communes membres")
        term.wait_for("Lunel")  # what ctrl+z would undo: the communes made actors
        term.send("C-q")
        term.wait_until_gone("Tableau de bord")
    data = json.loads((tmp_path / "data" / "territoire.json").read_text(encoding="utf-8"))
    (territory,) = data["territory"].values()
    assert territory["name"] == "Communauté de communes des Deux Rives"
    assert territory["communes"] == ["Lunel", "Marsillargues"]


def _store_user(store: Path) -> int:
    """The coop-tui process working on ``store``."""
    found = subprocess.run(["pgrep", "-f", "--", f"--lang en {store}"], capture_output=True,
                           text=True, check=False).stdout.split()
    assert found, "coop-tui is not running"
    return int(found[-1])


def _gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        state = Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(
            f"/proc/{pid}/stat").exists() else "X"
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("how", ["hang-up", "SIGTERM", "vanished terminal"])
def test_closed_terminal_or_sigterm_ends_the_app(tmp_path: Path, demo_path: Path,
                                                 how: str) -> None:
    """Closing the terminal or SIGTERM: the app leaves within seconds and frees the store."""
    from coop_tui.store.database import open_store

    command = f"{coop_tui_command()} --lang en {demo_path}"
    if how == "vanished terminal":  # in a session of its own: no SIGHUP reaches it
        command = f"setsid {command}"
    with terminal(command, environment(tmp_path, "C.UTF-8")) as term:
        term.wait_for("Dashboard")
        pid = _store_user(demo_path)
        if how == "SIGTERM":
            os.kill(pid, signal.SIGTERM)
        else:
            term.run("kill-server")
        assert _gone(pid), f"coop-tui still running after {how}"
    repository = open_store(demo_path)
    try:
        assert not repository.read_only
    finally:
        repository.close()


def test_a_conflict_left_by_a_merge_is_settled_in_a_real_terminal(tmp_path: Path) -> None:
    """Two copies renamed the same actor two ways; coop-tui merge keeps one name and records
    the other; in the app, c lists it and t takes theirs, written to the file."""
    import sys

    base = tmp_path / "base.json"
    coop_tui = [sys.executable, "-m", "coop_tui", "--lang", "en"]
    subprocess.run([*coop_tui, "demo", str(base)], check=True, capture_output=True)
    data = json.loads(base.read_text(encoding="utf-8"))
    actor_id = min(data["actors"], key=lambda key: data["actors"][key]["name"])
    for side, name in (("ours", "Name A"), ("theirs", "Name B")):
        data["actors"][actor_id]["name"] = name
        (tmp_path / f"{side}.json").write_text(json.dumps(data, ensure_ascii=False),
                                              encoding="utf-8")
    ours = tmp_path / "ours.json"
    theirs = tmp_path / "theirs.json"
    merged = subprocess.run([*coop_tui, "merge", str(base), str(ours), str(theirs)],
                            capture_output=True, text=True)
    assert merged.returncode == 0, merged.stderr
    with terminal(f"{coop_tui_command()} {ours}", environment(tmp_path, "en_GB.UTF-8")) as term:
        term.wait_for("1 merge conflict to settle")
        term.send("c")
        term.wait_for("theirs: Name B")
        term.send("t")
        term.wait_for("No conflict left to settle.")
        term.send("Escape")
        term.wait_until_gone("No conflict left")
        term.send("C-q")
        term.wait_until_gone("Dashboard")
    stored = json.loads(ours.read_text(encoding="utf-8"))
    assert stored["actors"][actor_id]["name"] == "Name B"
    assert stored["conflicts"] == {}


def test_a_missed_deadline_is_marked_met_in_two_keys_in_a_real_terminal(
        tmp_path: Path) -> None:
    """On the demo, the deadlines panel lists the obligations; m then Enter marks the one
    under the cursor met today, and the file keeps it."""
    import sys

    store = tmp_path / "demo.json"
    subprocess.run([sys.executable, "-m", "coop_tui", "demo", str(store)], check=True,
                   capture_output=True)
    with terminal(f"{coop_tui_command()} {store}", environment(tmp_path, "en_GB.UTF-8"),
                  width=160, height=48) as term:
        term.wait_for("missed statutory deadline")
        term.send("Tab", "Tab", "Tab")
        term.wait_for("m Met")
        term.send("m")
        term.wait_for("Met on")
        term.send("Enter")
        term.wait_for("marked met")
        term.send("C-q")
        term.wait_until_gone("Dashboard")
    stored = json.loads(store.read_text(encoding="utf-8"))
    assert any(record.get("met_on") == time.strftime("%Y-%m-%d")
               for record in stored["obligations"].values())
