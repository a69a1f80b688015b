"""Search from the command palette: actors, meetings (titles and notes), decisions,
actions, roadmap items and levers, each hit opening its record on its own screen.

Names and titles are matched fuzzily (:mod:`coop_tui.core.fuzzy`: ``helene`` finds « Hélène »,
a typo still finds its name); long texts (notes, descriptions) by their words, accents and
case folded. The index is built once when the palette opens, so each key typed only
searches it (well under 100 ms on the large demo store).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from coop_tui.core.dates import fold
from coop_tui.core.fuzzy import rank
from coop_tui.core.i18n import N_, _, format_date, language
from coop_tui.core.target import Target
from coop_tui.store.repository import Repository
from coop_tui.ui.session import Session

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.style import Style

# How many hits the palette gets for one query, and how many in discovery.
LIMIT = 30
DISCOVERY = 5
# A hit in a long text ranks below a good match on a name.
TEXT_SCORE = 0.55
# Characters of context either side of a word found in a long text.
SNIPPET = 30

KINDS: dict[str, str] = {
    "actor": N_("Actor"),
    "meeting": N_("Meeting"),
    "notes": N_("Meeting notes"),
    "decision": N_("Decision"),
    "action": N_("Action"),
    "roadmap": N_("Roadmap"),
    "lever": N_("Lever"),
}


@runtime_checkable
class HasSession(Protocol):
    """What search needs of the app: its session (never the app class itself)."""

    @property
    def session(self) -> Session: ...


@dataclass(frozen=True)
class Entry:
    """One searchable thing: its kind, its name, where it is, what opens it.

    ``text`` is the long text searched by words (folded), empty when there is none.
    """

    kind: str
    name: str
    where: str
    target: Target
    text: str = ""
    original: str = ""
    by_name: bool = True  # False for notes, found by their text only


def build_index(repository: Repository) -> list[Entry]:
    """Every searchable record and part of record, read once."""
    lang = language()
    entries: list[Entry] = []
    for actor in repository.actors:
        entries.append(Entry("actor", actor.name, "", Target("actors", actor.id)))
    for meeting in repository.meetings:
        day = format_date(meeting.on)
        target = Target("meetings", meeting.id)
        entries.append(Entry("meeting", meeting.title, day, target))
        notes = "\n".join([item.notes for item in meeting.agenda if item.notes]
                          + ([meeting.private_notes] if meeting.private_notes else []))
        if notes:
            entries.append(Entry("notes", meeting.title, day, target, fold(notes), notes,
                                 by_name=False))
        where = f"{meeting.title}, {day}"
        entries += [Entry("decision", decision.text, where,
                          Target("meetings", meeting.id, decision.id))
                    for decision in meeting.decisions]
        entries += [Entry("action", action.text, where, Target("meetings", meeting.id, action.id))
                    for action in meeting.actions]
    for item in repository.roadmap:
        long_text = "\n".join(part for part in (item.description, item.indicator) if part)
        entries.append(Entry("roadmap", item.objective,
                             format_date(item.due) if item.due else "",
                             Target("roadmap", item.id), fold(long_text), long_text))
    for lever in repository.levers:
        long_text = "\n".join(part for part in (lever.description.get(lang), lever.notes) if part)
        entries.append(Entry("lever", lever.title.get(lang), "", Target("levers", lever.id),
                             fold(long_text), long_text))
    return entries


@dataclass(frozen=True)
class Found:
    """A hit: the entry, its score (0 to 1) and, for a long text, the passage found."""

    entry: Entry
    score: float
    passage: str = ""


def _passage(entry: Entry, word: str) -> str:
    """The words around ``word`` in the entry's long text, on one line.

    Folding keeps one character per character for the Latin scripts the store holds, so
    the position found in the folded text points into the original; when it does not,
    the folded text is shown instead.
    """
    source = entry.original if len(entry.original) == len(entry.text) else entry.text
    at = entry.text.find(word)
    start, end = max(0, at - SNIPPET), min(len(source), at + len(word) + SNIPPET)
    snippet = " ".join(source[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(source) else "")


def search_index(index: list[Entry], query: str, limit: int = LIMIT) -> list[Found]:
    """The best hits for ``query``: fuzzy on names, every word present in long texts."""
    words = fold(query).split()
    if not words:
        return []
    folded = " ".join(words)
    found: dict[int, Found] = {}
    named = ((position, entry.name) for position, entry in enumerate(index) if entry.by_name)
    for position, score in rank(query, named, limit=limit * 4):
        entry = index[position]
        # Where the fuzzy scores tie, the names holding what was typed as it was typed win.
        bonus = 0.05 if folded in fold(entry.name) else 0.0
        found[position] = Found(entry, min(1.0, score / 100 + bonus))
    for position, entry in enumerate(index):
        if position in found or not entry.text:
            continue
        if all(word in entry.text for word in words):
            found[position] = Found(entry, TEXT_SCORE, _passage(entry, words[0]))
    return sorted(found.values(), key=lambda hit: (-hit.score, len(hit.entry.name)))[:limit]


def hit_display(found: Found) -> Text:
    """The kind, the name and where it is, as text (never markup)."""
    entry = found.entry
    display = Text(no_wrap=True, overflow="ellipsis", end="")
    display.append(f"{_(KINDS[entry.kind])}: ", style="bold")
    display.append(entry.name)
    if entry.where:
        display.append(f" · {entry.where}", style="dim")
    return display


class SearchProvider(Provider):
    """Finds records by name, title or notes; choosing one opens it on its screen."""

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._index: list[Entry] = []
        self._session: Session | None = None

    async def startup(self) -> None:
        app = self.app
        if isinstance(app, HasSession):
            self._session = app.session
            self._index = build_index(app.session.repository)

    def _open(self, target: Target) -> None:
        if self._session is not None:
            self._session.open(target)

    async def search(self, query: str) -> Hits:
        for found in search_index(self._index, query):
            entry = found.entry
            yield Hit(found.score, hit_display(found), partial(self._open, entry.target),
                      text=f"{_(KINDS[entry.kind])}: {entry.name}",
                      help=found.passage or None)

    async def discover(self) -> Hits:
        for entry in self._discovered():
            yield DiscoveryHit(hit_display(Found(entry, 0)), partial(self._open, entry.target),
                               text=f"{_(KINDS[entry.kind])}: {entry.name}")

    def _discovered(self) -> Iterator[Entry]:
        """With nothing typed: the meetings to come, then the latest held."""
        if self._session is None:
            return
        today = self._session.today()
        meetings = sorted(self._session.repository.meetings,
                          key=lambda m: (m.on, m.start or m.created.time(), m.id))
        coming = [m for m in meetings if m.on > today][:2]
        held = [m for m in meetings if m.on <= today][-(DISCOVERY - len(coming)):]
        for meeting in [*coming, *reversed(held)]:
            yield Entry("meeting", meeting.title, format_date(meeting.on),
                        Target("meetings", meeting.id))
