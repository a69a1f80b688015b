"""The catalogue against the seed document, in both languages, and as the screen shows it.

tests/test_catalogue.py checks the keys and that the French descriptions carry the seed's
notions. Here: every lever the seed names is in the catalogue under its own name, in French
and in English; the English text carries the same notions as the French, lever by lever,
item by item; and the screen shows the text of the language in use.
"""

from __future__ import annotations

import pytest

from coop_tui.screens.levers.screen import LeversScreen
from coop_tui.screens.levers.tree import LeverRow, LeverTree
from coop_tui.store.catalogue import CATALOGUE, LeverSpec, catalogue_spec
from coop_tui.store.models import LeverCategory
from tests.helpers import AppFactory

# How the seed document names each lever (quoted), and the catalogue's titles for it.
SEED_LEVERS: tuple[tuple[str, LeverCategory, str, str, str], ...] = (
    ("Le schéma de mutualisation et le pacte financier et fiscal constituent deux leviers",
     LeverCategory.REGULATORY, "mutualisation_scheme", "Schéma de mutualisation",
     "Pooling scheme"),
    ("Le pacte financier et fiscal est un outil de gestion du territoire intercommunal",
     LeverCategory.REGULATORY, "financial_fiscal_pact", "Pacte financier et fiscal",
     "Financial and fiscal pact"),
    ("la coopération prend du temps", LeverCategory.METHODOLOGICAL, "cooperation_time",
     "temps", "time"),
    ("prendre le temps de connaître le fonctionnement de chaque commune membre",
     LeverCategory.METHODOLOGICAL, "knowing_communes", "Connaître chaque commune membre",
     "Know each member commune"),
    ("mettre en place un dispositif d'animation territoriale pérenne",
     LeverCategory.METHODOLOGICAL, "lasting_facilitation", "Animation territoriale pérenne",
     "Lasting territorial facilitation"),
    ("il est important de travailler sur le contexte de la coopération",
     LeverCategory.METHODOLOGICAL, "cooperation_context", "Contexte de la coopération",
     "Context of cooperation"),
    ("Les jeux de pouvoirs", LeverCategory.HUMAN, "power_games", "Jeux de pouvoir",
     "Power games"),
    ("La mise en place d'une culture commune", LeverCategory.HUMAN, "common_culture",
     "Culture commune", "Common culture"),
    ("Une posture de coordination et de facilitation", LeverCategory.HUMAN,
     "facilitation_posture", "Posture de coordination et de facilitation",
     "Coordination and facilitation posture"),
)

# The seed's notions per lever: (French in the French text, English in the English text).
NOTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "mutualisation_scheme": (
        ("diagnostic partagé", "shared diagnostic"), ("effectifs", "staff"),
        ("missions de service public", "public-service missions"),
        ("bassins de vie", "living areas"), ("feuille de route", "roadmap"),
        ("objectifs", "objectives"), ("échéances", "deadlines"), ("moyens", "means"),
        ("évaluation", "evaluation")),
    "financial_fiscal_pact": (
        ("ressources financières et fiscales", "financial and fiscal resources"),
        ("capacités budgétaires", "budget capacity"), ("bilan partagé", "shared assessment"),
        ("charte", "charter"), ("niveau d'engagement", "level of commitment"),
        ("projets les plus pertinents", "most relevant projects")),
    "cooperation_time": (
        ("prend du temps", "takes time"), ("hiérarchie", "hierarchy"),
        ("agendas surchargés", "overloaded diaries"), ("dès le début", "very start")),
    "knowing_communes": (
        ("chaque commune membre", "each member commune"),
        ("méthodes de travail communes", "shared working methods"),
        ("transversales et coopératives", "cross-cutting, cooperative"),
        ("culture propre au projet intercommunal", "culture of the intercommunal project")),
    "lasting_facilitation": (
        ("animation territoriale pérenne", "lasting territorial facilitation"),
        ("facilitation", "facilitation"),
        ("animation d'ensemble des projets", "facilitating the projects as a whole")),
    "cooperation_context": (
        ("forme des réunions", "form of meetings"), ("lieu", "place"),
        ("fréquence", "how often"),
        ("communication entre les rencontres", "communication between them"),
        ("suivi partagé", "shared follow-up")),
    "power_games": (
        ("niveaux de responsabilité", "levels of responsibility"),
        ("déséquilibres", "imbalances"), ("sens du projet", "meaning of the project"),
        ("intérêts communs ou croisés", "common or crossed interests")),
    "common_culture": (
        ("transversal", "across boundaries"),
        ("associatives, publiques ou privées", "associations, public bodies or private"),
        ("« patte »", "signature"), ("objectif commun", "common objective"),
        ("se reconnaître", "recognise one another")),
    "facilitation_posture": (
        ("sans la brusquer", "without forcing it"), ("« moteurs »", "drivers"),
        ("rencontres régulières", "regular meetings"), ("blocages", "blockages"),
        ("contrepoids", "counterweight"), ("canaux de communication", "communication channels"),
        ("force centrifuge", "centrifugal force"), ("suiveur", "followers"),
        ("avancées du projet", "progress")),
}


def spec(key: str) -> LeverSpec:
    found = catalogue_spec(key)
    assert found is not None, key
    return found


def test_every_lever_the_seed_names_is_in_the_catalogue_once() -> None:
    assert len(SEED_LEVERS) == len(CATALOGUE)
    assert {key for _seed, _category, key, _fr, _en in SEED_LEVERS} == {
        lever.key for lever in CATALOGUE}


@pytest.mark.parametrize(("seed", "category", "key", "french", "english"), SEED_LEVERS,
                         ids=[row[2] for row in SEED_LEVERS])
def test_each_lever_keeps_the_seed_name_in_both_languages(
    seed: str, category: LeverCategory, key: str, french: str, english: str,
) -> None:
    lever = spec(key)
    assert lever.category is category
    assert french.casefold() in lever.title.fr.casefold(), (seed, lever.title.fr)
    assert english.casefold() in lever.title.en.casefold(), (seed, lever.title.en)


@pytest.mark.parametrize("key", list(NOTIONS))
def test_english_carries_the_notions_of_the_french(key: str) -> None:
    lever = spec(key)
    for french, english in NOTIONS[key]:
        assert french in lever.description.fr, (key, french)
        assert english in lever.description.en, (key, english)


def test_every_item_reads_in_both_languages_as_a_step() -> None:
    for lever in CATALOGUE:
        for item in lever.items:
            french, english = item.text.fr, item.text.en
            assert french[0].isupper() and english[0].isupper(), item.key
            assert not french.endswith(".") and not english.endswith("."), item.key
            # A translation, not a copy, of about the same length.
            assert french != english, item.key
            assert 0.5 < len(english) / len(french) < 1.6, item.key


async def test_the_screen_shows_the_catalogue_in_the_language_in_use(
    make_app: AppFactory, french: None,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LeversScreen)
        tree = screen.query_one(LeverTree)
        titles = [node.data.title for category in tree.root.children
                  for node in category.children if isinstance(node.data, LeverRow)]
        for lever in CATALOGUE:
            assert lever.title.fr in titles
        by_key = {lever.key: lever for lever in app.session.repository.levers}
        for lever in CATALOGUE:
            screen.show_lever(by_key[lever.key].id)
            await pilot.pause()
            shown = str(screen.query_one("#detail-text").render())
            assert lever.description.fr in shown
            assert lever.description.en not in shown
