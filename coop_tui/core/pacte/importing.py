"""The figures of the pacte read from a CSV file, every row checked before anything is
written: each row becomes a year of a commune's (or the community's) figures, or one line
saying why not. One rejected row and nothing is imported (docs/pacte.md gives the
columns, the number format and how to map the public data sets to them).

The same columns are written by :func:`finances_csv`, so the example file and a store's
figures read back as they were.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from coop_tui.core.dates import fold
from coop_tui.core.i18n import _, translate_template
from coop_tui.core.pacte.bilan import member_communes
from coop_tui.store.models import Actor, ActorKind, FinanceFigure, Finances, Territory

# The columns in the order they are written, each with the headers that name it (folded).
COLUMNS: dict[str, tuple[str, ...]] = {
    "commune": ("commune", "collectivite", "nom", "name"),
    "year": ("year", "annee", "exercice"),
    "population": ("population", "population dgf"),
    "financial_potential": ("financial potential", "potentiel financier",
                            "potentiel financier par habitant"),
    "fiscal_potential": ("fiscal potential", "potentiel fiscal",
                         "potentiel fiscal par habitant"),
    "gross_savings": ("gross savings", "epargne brute", "caf brute"),
    "debt_repayment": ("debt repayment", "remboursement capital",
                       "remboursement d'emprunts"),
    "debt": ("debt", "encours de dette", "encours de la dette", "dette"),
    "compensation": ("compensation", "attribution de compensation", "ac"),
    "solidarity_grant": ("solidarity grant", "dsc", "dotation de solidarite communautaire"),
    "funds_given": ("funds given", "fonds de concours verses"),
    "funds_received": ("funds received", "fonds de concours recus"),
    "fpic": ("fpic",),
    "source": ("source",),
    "note": ("note", "remarque"),
}
# The figures that may be negative; every other one may not.
SIGNED = frozenset({FinanceFigure.GROSS_SAVINGS, FinanceFigure.COMPENSATION,
                    FinanceFigure.FPIC})
# Figures with cents; the others are whole (amounts are rounded to the euro).
DECIMAL = frozenset({FinanceFigure.FINANCIAL_POTENTIAL, FinanceFigure.FISCAL_POTENTIAL})
MAX_ROWS = 10_000
# A number as the file must write it: a minus, digits, and at most two decimals after a
# point or a comma. No thousands separator: « 1 200 » or « 1,200.50 » are refused.
NUMBER = re.compile(r"-?\d+(?:[.,]\d{1,2})?")


@dataclass(frozen=True)
class Rejected:
    """A row refused, and why, in the current language."""

    line: int
    reason: str


@dataclass
class FinanceImport:
    """What a file gives: the years of figures to add, and the rows refused (then nothing
    is to be written)."""

    rows: list[tuple[int, Finances]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

    @property
    def records(self) -> list[Finances]:
        return [] if self.rejected else [record for _line, record in self.rows]


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first.count(delimiter) for delimiter in (";", "\t", ",")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


def _columns(header: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = " ".join(fold(cell).replace("_", " ").split())
        for wanted, names in COLUMNS.items():
            if (name in names or name == wanted.replace("_", " ")) and wanted not in found:
                found[wanted] = index
    return found


def payers(actors: Sequence[Actor], territory: Territory) -> dict[str, Actor]:
    """The actors a row may name, by folded name: the member communes and the
    community."""
    found = {fold(actor.name): actor for actor in actors if actor.kind is ActorKind.COMMUNITY}
    found.update({fold(actor.name): actor for actor in member_communes(actors, territory)})
    return found


def read_finances(text: str, territory: Territory, actors: Sequence[Actor],
                  existing: Sequence[Finances]) -> FinanceImport:
    """The figures ``text`` (a CSV file's content) adds to the store."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    result = FinanceImport()
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error as error:
        result.rejected.append(Rejected(1, _("not a CSV file: {reason}").format(reason=error)))
        return result
    if not rows:
        result.rejected.append(Rejected(1, _("the file is empty")))
        return result
    columns = _columns(rows[0])
    missing = [name for name in ("commune", "year", "source") if name not in columns]
    if missing:
        result.rejected.append(Rejected(1, _(
            "the header row has no column {names}: see coop-tui import finances "
            "--example").format(names=", ".join(missing))))
        return result
    known = payers(actors, territory)
    taken = {(row.actor_id, row.year): 0 for row in existing}
    for number, row in enumerate(rows[1:MAX_ROWS + 1], start=2):
        if not any(cell.strip() for cell in row):
            continue
        record, reason = _record(row, columns, known)
        if record is None:
            result.rejected.append(Rejected(number, reason))
            continue
        key = (record.actor_id, record.year)
        if key in taken:
            name = next(a.name for a in known.values() if a.id == record.actor_id)
            earlier = taken[key]
            result.rejected.append(Rejected(number, (
                _("{name} {year} appears twice (also line {line})") if earlier else
                _("{name} already has figures for {year} in the store")).format(
                    name=name, year=record.year, line=earlier)))
            continue
        taken[key] = number
        result.rows.append((number, record))
    if len(rows) > MAX_ROWS + 1:
        result.rejected.append(Rejected(MAX_ROWS + 2, _(
            "more than {count} rows: the rest was not read").format(count=MAX_ROWS)))
    return result


def parse_number(text: str, figure: FinanceFigure) -> tuple[float | None, str]:
    """A figure's cell as a number (None: empty), or why it is not one."""
    cell = text.strip()
    if not cell:
        return None, ""
    if not NUMBER.fullmatch(cell):
        if any(space in cell for space in (" ", "\u00a0", "\u202f")):
            return None, _("« {text} » has a space in it: write numbers with no thousands "
                           "separator (1200, not 1 200)").format(text=cell)
        return None, _("« {text} » is not a number written as 1200 or 812.45 (no thousands "
                       "separator, two decimals at most)").format(text=cell)
    value = float(cell.replace(",", "."))
    if value < 0 and figure not in SIGNED:
        return None, _("« {text} » is negative, which this figure cannot be").format(
            text=cell)
    return (value if figure in DECIMAL else float(round(value))), ""


def _record(row: Sequence[str], columns: dict[str, int],
            known: dict[str, Actor]) -> tuple[Finances | None, str]:
    def cell(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    name = " ".join(cell("commune").split())
    if not name:
        return None, _("no commune")
    actor = known.get(fold(name))
    if actor is None:
        return None, _("« {name} » is not a commune of the territory nor the community").format(
            name=name)
    year_text = cell("year")
    if not re.fullmatch(r"\d{4}", year_text):
        return None, _("« {text} » is not a year").format(text=year_text) if year_text \
            else _("no year")
    if not cell("source"):
        return None, _("no source: say where the figures come from")
    values: dict[str, float | int] = {}
    for figure in FinanceFigure:
        value, reason = parse_number(cell(figure.value), figure)
        if reason:
            return None, f"{figure.value}: {reason}"
        if value is not None:
            values[figure.value] = value if figure in DECIMAL else int(value)
    try:
        record = Finances(actor_id=actor.id, year=int(year_text), source=cell("source"),
                          note=cell("note"), **values)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in detail["loc"])
        message = translate_template(detail["type"], detail["msg"], detail.get("ctx") or {})
        return None, f"{where}: {message}" if where else message
    return record, ""


def _written(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def finances_csv(records: Sequence[Finances], names: dict[str, str]) -> str:
    """Figures as the CSV ``read_finances`` reads (``names``: actor id → name)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([names.get(record.actor_id, ""), str(record.year),
                         *(_written(getattr(record, figure.value)) for figure in FinanceFigure),
                         record.source, record.note])
    return out.getvalue()


def example_csv() -> str:
    """A sample file: two communes and the community of the demo territory, one year."""
    rows: list[tuple[str, dict[str, float]]] = [
        ("Loubières-le-Bourg", dict(population=4874, financial_potential=1012.37,
                                    fiscal_potential=884.1, gross_savings=1_021_000,
                                    debt_repayment=392_000, debt=3_860_000,
                                    compensation=412_000, solidarity_grant=61_000,
                                    funds_given=0, funds_received=85_000, fpic=38_500)),
        ("Vernay", dict(population=991, financial_potential=798.45, fiscal_potential=702.8,
                        gross_savings=143_500, debt_repayment=51_000, debt=584_000,
                        compensation=-12_400, solidarity_grant=14_200, funds_given=20_000,
                        funds_received=0, fpic=6_100)),
        ("Communauté de communes du Val de Loubière",
         dict(population=14_210, gross_savings=2_310_000, debt_repayment=880_000,
              debt=9_400_000, compensation=1_530_000, solidarity_grant=260_000,
              funds_given=310_000, funds_received=20_000, fpic=41_000)),
    ]
    names: dict[str, str] = {}
    records = []
    for name, figures in rows:
        actor = Actor(name=name, kind=ActorKind.COMMUNE)
        names[actor.id] = name
        records.append(Finances(actor_id=actor.id, year=2026,
                                source="fiche DGF 2026, compte administratif 2026",
                                **figures))
    return finances_csv(records, names)
