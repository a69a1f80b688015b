"""Search everything (issue 21): actors by role, organisation, contact and notes, meetings
by place and notes, actions by their owner; each hit says where it matched, and a hit in
the private reading of people says it is private."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from coop_tui.core.dates import fold
from coop_tui.core.target import Target
from coop_tui.store.models import (
    Action,
    Actor,
    ActorKind,
    AgendaItem,
    Blockage,
    Contact,
    Meeting,
    PrivateReading,
    Role,
)
from coop_tui.store.repository import Repository
from coop_tui.ui.search import (
    Entry,
    Found,
    build_index,
    passage,
    search_index,
    session_index,
)
from tests.helpers import AppFactory, until


def territory(repository: Repository) -> tuple[Actor, Actor, Meeting]:
    cressy = Actor(name="Cressy", kind=ActorKind.COMMUNE)
    mayor = Actor(name="Hélène Giraud", kind=ActorKind.ELECTED, parent_id=cressy.id,
                  responsibilities="Maire de Cressy, vice-présidente voirie",
                  contact=Contact(email="h.giraud@cressy.fr", phone="03 80 12 34 56"),
                  private=PrivateReading(role=Role.COUNTERWEIGHT,
                                         stance="Méfiante envers la mutualisation",
                                         blockages=[Blockage(text="Le coût des écoles")]))
    meeting = Meeting(title="Conférence des maires", on=date(2026, 11, 2),
                      place="Salle des fêtes de Vauclair",
                      agenda=[AgendaItem(title="Voirie", notes="Le déneigement coûte cher.")],
                      actions=[Action(text="Chiffrer le déneigement", owner_id=mayor.id)],
                      private_notes="Tension palpable entre deux maires.")
    repository.save(cressy, mayor, meeting)
    return cressy, mayor, meeting


def first(found: list[Found], kind: str) -> Found:
    return next(hit for hit in found if hit.entry.kind == kind)


def of(found: list[Found], record: Actor) -> Found:
    return next(hit for hit in found if hit.entry.target.record_id == record.id)


def test_actors_by_role_organisation_and_contact(empty_repository: Repository) -> None:
    _cressy, mayor, _meeting = territory(empty_repository)
    index = build_index(empty_repository)
    role = first(search_index(index, "vice-presidente voirie"), "actor")
    assert role.entry.target == Target("actors", mayor.id)
    assert role.passage == "responsibilities: Maire de Cressy, vice-présidente voirie"
    assert not role.private
    assert of(search_index(index, "h.giraud@cressy"), mayor).passage == \
        "e-mail: h.giraud@cressy.fr"
    assert of(search_index(index, "03 80 12"), mayor).passage.startswith("phone: ")
    # The organisation's name finds its people, and the name and the role combine.
    members = [hit for hit in search_index(index, "giraud maire") if hit.entry.kind == "actor"]
    assert [hit.entry.name for hit in members] == ["Hélène Giraud"]
    assert members[0].passage.startswith("responsibilities: ")


def test_the_private_reading_is_found_and_says_it_is_private(
    empty_repository: Repository,
) -> None:
    _cressy, mayor, meeting = territory(empty_repository)
    index = build_index(empty_repository)
    stance = first(search_index(index, "mefiante"), "actor")
    assert stance.entry.target == Target("actors", mayor.id)
    assert stance.private
    assert stance.passage == "stance (private reading): Méfiante envers la mutualisation"
    role = of(search_index(index, "counterweight"), mayor)
    assert role.private and role.passage == "role (private reading): counterweight"
    blockage = first(search_index(index, "cout des ecoles"), "actor")
    assert blockage.private and blockage.passage.startswith("blockage (private reading): ")
    notes = first(search_index(index, "tension palpable"), "meeting")
    assert notes.entry.target == Target("meetings", meeting.id)
    assert notes.private and notes.passage.startswith("private notes (private reading): ")


def test_meetings_by_place_and_notes_actions_by_owner(empty_repository: Repository) -> None:
    _cressy, _mayor, meeting = territory(empty_repository)
    index = build_index(empty_repository)
    place = first(search_index(index, "salle des fetes"), "meeting")
    assert place.entry.target == Target("meetings", meeting.id)
    assert place.passage == "place: Salle des fêtes de Vauclair"
    notes = first(search_index(index, "deneigement coute"), "meeting")
    assert notes.passage == "notes · Voirie: Le déneigement coûte cher."
    owned = first(search_index(index, "helene giraud"), "action")
    assert owned.entry.target == Target("meetings", meeting.id, meeting.actions[0].id)
    assert owned.passage == "owner: Hélène Giraud"


def test_where_it_matched_is_said_in_french(empty_repository: Repository, french: None) -> None:
    territory(empty_repository)
    place = first(search_index(build_index(empty_repository), "vauclair"), "meeting")
    assert place.passage == "lieu\u00a0: Salle des fêtes de Vauclair"


async def test_a_place_typed_in_the_palette_opens_the_meeting(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    meeting = next(m for m in repository.meetings if m.place)
    word = max(meeting.place.split(), key=len)
    assert all(word not in other.title for other in repository.meetings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"{meeting.title} {word}")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "meetings")


def _reference_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@given(st.text())
def test_the_quick_fold_folds_as_the_plain_definition(text: str) -> None:
    assert fold(text) == _reference_fold(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6),
    st.text(max_size=20),
)
def test_every_hit_holds_every_word_typed(texts: list[str], query: str) -> None:
    index = [Entry.of("actor", text, "", Target("actors", str(position)),
                      [passage("Notes", text[::-1]), passage("Stance", text, private=True)])
             for position, text in enumerate(texts)]
    words = fold(query).split()
    for hit in search_index(index, query):
        if hit.passage:
            assert all(word in hit.entry.text for word in words)
        assert hit.private == ("(private reading)" in hit.passage)


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"[A-Za-zÀ-ÿ]{3,12}", fullmatch=True))
def test_a_word_written_about_an_actor_finds_the_actor(word: str) -> None:
    index = [Entry.of("actor", "Personne", "", Target("actors", "a"),
                      [passage("Responsibilities", f"Chargée de {word} au quotidien")])]
    found = search_index(index, word)
    assert [hit.entry.target for hit in found] == [Target("actors", "a")]


async def test_the_index_is_built_again_only_when_the_store_changed(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = app.session
        first_index = session_index(session)
        assert session_index(session) is first_index
        actor = session.repository.actors[0].model_copy(update={"competences": "Déneigement"})
        assert session.save([actor]) is None
        again = session_index(session)
        assert again is not first_index
        assert of(search_index(again, "deneigement"), actor).passage == \
            "competences: Déneigement"
