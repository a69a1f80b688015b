"""Where actors stand on the power / interest map, and how the selection and the scores move.

Pure functions of the actors' scores: tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from coop_tui.store.models import Actor

SCORES = (1, 2, 3, 4, 5)
MIDDLE = 3  # where an actor without scores is first placed

# (influence, interest)
Cell = tuple[int, int]


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Placement:
    """Actors by cell, each cell in name order, and the actors without both scores."""

    cells: dict[Cell, tuple[Actor, ...]] = field(default_factory=dict)
    not_assessed: tuple[Actor, ...] = ()

    def cell_of(self, actor_id: str | None) -> Cell | None:
        for cell, actors in self.cells.items():
            if any(actor.id == actor_id for actor in actors):
                return cell
        return None

    def find(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors():
            if actor.id == actor_id:
                return actor
        return None

    def actors(self) -> Iterable[Actor]:
        for actors in self.cells.values():
            yield from actors
        yield from self.not_assessed


def _name_key(actor: Actor) -> tuple[str, str]:
    return actor.name.casefold(), actor.id


def place(actors: Iterable[Actor]) -> Placement:
    """Put each actor in the cell of its scores; those missing a score are not assessed."""
    cells: dict[Cell, list[Actor]] = {}
    missing: list[Actor] = []
    for actor in actors:
        influence, interest = actor.private.influence, actor.private.interest
        if influence is None or interest is None:
            missing.append(actor)
        else:
            cells.setdefault((influence, interest), []).append(actor)
    return Placement(
        {cell: tuple(sorted(found, key=_name_key)) for cell, found in cells.items()},
        tuple(sorted(missing, key=_name_key)),
    )


def _nearest(placement: Placement, origin: Cell, direction: Direction) -> Cell | None:
    """The closest occupied cell in ``direction``: along the axis first, then sideways."""
    influence, interest = origin
    best: tuple[tuple[int, int, int], Cell] | None = None
    for cell in placement.cells:
        ahead = {
            Direction.UP: cell[0] - influence,
            Direction.DOWN: influence - cell[0],
            Direction.RIGHT: cell[1] - interest,
            Direction.LEFT: interest - cell[1],
        }[direction]
        if ahead <= 0:
            continue
        aside = abs(cell[1] - interest) if direction in (Direction.UP, Direction.DOWN) \
            else abs(cell[0] - influence)
        key = (ahead + 2 * aside, aside, ahead)
        if best is None or key < best[0]:
            best = (key, cell)
    return best[1] if best else None


def step(placement: Placement, current: str | None, direction: Direction) -> str | None:
    """The actor an arrow key selects from ``current``; None when there is nowhere to go.

    Up and down walk the names stacked in a cell before leaving it; entering a cell from
    below selects its bottom name, from anywhere else its top name. From an actor not on
    the map, any arrow selects the top-right actor (the one to associate most closely).
    """
    if not placement.cells:
        return None
    origin = placement.cell_of(current)
    if origin is None:
        top = max(placement.cells, key=lambda cell: (cell[0], cell[1]))
        return placement.cells[top][0].id
    stack = placement.cells[origin]
    index = next(i for i, actor in enumerate(stack) if actor.id == current)
    if direction is Direction.UP and index > 0:
        return stack[index - 1].id
    if direction is Direction.DOWN and index < len(stack) - 1:
        return stack[index + 1].id
    target = _nearest(placement, origin, direction)
    if target is None:
        return None
    found = placement.cells[target]
    return found[-1].id if direction is Direction.UP else found[0].id


def moved_scores(influence: int | None, interest: int | None,
                 direction: Direction) -> tuple[int, int] | None:
    """The scores after moving an actor one cell; None when it cannot move that way.

    An actor without scores is first placed in the middle of the map (3, 3).
    """
    if influence is None or interest is None:
        return (influence or MIDDLE, interest or MIDDLE)
    new = {
        Direction.UP: (influence + 1, interest),
        Direction.DOWN: (influence - 1, interest),
        Direction.RIGHT: (influence, interest + 1),
        Direction.LEFT: (influence, interest - 1),
    }[direction]
    if not all(score in SCORES for score in new):
        return None
    return new
