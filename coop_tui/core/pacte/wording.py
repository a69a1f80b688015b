"""How the pacte's values read for a person, in both languages: its levels, decisions and
figures, euros and indexes. The screen and the exports say them the same way."""

from __future__ import annotations

from enum import StrEnum

from coop_tui.core.i18n import N_, _, format_number, ngettext
from coop_tui.core.pacte import PactReading
from coop_tui.core.pacte.bilan import BilanFigure
from coop_tui.core.pacte.ranking import Fit, RankedProject, ScorePart
from coop_tui.store.models import CommitmentLevel, FinanceFigure, ProjectScope, SelectionStatus

LABELS: dict[type[StrEnum], dict[str, str]] = {
    CommitmentLevel: {
        CommitmentLevel.INTENT: N_("intention"),
        CommitmentLevel.FIRM: N_("firm commitment"),
        CommitmentLevel.CONTRACTED: N_("contracted"),
    },
    SelectionStatus: {
        SelectionStatus.PROPOSED: N_("proposed"),
        SelectionStatus.SELECTED: N_("selected"),
        SelectionStatus.DEFERRED: N_("deferred"),
        SelectionStatus.REJECTED: N_("rejected"),
    },
    ProjectScope: {
        ProjectScope.COMMUNAL: N_("communal"),
        ProjectScope.COMMUNITY: N_("communautaire"),
    },
    Fit: {
        Fit.FITS: N_("fits"),
        Fit.EXCEEDS: N_("beyond the capacity"),
        Fit.UNKNOWN: N_("capacity not known"),
        Fit.NOT_COUNTED: N_("not counted"),
    },
    BilanFigure: {
        BilanFigure.FINANCIAL_POTENTIAL: N_("Pot. financier"),
        BilanFigure.FISCAL_POTENTIAL: N_("Pot. fiscal"),
        BilanFigure.GROSS_SAVINGS: N_("Épargne brute"),
        BilanFigure.NET_SAVINGS: N_("Épargne nette"),
        BilanFigure.DEBT: N_("Debt"),
    },
    FinanceFigure: {
        FinanceFigure.POPULATION: N_("population"),
        FinanceFigure.FINANCIAL_POTENTIAL: N_("potentiel financier"),
        FinanceFigure.FISCAL_POTENTIAL: N_("potentiel fiscal"),
        FinanceFigure.GROSS_SAVINGS: N_("épargne brute"),
        FinanceFigure.DEBT_REPAYMENT: N_("capital repaid"),
        FinanceFigure.DEBT: N_("debt"),
        FinanceFigure.COMPENSATION: N_("attribution de compensation"),
        FinanceFigure.SOLIDARITY_GRANT: N_("dotation de solidarité"),
        FinanceFigure.FUNDS_GIVEN: N_("fonds de concours paid"),
        FinanceFigure.FUNDS_RECEIVED: N_("fonds de concours received"),
        FinanceFigure.FPIC: N_("FPIC"),
    },
}


def pact_label(value: StrEnum) -> str:
    return _(LABELS[type(value)][value])


def pact_choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(label, value) pairs for a Select, in the enum's order."""
    return [(pact_label(member), member.value) for member in enum]


def euros(value: float | None) -> str:
    """« 1 021 000 € » (an empty string when not known)."""
    return "" if value is None else _("{amount} €").format(amount=format_number(round(value)))


def number(value: float | None) -> str:
    return "" if value is None else format_number(round(value))


def with_index(value: float | None, index: float | None) -> str:
    """« 812 (90) »: a figure per inhabitant and its index against the median."""
    if value is None:
        return "–"
    text = format_number(round(value))
    return f"{text} ({format_number(round(index))})" if index is not None else text


def score_part(part: ScorePart) -> str:
    """« Intérêt communautaire 4/5 × 3 = 12/15 (why) » or « … not scored »."""
    if part.score is None:
        text = _("{criterion}: not scored (0/{out_of})").format(
            criterion=part.criterion.name, out_of=part.out_of)
    else:
        text = _("{criterion}: {score}/5 × {weight} = {points}/{out_of}").format(
            criterion=part.criterion.name, score=part.score, weight=part.criterion.weight,
            points=part.points, out_of=part.out_of)
    return f"{text} ({part.reason})" if part.reason else text


def fit_text(entry: RankedProject, names: dict[str, str]) -> str:
    """Whether the project fits, and by how much it does not."""
    text = pact_label(entry.fit)
    if entry.short_of:
        text += " — " + ", ".join(
            _("{name} short of {amount}").format(name=names.get(payer, "?"),
                                                 amount=euros(amount))
            for payer, amount in entry.short_of.items())
    return text


def summary_lines(reading: PactReading) -> list[tuple[str, str]]:
    """The pacte in three lines (main text, detail): the status report's section, and
    what a dashboard panel can show. Empty when nothing of the pacte is recorded."""
    records = reading.records
    if not (records.finances or records.charter or records.projects):
        return []
    bilan = reading.bilan
    lines: list[tuple[str, str]] = []
    if bilan.year is None:
        lines.append((_("No bilan partagé yet"), ""))
    else:
        missing = ", ".join(line.name for line in bilan.without_figures)
        lines.append((_("Bilan partagé {year}").format(year=bilan.year), _(
            "{count} of {total} communes with figures").format(
            count=len(bilan.with_figures), total=len(bilan.communes))
            + (" · " + _("Missing: {names}.").format(names=missing) if missing else "")))
    lines.append((_("Charter"), _("{endorsed} of {total} commitments endorsed").format(
        endorsed=len(reading.endorsed), total=len(records.charter))))
    fitting = sum(entry.fit is Fit.FITS for entry in reading.ranking)
    selected = [entry.project.title for entry in reading.ranking
                if entry.project.selection is SelectionStatus.SELECTED]
    detail = ngettext("{count} project ranked", "{count} projects ranked",
                      len(reading.ranking)).format(count=len(reading.ranking))
    detail += " · " + ngettext("{count} fits the capacity", "{count} fit the capacity",
                               fitting).format(count=fitting)
    if selected:
        detail += " · " + _("selected: {titles}").format(titles=", ".join(selected))
    lines.append((_("Projects"), detail))
    return lines
