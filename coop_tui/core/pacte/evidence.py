"""The evidence of the lever « Pacte financier et fiscal »: the bilan's year and how many
communes it covers, the charter's endorsed commitments, the projects scored and ranked
(docs/evidence-rules.md). Nothing recorded yet calls for no attention: the lever's
checklist says what to start with."""

from __future__ import annotations

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.levers.facts import Evidence
from coop_tui.core.pacte import PactReading, PactRecords, read_pacte

PACT_LEVERS = ("financial_fiscal_pact",)


def pact_evidence(records: PactRecords | None) -> list[Evidence]:
    """The three figures of the pacte, read from its records."""
    if records is None:
        return []
    reading = read_pacte(records)
    return [bilan_evidence(reading), charter_evidence(reading), projects_evidence(reading)]


def bilan_evidence(reading: PactReading) -> Evidence:
    bilan = reading.bilan
    total = len(bilan.communes)
    if bilan.year is None:
        return Evidence("pact_bilan", _("No bilan partagé yet"), _(
            "Import the communes' figures (coop-tui import finances) to draw it up."),
            False, PACT_LEVERS, 0, total)
    covered = len(bilan.with_figures)
    figure = _("Bilan partagé {year}: {count} of {total} communes with figures").format(
        year=bilan.year, count=covered, total=total)
    missing = [line.name for line in bilan.without_figures]
    explanation = (_("Missing: {names}.").format(names=", ".join(missing)) if missing
                   else _("Every member commune has its figures."))
    if bilan.community is None:
        explanation += " " + _("The community's own figures are missing.")
    return Evidence("pact_bilan", figure, explanation,
                    bool(missing) or bilan.community is None, PACT_LEVERS, covered, total)


def charter_evidence(reading: PactReading) -> Evidence:
    commitments = reading.records.charter
    if not commitments:
        return Evidence("pact_charter", _("No commitment in the charter yet"), _(
            "Write down what each commune and the community commit to."), False, PACT_LEVERS,
            0, None)
    endorsed = len(reading.endorsed)
    endorsements = sum(len(c.endorsements) for c in commitments)
    figure = _("Charter: {endorsed} of {total} commitments endorsed").format(
        endorsed=endorsed, total=len(commitments))
    explanation = ngettext("{count} endorsement recorded.", "{count} endorsements recorded.",
                           endorsements).format(count=endorsements)
    explanation += " " + _("Attention while a commitment is endorsed by no one.")
    return Evidence("pact_charter", figure, explanation, endorsed < len(commitments),
                    PACT_LEVERS, endorsed, len(commitments))


def projects_evidence(reading: PactReading) -> Evidence:
    ranked = reading.ranking
    if not ranked:
        return Evidence("pact_projects", _("No project to rank yet"), _(
            "List the communal and communautaire projects, then score them against the "
            "council's criteria."), False, PACT_LEVERS, 0, None)
    scored = [entry for entry in ranked if entry.fully_scored]
    fitting = [entry for entry in ranked if entry.fit == "fits"]
    figure = _("{scored} of {total} projects scored on every criterion").format(
        scored=len(scored), total=len(ranked))
    explanation = ngettext("{count} fits the capacity the bilan shows.",
                           "{count} fit the capacity the bilan shows.",
                           len(fitting)).format(count=len(fitting))
    if not reading.records.criteria:
        explanation += " " + _("The council's criteria are not set.")
    return Evidence("pact_projects", figure, explanation,
                    len(scored) < len(ranked) or not reading.records.criteria, PACT_LEVERS,
                    len(scored), len(ranked))
