"""The meeting being worked on: a copy of the stored record that typing changes in memory,
and the one way to save it.

Typing never waits on the disk: notes go into the copy at each keystroke (an assignment),
and ``save_pending`` — called by the screen's debounce timer, and by the app before it
quits or dies of a signal — hands the copy to the repository, which serialises it and
passes the bytes to the writer thread. Every other change (attendance, a vote, a status)
is made on a fresh copy and saved at once, together with the other records it touches, in
one write; if the store refuses it, nothing changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from coop_tui.core.capture import (
    Backing,
    Capture,
    People,
    apply_captures,
    find_backing,
    parse_notes,
)
from coop_tui.core.i18n import _
from coop_tui.store.models import AgendaItem, Meeting, Record
from coop_tui.ui.session import Session

# Changes a copy of the meeting in place, or returns the changed meeting.
Mutator = Callable[[Meeting], Meeting | None]


class MeetingEditor:
    """Holds the working copy of one meeting, its unsaved typing and its running timer."""

    def __init__(self, session: Session, meeting: Meeting) -> None:
        self.session = session
        self.meeting = meeting.model_copy(deep=True)
        self._saved: Meeting | None = meeting
        self.dirty = False
        self.last_error = ""
        self._backings: dict[str, Backing] = {}
        self._people: People | None = None
        self._people_revision = -1
        self.running_item_id: str | None = None
        self._running_since = 0.0

    # ------------------------------------------------------------------ reading

    @property
    def read_only(self) -> bool:
        return self.session.repository.read_only

    @property
    def reference_day(self) -> date:
        """The day typed dates are read against: the meeting's own."""
        return self.meeting.on

    def item(self, item_id: str | None) -> AgendaItem | None:
        return next((item for item in self.meeting.agenda if item.id == item_id), None)

    def people(self) -> People:
        """The actors ``@names`` stand for (rebuilt when the store changed)."""
        repository = self.session.repository
        if self._people is None or self._people_revision != repository.revision:
            attendees = {row.actor_id for row in self.meeting.attendance}
            self._people = People(((a.id, a.name) for a in repository.actors), attendees)
            self._people_revision = repository.revision
        return self._people

    def captures(self, item: AgendaItem) -> list[Capture]:
        return parse_notes(item.notes, self.people(), self.reference_day)

    def backed_ids(self, item: AgendaItem) -> set[str]:
        """The ids of the decisions and actions that stand for lines of ``item``'s notes."""
        backing = self._backing(item)
        return {*backing.decisions, *backing.actions}

    def is_captured(self, record_id: str) -> bool:
        """Whether a decision or an action stands for a line of notes."""
        return any(record_id in self.backed_ids(item) for item in self.meeting.agenda)

    def line_of(self, record_id: str) -> tuple[AgendaItem, int] | None:
        """The agenda item and the line of its notes a captured record stands for."""
        for item in self.meeting.agenda:
            backing = self._backing(item)
            captures = [c for c in self.captures(item) if c.text]
            for ids, kind in ((backing.decisions, "decision"), (backing.actions, "action")):
                if record_id in ids:
                    same_kind = [c for c in captures if c.kind == kind]
                    index = ids.index(record_id)
                    if index < len(same_kind):
                        return item, same_kind[index].line
        return None

    def _backing(self, item: AgendaItem) -> Backing:
        if item.id not in self._backings:
            self._backings[item.id] = find_backing(self.meeting, item, self.captures(item))
        return self._backings[item.id]

    def elapsed(self, item: AgendaItem) -> int:
        """Seconds spent on ``item``, counting the timer if it runs."""
        extra = time.monotonic() - self._running_since if item.id == self.running_item_id \
            else 0.0
        return item.elapsed_seconds + int(extra)

    # ------------------------------------------------------------------ typing

    def set_notes(self, item_id: str, text: str) -> list[Capture]:
        """Put typed notes into the copy and bring the captured records in line."""
        item = self.item(item_id)
        if item is None:
            return []
        backing = self._backing(item)
        if item.notes != text:
            item.notes = text
            self.dirty = True
        before = _captured(self.meeting)
        captures = self.captures(item)
        self._backings[item.id] = apply_captures(self.meeting, item, captures, backing)
        if _captured(self.meeting) != before:
            self.dirty = True  # the same text read otherwise: an actor named since
        return captures

    def set_private_notes(self, text: str) -> None:
        if self.meeting.private_notes != text:
            self.meeting.private_notes = text
            self.dirty = True

    # ------------------------------------------------------------------ timer

    def toggle_timer(self, item_id: str) -> None:
        """Start the timer on an item (stopping any other), or stop it."""
        running = self.running_item_id
        self._fold_timer()
        self.running_item_id = None if running == item_id else item_id
        self._running_since = time.monotonic()
        self.dirty = True

    def _fold_timer(self) -> None:
        """Add the time run so far to the item, so a save (or a crash) keeps it."""
        item = self.item(self.running_item_id)
        now = time.monotonic()
        if item is not None:
            item.elapsed_seconds += int(now - self._running_since)
            self._running_since = now - (now - self._running_since) % 1

    # ------------------------------------------------------------------ saving

    def save_pending(self) -> bool:
        """Save the typing and the timer if anything changed; False when the store refused."""
        if self.read_only:
            return True
        if self.running_item_id is not None:
            self._fold_timer()
            self.dirty = True
        if not self.dirty:
            return True
        # Typing saved in pieces is one change to undo.
        return self._store(self.meeting, change=_("notes of the meeting « {title} »").format(
            title=self.meeting.title), group=f"typing:{self.meeting.id}")

    def change(self, mutate: Mutator, *others: Record) -> bool:
        """Change a copy, save it with ``others`` in one write, keep it only if saved."""
        if self.read_only:
            self.last_error = _("The store is open read-only.")
            return False
        self._fold_timer()
        candidate = self.meeting.model_copy(deep=True)
        candidate = mutate(candidate) or candidate
        if not self._store(candidate, *others):
            return False
        self.meeting = candidate
        return True

    def _store(self, meeting: Meeting, *others: Record, change: str = "",
               group: str | None = None) -> bool:
        repository = self.session.repository
        refusal = self.session.save([meeting.model_copy(deep=True), *others], change=change,
                                    group=group)
        if refusal is not None:
            self.last_error = "; ".join(f"{where}: {message}" if where else message
                                        for where, message in refusal.fields.items())
            return False
        self._saved = repository.get(Meeting, meeting.id)
        self.dirty = False
        self.last_error = ""
        return True

    def changed_elsewhere(self) -> bool:
        """Whether the stored record is no longer the one this editor saved last."""
        return self.session.repository.get(Meeting, self.meeting.id) is not self._saved

    def reload(self) -> bool:
        """Take the stored record again (changed elsewhere); False if it was deleted."""
        stored = self.session.repository.get(Meeting, self.meeting.id)
        if stored is None:
            return False
        self.meeting = stored.model_copy(deep=True)
        self._saved = stored
        self._backings.clear()
        self.dirty = False
        return True


def _captured(meeting: Meeting) -> tuple[object, ...]:
    """What the notes' lines decide of the meeting's records, to tell whether it changed."""
    return (tuple((d.id, d.text) for d in meeting.decisions),
            tuple((a.id, a.text, a.owner_id, a.owner_name, a.due) for a in meeting.actions))
