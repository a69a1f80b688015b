"""Bassins de vie typed as lines: the communes one per line (« Vernay 01053 »), the needs
one per line (« Petite enfance : 40 places manquantes »), read into the model and written
back the same way, so a form edits them as text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from coop_tui.core.dates import fold
from coop_tui.core.diagnostic import need_text
from coop_tui.core.diagnostic_import import parse_number
from coop_tui.core.i18n import _
from coop_tui.store.models import Actor, ActorKind, AreaCommune, LivingArea, ServiceNeed

# A commune's line may end with its INSEE code, after a space, a « ; » or a tab.
_INSEE_AT_END = re.compile(r"^(.*?)[\s;,]+(\d{5}|2[ABab]\d{3})$")
# A need's figure: the number that starts what follows the colon, then the unit.
_FIGURE = re.compile(r"^(\d[\d.,]*)\s*(.*)$")


def commune_line(commune: AreaCommune, actors: Sequence[Actor]) -> str:
    name = next((actor.name for actor in actors if actor.id == commune.actor_id), "?")
    return f"{name} {commune.insee}".strip()


def read_communes(text: str, actors: Sequence[Actor]) -> tuple[list[AreaCommune], list[str]]:
    """The communes typed, one per line, each an actor of the map of kind commune by name;
    and one message per line that names none (or names one twice)."""
    communes = {fold(actor.name): actor for actor in actors if actor.kind is ActorKind.COMMUNE}
    found: list[AreaCommune] = []
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _INSEE_AT_END.match(line)
        name, insee = (match.group(1).strip(), match.group(2)) if match else (line, "")
        actor = communes.get(fold(name))
        if actor is None:
            errors.append(_("line {line}: no commune named « {name} » in the actor map").format(
                line=number, name=name))
        elif any(commune.actor_id == actor.id for commune in found):
            errors.append(_("line {line}: « {name} » is listed twice").format(
                line=number, name=name))
        else:
            found.append(AreaCommune(actor_id=actor.id, insee=insee))
    return found, errors


def read_needs(text: str, before: Sequence[ServiceNeed]) -> tuple[list[ServiceNeed], list[str]]:
    """The needs typed, one per line: the text, then after a colon a figure and its unit.
    A need whose text was there before keeps its id (roadmap items cite it)."""
    ids = {fold(need.text): need.id for need in before}
    found: list[ServiceNeed] = []
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        need, _colon, rest = (part.strip() for part in line.partition(":"))
        figure: float | None = None
        unit = ""
        match = _FIGURE.match(rest)
        if match:
            try:
                figure = parse_number(match.group(1))
            except ValueError as error:
                errors.append(_("line {line}: {reason}").format(line=number, reason=error))
                continue
            unit = match.group(2).strip()
        elif rest:
            need = line
        if not need:
            errors.append(_("line {line}: the need has no text before the colon").format(
                line=number))
            continue
        found.append(ServiceNeed(id=ids.pop(fold(need), None) or ServiceNeed(text=need).id,
                                 text=need, figure=figure, unit=unit))
    return found, errors


def area_text(area: LivingArea, actors: Sequence[Actor]) -> tuple[str, str]:
    """The communes and the needs of a bassin as the form's two texts."""
    return ("\n".join(commune_line(commune, actors) for commune in area.communes),
            "\n".join(need_text(need) for need in area.needs))
