"""A :class:`~coop_tui.core.exports.document.Document` as a Word file (.docx, python-docx).

A document a secretary can edit, not a dump: Word's own styles (``Heading 1..3``,
``List Number``, ``List Bullet``, ``Table Grid``), so the navigation pane and the table of
contents work; the attendance, votes and actions as tables or numbered lists; page numbers
"n / N" in the footer as fields; the letterhead on the first page. Text is set as text
runs: nothing typed is read as a field, a style or markup. It opens in LibreOffice Writer
as in Word.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx import Document as new_docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from coop_tui.core.exports.document import (
    Block,
    Document,
    Fields,
    Heading,
    Item,
    ItemList,
    Letterhead,
    Notes,
    Paragraph,
    Run,
    Signatures,
    Table,
    notes_blocks,
)
from coop_tui.core.exports.logo import readable_logo

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as WordParagraph

_LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}
_SIGNING_ROOM = Cm(3)


def docx_bytes(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    word = new_docx()
    _set_up(word, document)
    if document.letterhead is not None:
        _letterhead(word, document.letterhead)
    for block in document.blocks:
        _block(word, block)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _set_up(word: WordDocument, document: Document) -> None:
    """A4, 2 cm margins, the language for the spelling checker, "n / N" in the footer."""
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    properties = word.core_properties
    properties.title = document.title
    properties.language = _LANGUAGE_TAGS.get(document.lang, document.lang)
    properties.author = "coop-tui"
    normal = word.styles["Normal"]
    normal.font.size = Pt(10.5)
    run_properties = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), _LANGUAGE_TAGS.get(document.lang, document.lang))
    run_properties.append(language)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1  # centred
    if document.footer:
        footer.add_run(document.footer + "   ")
    _field(footer, "PAGE", "1")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES", "1")


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and Writer compute when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _letterhead(word: WordDocument, letterhead: Letterhead) -> None:
    logo = readable_logo(letterhead.logo)
    if logo is not None:
        word.add_picture(io.BytesIO(logo), height=Cm(2))
    name = word.add_paragraph()
    run = name.add_run(letterhead.name)
    run.bold = True
    run.font.size = Pt(13)
    for line in letterhead.address.splitlines():
        if line.strip():
            address = word.add_paragraph(line.strip())
            address.paragraph_format.space_after = Pt(0)
    rule = word.add_paragraph()
    _bottom_border(rule)


def _bottom_border(paragraph: WordParagraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "666666")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _runs(paragraph: WordParagraph, runs: Sequence[Run]) -> None:
    for piece in runs:
        run = paragraph.add_run(piece.text)
        run.bold = piece.bold or None
        run.italic = piece.italic or None


def _block(word: WordDocument, block: Block) -> None:
    if isinstance(block, Heading):
        word.add_heading(block.full_text, min(block.level, 9))
    elif isinstance(block, Paragraph):
        _runs(word.add_paragraph(), block.runs)
    elif isinstance(block, Fields):
        for name, value in block.rows:
            line = word.add_paragraph()
            line.paragraph_format.space_after = Pt(0)
            _runs(line, (Run(name, bold=True), Run(" " + value)))
    elif isinstance(block, ItemList):
        _list(word, block.items, block.numbered or block.numbered_in_print, 1)
    elif isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, Notes):
        for part in notes_blocks(block.text, block.below):
            _block(word, part)
    else:
        _signatures(word, block)


def _list(word: WordDocument, items: Sequence[Item], numbered: bool, depth: int) -> None:
    style = ("List Number" if numbered else "List Bullet") + (f" {depth}" if depth > 1 else "")
    restarted = _numbering_from_one(word) if numbered and depth == 1 else None
    for item in items:
        paragraph = word.add_paragraph(style=style)
        _runs(paragraph, item.runs)
        if restarted is not None:
            number = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            number.get_or_add_ilvl().val = 0
            number.get_or_add_numId().val = restarted
        if item.children:
            _list(word, item.children, False, min(depth + 1, 3))


def _numbering_from_one(word: WordDocument) -> int | None:
    """A numbering of the style's list started over at 1, so each list counts from 1 (else
    Word carries on from the previous list of the document)."""
    style = word.styles["List Number"].element
    properties = style.pPr.numPr if style.pPr is not None else None
    if properties is None or properties.numId is None:
        return None
    numbering = word.part.numbering_part.element
    abstract = numbering.num_having_numId(properties.numId.val).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def _table(word: WordDocument, block: Table) -> None:
    table = word.add_table(rows=1, cols=len(block.headers))
    table.style = word.styles["Table Grid"]
    for cell, header in zip(table.rows[0].cells, block.headers, strict=True):
        _cell_text(cell, header, bold=True)
    _repeat_as_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _cell_text(cell, text)
    if block.widths:
        # Both the grid (which LibreOffice reads) and each cell (which Word reads).
        table.autofit = False
        total = sum(block.widths)
        for column, share in zip(table.columns, block.widths, strict=True):
            column.width = Cm(17 * share / total)
            for cell in column.cells:
                cell.width = Cm(17 * share / total)
    word.add_paragraph()


def _cell_text(cell: _Cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold or None


def _repeat_as_header(row: object) -> None:
    from docx.table import _Row

    assert isinstance(row, _Row)
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _signatures(word: WordDocument, block: Signatures) -> None:
    """Who signs, their name, and a tall empty cell under each to sign in."""
    table = word.add_table(rows=3, cols=len(block.signers))
    table.style = word.styles["Table Grid"]
    for column, (title, name) in enumerate(block.signers):
        _cell_text(table.rows[0].cells[column], title, bold=True)
        _cell_text(table.rows[1].cells[column], name or " ")
        _cell_text(table.rows[2].cells[column], block.signature_label)
    room = table.rows[2]
    room.height = _SIGNING_ROOM
    room.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    # One block on one page: no row split, each row kept with the next one.
    for index, row in enumerate(table.rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if index < len(table.rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
