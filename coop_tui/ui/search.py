"""Search from the command palette: actors, meetings, decisions, actions, roadmap items and
levers, by their names and by what is written about them, each hit opening its record on
its own screen and saying where it matched (« place: Salle des fêtes de Cressy »).

Names and titles are matched fuzzily (:mod:`coop_tui.core.fuzzy`: ``helene`` finds « Hélène »,
a typo still finds its name); the rest by their words, accents and case folded: an actor's
responsibilities, organisation, contact, tags and contact log; a meeting's place, agenda
and notes; an action's owner (her name finds her actions); an objective's description,
indicator and owners; a lever's description, notes and owner. The private reading of
people (roles, stances, blockages) and a meeting's private notes are found too, since they
never leave the app, and their hits say they are private. The index is built when the
palette opens on a store changed since it was last built, so each key typed only searches
it (well under 100 ms on the large demo store).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable
from weakref import WeakKeyDictionary

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from coop_tui.core.dates import fold
from coop_tui.core.fuzzy import rank
from coop_tui.core.i18n import N_, _, format_date, language
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.store.models import Actor, Lever, Meeting, RoadmapItem
from coop_tui.store.repository import Repository
from coop_tui.ui.session import Session

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.style import Style

# How many hits the palette gets for one query, and how many in discovery.
LIMIT = 30
DISCOVERY = 5
# A hit in what is written about a record ranks below a good match on a name.
TEXT_SCORE = 0.55
# Characters of context either side of a word found in a long text.
SNIPPET = 30

KINDS: dict[str, str] = {
    "actor": N_("Actor"),
    "meeting": N_("Meeting"),
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
class Passage:
    """Something written about a record, searched by its words: what it is (``label``, in
    the interface's language), the text and its folded form."""

    label: str
    original: str
    folded: str
    private: bool = False


def passage(label_text: str, original: str, *, private: bool = False) -> Passage | None:
    """A passage, or None when there is nothing written."""
    original = original.strip()
    return Passage(label_text, original, fold(original), private) if original else None


@dataclass(frozen=True)
class Entry:
    """One searchable thing: its kind, its name, where it is, what opens it, and what is
    written about it.

    ``text`` is the folded name and passages, where a query's words are looked for.
    """

    kind: str
    name: str
    where: str
    target: Target
    passages: tuple[Passage, ...] = ()
    text: str = field(default="", compare=False)

    @classmethod
    def of(cls, kind: str, name: str, where: str, target: Target,
           passages: Iterable[Passage | None] = ()) -> Entry:
        kept = tuple(part for part in passages if part is not None)
        return cls(kind, name, where, target, kept,
                   "\n".join([fold(name), *(part.folded for part in kept)]))


def _actor_entry(actor: Actor, names: dict[str, str]) -> Entry:
    contact, profile, reading = actor.contact, actor.commune, actor.private
    parts = [
        passage(_("Responsibilities"), actor.responsibilities),
        passage(_("Part of"), names.get(actor.parent_id or "", "")),
        passage(_("Competences"), actor.competences),
        passage(_("E-mail"), contact.email),
        passage(_("Phone"), contact.phone),
        passage(_("Address"), contact.address),
        passage(_("Tags"), ", ".join(actor.tags)),
        passage(_("Contact log"), "\n".join(entry.subject for entry in actor.contact_log)),
    ]
    if profile is not None:
        parts += [passage(_("Mayor"), profile.mayor),
                  passage(_("Secretary / DGS"), profile.secretary),
                  passage(_("Shared services"), profile.shared_services)]
    parts += [
        passage(_("Role"), label(reading.role) if reading.role else "", private=True),
        passage(_("Stance"), reading.stance, private=True),
        passage(_("Blockage"), "\n".join(f"{blockage.text} {blockage.reason}"
                                         for blockage in reading.blockages), private=True),
    ]
    return Entry.of("actor", actor.name, "", Target("actors", actor.id), parts)


def _meeting_entries(meeting: Meeting, names: dict[str, str]) -> list[Entry]:
    day = format_date(meeting.on)
    notes = [passage(_("Notes") + f" · {item.title}", item.notes) for item in meeting.agenda]
    entries = [Entry.of("meeting", meeting.title, day, Target("meetings", meeting.id), [
        passage(_("Place"), meeting.place),
        passage(_("Agenda"), "\n".join(item.title for item in meeting.agenda)),
        *notes,
        passage(_("Private notes"), meeting.private_notes, private=True),
    ])]
    where = f"{meeting.title}, {day}"
    entries += [Entry.of("decision", decision.text, where,
                         Target("meetings", meeting.id, decision.id))
                for decision in meeting.decisions]
    entries += [Entry.of("action", action.text, where,
                         Target("meetings", meeting.id, action.id),
                         [passage(_("Owner"), names.get(action.owner_id or "", "")
                                  or action.owner_name)])
                for action in meeting.actions]
    return entries


def _roadmap_entry(item: RoadmapItem, names: dict[str, str]) -> Entry:
    return Entry.of("roadmap", item.objective, format_date(item.due) if item.due else "",
                    Target("roadmap", item.id), [
                        passage(_("Description"), item.description),
                        passage(_("Indicator"), item.indicator),
                        passage(_("Owners"), ", ".join(names.get(owner, "")
                                                       for owner in item.owner_ids)),
                    ])


def _lever_entry(lever: Lever, names: dict[str, str], lang: str) -> Entry:
    return Entry.of("lever", lever.title.get(lang), "", Target("levers", lever.id), [
        passage(_("Description"), lever.description.get(lang)),
        passage(_("Notes"), lever.notes),
        passage(_("Owner"), names.get(lever.owner_id or "", "")),
    ])


def build_index(repository: Repository) -> list[Entry]:
    """Every searchable record and part of record, read once."""
    lang = language()
    names = {actor.id: actor.name for actor in repository.actors}
    entries = [_actor_entry(actor, names) for actor in repository.actors]
    for meeting in repository.meetings:
        entries += _meeting_entries(meeting, names)
    entries += [_roadmap_entry(item, names) for item in repository.roadmap]
    entries += [_lever_entry(lever, names, lang) for lever in repository.levers]
    return entries


# The index last built for a session, with the store's version and language it reflects:
# the palette opened again on an unchanged store searches it at once.
_INDEXES: WeakKeyDictionary[Session, tuple[tuple[int, int, str], list[Entry]]] = \
    WeakKeyDictionary()


def session_index(session: Session) -> list[Entry]:
    """The index of the session's store as it is now, built again only when it changed."""
    version = (*session.version, language())
    kept = _INDEXES.get(session)
    if kept is None or kept[0] != version:
        kept = (version, build_index(session.repository))
        _INDEXES[session] = kept
    return kept[1]


@dataclass(frozen=True)
class Found:
    """A hit: the entry, its score (0 to 1) and, when it matched what is written about the
    record, the passage found (« Place: Salle des fêtes… ») and whether it is private."""

    entry: Entry
    score: float
    passage: str = ""
    private: bool = False
    complete: bool = True  # every word typed is in its name or what is written about it


def _snippet(part: Passage, word: str) -> str:
    """The words around ``word`` in a passage, on one line.

    Folding keeps one character per character for the Latin scripts the store holds, so
    the position found in the folded text points into the original; when it does not,
    the folded text is shown instead.
    """
    source = part.original if len(part.original) == len(part.folded) else part.folded
    at = max(0, part.folded.find(word))
    start, end = max(0, at - SNIPPET), min(len(source), at + len(word) + SNIPPET)
    snippet = " ".join(source[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(source) else "")


def _where_found(entry: Entry, words: list[str]) -> tuple[str, bool]:
    """The passage holding most of ``words`` (none when the name holds them all), told as
    « label: words around », and whether it is private."""
    name = fold(entry.name)
    wanted = [word for word in words if word not in name]
    best, held = None, 0
    for part in entry.passages:
        count = sum(word in part.folded for word in wanted)
        if count > held:
            best, held = part, count
    if best is None:
        return "", False
    first = next(word for word in wanted if word in best.folded)
    what = best.label[:1].lower() + best.label[1:]
    if best.private:
        what = _("{label} (private reading)").format(label=what)
    return _("{label}: {words}").format(label=what, words=_snippet(best, first)), best.private


def search_index(index: list[Entry], query: str, limit: int = LIMIT) -> list[Found]:
    """The best hits for ``query``: the records that hold every word typed (in their name
    or what is written about them) first, then names that only look like it (a typo)."""
    words = fold(query).split()
    if not words:
        return []
    folded = " ".join(words)
    found: dict[int, Found] = {}
    named = ((position, entry.name) for position, entry in enumerate(index))
    for position, score in rank(query, named, limit=limit * 4):
        entry = index[position]
        # Where the fuzzy scores tie, the names holding what was typed as it was typed win.
        bonus = 0.05 if folded in fold(entry.name) else 0.0
        complete = all(word in entry.text for word in words)
        where, private = _where_found(entry, words) if complete else ("", False)
        found[position] = Found(entry, min(1.0, score / 100 + bonus), where, private,
                                complete)
    for position, entry in enumerate(index):
        if position not in found and all(word in entry.text for word in words):
            where, private = _where_found(entry, words)
            found[position] = Found(entry, TEXT_SCORE, where, private)
    return sorted(found.values(),
                  key=lambda hit: (not hit.complete, -hit.score, len(hit.entry.name)))[:limit]


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
            self._index = session_index(app.session)

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
            yield Entry.of("meeting", meeting.title, format_date(meeting.on),
                           Target("meetings", meeting.id))
