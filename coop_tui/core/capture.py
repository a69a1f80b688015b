"""Quick capture in meeting notes: decisions and actions typed as lines, as people talk.

A line starting with ``D:`` (or ``Décision :``) is a decision, a line starting with ``A:``
(or ``Action :``) is an action, and so is a line that starts with its owner's ``@name``
(``@Martin send the figures, 15/12``): the prefix is not needed there. In an action, the
first ``@name`` names its owner (matched fuzzily against the actors) and the first date
(``15/12``, ``2026-12-15``, ``fin janvier``) is its due date; both leave the action's text, with the
little word that introduced them (« avant le 15/12 », « par @Martin »). Other ``@names``
stay in the text as plain names. A name that matches no actor, or a date that does not
exist, is flagged, never dropped.

Dates are read against the meeting's own day, so notes read the same whenever they are
opened again. Records captured from notes keep their ids while the lines are edited
(:func:`apply_captures`), so a vote or a status set on them survives typing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from coop_tui.core.dates import BadDate, find_date, fold
from coop_tui.core.fuzzy import rank
from coop_tui.store.models import Action, AgendaItem, Decision, Meeting

R = TypeVar("R", Decision, Action)


class CaptureKind(StrEnum):
    DECISION = "decision"
    ACTION = "action"


_PREFIX = re.compile(
    r"^(?P<lead>\s*(?:[-*+]\s+)?)(?P<word>d[ée]cision|d|action|a)\s*:(?P<body>.*)$",
    re.IGNORECASE,
)
# An action written owner first, without the prefix: « @Martin envoyer les chiffres, 15/12 ».
_OWNER_FIRST = re.compile(r"^\s*(?:[-*+]\s+)?(?P<body>@\w.*)$")
_KINDS = {"d": CaptureKind.DECISION, "decision": CaptureKind.DECISION,
          "a": CaptureKind.ACTION, "action": CaptureKind.ACTION}
_MENTION = re.compile(r"(?<![\w@])@(?P<name>\w[\w.'’-]*)")
_MENTION_TAIL = ".'’-"
_TYPING_MENTION = re.compile(r"(?:^|(?<=[\s(\[]))@(?P<query>[\w.'’-]*)$")
_NOT_IN_MENTION = re.compile(r"[^\w.'’-]+")
# Little words that introduce a due date or an owner, dropped with them.
_BEFORE_DATE = re.compile(
    r"(?:\b(?:au plus tard(?: le)?|pour le|avant le|d['’]ici (?:le|au|à)|d['’]ici|"
    r"[ée]ch[ée]ance\s*:?|pour|avant|le|au|by|before|due(?: on| by)?|on|until)\s*)$",
    re.IGNORECASE,
)
_BEFORE_OWNER = re.compile(r"(?:\b(?:par|by|resp\.?|responsable\s*:?)\s*|(?:→|->)\s*)$",
                           re.IGNORECASE)
_SPACES = re.compile(r"\s{2,}")
_LOOSE_END = re.compile(r"[\s,;]+\.$")
_EDGES = " \t,;:—–-"

# Below these scores a typed @name is not taken for an actor: attendees first, then anyone.
ATTENDEE_THRESHOLD = 70.0
ANYONE_THRESHOLD = 80.0


@dataclass(frozen=True)
class Capture:
    """A decision or an action read from one line of notes."""

    kind: CaptureKind
    line: int  # 0-based line of the notes
    text: str
    owner_id: str | None = None
    owner_name: str = ""  # the owner as typed, when no actor matches
    due: date | None = None
    bad_date: str = ""  # something shaped like a date that does not exist
    unknown: tuple[str, ...] = ()  # @names that match no actor
    ambiguous: tuple[str, ...] = ()  # @names that match several actors equally

    @property
    def flagged(self) -> bool:
        return bool(self.unknown or self.ambiguous or self.bad_date or not self.text)


class People:
    """The actors an ``@name`` can stand for; attendees of the meeting are tried first.

    Matches are remembered per typed name: the same notes are parsed at every keystroke.
    """

    def __init__(self, actors: Iterable[tuple[str, str]], attendees: Collection[str] = ()):
        self._all = list(actors)
        self._attendee_ids = set(attendees)
        self._attendees = [pair for pair in self._all if pair[0] in self._attendee_ids]
        self._names = dict(self._all)
        self._resolved: dict[str, str | None] = {}

    def name(self, actor_id: str) -> str:
        return self._names.get(actor_id, "")

    def resolve(self, typed: str) -> str | None:
        """The actor id a typed name (``martine_roux``, ``Martine``) stands for, if any.

        Fuzzy scores tie often (``martin`` is as close to « Martine Roux » as to « Martin
        Dupuis »): a whole word typed, then a word's start, then being an attendee break
        the tie.
        """
        key = fold(typed)
        if key not in self._resolved:
            self._resolved[key] = self._best(typed.replace("_", " "))
        return self._resolved[key]

    def _ranked(self, query: str) -> list[tuple[float, int, str]]:
        """The actors a name may stand for, best first: (score, word bonus, actor id)."""
        words = fold(query).split()
        ranked: list[tuple[float, int, str]] = []
        for actor_id, score in rank(query, self._all, limit=10, threshold=ATTENDEE_THRESHOLD):
            attendee = actor_id in self._attendee_ids
            if score < (ATTENDEE_THRESHOLD if attendee else ANYONE_THRESHOLD):
                continue
            name_words = fold(self._names[actor_id]).replace("-", " ").split()
            bonus = sum(8 if word in name_words else
                        2 if any(w.startswith(word) for w in name_words) else 0
                        for word in words)
            ranked.append((score + bonus + (3 if attendee else 0), bonus, actor_id))
        ranked.sort(key=lambda entry: -entry[0])
        return ranked

    def _tied(self, query: str) -> list[str]:
        """The actors a name stands for equally well (« @Petit » for Bruno and Julie
        Petit): two or more, or none when one is better or the name is someone's whole."""
        ranked = self._ranked(query)
        if len(ranked) < 2 or any(fold(self._names[i]) == fold(query) for _s, _b, i in ranked):
            return []
        best_bonus = max(bonus for _score, bonus, _id in ranked)
        best_score = max(score - (3 if i in self._attendee_ids else 0)
                         for score, _b, i in ranked)
        tied = [i for score, bonus, i in ranked if bonus == best_bonus
                and (best_bonus > 0 or best_score - score < 1.0)]
        return tied if len(tied) > 1 else []

    def _best(self, query: str) -> str | None:
        if self._tied(query):
            return None
        ranked = self._ranked(query)
        return ranked[0][2] if ranked else None

    def candidates(self, typed: str) -> list[tuple[str, str]]:
        """The actors an ambiguous ``@name`` may stand for, (actor id, name), attendees
        first; empty when it stands for one actor or none."""
        tied = self._tied(typed.replace("_", " "))
        tied.sort(key=lambda actor_id: actor_id not in self._attendee_ids)
        return [(actor_id, self._names[actor_id]) for actor_id in tied]

    def suggest(self, query: str, limit: int = 5) -> list[tuple[str, str]]:
        """Completions for a name being typed: (actor id, name), attendees first."""
        query = query.replace("_", " ")
        chosen: list[str] = []
        for pool in (self._attendees, self._all):
            for actor_id, _score in rank(query, pool, limit=limit, threshold=50.0):
                if actor_id not in chosen:
                    chosen.append(actor_id)
        return [(actor_id, self._names[actor_id]) for actor_id in chosen[:limit]]


