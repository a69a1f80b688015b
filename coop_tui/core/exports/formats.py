"""The formats every document is written in, from the one document structure.

Markdown and HTML are text; Word and PDF are bytes. The HTML page is the Markdown rendered
with raw HTML off, with a stylesheet that prints on A4.
"""

from __future__ import annotations

import html
from typing import Literal

from coop_tui.core.exports import markdown as md
from coop_tui.core.exports.document import Document, to_markdown

DocumentFormat = Literal["md", "html", "docx", "pdf"]
DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = ("md", "html", "docx", "pdf")
BINARY_FORMATS = frozenset({"docx", "pdf"})


def document_bytes(document: Document, fmt: DocumentFormat) -> bytes:
    """``document`` as the bytes of a file in ``fmt``."""
    if fmt == "docx":
        from coop_tui.core.exports.docx_document import docx_bytes

        return docx_bytes(document)
    if fmt == "pdf":
        from coop_tui.core.exports.pdf_document import pdf_bytes

        return pdf_bytes(document)
    text = to_markdown(document)
    if fmt == "html":
        text = html_page(text, document.title, document.lang)
    return text.encode("utf-8")


# ---------------------------------------------------------------------------- HTML

_STYLE = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; color: #111;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
h4, h5, h6 { font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: .9em; }
pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 1rem; color: #333; }
@page { size: A4; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; }
  table, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def html_page(markdown_text: str, title: str, lang: str) -> str:
    """A standalone page: the Markdown rendered with raw HTML off, and a print stylesheet."""
    body = md.parser(html=False).render(markdown_text)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )

