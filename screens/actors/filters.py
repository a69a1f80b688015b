"""Which actors the actor map shows: typed text, kind, role, tag, quadrant, and a figure
of the summary line (no known channel, followers to contact, unbalanced tensions).

Pure functions, so the screen only decides when to apply them, and the rules are tested
without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from coop_tui.core.dates import fold
from coop_tui.core.fuzzy import rank
from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.insights.actors import (
    ActorFigures,
    actor_quadrant,
    days_since_contact,
    is_assessed,
)
from coop_tui.core.labels import label
from coop_tui.store.models import Actor, Role

NONE = "none"  # the role filter's value for actors without a role
NOT_ASSESSED = "not_assessed"  # the quadrant filter's value for actors off the map

# A typo still finds a name from this fuzzy score (0-100) and this many characters typed.
TYPO_SCORE = 75.0
TYPO_LENGTH = 4


class Focus(StrEnum):
    """A figure of the summary line, used as a filter."""

    NO_CHANNEL = "no_channel"
    TO_CONTACT = "to_contact"
    TENSION = "tension"


FOCUS_LABELS: dict[Focus, str] = {
    Focus.NO_CHANNEL: N_("actors with no known channel"),
    Focus.TO_CONTACT: N_("followers to contact"),
    Focus.TENSION: N_("actors in an unbalanced tension"),
}


def focus_label(value: Focus) -> str:
    return _(FOCUS_LABELS[value])


@dataclass(frozen=True)
class ActorFilter:
    """What the user asked to see; empty values mean "all"."""

    text: str = ""
    kind: str = ""
    role: str = ""
    tag: str = ""
    quadrant: str = ""
    focus: str = ""

    @property
    def active(self) -> bool:
        return any((self.text.strip(), self.kind, self.role, self.tag, self.quadrant,
                    self.focus))

    def with_(self, **changes: str) -> ActorFilter:
        return replace(self, **changes)


def text_matches(query: str, actors: Sequence[Actor]) -> set[str]:
    """Ids of the actors ``query`` finds: every word in the name or a tag (accents and case
    folded), or, from four characters typed, a name close enough to forgive a typo."""
    words = fold(query).split()
    if not words:
        return {actor.id for actor in actors}
    found = {
        actor.id for actor in actors
        if all(word in fold(" ".join((actor.name, *actor.tags))) for word in words)
    }
    if len(query.strip()) >= TYPO_LENGTH:
        close = rank(query, ((actor.id, actor.name) for actor in actors), limit=len(actors),
                     threshold=TYPO_SCORE)
        found.update(actor_id for actor_id, _score in close)
    return found


def _in_quadrant(actor: Actor, value: str) -> bool:
    if value == NOT_ASSESSED:
        return not is_assessed(actor)
    found = actor_quadrant(actor)
    return found is not None and found.value == value


def _focus_ids(focus: str, figures: ActorFigures) -> set[str]:
    if focus == Focus.NO_CHANNEL:
        return {actor.id for actor in figures.without_channel}
    if focus == Focus.TO_CONTACT:
        return {actor.id for actor in figures.followers_to_contact}
    if focus == Focus.TENSION:
        return {ref for relation in figures.unbalanced_tensions
                for ref in (relation.source_id, relation.target_id)}
    return set()


def apply(wanted: ActorFilter, actors: Sequence[Actor], figures: ActorFigures) -> list[Actor]:
    """The actors ``wanted`` lets through, in the order given."""
    shown = [
        actor for actor in actors
        if (not wanted.kind or actor.kind.value == wanted.kind)
        and (not wanted.role or (actor.private.role.value if actor.private.role else NONE)
             == wanted.role)
        and (not wanted.tag or wanted.tag in actor.tags)
        and (not wanted.quadrant or _in_quadrant(actor, wanted.quadrant))
    ]
    if wanted.focus:
        focus = _focus_ids(wanted.focus, figures)
        shown = [actor for actor in shown if actor.id in focus]
    if wanted.text.strip():
        found = text_matches(wanted.text, shown)
        shown = [actor for actor in shown if actor.id in found]
    return shown


def all_tags(actors: Iterable[Actor]) -> list[str]:
    """Every tag in use, in alphabetical order (accents folded)."""
    return sorted({tag for actor in actors for tag in actor.tags}, key=lambda t: (fold(t), t))


# ---------------------------------------------------------------------------- sorting

ROLE_ORDER: dict[Role | None, int] = {role: index for index, role in enumerate(Role)}
ROLE_ORDER[None] = len(ROLE_ORDER)


@dataclass(frozen=True)
class SortColumn:
    """A column of the table: its key, its title (msgid), how it sorts, which way first."""

    key: str
    title: str
    sort_key: Callable[[Actor], Any]
    descending: bool = False


def _score(value: int | None) -> tuple[bool, int]:
    """Scores sort highest first, with the unknown ones after the lowest."""
    return (value is not None, value or 0)


def sort_columns(today: date) -> list[SortColumn]:
    """The table's columns in order; ``today`` dates the last contacts."""

    def last_contact(actor: Actor) -> tuple[int, int]:
        since = days_since_contact(actor, today)
        return (0, 0) if since is None else (1, -since)

    def channel(actor: Actor) -> tuple[int, str]:
        known = actor.known_channel()
        return (0, "") if known is None else (1, fold(label(known)))

    return [
        SortColumn("name", N_("Name"), lambda actor: (fold(actor.name), actor.name)),
        SortColumn("kind", N_("Kind"), lambda actor: fold(label(actor.kind))),
        SortColumn("role", N_("Role"), lambda actor: ROLE_ORDER[actor.private.role]),
        SortColumn("influence", N_("Infl."),
                   lambda actor: _score(actor.private.influence), descending=True),
        SortColumn("interest", N_("Int."),
                   lambda actor: _score(actor.private.interest), descending=True),
        SortColumn("commitment", N_("Commit."), lambda actor: _score(
            actor.private.commitment.rank + 1 if actor.private.commitment else None),
            descending=True),
        SortColumn("contact", N_("Last contact"), last_contact),
        SortColumn("channel", N_("Channel"), channel),
    ]


def sorted_actors(actors: Iterable[Actor], column: SortColumn, reverse: bool) -> list[Actor]:
    """Actors in the column's order (its natural direction, flipped by ``reverse``); ties
    by name, so the order never depends on the store's."""
    by_name = sorted(actors, key=lambda actor: (fold(actor.name), actor.id))
    return sorted(by_name, key=column.sort_key, reverse=column.descending != reverse)


def last_contact_text(actor: Actor) -> str:
    last = actor.last_contact()
    return format_date(last, "medium") if last else "—"
