"""Search from the command palette: what is indexed, fuzzy names, words in notes, the kind
shown, a jump to the record, and queries on the large store served from memory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coop_tui.core.target import Target
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor, ActorKind, AgendaItem, Decision, Meeting
from coop_tui.store.repository import Repository
from coop_tui.ui.search import build_index, hit_display, search_index
from tests.conftest import TODAY
from tests.helpers import AppFactory


def test_every_kind_is_indexed(repository: Repository) -> None:
    kinds = {entry.kind for entry in build_index(repository)}
    assert kinds == {"actor", "meeting", "decision", "action", "roadmap", "lever"}


def test_names_match_fuzzily_and_notes_by_their_words(empty_repository: Repository) -> None:
    helene = Actor(name="Hélène Giraud", kind=ActorKind.ELECTED)
    meeting = Meeting(title="COPIL mutualisation", on=date(2026, 11, 2), agenda=[
        AgendaItem(title="Budget", notes="On parle du gymnase intercommunal et des écoles.")],
        decisions=[Decision(text="Adopter la charte")])
    empty_repository.save(helene, meeting)
    index = build_index(empty_repository)
    first = search_index(index, "helene giraud")[0]
    assert first.entry.target == Target("actors", helene.id)
    assert search_index(index, "heleen")[0].entry.name == "Hélène Giraud"
    notes = search_index(index, "ecoles gymnase")
    assert [hit.entry.kind for hit in notes] == ["meeting"]
    assert notes[0].entry.target == Target("meetings", meeting.id)
    assert notes[0].passage.startswith("notes · Budget: ")
    assert "gymnase" in notes[0].passage
    decision = search_index(index, "charte")[0]
    assert decision.entry.target == Target("meetings", meeting.id, meeting.decisions[0].id)
    assert str(hit_display(decision)).startswith("Decision: Adopter la charte")
    assert search_index(index, "   ") == []


def test_typed_names_are_shown_as_text(empty_repository: Repository) -> None:
    empty_repository.save(Actor(name="[bold]Mairie[/]", kind=ActorKind.COMMUNE))
    hit = search_index(build_index(empty_repository), "mairie")[0]
    assert "[bold]Mairie[/]" in str(hit_display(hit))


async def test_choosing_a_hit_opens_it_on_its_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        actor = next(a for a in app.session.repository.actors if a.name == "Hélène Giraud")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Helene Giraud")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "actors"
        from coop_tui.screens.actors.screen import ActorsScreen

        assert isinstance(app.screen, ActorsScreen) and app.screen.selected == actor.id


def test_queries_on_the_large_store_are_served_from_memory(tmp_path: Path) -> None:
    """The index is read once; queries never go back to the store (their time is in
    benchmarks/, never asserted here)."""
    from coop_tui.store.demo import demo_data
    from coop_tui.store.storage import serialise

    path = tmp_path / "large.json"
    path.write_bytes(serialise(demo_data("large", today=TODAY)))
    repository = open_store(path, read_only=True)
    index = build_index(repository)
    repository.close()
    path.unlink()
    for query in ("helene", "copil", "salle des fetes", "schema", "a"):
        assert search_index(index, query), query
    assert search_index(index, "zzzz") == []
