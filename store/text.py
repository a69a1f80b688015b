"""Cleaning of user text at the door of the models, and the no-op marker for messages.

Text typed by a person, pasted from an e-mail or read from a hand-edited file can carry
terminal escape sequences and control characters. Shown raw, they would clear the screen,
change colours or hide a link; so the models keep printable text only.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC (ESC P/X/^/_ ... ST),
# the 8-bit CSI (0x9b), then any other two-character escape.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -~]?"
)
# C0 and C1 control characters except tab and line feed, and lone surrogates (they are
# not text: no terminal shows them and UTF-8, hence the store file, cannot hold them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"[\t\n]+")


def N_(message: str) -> str:
    """Mark a message for translation without translating it (done where it is shown)."""
    return message


def clean_multiline(value: str) -> str:
    """Keep printable text, tabs and line feeds; normalise line breaks to ``\\n``.

    Escape sequences go whole (their parameters too), then any control character left.
    Text with nothing to clean (nearly all of it) is recognised without a regex: a store
    holds tens of thousands of strings, all cleaned again at each opening.
    """
    if value.isprintable() or value.replace("\n", "").replace("\t", "").isprintable():
        return value
    value = _LINE_BREAKS.sub("\n", value)
    value = _ESCAPE_SEQUENCE.sub("", value)
    return _CONTROL.sub("", value)


def clean_line(value: str) -> str:
    """One line of printable text, trimmed: line breaks and tabs become spaces."""
    if value.isprintable():
        return value.strip()
    return _SPACES.sub(" ", clean_multiline(value)).strip()
