"""Word and PDF documents: every template in both languages, read back with python-docx and
pypdf; the structure a secretary expects (styles, tables, numbered lists, page numbers);
the letterhead, the signature block, and hostile or private text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document as read_docx
from pypdf import PdfReader

from coop_tui.core.exports.minutes import MinutesSource, language_as, render_bytes
from coop_tui.core.i18n import format_date
from coop_tui.store.models import (
    Action,
    ActorKind,
    Decision,
    DeliberationResult,
    Meeting,
    MeetingKind,
    Vote,
)
from coop_tui.store.repository import Repository

TEMPLATES = ("full", "decisions", "pv", "deliberations")
CANARY = "CANARI-PRIVE-7f3e"
HOSTILE = {
    "markdown": "**Gras** _souligné_ [lien](http://x) # titre | pipe `code`",
    "markup": "<b>balise</b> [bold]rich[/bold] &amp; {name}",
    "escape": "Élu \x1b[31mrouge\x1b[0m fin",
    "long": "Marie-Héloïse " + "de la Grande-Commune-sur-Loubière " * 8 + "fin",
    "rtl": "مجلس الجماعة المحلية",
}


def council(repository: Repository) -> Meeting:
    held = [m for m in repository.meetings if m.kind is MeetingKind.COUNCIL and m.attendance]
    return min(held, key=lambda m: m.on)


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every paragraph of the body, tables included, in order."""
    document = read_docx(io.BytesIO(data))
    found = [(p.style.name if p.style is not None else "", p.text)
             for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [("cell", p.text) for p in cell.paragraphs]
    return found


def docx_text(data: bytes) -> str:
    return "\n".join(text for _style, text in docx_paragraphs(data))


def pdf_text(data: bytes) -> str:
    """The PDF's text, each run of spaces and line breaks as one space (lines wrap)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_word_and_pdf_hold_the_same_content(repository: Repository, template: str,
                                            lang: str) -> None:
    meeting = council(repository)
    source = MinutesSource.from_repository(repository, meeting)
    word = render_bytes(source, template, "docx", lang)  # type: ignore[arg-type]
    pdf = render_bytes(source, template, "pdf", lang)  # type: ignore[arg-type]
    assert word.startswith(b"PK") and pdf.startswith(b"%PDF")
    paragraphs = docx_paragraphs(word)
    text, printed = docx_text(word), pdf_text(pdf)
    assert paragraphs[0] == ("Normal", repository.territory.name)  # the letterhead
    titles = [t for style, t in paragraphs if style == "Heading 1"]
    assert len(titles) == 1 and flat(titles[0]) in printed
    for decision in meeting.decisions:
        assert decision.text in text and decision.text in printed
    with language_as(lang):  # type: ignore[arg-type]
        day = format_date(meeting.on, "full")
    assert day in text and day in printed
    if template in ("full", "pv"):
        present = [source.name(row.actor_id) for row in meeting.attendance
                   if row.voting or template != "pv"]
        for name in present:
            assert name in text and name in printed
    assert re.search(r"1 / \d", printed)


def test_actions_with_owners_and_dates_are_exact(repository: Repository) -> None:
    meeting = council(repository).model_copy(deep=True)
    owner = next(a for a in repository.actors if a.kind is ActorKind.ELECTED)
    meeting.actions = [Action(text="Envoyer la convention aux maires", owner_id=owner.id,
                              due=meeting.on.replace(day=28)),
                       Action(text="Chiffrer le transfert", owner_name="Cabinet Dupont")]
    source = MinutesSource.from_repository(repository, meeting)
    word = read_docx(io.BytesIO(render_bytes(source, "full", "docx", "fr")))
    summary = word.tables[-2] if len(word.tables) > 1 else word.tables[-1]
    rows = [[cell.text for cell in row.cells] for row in summary.rows]
    assert ["Envoyer la convention aux maires", owner.name, "28 avril 2026"] in rows
    assert ["Chiffrer le transfert", "Cabinet Dupont", ""] in rows
    printed = pdf_text(render_bytes(source, "full", "pdf", "fr"))
    assert "Envoyer la convention aux maires" in printed and "28 avril 2026" in printed


def test_word_uses_its_own_styles_tables_and_page_fields(repository: Repository) -> None:
    source = MinutesSource.from_repository(repository, council(repository))
    data = render_bytes(source, "pv", "docx", "fr")
    word = read_docx(io.BytesIO(data))
    styles = {p.style.name for p in word.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2", "Heading 3", "List Number", "List Bullet"} <= styles
    assert all(t.style is not None and t.style.name == "Table Grid" for t in word.tables)
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert word.sections[0].page_width is not None
    assert round(word.sections[0].page_width.cm, 1) == 21.0
    signatures = word.tables[-1]
    assert signatures.rows[2].height is not None and signatures.rows[2].height.cm >= 2.9
    assert word.core_properties.language == "fr-FR"


def test_each_numbered_list_counts_from_one(repository: Repository) -> None:
    source = MinutesSource.from_repository(repository, council(repository))
    word = read_docx(io.BytesIO(render_bytes(source, "pv", "docx", "fr")))
    numbered = [p._p.pPr.numPr.numId.val for p in word.paragraphs
                if p.style is not None and p.style.name == "List Number"
                and p._p.pPr is not None and p._p.pPr.numPr is not None]
    # The agenda and each item's deliberations: a numbering of their own each.
    assert len(set(numbered)) >= 3


def test_the_pdf_embeds_a_unicode_font_and_is_a4(repository: Repository) -> None:
    meeting = council(repository).model_copy(deep=True)
    meeting.decisions = [Decision(text="ŒUVRE « œcuménique » ’apostrophe’ … ÉÈÊÀÇ")]
    data = render_bytes(MinutesSource.from_repository(repository, meeting), "full", "pdf",
                        "fr")
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
    fonts = page["/Resources"]["/Font"]  # type: ignore[index]
    names = [str(font.get_object()["/BaseFont"]) for font in fonts.values()]
    assert names and all("DejaVu" in name for name in names)
    assert "ŒUVRE « œcuménique » ’apostrophe’ … ÉÈÊÀÇ" in pdf_text(data)


def test_the_letterhead_has_the_address_and_the_logo(repository: Repository,
                                                     tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(_tiny_png())
    territory = repository.territory.model_copy(deep=True)
    territory.address = "1 place de la Mairie\n12345 Loubières-le-Bourg"
    territory.logo_path = str(logo)
    repository.save(territory)
    source = MinutesSource.from_repository(repository, council(repository))
    word = read_docx(io.BytesIO(render_bytes(source, "pv", "docx", "fr")))
    assert [p.text for p in word.paragraphs[1:4]] == [
        territory.name, "1 place de la Mairie", "12345 Loubières-le-Bourg"]
    assert len(word.inline_shapes) == 1
    pdf = render_bytes(source, "pv", "pdf", "fr")
    assert "12345 Loubières-le-Bourg" in pdf_text(pdf)
    assert "/Image" in str(PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"])  # type: ignore[index]


def test_a_missing_or_foreign_logo_leaves_the_logo_out(repository: Repository,
                                                       tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not an image", encoding="utf-8")
    for path in (fake, tmp_path / "missing.png"):
        territory = repository.territory.model_copy(deep=True)
        territory.logo_path = str(path)
        repository.save(territory)
        source = MinutesSource.from_repository(repository, council(repository))
        assert not read_docx(io.BytesIO(render_bytes(source, "pv", "docx"))).inline_shapes
        assert render_bytes(source, "pv", "pdf").startswith(b"%PDF")


def test_the_procès_verbal_names_a_person_as_secretary(repository: Repository) -> None:
    meeting = council(repository).model_copy(deep=True)
    service = next(a for a in repository.actors if a.kind is ActorKind.SERVICE)
    member = next(a for a in repository.actors if a.kind is ActorKind.ELECTED)
    meeting.note_taker_id = service.id
    meeting.secretary_id = None
    source = MinutesSource.from_repository(repository, meeting)
    text = render_bytes(source, "pv", "md", "en").decode()
    assert "**Secretary of the session:** —" in text
    assert service.name not in text.split("## Signatures")[1]
    meeting.secretary_id = member.id
    source = MinutesSource.from_repository(repository, meeting)
    word = read_docx(io.BytesIO(render_bytes(source, "pv", "docx", "en")))
    assert word.tables[-1].rows[1].cells[1].text == member.name
    assert f"Secretary of the session: {member.name}" in docx_text(
        render_bytes(source, "pv", "docx", "en"))


def test_the_demo_council_has_a_secretary_of_the_session(repository: Repository) -> None:
    meeting = council(repository)
    secretary = next(a for a in repository.actors if a.id == meeting.secretary_id)
    assert secretary.kind is ActorKind.ELECTED and secretary.id != meeting.facilitator_id


def test_the_list_of_deliberations(repository: Repository) -> None:
    meeting = council(repository).model_copy(deep=True)
    item = meeting.agenda[0].id
    meeting.decisions = [
        Decision(text="Adopter le pacte", agenda_item_id=item, vote=Vote(yes=9)),
        Decision(text="Créer un service commun", vote=Vote(yes=2, no=6)),
        Decision(text="Transférer la voirie", result=DeliberationResult.DEFERRED),
    ]
    source = MinutesSource.from_repository(repository, meeting)
    word = read_docx(io.BytesIO(render_bytes(source, "deliberations", "docx", "fr")))
    rows = [[cell.text for cell in row.cells] for row in word.tables[0].rows]
    assert rows[0] == ["N°", "Point de l'ordre du jour", "Délibération", "Vote", "Résultat"]
    assert rows[1][0] == "1" and rows[1][2] == "Adopter le pacte"
    assert rows[1][4] == "adoptée à l'unanimité"
    assert rows[2][2:] == ["Créer un service commun", "2 pour, 6 contre, 0 abstention",
                           "rejetée"]
    assert rows[3][2:] == ["Transférer la voirie", "—", "reportée"]
    text = render_bytes(source, "deliberations", "md", "en").decode()
    assert "| 3 |  | Transférer la voirie | — | deferred |" in text
    assert "3 deliberations examined, 1 adopted." in text
    printed = pdf_text(render_bytes(source, "deliberations", "pdf", "fr"))
    assert "reportée" in printed and "Transférer la voirie" in printed


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_hostile_names_stay_text_and_private_stays_out(repository: Repository,
                                                       fmt: str) -> None:
    meeting = council(repository)
    attending = [row.actor_id for row in meeting.attendance]
    names = {}
    for actor_id, (key, name) in zip(attending, HOSTILE.items(), strict=False):
        actor = next(a for a in repository.actors if a.id == actor_id).model_copy(deep=True)
        actor.name = name
        actor.private.stance = f"{CANARY} stance"
        repository.save(actor)
        names[key] = next(a for a in repository.actors if a.id == actor_id).name
    changed = next(m for m in repository.meetings if m.id == meeting.id).model_copy(deep=True)
    changed.private_notes = f"{CANARY} notes"
    repository.save(changed)
    assert "\x1b" not in names["escape"]
    for template in TEMPLATES:
        source = MinutesSource.from_repository(repository, changed)
        data = render_bytes(source, template, fmt, "fr")  # type: ignore[arg-type]
        text = docx_text(data) if fmt == "docx" else pdf_text(data)
        assert CANARY not in text
        assert "\x1b" not in text
        if template not in ("full", "pv"):
            continue
        for key, name in names.items():
            assert flat(name) in text, (template, key)


def _tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x20\x40\x80" * 2 + b"\x00" + b"\x80\x40\x20" * 2)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


@pytest.mark.parametrize("template", ["pv", "deliberations"])
def test_the_signature_block_stays_on_one_page_with_room_to_sign(
        repository: Repository, template: str) -> None:
    """Word must not break the signers' table across two pages, leaving the names on one
    and the room to sign on the next: no row splits, each row keeps with the next."""
    data = render_bytes(MinutesSource.from_repository(repository, council(repository)),
                        template, "docx")
    signatures = read_docx(io.BytesIO(data)).tables[-1]
    rows = signatures.rows
    assert len(rows) == 3 and rows[2].height is not None and rows[2].height.cm >= 3
    for index, row in enumerate(rows):
        assert row._tr.trPr is not None and row._tr.trPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
        if index < 2:
            assert all(paragraph.paragraph_format.keep_with_next
                       for cell in row.cells for paragraph in cell.paragraphs)
