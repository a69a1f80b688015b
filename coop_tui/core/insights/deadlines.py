"""The deadlines a panel shows, and the actions on them: what the dashboard needs of the
statutory calendar (:mod:`coop_tui.core.obligations`), without any widget.

Marking an obligation met, dismissing it or adding a deadline goes through the repository
like every change: one record saved, validated as a file being read would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coop_tui.core.i18n import _
from coop_tui.core.obligations import Due, State, obligations, state_record
from coop_tui.store.models import NonWorkingDay, Obligation

if TYPE_CHECKING:
    from coop_tui.store.repository import Repository

# How many obligations "next" shows, and how far "this week" looks (today included).
NEXT_OBLIGATIONS = 5
WEEK_DAYS = 7


def store_obligations(repository: Repository, today: date) -> list[Due]:
    """Every obligation of a store, in the order they fall due."""
    return obligations(repository.territory, repository.meetings, repository.obligations,
                       today, repository.levers)


@dataclass(frozen=True)
class DeadlinesPanel:
    """The next obligations to meet, those due in the seven days from today, and those
    missed (late, until met or dismissed). Each :class:`Due` carries its Target."""

    upcoming: tuple[Due, ...]
    this_week: tuple[Due, ...]
    missed: tuple[Due, ...]


def deadlines_panel(found: list[Due], today: date,
                    upcoming: int = NEXT_OBLIGATIONS) -> DeadlinesPanel:
    """``found`` (as :func:`store_obligations` gives them) read on ``today``."""
    week_end = today + timedelta(days=WEEK_DAYS - 1)
    due = [d for d in found if d.state is State.DUE]
    return DeadlinesPanel(
        upcoming=tuple(due[:upcoming]),
        this_week=tuple(d for d in due if d.due <= week_end),
        missed=tuple(d for d in found if d.state is State.LATE),
    )


def mark_met(repository: Repository, due: Due, on: date) -> Obligation:
    """Record that ``due`` was met on ``on`` (the PV published that day, say)."""
    record = state_record(due, met_on=on)
    repository.save(record)
    return record


def dismiss(repository: Repository, due: Due, reason: str) -> Obligation:
    """Take ``due`` off the missed ones for a reason that stays written with it."""
    if not reason.strip():
        raise ValueError(_("say why the obligation is dismissed"))
    record = state_record(due, dismissed=reason)
    repository.save(record)
    return record


def reopen(repository: Repository, due: Due) -> Obligation:
    """Undo a mark or a dismissal: the obligation is due (or late) again."""
    record = state_record(due)
    repository.save(record)
    return record


def add_deadline(repository: Repository, title: str, due: date, article: str = "",
                 non_working_day: NonWorkingDay = NonWorkingDay.KEEP) -> Obligation:
    """A deadline of the user's own, with an optional article it comes from."""
    record = Obligation(title=title, due=due, article=article,
                        non_working_day=non_working_day)
    repository.save(record)
    return record
