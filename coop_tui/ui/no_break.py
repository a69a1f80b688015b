"""No-break spaces that do not break: French puts one before « : ; ? ! » and inside « »
(docs/style.md), and a line must never start with the colon.

Rich and Textual cut lines at any whitespace, the no-break spaces included (their word
patterns use ``\\s``, which matches U+00A0 and U+202F): at 80 columns « réunion : » left
its colon at the start of the next line. :func:`keep_no_break_spaces` gives both word
patterns one rule: a no-break space belongs to the word around it.
"""

from __future__ import annotations

import re

import rich._wrap
import textual._wrap

NO_BREAK = "\u00a0\u202f\u2007\u2060"
_WORD = rf"(?:\S|[{NO_BREAK}])+"
_SPACE = rf"[^\S{NO_BREAK}]"
# Rich's words (Textual's Content wraps with them too): spaces, a word, spaces.
RICH_WORD = re.compile(rf"{_SPACE}*{_WORD}{_SPACE}*")
# Textual's chunks (text areas): a word and its spaces, or spaces alone.
TEXTUAL_CHUNK = re.compile(rf"{_WORD}{_SPACE}*|{_SPACE}+")


def keep_no_break_spaces() -> None:
    """Make Rich and Textual wrap lines only where a breaking space stands (idempotent)."""
    rich._wrap.re_word = RICH_WORD
    textual._wrap.re_chunk = TEXTUAL_CHUNK
