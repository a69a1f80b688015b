"""``coop-tui sync`` from the app's palette: the pending save written and the store let go,
the command run as a user would run it, then the store read again, merged work included.

The store stays locked by the app while it is open; sync needs it free (it exits 7 when it
is not). So the app writes what is pending, closes the store, runs ``coop-tui sync`` in a
thread behind a modal that takes no key, and opens the store again whatever happened: a
sync that failed leaves the store as it was, and says why in one line.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, Static

from coop_tui.core.i18n import _, language
from coop_tui.ui.widgets.text import plain

# How long a sync may take before it is given up (a remote that does not answer).
SYNC_TIMEOUT = 300


@dataclass(frozen=True)
class SyncOutcome:
    """What ``coop-tui sync`` said: its exit code and its last line."""

    code: int
    line: str

    @property
    def ok(self) -> bool:
        return self.code == 0


def run_sync(store: Path) -> SyncOutcome:
    """Run ``coop-tui sync STORE`` in the interface's language; never raises."""
    command = [sys.executable, "-m", "coop_tui", "--lang", language(), "sync", str(store)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=SYNC_TIMEOUT,
                              check=False)
    except subprocess.TimeoutExpired:
        return SyncOutcome(1, _("sync took more than {seconds} s and was stopped").format(
            seconds=SYNC_TIMEOUT))
    except OSError as error:
        return SyncOutcome(1, str(error))
    said = (done.stdout if done.returncode == 0 else done.stderr or done.stdout).strip()
    lines = [line for line in said.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    return SyncOutcome(done.returncode, last.removeprefix("coop-tui: "))


class SyncingScreen(ModalScreen[None]):
    """Shown while sync runs: the store is closed meanwhile, so no key acts."""

    DEFAULT_CSS = """
    SyncingScreen { align: center middle; }
    SyncingScreen > Vertical {
        width: 50; height: auto; border: round $primary; background: $surface;
        padding: 0 1;
    }
    SyncingScreen LoadingIndicator { height: 1; }
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(_("Syncing {name} with colleagues…").format(name=self._name)))
            yield LoadingIndicator()

    def on_key(self, event: events.Key) -> None:
        """No key acts: nothing may change the store while it is being synced."""
        event.stop()
        event.prevent_default()
