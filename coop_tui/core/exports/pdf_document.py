"""A :class:`~coop_tui.core.exports.document.Document` as a PDF ready to publish (fpdf2).

A4, 2 cm margins, "n / N" at the foot of each page, the letterhead on the first page.
The font is DejaVu Sans, shipped in ``coop_tui/fonts`` and embedded, so « œ », « ’ »,
« … » and every accented capital print on any machine. Typed text is written as text:
fpdf2's markdown reading stays off. Text is shaped (HarfBuzz, with fpdf2's bidi), so a
name in Arabic or Hebrew prints right to left.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

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

FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_MARGIN = 20.0
_BODY = 10.0
_LINE = 5.0
_HEADING_SIZES = {1: 16.0, 2: 13.0, 3: 11.5}
_INDENT = 6.0


def font_folder() -> Path:
    return Path(str(resources.files("coop_tui") / "fonts"))


class _Pages(FPDF):
    """A4 pages whose foot says "n / N"."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(90)
        text = f"{self.page_no()} / {{nb}}"
        if self.footer_text:
            text = f"{self.footer_text}   ·   {text}"
        self.cell(0, 5, text, align="C")
        self.set_text_color(0)


def pdf_bytes(document: Document) -> bytes:
    """The document as the bytes of a PDF file."""
    pdf = _Pages(format="A4", unit="mm")
    folder = font_folder()
    for style, name in _FONT_FILES.items():
        pdf.add_font(FONT, style, str(folder / name))
    pdf.set_text_shaping(True)  # right-to-left names read right, ligatures join
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.set_title(document.title)
    pdf.set_lang(document.lang)
    pdf.set_creator("coop-tui")
    pdf.footer_text = document.footer
    pdf.add_page()
    if document.letterhead is not None:
        _letterhead(pdf, document.letterhead)
    for block in document.blocks:
        _block(pdf, block)
    return bytes(pdf.output())


def _letterhead(pdf: FPDF, letterhead: Letterhead) -> None:
    logo = readable_logo(letterhead.logo)
    if logo is not None:
        pdf.image(io.BytesIO(logo), x=_MARGIN, y=_MARGIN, h=18)
        pdf.set_y(_MARGIN + 20)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 6, letterhead.name, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in letterhead.address.splitlines():
        if line.strip():
            pdf.multi_cell(0, 4.5, line.strip(), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_draw_color(100)
    pdf.line(_MARGIN, pdf.get_y(), pdf.w - _MARGIN, pdf.get_y())
    pdf.set_draw_color(0)
    pdf.ln(6)


def _runs(pdf: FPDF, runs: Sequence[Run], size: float = _BODY, line: float = _LINE) -> None:
    """Runs one after the other, wrapped at the margin, then the end of the line."""
    for run in runs:
        style = ("B" if run.bold else "") + ("I" if run.italic and not run.bold else "")
        pdf.set_font(FONT, style, size)
        pdf.write(line, run.text)
    pdf.ln(line)


def _block(pdf: FPDF, block: Block) -> None:
    if isinstance(block, Heading):
        size = _HEADING_SIZES.get(block.level, _BODY + 0.5)
        if pdf.will_page_break(size * 2):
            pdf.add_page()
        pdf.ln(3 if block.level > 1 else 1)
        pdf.set_font(FONT, "B", size)
        pdf.multi_cell(0, size * 0.5, block.full_text, align="L", new_x="LMARGIN", new_y="NEXT")
        if block.level <= 2:
            pdf.set_draw_color(150)
            pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.w - pdf.r_margin, pdf.get_y() + 0.5)
            pdf.set_draw_color(0)
        pdf.ln(2)
    elif isinstance(block, Paragraph):
        _runs(pdf, block.runs)
        pdf.ln(1.5)
    elif isinstance(block, Fields):
        for name, value in block.rows:
            _runs(pdf, (Run(name, bold=True), Run(" " + value)))
        pdf.ln(1.5)
    elif isinstance(block, ItemList):
        _list(pdf, block.items, block.numbered or block.numbered_in_print, 0)
        pdf.ln(1.5)
    elif isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, Notes):
        for part in notes_blocks(block.text, block.below):
            _block(pdf, part)
    else:
        _signatures(pdf, block)


def _list(pdf: FPDF, items: Sequence[Item], numbered: bool, depth: int) -> None:
    margin = pdf.l_margin
    indent = margin + depth * _INDENT
    for number, item in enumerate(items, start=1):
        marker = f"{number}." if numbered else ("•" if depth == 0 else "–")
        pdf.set_font(FONT, "", _BODY)
        width = max(_INDENT, pdf.get_string_width(marker) + 2)
        pdf.set_x(indent)
        pdf.cell(width, _LINE, marker)
        pdf.set_left_margin(indent + width)
        _runs(pdf, item.runs)
        pdf.set_left_margin(margin)
        if item.children:
            pdf.set_left_margin(indent + width)
            _list(pdf, item.children, False, 0)
            pdf.set_left_margin(margin)


def _table(pdf: FPDF, block: Table) -> None:
    pdf.set_font(FONT, "", 9)
    pdf.set_draw_color(120)
    with pdf.table(text_align="LEFT", line_height=4.6, padding=1.2, col_widths=block.widths,
                   headings_style=FontFace(family=FONT, emphasis="BOLD", fill_color=235),
                   repeat_headings=1) as table:
        table.row(list(block.headers))
        for row in block.rows:
            table.row(list(row))
    pdf.set_draw_color(0)
    pdf.ln(3)


def _signatures(pdf: FPDF, block: Signatures) -> None:
    """Who signs, their name, and room to sign under each."""
    if pdf.will_page_break(50):
        pdf.add_page()
    pdf.set_font(FONT, "", _BODY)
    width = (pdf.w - 2 * _MARGIN) * min(1.0, len(block.signers) / 2)
    with pdf.table(text_align="LEFT", line_height=5, padding=1.5, v_align="TOP", width=width,
                   align="RIGHT", headings_style=FontFace(family=FONT, emphasis="BOLD")) as table:
        table.row([title for title, _name in block.signers])
        table.row([name or " " for _title, name in block.signers])
        signing = table.row()
        for _signer in block.signers:
            signing.cell(block.signature_label + "\n" * 5)
    pdf.ln(4)
