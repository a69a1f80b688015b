"""French no-break spaces hold at the end of a line: « réunion : » never leaves its colon
at the start of the next one (seen on the dashboard at 80 columns)."""

from __future__ import annotations

import rich._wrap
import textual._wrap
from rich.console import Console
from rich.text import Text
from textual.content import Content

from coop_tui.ui.no_break import RICH_WORD, TEXTUAL_CHUNK, keep_no_break_spaces
from tests.helpers import AppFactory

SENTENCE = "prochaine réunion\u00a0: Conseil communautaire «\u00a0demain\u00a0» vraiment\u00a0?"


def test_the_app_wraps_at_breaking_spaces_only(make_app: AppFactory) -> None:
    make_app()
    assert rich._wrap.re_word is RICH_WORD and textual._wrap.re_chunk is TEXTUAL_CHUNK
    for width in range(12, 40):  # wider than the longest word: no word is folded
        lines = [line.plain for line in Content(SENTENCE).wrap(width)]
        assert not any(line.lstrip().startswith((":", "»", "?")) for line in lines), lines
        assert not any(line.rstrip().endswith("«") for line in lines), lines
        text_lines = [line.plain for line in Text(SENTENCE).wrap(Console(), width)]
        assert not any(line.lstrip().startswith((":", "»", "?")) for line in text_lines)


def test_ordinary_spaces_still_break() -> None:
    keep_no_break_spaces()
    assert [line.plain for line in Content("un deux trois").wrap(8)] == ["un deux", "trois"]
    assert [start for start, _end, _word in textual._wrap.chunks("a b\u00a0c  d")] == [0, 2, 7]
