"""The undo history on its own (issue 21): whatever changes were saved, undoing them all
gives back the store as it was, and redoing them all the store as it had become."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coop_tui.core.settings import Settings
from coop_tui.screens.levers.changes import cycle_status
from coop_tui.store.catalogue import blank_store
from coop_tui.store.database import create, open_store
from coop_tui.store.models import Lever, RoadmapItem
from coop_tui.store.repository import Repository
from coop_tui.ui.history import LIMIT
from coop_tui.ui.session import Session

Operation = tuple[str, int]
OPERATIONS = st.lists(st.tuples(st.sampled_from(["status", "add", "move", "delete", "typing"]),
                                st.integers(0, 50)), min_size=1, max_size=12)


def state(repository: Repository) -> dict[str, Any]:
    """Every record as the file holds it, but for when it was last saved."""
    return {record.id: record.model_dump(mode="json", exclude={"updated"})
            for kind in (Lever, RoadmapItem) for record in repository.all(kind)}


def apply(session: Session, operation: Operation) -> None:
    kind, number = operation
    repository = session.repository
    levers, items = repository.levers, repository.roadmap
    if kind == "status":
        assert session.save([cycle_status(levers[number % len(levers)])]) is None
    elif kind == "add":
        assert session.save([RoadmapItem(objective=f"Objectif {number}")]) is None
    elif kind == "move" and items:
        moved = items[number % len(items)].model_copy(
            update={"start": None, "due": date(2027, 1, 1) + timedelta(days=number)})
        assert session.save([moved]) is None
    elif kind == "delete" and items:
        assert session.save([], [items[number % len(items)]]) is None
    elif kind == "typing":
        lever = levers[0].model_copy(update={"notes": levers[0].notes + f" {number}"})
        assert session.save([lever], group="typing") is None


@settings(max_examples=25, deadline=None)
@given(OPERATIONS)
def test_undoing_everything_gives_back_the_store_and_redoing_it_the_changes(
    operations: list[Operation],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "blank.json"
        create(path, blank_store("Test", "en", date(2026, 3, 15), date(2032, 3, 15)))
        repository = open_store(path)
        try:
            session = Session(repository, Settings())
            initial = state(repository)
            for operation in operations:
                apply(session, operation)
            final = state(repository)
            steps = len(session.history.undoable)
            assert steps <= len(operations)
            while session.undo().done:
                pass
            assert state(repository) == initial
            assert session.undo().message == "Nothing to undo."
            while session.redo().done:
                pass
            assert state(repository) == final
            assert len(session.history.undoable) == steps
            repository.flush()
            reopened = open_store(path, read_only=True)
            on_disk = state(reopened)
            reopened.close()
            assert on_disk == final
        finally:
            repository.close()


def test_the_history_keeps_the_last_changes_only(empty_repository: Repository) -> None:
    session = Session(empty_repository, Settings())
    for number in range(LIMIT + 5):
        assert session.save([RoadmapItem(objective=f"Objectif {number}")]) is None
    assert len(session.history.undoable) == LIMIT
    assert session.history.undoable[0].description == "adding: objective « Objectif 5 »"


def test_a_refused_change_is_not_a_step(empty_repository: Repository) -> None:
    session = Session(empty_repository, Settings())
    broken = RoadmapItem(objective="Sans levier").model_copy(update={"lever_id": "0" * 32})
    assert session.save([broken]) is not None
    assert session.history.undoable == []
