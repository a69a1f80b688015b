"""What every row of the fault battery shares: the row itself and the demo store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

NOTHING_LOST = "nothing lost"


@dataclass(frozen=True)
class Row:
    fault: str
    tries: int
    outcome: str
    lost: str

    @property
    def nothing_lost(self) -> bool:
        return self.lost == NOTHING_LOST


def lost_label(lost: int, unit: str, *, ok: bool = True) -> str:
    """The data-lost cell: "nothing lost", or how much, or that the outcome was wrong."""
    if lost:
        return f"{lost} {unit} lost"
    return NOTHING_LOST if ok else "nothing lost, but see outcome"


def demo_store(folder: Path, size: str) -> Path:
    """The demo territory (small or large) written to ``folder``."""
    from coop_tui.store.demo import demo_data
    from coop_tui.store.storage import atomic_write, serialise

    path = folder / f"{size}.json"
    atomic_write(path, serialise(demo_data("large" if size == "large" else "small")))
    return path
