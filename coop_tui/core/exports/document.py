"""One document structure that every format walks: Markdown, HTML, Word and PDF.

The minutes, the liste des délibérations and the status report are built once from the
models as a :class:`Document` (headings, paragraphs, fields, lists, tables, notes,
signatures); each format only says how a block looks. Every text held here is plain text,
exactly as people typed it: each renderer escapes it for its own format (the Markdown one
through :mod:`coop_tui.core.exports.markdown`), so no typed name can become structure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coop_tui.core.exports import markdown as md


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph, in bold or italics or neither."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Heading:
    """A title of ``level`` 1 to 6; ``number`` is the agenda item's number ("2.")."""

    level: int
    text: str
    number: int | None = None

    @property
    def full_text(self) -> str:
        return f"{self.number}. {self.text}" if self.number is not None else self.text


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]

    @classmethod
    def plain(cls, text: str) -> Paragraph:
        return cls((Run(text),))

    @classmethod
    def strong(cls, text: str) -> Paragraph:
        return cls((Run(text, bold=True),))


@dataclass(frozen=True)
class Fields:
    """A header of labelled values: "Date: Thursday 26 November 2026"."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Item:
    """An entry of a list, with the entries nested under it."""

    runs: tuple[Run, ...]
    children: tuple[Item, ...] = ()

    @classmethod
    def plain(cls, text: str, children: Sequence[Item] = ()) -> Item:
        return cls((Run(text),), tuple(children))


@dataclass(frozen=True)
class ItemList:
    """A list. ``numbered`` lists are numbered everywhere; ``numbered_in_print`` ones stay
    bullets in Markdown (as the minutes always were) and are numbered in Word and PDF, where
    a secretary refers to "decision 3"."""

    items: tuple[Item, ...]
    numbered: bool = False
    numbered_in_print: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a header row; cells are plain text. ``widths``: the columns' shares
    of the page in print (None: even)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Notes:
    """Notes people typed in Markdown, placed under a heading of level ``below``."""

    text: str
    below: int


@dataclass(frozen=True)
class Signatures:
    """The signature block of a procès-verbal: (who signs, their name) side by side, with
    room to sign under each."""

    signers: tuple[tuple[str, str], ...]
    signature_label: str


Block = Heading | Paragraph | Fields | ItemList | Table | Notes | Signatures


@dataclass(frozen=True)
class Letterhead:
    """The intercommunality's name, address and logo, on the first page of Word and PDF."""

    name: str
    address: str = ""
    logo: Path | None = None


@dataclass
class Document:
    """A document in the language it was built in (``lang``)."""

    title: str
    lang: str
    blocks: list[Block] = field(default_factory=list)
    letterhead: Letterhead | None = None
    footer: str = ""

    def add(self, *blocks: Block | None) -> None:
        self.blocks.extend(block for block in blocks if block is not None)


# ---------------------------------------------------------------------------- Markdown


def _run_markdown(run: Run) -> str:
    """A run as Markdown, its text literal and its spaces at the ends kept."""
    core = run.text.strip()
    if not core:
        return run.text
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    trail = run.text[len(run.text.rstrip()):]
    text = md.inline(core)
    if run.bold:
        text = f"**{text}**"
    if run.italic:
        text = f"*{text}*"
    return lead + text + trail


def runs_markdown(runs: Sequence[Run]) -> str:
    return "".join(_run_markdown(run) for run in runs)


def _items_markdown(items: Sequence[Item], numbered: bool, indent: str) -> Iterator[str]:
    for number, item in enumerate(items, start=1):
        marker = f"{number}. " if numbered else "- "
        yield indent + marker + runs_markdown(item.runs)
        yield from _items_markdown(item.children, False, indent + "  ")


def block_markdown(block: Block) -> str:
    """One block as CommonMark (GFM tables)."""
    if isinstance(block, Heading):
        if block.number is not None:
            return f"{'#' * block.level} {block.number}. {md.inline(block.text)}"
        return md.heading(block.level, block.text)
    if isinstance(block, Paragraph):
        return runs_markdown(block.runs)
    if isinstance(block, Fields):
        return "\n".join(f"- **{md.inline(name)}** {md.inline(value)}"
                         for name, value in block.rows)
    if isinstance(block, ItemList):
        return "\n".join(_items_markdown(block.items, block.numbered, ""))
    if isinstance(block, Table):
        return md.table([md.cell(header) for header in block.headers],
                        [[md.cell(cell) for cell in row] for row in block.rows])
    if isinstance(block, Notes):
        return md.notes(block.text, block.below)
    return md.table([md.cell(title) for title, _name in block.signers],
                    [[md.cell(name) for _title, name in block.signers],
                     [md.cell(block.signature_label) for _signer in block.signers]])


def to_markdown(document: Document) -> str:
    """The document as CommonMark, ending with a newline."""
    parts = [block_markdown(block) for block in document.blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


# ---------------------------------------------------------------------------- notes


def notes_blocks(text: str, below: int) -> list[Block]:
    """Notes typed in Markdown as blocks, for the formats that do not read Markdown: their
    headings below ``below``, their paragraphs, their lists (one level), quotes and code as
    paragraphs. The words are kept exactly; the Markdown marks that only format go."""
    from markdown_it.token import Token

    tokens: list[Token] = md.parser().parse(md.notes(text, below))
    blocks: list[Block] = []
    items: list[Item] = []
    numbered = False
    depth = 0
    level = below + 1
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if depth == 1:
                numbered = token.type == "ordered_list_open"
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0 and items:
                blocks.append(ItemList(tuple(items), numbered=numbered))
                items = []
        elif token.type == "heading_open":
            level = int(token.tag[1:])
        elif token.type == "inline":
            runs = _inline_runs(token)
            if not runs:
                continue
            before = tokens[index - 1].type if index else ""
            if before == "heading_open":
                blocks.append(Heading(level, "".join(run.text for run in runs)))
            elif depth:
                items.append(Item(runs))
            else:
                blocks.append(Paragraph(runs))
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.extend(Paragraph.plain(line) for line in token.content.rstrip("\n").split("\n"))
    return blocks


def _inline_runs(token: object) -> tuple[Run, ...]:
    """The text of an inline token, bold and italics kept, breaks as spaces."""
    from markdown_it.token import Token

    assert isinstance(token, Token)
    runs: list[Run] = []
    bold = italic = 0
    for child in token.children or ():
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type in ("text", "code_inline", "html_inline"):
            if child.content:
                runs.append(Run(child.content, bold=bold > 0, italic=italic > 0))
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" "))
    return tuple(runs) if "".join(run.text for run in runs).strip() else ()


def plain_text(runs: Sequence[Run]) -> str:
    return "".join(run.text for run in runs)