@dataclass(frozen=True)
class Unresolved:
    """An ``@name`` of a capture line that names no one for sure: several actors match
    (``candidates``) or none (no candidates). ``start`` and ``end`` are its columns."""

    start: int
    end: int
    typed: str
    candidates: tuple[tuple[str, str], ...] = ()


def unresolved_mentions(line: str, people: People) -> list[Unresolved]:
    """The ``@names`` of a decision or action line that need a choice or a new actor."""
    if capture_kind(line) is None:
        return []
    found: list[Unresolved] = []
    for match in _MENTION.finditer(line):
        typed = match["name"].rstrip(_MENTION_TAIL)
        if people.resolve(typed) is None:
            found.append(Unresolved(match.start(), match.start() + 1 + len(typed), typed,
                                    tuple(people.candidates(typed))))
    return found


def mention(name: str) -> str:
    """How a name is written after ``@`` so it reads back as one word."""
    return "@" + _NOT_IN_MENTION.sub("_", name).strip("_")


def mention_being_typed(before_cursor: str) -> tuple[int, str] | None:
    """Where an ``@name`` being typed starts on the line, and what was typed after ``@``."""
    found = _TYPING_MENTION.search(before_cursor)
    return (found.start(), found["query"]) if found else None


def _read_prefix(line: str) -> tuple[CaptureKind, str] | None:
    """The kind of capture a line is and its text after the prefix, if it is one."""
    found = _PREFIX.match(line)
    if found is not None and found["body"].strip():
        return _KINDS[fold(found["word"])], found["body"]
    owner_first = _OWNER_FIRST.match(line)
    if owner_first is not None:
        return CaptureKind.ACTION, owner_first["body"]
    return None


