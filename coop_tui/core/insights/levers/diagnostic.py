"""The evidence of the shared diagnostic, on the lever of the schéma de mutualisation."""

from __future__ import annotations

from coop_tui.core.diagnostic import coverage
from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _names
from coop_tui.core.target import Target


def diagnostic_coverage(facts: Facts) -> Evidence:
    """Member communes whose missions and staff (FTE) the shared diagnostic holds: the
    schéma de mutualisation is built from that diagnostic."""
    found = coverage(facts.diagnostic, facts.actors)
    levers = RULE_LEVERS["diagnostic_coverage"]
    needs = sum(len(area.needs) for area in facts.living_areas)
    areas = ngettext("{count} bassin de vie", "{count} bassins de vie",
                     len(facts.living_areas)).format(count=len(facts.living_areas))
    areas += " · " + ngettext("{count} service need", "{count} service needs",
                              needs).format(count=needs)
    if not found.total:
        return Evidence("diagnostic_coverage", _("No member commune recorded yet"),
                        _("Record the member communes in the actor map, then their missions "
                          "and staff in the diagnostic."), False, levers, 0, None)
    figure = _("{covered} of {total} communes in the diagnostic · {areas}").format(
        covered=len(found.covered), total=found.total, areas=areas)
    explanation = _("A commune is in the diagnostic when its missions are listed with their "
                    "staff in FTE.")
    if found.lacking:
        explanation += " " + _("Still to fill in: {names}.").format(
            names=_names([actor.name for actor in found.lacking]))
    return Evidence("diagnostic_coverage", figure, explanation, bool(found.lacking), levers,
                    len(found.lacking), None,
                    Target("diagnostic", found.lacking[0].id) if found.lacking else None)
