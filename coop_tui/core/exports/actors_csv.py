"""The actor list as CSV, for a mail merge or a spreadsheet.

UTF-8 with a byte order mark, so spreadsheet software reads the accents right; one row per
actor in name order; headers and values in the current language. The facilitator's
private reading (role, scores, quadrant, stance, blockages) is only written when asked.
A cell that a spreadsheet could run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) is written as text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from coop_tui.core.dates import fold
from coop_tui.core.i18n import N_, _, joined
from coop_tui.core.insights.actors import actor_quadrant, quadrant_label
from coop_tui.core.labels import label
from coop_tui.store.models import Actor

BOM = "\ufeff"
# Characters that make a spreadsheet read a cell as a formula: every cell starting with one
# is written as text, even « -2+3 » or « +0+HYPERLINK(…) ».
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """A column of the export: its header (msgid), how to read it, whether it is private."""

    header: str
    value: Callable[[Actor, Mapping[str, Actor]], str]
    private: bool = False


def _join(values: Sequence[str]) -> str:
    return ", ".join(values)


def _population(actor: Actor, _actors: Mapping[str, Actor]) -> str:
    """Digits only, so a spreadsheet reads a number whatever its language."""
    population = actor.commune.population if actor.commune else None
    return str(population) if population is not None else ""


def _blockages(actor: Actor, _actors: Mapping[str, Actor]) -> str:
    return joined(f"{b.text} ({b.reason})" if b.reason else b.text
                     for b in actor.private.blockages)


def _quadrant(actor: Actor, _actors: Mapping[str, Actor]) -> str:
    found = actor_quadrant(actor)
    return quadrant_label(found) if found else ""


def _parent(actor: Actor, actors: Mapping[str, Actor]) -> str:
    parent = actors.get(actor.parent_id or "")
    return parent.name if parent else ""


def _score(value: int | None) -> str:
    return str(value) if value is not None else ""


COLUMNS: tuple[Column, ...] = (
    Column(N_("Name"), lambda a, _m: a.name),
    Column(N_("Kind"), lambda a, _m: label(a.kind)),
    Column(N_("Part of"), _parent),
    Column(N_("E-mail"), lambda a, _m: a.contact.email),
    Column(N_("Phone"), lambda a, _m: a.contact.phone),
    Column(N_("Address"), lambda a, _m: a.contact.address),
    Column(N_("Channel to use"),
           lambda a, _m: label(channel) if (channel := a.known_channel()) else ""),
    Column(N_("Channels"), lambda a, _m: _join([label(c) for c in a.channels])),
    Column(N_("Tags"), lambda a, _m: _join(a.tags)),
    Column(N_("Responsibilities"), lambda a, _m: a.responsibilities),
    Column(N_("Competences"), lambda a, _m: a.competences),
    Column(N_("Last contact"),
           lambda a, _m: last.isoformat() if (last := a.last_contact()) else ""),
    Column(N_("Population"), _population),
    Column(N_("Mayor"), lambda a, _m: a.commune.mayor if a.commune else ""),
    Column(N_("Secretary / DGS"), lambda a, _m: a.commune.secretary if a.commune else ""),
    Column(N_("Role"), lambda a, _m: label(r) if (r := a.private.role) else "", private=True),
    Column(N_("Influence"), lambda a, _m: _score(a.private.influence), private=True),
    Column(N_("Interest"), lambda a, _m: _score(a.private.interest), private=True),
    Column(N_("Quadrant"), _quadrant, private=True),
    Column(N_("Stance"), lambda a, _m: a.private.stance, private=True),
    Column(N_("Blockages"), _blockages, private=True),
)


_DIGITS = re.compile(r"\+?[0-9]{2,}")
# A phone number as people type it: digits, spaces, dots, dashes, brackets, a leading +.
_PHONE = re.compile(r"\+?[0-9][0-9 .()\-]{5,}[0-9]")


def columns(include_private: bool) -> list[Column]:
    return [column for column in COLUMNS if include_private or not column.private]


def safe_cell(value: str) -> str:
    """``value`` as a spreadsheet will show it, never run it: a cell that could start a
    formula is prefixed with ``'``; a digit string or phone number a spreadsheet would read
    as a number (a leading 0 or +, more digits than it keeps) is given as a text constant
    made of digits and separators only: ``="0612345678"``, ``="+33 6 12 34 56 78"``."""
    if _DIGITS.fullmatch(value) and (value[0] in "0+" or len(value) > 15):
        return f'="{value}"'
    if value.startswith("+") and _PHONE.fullmatch(value):
        return f'="{value}"'  # « +33 6 12 34 56 78 » reads as typed, as text
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def actor_rows(actors: Sequence[Actor], *, include_private: bool = False) -> list[list[str]]:
    """The header row, then one row per actor in name order (accents folded)."""
    chosen = columns(include_private)
    by_id = {actor.id: actor for actor in actors}
    ordered = sorted(actors, key=lambda actor: (fold(actor.name), actor.name, actor.id))
    rows = [[_(column.header) for column in chosen]]
    rows += [[safe_cell(column.value(actor, by_id)) for column in chosen] for actor in ordered]
    return rows


def actors_csv(actors: Sequence[Actor], *, include_private: bool = False,
               delimiter: str = ",") -> bytes:
    """The CSV file's bytes: UTF-8 with a byte order mark, lines ending in CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(actor_rows(actors, include_private=include_private))
    return (BOM + buffer.getvalue()).encode("utf-8")
