"""Markdown that keeps what people typed exactly: names, titles, notes.

Text typed in a form (a name, a decision) is *literal*: ``inline`` and ``cell`` escape what
Markdown would read as structure (``*``, ``_``, ``#``, ``|``, backticks, ``<tag>``,
``[x](y)``, a leading ``1.``), and nothing else, so the source stays readable
(``acteur.rice.s``, ``impliqué·e·s`` are left alone). Notes are *Markdown*: ``notes`` keeps
their lists and emphasis but stops them from breaking the document around them (their
headings go below the heading they sit under, a code fence left open is closed, a raw HTML
block is turned into text).

The documents are CommonMark with GFM tables (see :func:`parser`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt

# Escaped wherever they stand: they open code, emphasis, links, HTML, tables, strikethrough.
_ALWAYS = frozenset("\\`*[]<>|~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ORDERED_START = re.compile(r"(\d{1,9})([.)])")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
# Text without any of these is its own Markdown (the rules below never fire on it).
_MAY_NEED_ESCAPE = re.compile(r"[\\`*\[\]<>|~_#&]|^[-+=0-9]")


@functools.cache
def parser(*, html: bool = False) -> MarkdownIt:
    """The Markdown dialect of every export: CommonMark and GFM tables, raw HTML off.

    Built once per process (a parser does not change as it parses): building one cost a
    third of the time of an export of all the minutes.
    """
    return _Parser(html=html)


class _Parser(MarkdownIt):
    """CommonMark with GFM tables; links to a refused scheme render as text."""

    def __init__(self, *, html: bool = False, keep_every_link: bool = False) -> None:
        super().__init__("commonmark", {"html": html})
        self.enable("table")
        self.keep_every_link = keep_every_link

    def validateLink(self, url: str) -> bool:
        return self.keep_every_link or allowed_link(url)


# The only links a document keeps: the web and e-mail. ``javascript:``, ``data:``,
# ``vbscript:``, ``file:`` and relative links are shown as text.
ALLOWED_SCHEMES = ("http:", "https:", "mailto:")
# Browsers ignore these inside a scheme (« java\tscript: »), so the check does too.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")


def allowed_link(url: str) -> bool:
    """Whether a link to ``url`` may stay live in a document."""
    return _IGNORED_IN_SCHEME.sub("", url).lower().startswith(ALLOWED_SCHEMES)


@functools.cache
def _every_link_parser() -> MarkdownIt:
    """A parser that keeps every link, to find the ones :func:`allowed_link` refuses."""
    return _Parser(keep_every_link=True)


def _refused_link_lines(text: str) -> set[int] | None:
    """The lines of the blocks holding a refused link; None when a block has no position."""
    lines: set[int] = set()
    for token in _every_link_parser().parse(text):
        if token.type != "inline" or not token.children:
            continue
        refused = any(
            child.type in ("link_open", "image")
            and not allowed_link(str(child.attrGet("href") or child.attrGet("src") or ""))
            for child in token.children)
        if refused:
            if token.map is None:
                return None
            lines.update(range(*token.map))
    return lines


def _escape_link_marks(line: str) -> str:
    """``[``, ``]`` and ``<`` not already escaped get a backslash: no link can form."""
    out: list[str] = []
    backslashes = 0
    for char in line:
        if char in "[]<" and backslashes % 2 == 0:
            out.append("\\")
        backslashes = backslashes + 1 if char == "\\" else 0
        out.append(char)
    return "".join(out)


def without_refused_links(text: str) -> str:
    """``text`` with every link to a scheme other than http, https or mailto made text:
    the blocks that hold one have their link brackets escaped."""
    for _attempt in range(3):
        found = _refused_link_lines(text)
        if found == set():
            return text
        lines = text.split("\n")
        chosen = range(len(lines)) if found is None else found
        text = "\n".join(_escape_link_marks(line) if number in chosen else line
                         for number, line in enumerate(lines))
    return "\n".join(_escape_link_marks(line) for line in text.split("\n"))


def inline(text: str) -> str:
    """``text`` as literal Markdown on one line: it renders as exactly the same text.

    Line breaks become spaces and the ends are trimmed (one-line fields are stored so).
    """
    text = _LINE_BREAK.sub(" ", text).strip()
    if not _MAY_NEED_ESCAPE.search(text):
        return text
    out: list[str] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in _ALWAYS or (
            (char == "_" and not (before.isalnum() and after.isalnum()))
            or (char == "#" and (not before or before.isspace()))
            or (char == "&" and _ENTITY.match(text, index))
            or (index == 0 and char in "-+=")
        ):
            out.append("\\")
        out.append(char)
    escaped = "".join(out)
    ordered = _ORDERED_START.match(escaped)
    if ordered:
        escaped = f"{ordered[1]}\\{ordered[2]}{escaped[ordered.end():]}"
    return escaped


def cell(text: str) -> str:
    """``text`` as the content of a GFM table cell."""
    return inline(text)


def heading(level: int, text: str) -> str:
    """An ATX heading of literal text."""
    return f"{'#' * level} {inline(text)}"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GFM table; ``headers`` and cells are already Markdown (use ``cell`` on user text)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def notes(text: str, below: int) -> str:
    """User Markdown that cannot break the document it is placed in.

    Its headings are demoted below level ``below`` (a ``#`` becomes level ``below + 1``,
    at most 6), a code fence left open at the end is closed, and raw HTML (blocks and inline
    tags) is escaped so every renderer shows it as text, as ours does.
    """
    lines = text.strip("\n").split("\n")
    if lines == [""]:
        return ""
    lines = _without_html_blocks(lines)
    tokens = parser().parse("\n".join(lines))
    replaced: dict[int, str | None] = {}
    closing = ""
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "heading_open":
            level = min(6, below + int(token.tag[1:]))
            content = tokens[index + 1].content
            _demote(lines, replaced, first, last, token.markup, level, content)
        elif token.type == "fence" and token.level == 0 and _left_open(lines, first, last,
                                                                         token.markup):
            closing = token.markup[0] * len(token.markup)
    out = [replaced.get(number, line) for number, line in enumerate(lines)]
    kept = [line for line in out if line is not None]
    if closing:
        kept.append(closing)
    return without_refused_links("\n".join(kept))


def _without_html_blocks(lines: list[str]) -> list[str]:
    """Escape the ``<`` that opens each raw HTML block or inline tag, until the notes hold
    none, so every renderer shows them as text, as ours does.

    An HTML block can hide other blocks (a fence, a heading); once escaped they show, so
    the notes are read again.
    """
    lines = list(lines)
    for _attempt in range(len(lines) + 1):
        found = False
        for token in parser(html=True).parse("\n".join(lines)):
            if token.map is None:
                continue
            if token.type == "html_block":
                line = lines[token.map[0]]
                at = line.find("<")
                if at >= 0:
                    lines[token.map[0]] = line[:at] + "\\" + line[at:]
                    found = True
            elif token.type == "inline" and any(
                child.type == "html_inline" for child in token.children or ()
            ):
                # A code span can run over the lines of a paragraph: read them together.
                # Should a tag survive (spans the scan misreads), the second pass escapes
                # every opening, code spans or not: raw HTML never stays.
                first, last = token.map
                block = "\n".join(lines[first:last])
                escaped = _escape_tags(block) if _attempt == 0 else _TAG_OPENING.sub(
                    _escaped_opening, block)
                lines[first:last] = escaped.split("\n")
                found = True
        if not found:
            break
    return lines


# What can open inline HTML (a tag, a closing tag, a comment, a declaration), but not an
# autolink (a URI or an e-mail address between angle brackets), which stays a link.
_TAG_OPENING = re.compile(
    r"<(?![A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>)"
    r"(?![A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?>)"
    r"(?=[A-Za-z/!?])"
)
_BACKTICKS = re.compile(r"`+")


def _escaped_opening(found: re.Match[str]) -> str:
    """``\\<`` unless the ``<`` is already escaped (an odd run of backslashes before it)."""
    before = found.string[:found.start()]
    escaped = (len(before) - len(before.rstrip("\\"))) % 2 == 1
    return "<" if escaped else "\\<"


def _escape_tags(line: str) -> str:
    """``line`` with every ``<`` that could open inline HTML escaped, except in code spans
    (where a backslash would show)."""
    out: list[str] = []
    at = 0
    while at < len(line):
        ticks = _BACKTICKS.search(line, at)
        plain_end = ticks.start() if ticks else len(line)
        out.append(_TAG_OPENING.sub(_escaped_opening, line[at:plain_end]))
        if ticks is None:
            break
        closing = re.compile(rf"(?<!`){ticks.group()}(?!`)").search(line, ticks.end())
        span_end = closing.end() if closing else ticks.end()
        out.append(line[ticks.start():span_end])
        at = span_end
    return "".join(out)


def _demote(lines: list[str], replaced: dict[int, str | None], first: int, last: int,
            markup: str, level: int, content: str) -> None:
    """Rewrite one heading at ``level``, inside whatever container prefix it has."""
    line = lines[first]
    if markup.startswith("#"):
        at = line.index("#")
        end = at + len(markup)
        replaced[first] = line[:at] + "#" * level + line[end:]
        return
    # A setext heading (text underlined with === or ---): rewritten as an ATX heading.
    text_lines = content.split("\n")
    at = line.find(text_lines[0]) if text_lines[0] else -1
    prefix = line[:at] if at >= 0 else line[: len(line) - len(line.lstrip(" >"))]
    replaced[first] = prefix + "#" * level + " " + " ".join(part.strip() for part in text_lines)
    for number in range(first + 1, last):
        replaced[number] = None


def _left_open(lines: list[str], first: int, last: int, markup: str) -> bool:
    """A fence that runs to the end of the notes without its closing line."""
    return last == len(lines) and (last - 1 == first or not _closes(lines[last - 1], markup))


def _closes(line: str, markup: str) -> bool:
    stripped = line.strip()
    return (len(stripped) >= len(markup) and set(stripped) == {markup[0]}
            and len(line) - len(line.lstrip(" ")) <= 3)
