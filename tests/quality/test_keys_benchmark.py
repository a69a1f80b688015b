"""The key-count benchmark (issue 21) counts what the issue counts, and gives no number for
a result that is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest

from benchmarks.keys import KeyCount, verify
from benchmarks.tmux_driver import Tmux


class Recorder:
    """Stands for the terminal: what was sent."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def send(self, *keys: str) -> None:
        self.sent += keys

    def type(self, text: str) -> None:
        self.sent.append(text)


def test_words_are_free_keys_and_syntax_are_counted() -> None:
    recorder = Recorder()
    count = KeyCount(cast(Tmux, recorder))
    count.phase = "meeting"
    count.key("F3", "e")
    count.lines(["Budget", "Voirie", "Calendrier 2027"])  # two line breaks
    count.syntax("D:")
    count.words(" le schéma est adopté")
    assert count.counts == {"meeting": 2 + 2 + 2}
    assert recorder.sent[:3] == ["F3", "e", "Budget"]


def test_a_store_that_lacks_what_was_typed_fails_the_benchmark(tmp_path: Path) -> None:
    store = tmp_path / "territoire.json"
    data: dict[str, Any] = {"territory": {"1": {"name": "Mon territoire", "communes": []}},
                            "actors": {}, "meetings": {}}
    store.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AssertionError, match="Mon territoire"):
        verify(store, tmp_path)
