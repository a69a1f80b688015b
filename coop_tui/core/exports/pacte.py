"""The bilan partagé and the charter as documents, for every format the minutes have
(Markdown, HTML, Word, PDF), Word and PDF on the territory's letterhead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from coop_tui.core.exports.document import (
    Document,
    Fields,
    Heading,
    Item,
    ItemList,
    Paragraph,
    Run,
    Table,
)
from coop_tui.core.i18n import Language, _, format_date, language
from coop_tui.core.pacte import PactReading, PactRecords, read_pacte
from coop_tui.core.pacte.bilan import BilanFigure
from coop_tui.core.pacte.wording import (
    euros,
    fit_text,
    number,
    pact_label,
    score_part,
    with_index,
)
from coop_tui.store.models import Meeting

if TYPE_CHECKING:
    from coop_tui.core.exports.formats import DocumentFormat
    from coop_tui.store.repository import Repository

PactPart = Literal["bilan", "charte"]
PACT_PARTS: tuple[PactPart, ...] = ("bilan", "charte")


def bilan_title(reading: PactReading) -> str:
    year = reading.bilan.year
    return (_("Bilan partagé {year}").format(year=year) if year is not None
            else _("Bilan partagé"))


def bilan_document(reading: PactReading) -> Document:
    """The bilan of the reading's year: resources per inhabitant against the median, the
    flows, the capacity and the projects ranked."""
    territory = reading.records.territory
    bilan = reading.bilan
    title = bilan_title(reading)
    document = Document(f"{title} — {territory.name}", language())
    document.add(Heading(1, title), Paragraph.plain(territory.name))
    if bilan.year is None:
        document.add(Paragraph.plain(_("No figures recorded yet: import them with "
                                       "coop-tui import finances.")))
        return document
    document.add(Paragraph((Run(_(
        "Euros per inhabitant; in brackets, the index against the median of the member "
        "communes (100 = the median)."), italic=True),)))
    document.add(Heading(2, _("Resources per inhabitant")))
    figures = list(BilanFigure)
    rows = [(line.name, number(line.population),
             *(with_index(line.per_inhabitant[f], line.index[f]) for f in figures))
            for line in bilan.communes]
    rows.append((_("Median"), "", *(number(bilan.medians[f]) for f in figures)))
    document.add(Table((_("Commune"), _("Pop."), *(pact_label(f) for f in figures)),
                       tuple(rows), widths=(25, 10, 13, 13, 13, 13, 13)))
    document.add(Heading(2, _("Flows between the community and the communes")))
    flow_rows = []
    for line in bilan.communes:
        flows = line.flows
        flow_rows.append((line.name, euros(flows.compensation), euros(flows.solidarity_grant),
                          euros(flows.funds_received), euros(flows.funds_given),
                          euros(flows.net), number(line.net_flow_per_inhabitant)))
    total = bilan.total_flow()
    flow_rows.append((_("All communes"), euros(total.compensation),
                      euros(total.solidarity_grant), euros(total.funds_received),
                      euros(total.funds_given), euros(total.net), ""))
    document.add(Table((_("Commune"), _("AC"), _("DSC"), _("FdC received"), _("FdC paid"),
                        _("Net"), _("Net €/inh.")), tuple(flow_rows),
                       widths=(22, 14, 13, 13, 13, 14, 11)))
    document.add(Paragraph.plain(_(
        "AC: attribution de compensation; DSC: dotation de solidarité communautaire; FdC: "
        "fonds de concours. Net: what the commune receives from the community, minus what "
        "it pays it; a negative AC is paid by the commune.")))
    if bilan.without_figures:
        document.add(Paragraph.plain(_("No figures for {year}: {names}.").format(
            year=bilan.year, names=", ".join(line.name for line in bilan.without_figures))))
    _capacity(document, reading)
    _ranking(document, reading)
    _sources(document, reading)
    return document


def _capacity(document: Document, reading: PactReading) -> None:
    document.add(Heading(2, _("Capacity over the mandate")))
    community = reading.bilan.community
    found = reading.capacity.get(community.actor_id) if community else None
    if found is None:
        document.add(Paragraph.plain(_("The community's épargne brute is not known: its "
                                       "capacity cannot be read.")))
        return
    document.add(Paragraph.plain(_(
        "{name}: épargne nette of {net} a year × {years} years left in the mandate = {total}."
    ).format(name=reading.bilan.community_name, net=euros(found.net_savings),
             years=found.years, total=euros(found.total))))


def _ranking(document: Document, reading: PactReading) -> None:
    if not reading.ranking:
        return
    names = {actor.id: actor.name for actor in reading.records.actors}
    document.add(Heading(2, _("Projects ranked")))
    document.add(Table(
        (_("No."), _("Project"), _("Carried by"), _("Cost"), _("Score"), _("Decision"),
         _("Capacity")),
        tuple((str(entry.rank), entry.project.title,
               names.get(entry.project.carrier_id or "", ""), euros(entry.project.cost),
               number(entry.score), pact_label(entry.project.selection),
               fit_text(entry, names)) for entry in reading.ranking),
        widths=(6, 24, 18, 13, 8, 11, 20)))
    document.add(ItemList(tuple(
        Item((Run(entry.project.title, bold=True),),
             tuple(Item.plain(score_part(part)) for part in entry.parts))
        for entry in reading.ranking)))


def _sources(document: Document, reading: PactReading) -> None:
    rows = [(line.name, line.finances.source) for line in reading.bilan.with_figures
            if line.finances is not None]
    if reading.bilan.community is not None:
        rows.append((reading.bilan.community_name, reading.bilan.community.source))
    document.add(Heading(2, _("Sources")), Fields(tuple(rows)))


def charter_document(reading: PactReading, meetings: dict[str, Meeting]) -> Document:
    """The charter: each actor's commitments with their level and endorsements."""
    territory = reading.records.territory
    title = _("Charter of the pacte financier et fiscal")
    document = Document(f"{title} — {territory.name}", language())
    document.add(Heading(1, title), Paragraph.plain(territory.name))
    commitments = reading.charter
    if not commitments:
        document.add(Paragraph.plain(_("No commitment recorded yet.")))
        return document
    names = {actor.id: actor.name for actor in reading.records.actors}
    current: str | None = None
    items: list[Item] = []
    for commitment in commitments:
        if commitment.actor_id != current:
            if items:
                document.add(ItemList(tuple(items)))
                items = []
            current = commitment.actor_id
            document.add(Heading(2, names.get(current, _("(unknown actor)"))))
        children = [Item.plain(commitment.detail)] if commitment.detail else []
        for endorsement in commitment.endorsements:
            meeting = meetings.get(endorsement.meeting_id or "")
            said = _("Endorsed by {name} on {day}").format(
                name=names.get(endorsement.actor_id, _("(unknown actor)")),
                day=format_date(endorsement.day, "long"))
            if meeting is not None:
                said += " " + _("at « {meeting} »").format(meeting=meeting.title)
            if endorsement.note:
                said += f" ({endorsement.note})"
            children.append(Item.plain(said))
        if not commitment.endorsements:
            children.append(Item((Run(_("Not endorsed yet"), italic=True),)))
        head = f"{commitment.text} — {pact_label(commitment.level)}"
        if commitment.theme:
            head += f" ({commitment.theme})"
        items.append(Item((Run(head, bold=True),), tuple(children)))
    if items:
        document.add(ItemList(tuple(items)))
    return document


def pact_document(repository: Repository, what: PactPart, year: int | None = None) -> Document:
    reading = read_pacte(PactRecords.of(repository), year)
    if what == "bilan":
        return bilan_document(reading)
    return charter_document(reading, {m.id: m for m in repository.meetings})


def pact_export(repository: Repository, what: PactPart, fmt: DocumentFormat,
                lang: Language | None = None, year: int | None = None) -> bytes:
    """The bilan or the charter as the bytes of a file in ``fmt``, in ``lang``."""
    from coop_tui.core.exports.formats import document_bytes
    from coop_tui.core.exports.minutes import language_as, letterhead

    with language_as(lang or language()):
        document = pact_document(repository, what, year)
        if fmt in ("docx", "pdf"):
            document.letterhead = letterhead(repository.territory)
        return document_bytes(document, fmt)


def pact_file_name(what: PactPart, year: int | None, fmt: str) -> str:
    """ "bilan-partage-2025.docx", "charte-pacte.pdf"."""
    stem = f"bilan-partage-{year}" if what == "bilan" and year else (
        "bilan-partage" if what == "bilan" else "charte-pacte")
    return f"{stem}.{fmt}"