def capture_kind(line: str) -> CaptureKind | None:
    """The kind of capture a line is, if it is one (a prefix followed by text, or an
    owner's ``@name`` first)."""
    found = _read_prefix(line)
    return found[0] if found else None


def strip_captures(notes: str) -> str:
    """The notes without their capture lines (the minutes list those separately)."""
    kept = [line for line in notes.split("\n") if capture_kind(line) is None]
    return "\n".join(kept).strip("\n")


def parse_notes(notes: str, people: People, reference: date) -> list[Capture]:
    """Every decision and action written in ``notes``, in the order of the lines."""
    captures = []
    for number, line in enumerate(notes.split("\n")):
        capture = parse_line(line, number, people, reference)
        if capture is not None:
            captures.append(capture)
    return captures


def parse_line(line: str, number: int, people: People, reference: date) -> Capture | None:
    found = _read_prefix(line)
    if found is None:
        return None
    kind, body = found
    mentions = list(_MENTION.finditer(body))
    owner_id: str | None = None
    owner_name = ""
    unknown: list[str] = []
    ambiguous: list[str] = []
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement) in body
    for index, match in enumerate(mentions):
        typed = match["name"].rstrip(_MENTION_TAIL)
        end = match.start() + 1 + len(typed)
        actor_id = people.resolve(typed)
        readable = typed.replace("_", " ")
        if actor_id is None:
            (ambiguous if people.candidates(typed) else unknown).append(readable)
        if kind is CaptureKind.ACTION and index == 0:
            owner_id, owner_name = actor_id, ("" if actor_id else readable)
            start = match.start()
            lead = _BEFORE_OWNER.search(body[:start])
            cuts.append((lead.start() if lead else start, end, " "))
        else:
            cuts.append((match.start(), end, readable))
    due: date | None = None
    bad_date = ""
    if kind is CaptureKind.ACTION:
        due, bad_date, date_cut = _due_date(body, cuts, reference)
        if date_cut is not None:
            cuts.append(date_cut)
    return Capture(kind=kind, line=number, text=_tidy(_apply_cuts(body, cuts)),
                   owner_id=owner_id, owner_name=owner_name, due=due, bad_date=bad_date,
                   unknown=tuple(unknown), ambiguous=tuple(ambiguous))


def _due_date(
    body: str, cuts: Sequence[tuple[int, int, str]], reference: date
) -> tuple[date | None, str, tuple[int, int, str] | None]:
    """The first date of an action's text, and the stretch to drop with it."""
    blanked = list(body)
    for start, end, _replacement in cuts:
        blanked[start:end] = " " * (end - start)
    searched = "".join(blanked)
    folded, origin = _folded_with_origin(searched)
    try:
        found = find_date(searched, reference)
    except BadDate as error:
        start, end = _original_span(error.span, origin, len(searched))
        return None, searched[start:end] if origin else error.text, None
    if found is None:
        return None, "", None
    due, span = found
    if not origin or folded != fold(searched):
        return due, "", None
    start, end = _original_span(span, origin, len(searched))
    lead = _BEFORE_DATE.search(searched[:start])
    return due, "", (lead.start() if lead else start, end, " ")


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, the index it came from in ``text``."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold(char)
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return "".join(pieces), origin


def _original_span(span: tuple[int, int], origin: list[int], length: int) -> tuple[int, int]:
    start = origin[span[0]] if span[0] < len(origin) else length
    end = origin[span[1] - 1] + 1 if 0 < span[1] <= len(origin) else length
    return start, end


def _apply_cuts(body: str, cuts: Iterable[tuple[int, int, str]]) -> str:
    result = body
    for start, end, replacement in sorted(cuts, key=lambda cut: cut[0], reverse=True):
        result = result[:start] + replacement + result[end:]
    return result


def _tidy(text: str) -> str:
    """Spaces and separators left where the owner and the date were taken out."""
    text = _SPACES.sub(" ", text).strip(_EDGES).strip()
    return _LOOSE_END.sub(".", text)


# ---------------------------------------------------------------------------- records


# What a line said of its action's owner and due date when it was last applied.
Said = tuple[str | None, str, date | None]


def _said(capture: Capture) -> Said:
    return capture.owner_id, capture.owner_name, capture.due


