"""The fault battery's text rows, fast: hostile text on a real pty, tricky text through
every export, a private canary in every export and language, and the interface with
many meetings (the full battery: python -m benchmarks.faults)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from benchmarks import fault_exports, fault_text, fault_ui

pytestmark = pytest.mark.slow


def test_raw_sequences_are_told_from_the_apps_own() -> None:
    baseline = Counter({"OSC 22": 2, "SGR 1": 5, "CSI move H": 9})
    assert fault_text.raw_count(b"\x1b]22;default\x07\x1b[1mX\x1b[3;4H", baseline) == (0, [])
    found, kinds = fault_text.raw_count(b"A\x1b]8;;https://x/\x1b\\B\x07\x1b[2J\x00", baseline)
    assert found == 4
    assert kinds == ["C0 0x00", "C0 0x07", "CSI 2 J", "OSC 8"]


def test_hostile_strings_carry_what_they_should() -> None:
    rng = random.Random(3)
    texts = [fault_text.hostile(rng, n) for n in range(50)]
    assert all(text.startswith(f"Hostile{n} ") for n, text in enumerate(texts))
    assert any("\x1b]8;;" in text for text in texts)


@pytest.mark.e2e
def test_hostile_text_never_reaches_the_terminal_raw() -> None:
    row = fault_text.hostile_text(strings=30)
    assert row.nothing_lost, row


def test_tricky_text_comes_back_from_every_export() -> None:
    row = fault_exports.export_round_trips(tries=6)
    assert row.nothing_lost, row


def test_the_round_trip_check_can_fail() -> None:
    planted = {"title": "*x*", "notes": [], "action": "x", "owner": "y"}
    assert "title" in fault_exports._check_minutes_md("# *x*\n", planted, full=True)
    assert "raw HTML" in fault_exports._check_minutes_md("# a\\|b\n\n<script>x</script>\n",
                                                         planted, full=False)


def test_the_private_canary_is_in_no_export() -> None:
    row = fault_exports.private_canary()
    assert row.tries > 100
    assert row.nothing_lost, row


def test_the_interface_with_many_meetings_is_measured() -> None:
    row = fault_ui.ui_responsiveness(meetings=300, keys=2, floor_meetings=50)
    assert "open list" in row.outcome and "keystroke" in row.outcome
