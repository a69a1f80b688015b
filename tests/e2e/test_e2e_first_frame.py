"""End to end: the real coop-tui, closed with ctrl+q, starts next time from the store's
summary (loading, then the store), and keys typed at once reach the screens they name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.fault_pty import CTRL_Q, app_environment, running
from coop_tui.store.summary import matching_summary

pytestmark = pytest.mark.e2e

# The roadmap's title in its status bar: bold, then the separator.
ROADMAP_TITLE = re.compile("Roadmap(?:\x1b\\[[0-9;]*m)*  ·  ".encode())


def test_a_second_start_draws_from_the_summary(demo_path: Path, tmp_path: Path) -> None:
    env = app_environment(tmp_path)
    with running(["--lang", "en", str(demo_path)], env) as app:
        app.wait_for(b"saved", timeout=60)
        app.send(CTRL_Q)
        app.wait_exit(30)
    assert app.status == 0
    assert matching_summary(demo_path) is not None
    with running(["--lang", "en", str(demo_path)], env) as app:
        shown = app.wait_for("loading…".encode(), timeout=60)
        app.send(b"4")  # typed while the store loads: held, then the roadmap
        app.wait_for(b"saved", timeout=60, since=shown)
        for _attempt in range(100):
            if ROADMAP_TITLE.search(app.output, shown):
                break
            app.settle(0.1)
        assert ROADMAP_TITLE.search(app.output, shown)
        app.send(CTRL_Q)
        app.wait_exit(30)
    assert app.status == 0
