"""The built-in lever catalogue: every lever of the seed document, in both languages."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from itertools import count
from pathlib import Path

import pytest

from coop_tui.store.catalogue import (
    CATALOGUE,
    LeverSpec,
    blank_store,
    catalogue_levers,
    catalogue_spec,
    default_territory_name,
)
from coop_tui.store.database import open_store
from coop_tui.store.models import Lever, LeverCategory, LeverStatus, Territory

# Published keys: a store refers to them, so they never change.
EXPECTED_KEYS: dict[str, tuple[LeverCategory, tuple[str, ...]]] = {
    "mutualisation_scheme": (LeverCategory.REGULATORY, (
        "shared_diagnostic", "living_areas", "pooling_roadmap", "pooling_implementation",
        "pooling_evaluation")),
    "financial_fiscal_pact": (LeverCategory.REGULATORY, (
        "shared_assessment", "budget_capacity", "pact_charter", "commitment_levels",
        "project_selection")),
    "cooperation_time": (LeverCategory.METHODOLOGICAL, (
        "time_from_start", "actor_issues", "busy_diaries", "realistic_schedule")),
    "knowing_communes": (LeverCategory.METHODOLOGICAL, (
        "meet_each_commune", "commune_functioning", "common_methods",
        "cross_cutting_methods")),
    "lasting_facilitation": (LeverCategory.METHODOLOGICAL, (
        "facilitation_arrangement", "facilitation_skills", "overall_facilitation",
        "levers_consistency")),
    "cooperation_context": (LeverCategory.METHODOLOGICAL, (
        "meeting_form", "meeting_place", "meeting_frequency", "between_meetings",
        "shared_follow_up")),
    "power_games": (LeverCategory.HUMAN, (
        "responsibility_levels", "power_balance", "shared_meaning", "common_interests")),
    "common_culture": (LeverCategory.HUMAN, (
        "new_to_cross_work", "interest_in_cooperating", "project_signature",
        "common_objective")),
    "facilitation_posture": (LeverCategory.HUMAN, (
        "identify_blockages", "counterweights", "communication_channels", "lean_on_drivers",
        "keep_followers", "regular_meetings", "share_progress")),
}


def spec(key: str) -> LeverSpec:
    found = catalogue_spec(key)
    assert found is not None, key
    return found


def test_lever_keys_are_exactly_the_published_ones() -> None:
    assert [s.key for s in CATALOGUE] == list(EXPECTED_KEYS)
    for lever in CATALOGUE:
        category, items = EXPECTED_KEYS[lever.key]
        assert lever.category is category, lever.key
        assert tuple(item.key for item in lever.items) == items, lever.key


def test_keys_are_unique_ascii_snake_case() -> None:
    lever_keys = [s.key for s in CATALOGUE]
    item_keys = [item.key for s in CATALOGUE for item in s.items]
    assert len(set(lever_keys)) == len(lever_keys)
    assert len(set(item_keys)) == len(item_keys)
    for key in lever_keys + item_keys:
        assert key.isascii() and key == key.lower() and key.replace("_", "").isalnum(), key


def test_every_lever_and_item_is_written_in_both_languages() -> None:
    for lever in CATALOGUE:
        for phrase in (lever.title, lever.description):
            assert phrase.fr.strip() and phrase.en.strip(), lever.key
            assert phrase.fr != phrase.en, lever.key
        assert 3 <= len(lever.items) <= 7, lever.key
        for item in lever.items:
            assert item.text.fr.strip() and item.text.en.strip(), item.key


def test_the_three_categories_all_have_levers() -> None:
    for category in LeverCategory:
        assert any(lever.category is category for lever in CATALOGUE), category


def test_positions_follow_the_catalogue_order() -> None:
    assert [lever.position for lever in CATALOGUE] == list(range(len(CATALOGUE)))


@pytest.mark.parametrize(("key", "phrases"), [
    ("mutualisation_scheme", ["diagnostic partagé", "missions de service public", "effectifs",
                              "bassins de vie", "feuille de route", "objectifs", "échéances",
                              "moyens", "évaluation"]),
    ("financial_fiscal_pact", ["ressources financières et fiscales", "capacités budgétaires",
                               "bilan partagé", "charte", "feuille de route pour le mandat",
                               "niveau d'engagement", "projets les plus pertinents"]),
    ("cooperation_time", ["prend du temps", "hiérarchie", "agendas surchargés"]),
    ("knowing_communes", ["fonctionnement de chaque commune membre",
                          "méthodes de travail communes"]),
    ("lasting_facilitation", ["animation territoriale pérenne", "facilitation"]),
    ("cooperation_context", ["forme des réunions", "lieu", "fréquence",
                             "communication entre les rencontres", "suivi partagé"]),
    ("power_games", ["niveaux de responsabilité", "déséquilibres", "sens du projet",
                     "intérêts communs ou croisés"]),
    ("common_culture", ["transversal", "intérêt", "associatives, publiques ou privées",
                        "« patte »", "objectif commun"]),
    ("facilitation_posture", ["moteurs", "suiveur", "contrepoids", "blocages",
                              "canaux de communication", "rencontres régulières",
                              "faire circuler l'information", "avancées du projet"]),
])
def test_descriptions_carry_the_notions_of_the_seed(key: str, phrases: list[str]) -> None:
    description = spec(key).description.fr
    for phrase in phrases:
        assert phrase in description, (key, phrase)


def test_checklists_carry_the_concrete_steps_of_the_seed() -> None:
    scheme = " ".join(item.text.fr for item in spec("mutualisation_scheme").items)
    for phrase in ("diagnostic partagé", "bassins de vie", "feuille de route", "Évaluer"):
        assert phrase in scheme
    pact = " ".join(item.text.fr for item in spec("financial_fiscal_pact").items)
    for phrase in ("bilan partagé", "charte", "niveau d'engagement", "projets les plus"):
        assert phrase in pact
    posture = " ".join(item.text.fr for item in spec("facilitation_posture").items)
    for phrase in ("moteurs", "suiveur", "contrepoids", "canaux de communication"):
        assert phrase in posture


def test_english_is_a_translation_not_a_copy() -> None:
    assert "shared diagnostic" in spec("mutualisation_scheme").description.en
    assert "living areas" in spec("mutualisation_scheme").description.en
    assert "charter" in spec("financial_fiscal_pact").description.en
    assert "drivers" in spec("facilitation_posture").description.en
    assert "followers" in spec("facilitation_posture").description.en


def test_catalogue_spec_finds_levers_and_items_by_key() -> None:
    pact = spec("financial_fiscal_pact")
    assert pact.title.get("fr") == "Pacte financier et fiscal"
    assert pact.title.get("en") == "Financial and fiscal pact"
    item = pact.item("pact_charter")
    assert item is not None and "charte" in item.text.fr
    assert pact.item("nope") is None
    assert catalogue_spec("nope") is None
    assert catalogue_spec("") is None


def test_catalogue_levers_are_valid_records_with_fresh_ids() -> None:
    first, second = catalogue_levers(), catalogue_levers()
    assert [lever.key for lever in first] == list(EXPECTED_KEYS)
    for lever, lever_spec in zip(first, CATALOGUE, strict=True):
        assert Lever.model_validate(lever.model_dump(mode="json")) == lever
        assert lever.from_catalogue
        assert lever.category is lever_spec.category
        assert lever.position == lever_spec.position
        assert lever.title.fr == lever_spec.title.fr and lever.title.en == lever_spec.title.en
        assert lever.description.en == lever_spec.description.en
        assert [item.key for item in lever.items] == [item.key for item in lever_spec.items]
        assert [item.text.fr for item in lever.items] == [i.text.fr for i in lever_spec.items]
        assert lever.status is LeverStatus.TODO
        assert lever.progress() == (0, len(lever_spec.items))
        assert lever.owner_id is None and lever.due is None
    ids_first = {lever.id for lever in first} | {i.id for lever in first for i in lever.items}
    ids_second = {lever.id for lever in second} | {i.id for lever in second for i in lever.items}
    assert len(ids_first) == len(CATALOGUE) + sum(len(s.items) for s in CATALOGUE)
    assert not ids_first & ids_second
    # Changing a lever handed out leaves the catalogue as it was.
    first[0].items[0].done = True
    first[0].title.fr = "Changé"
    assert catalogue_levers()[0].title.fr == spec("mutualisation_scheme").title.fr


def test_catalogue_levers_take_an_id_source_and_a_time() -> None:
    numbers = count(1)

    def make_id() -> str:
        return f"00000000-0000-4000-8000-{next(numbers):012d}"

    now = datetime(2026, 3, 15, 9, 0, tzinfo=UTC)
    levers = catalogue_levers(make_id=make_id, now=now)
    assert levers[0].id == "00000000-0000-4000-8000-000000000001"
    assert levers[0].items[0].id == "00000000-0000-4000-8000-000000000002"
    assert all(lever.created == now == lever.updated for lever in levers)


def test_default_territory_name() -> None:
    assert default_territory_name("fr") == "Mon territoire"
    assert default_territory_name("en") == "My territory"


def test_blank_store_opens_with_its_territory_and_the_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "territoire.json"
    repo = open_store(path, initial=lambda: blank_store(
        "CC du Haut-Val", "fr", date(2026, 3, 15), date(2032, 3, 15)))
    try:
        territory = repo.territory
        assert isinstance(territory, Territory)
        assert territory.name == "CC du Haut-Val"
        assert territory.language == "fr"
        assert (territory.mandate_start, territory.mandate_end) == (date(2026, 3, 15),
                                                                  date(2032, 3, 15))
        # Created together: served in the order of their ids, placed by their position.
        by_position = sorted(repo.levers, key=lambda lever: lever.position)
        assert [lever.key for lever in by_position] == list(EXPECTED_KEYS)
        assert repo.actors == [] and repo.meetings == [] and repo.roadmap == []
    finally:
        repo.close()
    assert path.exists()


def test_blank_store_without_a_name_takes_the_default_one() -> None:
    data = blank_store("  ", "en", date(2026, 3, 15), date(2032, 3, 15))
    (territory,) = data["territory"].values()
    assert territory["name"] == "My territory"
    assert territory["language"] == "en"
    assert len(data["levers"]) == len(CATALOGUE)


def test_catalogue_imports_neither_the_database_nor_tinydb() -> None:
    probe = ("import sys, coop_tui.store.catalogue; "
             "print(sorted(m for m in ('tinydb', 'orjson', 'coop_tui.store.database') "
             "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