@dataclass
class Backing:
    """Which decisions and actions of one agenda item stand for lines of its notes."""

    decisions: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    # Per action, what its line said last: a line changes the owner or the due date only
    # when that part of the line changes, so a date moved by hand (postponed) stays moved.
    said: dict[str, Said] = field(default_factory=dict)
    # Records whose line was deleted, kept to give their id back if the line comes back.
    removed: list[Decision | Action] = field(default_factory=list)


def find_backing(meeting: Meeting, item: AgendaItem, captures: Sequence[Capture]) -> Backing:
    """The records of ``item`` that its notes' lines stand for, matched by their text."""
    backing = Backing()
    for kind, records, ids in (
        (CaptureKind.DECISION, meeting.decisions, backing.decisions),
        (CaptureKind.ACTION, meeting.actions, backing.actions),
    ):
        free = [record for record in records if record.agenda_item_id == item.id]
        for capture in captures:
            if capture.kind is not kind or not capture.text:
                continue
            match = next((r for r in free if r.text == capture.text), None)
            if match is not None:
                free.remove(match)
                ids.append(match.id)
                backing.said[match.id] = _said(capture)
    return backing


def apply_captures(
    meeting: Meeting, item: AgendaItem, captures: Sequence[Capture], backing: Backing
) -> Backing:
    """Make ``meeting``'s records of ``item`` match its notes' captures (in place).

    A line keeps its record while it is edited: same text first, then the lines left over
    pair with the records left over in order. A line typed again after being deleted gets
    its record back (its vote, its status, its roadmap link).
    """
    usable = [c for c in captures if c.text]
    decision_lines = [c for c in usable if c.kind is CaptureKind.DECISION]
    action_lines = [c for c in usable if c.kind is CaptureKind.ACTION]
    decisions, dropped_decisions = _reconcile(
        meeting.decisions, Decision, item, decision_lines, backing.decisions, backing.removed)
    actions, dropped_actions = _reconcile(
        meeting.actions, Action, item, action_lines, backing.actions, backing.removed)
    for decision, capture in zip(decisions, decision_lines, strict=True):
        if decision.text != capture.text:
            decision.text = capture.text
    for action, capture in zip(actions, action_lines, strict=True):
        _update_action(action, capture, backing.said.get(action.id))
    removed = [*backing.removed, *dropped_decisions, *dropped_actions]
    said = {action.id: _said(capture)
            for action, capture in zip(actions, action_lines, strict=True)}
    return Backing([d.id for d in decisions], [a.id for a in actions], said, removed[-50:])


def _update_action(action: Action, capture: Capture, said: Said | None) -> None:
    """Bring an action in line with its line, leaving alone what the line did not change."""
    changes: dict[str, object] = {"text": capture.text}
    if said is None or said[:2] != (capture.owner_id, capture.owner_name):
        changes.update(owner_id=capture.owner_id, owner_name=capture.owner_name)
    if said is None or said[2] != capture.due:
        changes["due"] = capture.due
    for name, value in changes.items():
        if getattr(action, name) != value:
            setattr(action, name, value)


def _reconcile(
    records: list[R], kind: type[R], item: AgendaItem, captures: Sequence[Capture],
    backed_ids: Sequence[str], removed: Sequence[Decision | Action],
) -> tuple[list[R], list[R]]:
    """Rebuild ``records`` in place; the records now backed by lines, and those dropped."""
    by_id = {record.id: record for record in records}
    backed = [by_id[i] for i in backed_ids if i in by_id and by_id[i].agenda_item_id == item.id]
    free = list(backed)
    chosen: list[R | None] = []
    for capture in captures:
        match = next((r for r in free if r.text == capture.text), None)
        if match is not None:
            free.remove(match)
        chosen.append(match)
    for index in range(len(captures)):
        if chosen[index] is None and free:
            chosen[index] = free.pop(0)
    graveyard = [r for r in removed if isinstance(r, kind) and r.id not in by_id]
    now: list[R] = []
    for index, capture in enumerate(captures):
        record = chosen[index]
        if record is None:
            old = next((r for r in graveyard if r.text == capture.text), None)
            if old is not None:
                graveyard.remove(old)
                record = old.model_copy(deep=True)
            else:
                record = kind(text=capture.text, agenda_item_id=item.id)
        now.append(record)
    backed_set = {id(record) for record in backed}
    position = next((i for i, r in enumerate(records) if id(r) in backed_set), len(records))
    before: list[R] = [r for r in records[:position] if id(r) not in backed_set]
    after: list[R] = [r for r in records[position:] if id(r) not in backed_set]
    records[:] = before + now + after
    return now, free
