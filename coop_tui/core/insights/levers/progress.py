"""The progress of the checklist (per lever, per category, overall) and the lag of a
category behind the others."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from coop_tui.core.insights.levers.wording import _share
from coop_tui.store.models import Lever, LeverCategory, LeverStatus, Thresholds


@dataclass(frozen=True)
class Progress:
    """Checklist steps done out of steps counted."""

    done: int
    total: int

    @property
    def ratio(self) -> float:
        return _share(self.done, self.total)

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total)


def lever_progress(lever: Lever) -> Progress:
    """Items ticked; a lever without items counts as one step, done with its status.

    A lever marked not applicable counts for nothing.
    """
    if lever.status is LeverStatus.NOT_APPLICABLE:
        return Progress(0, 0)
    if not lever.items:
        return Progress(int(lever.status is LeverStatus.DONE), 1)
    done, total = lever.progress()
    return Progress(done, total)


def category_progress(levers: Iterable[Lever]) -> dict[LeverCategory, Progress]:
    """Progress of each category, every category present even when empty."""
    found = {category: Progress(0, 0) for category in LeverCategory}
    for lever in levers:
        found[lever.category] = found[lever.category] + lever_progress(lever)
    return found


def overall_progress(levers: Iterable[Lever]) -> Progress:
    total = Progress(0, 0)
    for lever in levers:
        total = total + lever_progress(lever)
    return total


@dataclass(frozen=True)
class Lag:
    """Categories far behind the most advanced one (the seed asks to use them together)."""

    lagging: tuple[LeverCategory, ...]
    leader: LeverCategory
    gap_points: int


def category_lag(progress: dict[LeverCategory, Progress], thresholds: Thresholds) -> Lag | None:
    """The categories at least ``category_gap_percent`` points behind the leader, if any.

    Categories with nothing to count (no applicable lever) are left out.
    """
    counted = {category: p for category, p in progress.items() if p.total}
    if len(counted) < 2:
        return None
    leader = max(counted, key=lambda category: counted[category].ratio)
    best = counted[leader].ratio * 100
    gaps = {category: best - p.ratio * 100 for category, p in counted.items()}
    lagging = tuple(category for category, gap in gaps.items()
                    if gap > 0 and gap >= thresholds.category_gap_percent)
    if not lagging:
        return None
    return Lag(lagging, leader, round(max(gaps[category] for category in lagging)))
