"""French typography, as a rule the catalogue keeps (docs/style.md).

One convention: a no-break space (U+00A0, never the narrow U+202F) before ``:`` ``;`` ``?``
``!`` and inside « ». What is code rather than prose is left alone: format placeholders
(``{name!r}``, ``{value:.1f}``), markup in square brackets, times and URLs (``10:30``,
``https://``), the notes syntax (``D:``, ``A:``), and a mark glued to the next character
(``Nom;Type`` in a CSV example, ``hh:mm``).
"""

from __future__ import annotations

from dataclasses import dataclass

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_BEFORE = frozenset(":;?!")
# What may follow ? and ! in prose: the end, a space, a closing mark.
_AFTER_QUESTION = frozenset(")]»\"'.,…")
_SPACES = frozenset(" \t\n" + NARROW_NBSP)
_REPLACEABLE = frozenset(" \t" + NARROW_NBSP)


@dataclass(frozen=True, slots=True)
class Fault:
    """One place that breaks the rule: where in the text, and what is missing."""

    at: int
    mark: str

    def describe(self, text: str) -> str:
        start = max(0, self.at - 15)
        return f"no no-break space by {self.mark!r} in …{text[start:self.at + 5]}…"


def _code_spans(text: str) -> list[bool]:
    """For each character, whether it stands inside {placeholder} or [markup]."""
    inside = [False] * len(text)
    depth = 0
    closer = {"{": "}", "[": "]"}
    opened: list[str] = []
    for index, char in enumerate(text):
        if char in closer:
            opened.append(closer[char])
            depth += 1
        if depth:
            inside[index] = True
        if opened and char == opened[-1]:
            opened.pop()
            depth -= 1
    return inside


def _is_notes_syntax(text: str, at: int) -> bool:
    """``D:`` and ``A:``: one capital letter standing alone, then the colon."""
    if at < 1 or not text[at - 1].isascii() or not text[at - 1].isupper():
        return False
    return at == 1 or not text[at - 2].isalnum()


def _wants_space_before(text: str, at: int) -> bool:
    """Whether the mark at ``at`` is prose punctuation that takes a space before it."""
    mark = text[at]
    following = text[at + 1] if at + 1 < len(text) else ""
    if at == 0 or text[at - 1] == "\n":
        return False
    if mark in ":;":
        if following and following not in _SPACES:
            return False
        return not (mark == ":" and _is_notes_syntax(text, at))
    return not following or following in _SPACES or following in _AFTER_QUESTION \
        or following in _BEFORE


def _quote_wants_space(text: str, at: int) -> bool:
    if text[at] == "«":
        return at + 1 < len(text) and text[at + 1] != NBSP
    return text[at] == "»" and at > 0 and text[at - 1] != NBSP


def faults(text: str) -> list[Fault]:
    """Every place in a French text that breaks the rule."""
    found: list[Fault] = []
    code = _code_spans(text)
    for at, char in enumerate(text):
        if code[at]:
            continue
        if char in _BEFORE and _wants_space_before(text, at) and text[at - 1] != NBSP:
            if text[at - 1] in _BEFORE:
                continue
            found.append(Fault(at, char))
        elif _quote_wants_space(text, at):
            found.append(Fault(at, char))
    return found


def fixed(text: str) -> str:
    """``text`` with the rule applied: a plain (or narrow) space becomes a no-break space,
    a missing one is added."""
    return fixed_with_positions(text)[0]


def fixed_with_positions(text: str) -> tuple[str, list[int]]:
    """The fixed text, and where each original position (and the end) stands in it: the
    .po rewriter keeps a message's line breaks where they were."""
    places = {fault.at: fault.mark for fault in faults(text)}
    out: list[str] = []
    moved: list[int] = []
    for at, char in enumerate(text):
        moved.append(len(out))
        after_open_quote = places.get(at - 1) == "«"
        before_mark = places.get(at + 1, "«") != "«"
        if char in _REPLACEABLE and (after_open_quote or before_mark):
            out.append(NBSP)
            continue
        mark = places.get(at)
        if mark is not None and mark != "«" and not (at and text[at - 1] in _REPLACEABLE):
            out.append(NBSP)
        out.append(char)
        if mark == "«" and not (at + 1 < len(text) and text[at + 1] in _REPLACEABLE):
            out.append(NBSP)
    moved.append(len(out))
    return "".join(out), moved
