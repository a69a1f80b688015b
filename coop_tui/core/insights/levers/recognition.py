"""Recognising investment: the seed asks to recognise each one's investment in the project.
The actors who carried actions to the end and the communes who hosted meetings, over the
last twelve months, make a short list the status report can thank by choice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from coop_tui.core.i18n import _
from coop_tui.core.insights.levers.facts import RULE_LEVERS, Evidence, Facts
from coop_tui.core.insights.levers.wording import _names
from coop_tui.store.models import ActionStatus

WINDOW_DAYS = 365


@dataclass(frozen=True)
class Recognition:
    """Who to thank: actors with the actions they carried, communes with the meetings they
    hosted, most first."""

    actors: tuple[tuple[str, int], ...]
    communes: tuple[tuple[str, int], ...]

    def names(self) -> list[str]:
        """Everyone to thank, actors then communes, each once."""
        seen: set[str] = set()
        found: list[str] = []
        for name, _count in (*self.actors, *self.communes):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                found.append(name)
        return found


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].casefold())))


def recognition(facts: Facts) -> Recognition:
    """Actions done (with a known owner) and meetings hosted in the last twelve months."""
    start = facts.today - timedelta(days=WINDOW_DAYS)
    carried: Counter[str] = Counter()
    hosted: Counter[str] = Counter()
    spelled = {name.casefold(): name for name in facts.territory.communes}
    for meeting in facts.held:
        if meeting.on <= start:
            continue
        if meeting.commune and meeting.commune.casefold() in spelled:
            hosted[spelled[meeting.commune.casefold()]] += 1
        for action in meeting.actions:
            owner = facts.actor_name(action.owner_id)
            if action.status is ActionStatus.DONE and owner:
                carried[owner] += 1
    return Recognition(_ranked(carried), _ranked(hosted))


def recognition_evidence(facts: Facts) -> Evidence:
    """Who carried actions and hosted meetings: whose investment to recognise."""
    levers = RULE_LEVERS["recognition"]
    found = recognition(facts)
    figure = _("To thank: {actors} actors carried actions · {communes} communes hosted "
               "meetings").format(actors=len(found.actors), communes=len(found.communes))
    parts = []
    if found.actors:
        parts.append(_("Carried: {names}.").format(
            names=_names([f"{name} ({count})" for name, count in found.actors])))
    if found.communes:
        parts.append(_("Hosted: {names}.").format(
            names=_names([f"{name} ({count})" for name, count in found.communes])))
    if not parts:
        parts.append(_("Nothing carried or hosted in the last 12 months yet."))
    parts.append(_("The status report can thank them (coop-tui status --thanks)."))
    return Evidence("recognition", figure, " ".join(parts), False, levers,
                    len(found.actors) + len(found.communes), None)
