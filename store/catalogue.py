"""The built-in catalogue of levers of intra-community cooperation, in French and English.

The levers and their checklists come from the seed document (« Les leviers de la
coopération intra-communautaire »): two regulatory levers, four methodological ones and
three human ones. Every lever and every checklist item has a stable ASCII key, so a store
can tell catalogue levers from the user's own and the interface can restore the catalogue
text after a user edited it. Keys never change once published; texts may be improved.

Only the models are imported at module level: building the file layout of a new store
imports the database module when it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from coop_tui.store.models import (
    ChecklistItem,
    Language,
    Lever,
    LeverCategory,
    LocalizedText,
    Territory,
    new_id,
    utc_now,
)

if TYPE_CHECKING:
    from coop_tui.store.storage import Data


@dataclass(frozen=True, slots=True)
class Phrase:
    """A catalogue text in both languages."""

    fr: str
    en: str

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en

    def localized(self) -> LocalizedText:
        return LocalizedText(fr=self.fr, en=self.en)


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """A checklist item of a catalogue lever."""

    key: str
    text: Phrase


@dataclass(frozen=True, slots=True)
class LeverSpec:
    """A catalogue lever: what it is, why it matters, and what to check."""

    key: str
    category: LeverCategory
    position: int
    title: Phrase
    description: Phrase
    items: tuple[ItemSpec, ...]

    def item(self, key: str) -> ItemSpec | None:
        """The checklist item with this key, if the lever has it."""
        return next((item for item in self.items if item.key == key), None)

    def to_lever(self, *, make_id: Callable[[], str] = new_id,
                 now: datetime | None = None) -> Lever:
        """A new Lever record holding this spec's text, nothing done yet."""
        stamp = now or utc_now()
        return Lever(
            id=make_id(),
            created=stamp,
            updated=stamp,
            key=self.key,
            category=self.category,
            position=self.position,
            title=self.title.localized(),
            description=self.description.localized(),
            items=[
                ChecklistItem(id=make_id(), key=item.key, text=item.text.localized())
                for item in self.items
            ],
        )


def _items(*pairs: tuple[str, str, str]) -> tuple[ItemSpec, ...]:
    return tuple(ItemSpec(key, Phrase(fr, en)) for key, fr, en in pairs)


REGULATORY = LeverCategory.REGULATORY
METHODOLOGICAL = LeverCategory.METHODOLOGICAL
HUMAN = LeverCategory.HUMAN

CATALOGUE: tuple[LeverSpec, ...] = (
    # ------------------------------------------------------------------ regulatory
    LeverSpec(
        key="mutualisation_scheme",
        category=REGULATORY,
        position=0,
        title=Phrase("Schéma de mutualisation", "Pooling scheme (schéma de mutualisation)"),
        description=Phrase(
            "Levier réglementaire qui permet d'organiser la mise en œuvre du projet de "
            "territoire. Le schéma de mutualisation s'élabore à partir d'un diagnostic partagé "
            "des organisations en présence, de leurs missions de service public et de leurs "
            "effectifs. Il permet d'identifier les bassins de vie et les besoins de services "
            "des personnes qui y vivent. Par la construction d'une feuille de route, il "
            "formalise et approfondit les coopérations territoriales diagnostiquées en "
            "précisant les objectifs, les échéances et les moyens de la mutualisation. Cette "
            "feuille de route guide la mise en œuvre de la mutualisation des services pendant "
            "le mandat, puis son évaluation.",
            "A regulatory lever that helps organise the implementation of the territorial "
            "project. The pooling scheme is drawn up from a shared diagnostic of the "
            "organisations involved, their public-service missions and their staff. It "
            "identifies the living areas (bassins de vie) and the service needs of the people "
            "who live there. By building a roadmap, it formalises and deepens the territorial "
            "cooperation the diagnostic revealed, setting out the objectives, deadlines and "
            "means of pooling. The roadmap guides the pooling of services during the mandate, "
            "then its evaluation.",
        ),
        items=_items(
            ("shared_diagnostic",
             "Établir un diagnostic partagé des organisations en présence, de leurs missions "
             "de service public et de leurs effectifs",
             "Carry out a shared diagnostic of the organisations involved, their public-service "
             "missions and their staff"),
            ("living_areas",
             "Identifier les bassins de vie et les besoins de services des personnes qui y "
             "vivent",
             "Identify the living areas (bassins de vie) and the service needs of the people "
             "who live there"),
            ("pooling_roadmap",
             "Construire la feuille de route : objectifs, échéances et moyens de la "
             "mutualisation",
             "Build the roadmap: objectives, deadlines and means of pooling"),
            ("pooling_implementation",
             "Mettre en œuvre la mutualisation des services pendant le mandat en suivant la "
             "feuille de route",
             "Implement the pooling of services during the mandate, following the roadmap"),
            ("pooling_evaluation",
             "Évaluer la mutualisation au regard de la feuille de route",
             "Evaluate the pooling against the roadmap"),
        ),
    ),
    LeverSpec(
        key="financial_fiscal_pact",
        category=REGULATORY,
        position=1,
        title=Phrase("Pacte financier et fiscal", "Financial and fiscal pact"),
        description=Phrase(
            "Outil de gestion du territoire intercommunal et second levier réglementaire de "
            "la mise en œuvre du projet de territoire. Il vise à mieux connaître les ressources "
            "financières et fiscales du territoire pour analyser ses capacités budgétaires en "
            "vue de réaliser des projets communautaires et communaux. Il s'appuie sur un bilan "
            "partagé et sur une charte entre les communes et la communauté ; cette charte "
            "constitue une feuille de route pour le mandat, définit le niveau d'engagement des "
            "acteur·rice·s et aide à sélectionner les projets les plus pertinents.",
            "A management tool for the intercommunal territory and the second regulatory lever "
            "for implementing the territorial project. It aims at a better knowledge of the "
            "territory's financial and fiscal resources, in order to analyse its budget "
            "capacity to carry out community and municipal projects. It rests on a shared "
            "assessment and on a charter between the communes and the community; the charter "
            "is a roadmap for the mandate, sets the level of commitment of the actors and helps "
            "select the most relevant projects.",
        ),
        items=_items(
            ("shared_assessment",
             "Dresser un bilan partagé des ressources financières et fiscales du territoire",
             "Draw up a shared assessment of the territory's financial and fiscal resources"),
            ("budget_capacity",
             "Analyser les capacités budgétaires pour les projets communautaires et communaux",
             "Analyse the budget capacity for community and municipal projects"),
            ("pact_charter",
             "Rédiger la charte entre les communes et la communauté, feuille de route du "
             "mandat",
             "Write the charter between the communes and the community, the roadmap for the "
             "mandate"),
            ("commitment_levels",
             "Définir le niveau d'engagement de chaque acteur·rice",
             "Set the level of commitment of each actor"),
            ("project_selection",
             "Sélectionner les projets les plus pertinents",
             "Select the most relevant projects"),
        ),
    ),
    # ------------------------------------------------------------------ methodological
    LeverSpec(
        key="cooperation_time",
        category=METHODOLOGICAL,
        position=2,
        title=Phrase("Donner du temps à la coopération", "Give cooperation time"),
        description=Phrase(
            "La coopération prend du temps : chaque acteur·rice arrive avec une problématique "
            "propre à sa structure et à sa hiérarchie, qui s'ajoute à toutes celles portées "
            "par les autres acteur·rice·s. Entre les agendas surchargés et les problématiques "
            "individuelles, la notion de temps est à intégrer dès le début de tout travail "
            "collaboratif.",
            "Cooperation takes time: each actor arrives with issues specific to their own "
            "organisation and hierarchy, which add to all the issues the other actors bring. "
            "Between overloaded diaries and individual concerns, time has to be built in from "
            "the very start of any collaborative work.",
        ),
        items=_items(
            ("time_from_start",
             "Intégrer le temps de la coopération dès le lancement du travail collaboratif",
             "Build the time cooperation needs into the work from its very start"),
            ("actor_issues",
             "Recenser la problématique que chaque acteur·rice apporte de sa structure et de "
             "sa hiérarchie",
             "List the issues each actor brings from their own organisation and hierarchy"),
            ("busy_diaries",
             "Tenir compte des agendas surchargés pour fixer les rencontres",
             "Allow for overloaded diaries when setting meetings"),
            ("realistic_schedule",
             "Bâtir un calendrier réaliste qui laisse à chacun·e le temps d'entendre les "
             "problématiques des autres",
             "Build a realistic schedule that leaves everyone time to hear the others' issues"),
        ),
    ),
    LeverSpec(
        key="knowing_communes",
        category=METHODOLOGICAL,
        position=3,
        title=Phrase("Connaître chaque commune membre", "Know each member commune"),
        description=Phrase(
            "La coopération implique de prendre le temps de connaître le fonctionnement de "
            "chaque commune membre pour trouver des méthodes de travail communes. Le travail "
            "intra-communautaire en « mode projet » demande des méthodes de travail "
            "transversales et coopératives, qui favorisent la naissance d'une culture propre "
            "au projet intercommunal.",
            "Cooperation means taking the time to learn how each member commune works, in "
            "order to find shared working methods. Intra-community work in 'project mode' "
            "calls for cross-cutting, cooperative working methods that help a culture of the "
            "intercommunal project emerge.",
        ),
        items=_items(
            ("meet_each_commune",
             "Prendre le temps de rencontrer chaque commune membre",
             "Take the time to meet each member commune"),
            ("commune_functioning",
             "Décrire le fonctionnement de chaque commune : élu·e·s, secrétariat, rythme du "
             "conseil, services déjà partagés",
             "Describe how each commune works: elected officials, secretariat, council rhythm, "
             "services already shared"),
            ("common_methods",
             "Trouver des méthodes de travail communes",
             "Find shared working methods"),
            ("cross_cutting_methods",
             "Mettre en place des méthodes de travail transversales et coopératives",
             "Put cross-cutting, cooperative working methods in place"),
        ),
    ),
    LeverSpec(
        key="lasting_facilitation",
        category=METHODOLOGICAL,
        position=4,
        title=Phrase("Animation territoriale pérenne", "Lasting territorial facilitation"),
        description=Phrase(
            "Mettre en place un dispositif d'animation territoriale pérenne, ce qui suppose "
            "de développer des compétences d'animation du travail collaboratif et de "
            "facilitation. Le travail intra-communautaire en « mode projet » nécessite aussi "
            "la mise en cohérence des leviers et une animation d'ensemble des projets.",
            "Set up a lasting territorial facilitation arrangement, which requires developing "
            "skills in running collaborative work and in facilitation. Intra-community work in "
            "'project mode' also requires making the levers consistent with one another and "
            "facilitating the projects as a whole.",
        ),
        items=_items(
            ("facilitation_arrangement",
             "Mettre en place un dispositif d'animation territoriale pérenne",
             "Set up a lasting territorial facilitation arrangement"),
            ("facilitation_skills",
             "Développer les compétences d'animation du travail collaboratif et de "
             "facilitation",
             "Develop skills in running collaborative work and in facilitation"),
            ("overall_facilitation",
             "Assurer une animation d'ensemble des projets",
             "Facilitate the projects as a whole"),
            ("levers_consistency",
             "Mettre en cohérence les leviers réglementaires, méthodologiques et humains",
             "Make the regulatory, methodological and human levers consistent"),
        ),
    ),
    LeverSpec(
        key="cooperation_context",
        category=METHODOLOGICAL,
        position=5,
        title=Phrase("Contexte de la coopération", "Context of cooperation"),
        description=Phrase(
            "Travailler sur le contexte de la coopération : la forme des réunions et des "
            "rencontres, le lieu où elles se déroulent, leur fréquence, la communication entre "
            "les rencontres, le suivi partagé des projets, etc.",
            "Work on the context of cooperation: the form of meetings and gatherings, the "
            "place where they are held, how often they take place, communication between them, "
            "shared follow-up of the projects, and so on.",
        ),
        items=_items(
            ("meeting_form",
             "Choisir la forme des réunions et des rencontres",
             "Choose the form of meetings and gatherings"),
            ("meeting_place",
             "Choisir le lieu où elles se déroulent",
             "Choose where they are held"),
            ("meeting_frequency",
             "Fixer leur fréquence",
             "Set how often they take place"),
            ("between_meetings",
             "Organiser la communication entre les rencontres",
             "Organise communication between meetings"),
            ("shared_follow_up",
             "Assurer un suivi partagé des projets",
             "Ensure shared follow-up of the projects"),
        ),
    ),
    # ------------------------------------------------------------------ human
    LeverSpec(
        key="power_games",
        category=HUMAN,
        position=6,
        title=Phrase("Jeux de pouvoir", "Power games"),
        description=Phrase(
            "Le processus de coopération intra-communautaire implique une articulation des "
            "pouvoirs. Il s'agit d'identifier les niveaux de responsabilité et de compétences, "
            "mais aussi de repérer les équilibres ou les déséquilibres dans les rapports entre "
            "les acteur·rice·s. Plus largement, la volonté de travailler ensemble n'existe que "
            "si les acteur·rice·s partagent à la fois le sens du projet (ce à quoi il sert) et "
            "des intérêts communs ou croisés avec les autres acteur·rice·s.",
            "The process of intra-community cooperation requires powers to be articulated. "
            "This means identifying levels of responsibility and competence, and also spotting "
            "balances or imbalances in the relations between actors. More broadly, the will to "
            "work together can only exist if the actors share both the meaning of the project "
            "(what it is for) and common or crossed interests with the other actors.",
        ),
        items=_items(
            ("responsibility_levels",
             "Identifier les niveaux de responsabilité et de compétences",
             "Identify the levels of responsibility and competence"),
            ("power_balance",
             "Repérer les équilibres et les déséquilibres dans les rapports entre "
             "acteur·rice·s",
             "Spot balances and imbalances in the relations between actors"),
            ("shared_meaning",
             "Vérifier que le sens du projet (ce à quoi il sert) est partagé",
             "Check that the meaning of the project (what it is for) is shared"),
            ("common_interests",
             "Faire apparaître les intérêts communs ou croisés des acteur·rice·s",
             "Bring out the actors' common or crossed interests"),
        ),
    ),
    LeverSpec(
        key="common_culture",
        category=HUMAN,
        position=7,
        title=Phrase("Culture commune", "Common culture"),
        description=Phrase(
            "La coopération intra-communautaire peut amener à collaborer des acteur·rice·s qui "
            "n'avaient pas l'habitude de travailler en transversal, avec d'autres "
            "acteur·rice·s du territoire ou avec les collectivités locales. Il s'agit de les "
            "aider à identifier l'intérêt qu'elles·ils auraient à collaborer avec d'autres "
            "structures associatives, publiques ou privées du territoire, ainsi qu'avec "
            "l'intercommunalité. Cet intérêt identifié, il faut créer une culture propre au "
            "projet, une « patte », qui fédère les acteur·rice·s autour d'un objectif commun et "
            "leur permet de se reconnaître.",
            "Intra-community cooperation may lead actors who were not used to working across "
            "boundaries to collaborate with other actors of the territory or with local "
            "authorities. They need help to identify what they would gain by collaborating "
            "with other associations, public bodies or private organisations of the territory, "
            "and with the intercommunality. Once that interest is identified, a culture of the "
            "project's own has to be created, a 'signature' (patte), that rallies the actors "
            "around a common objective and lets them recognise one another.",
        ),
        items=_items(
            ("new_to_cross_work",
             "Repérer les acteur·rice·s qui n'ont pas l'habitude de travailler en transversal",
             "Spot the actors who are not used to working across boundaries"),
            ("interest_in_cooperating",
             "Aider chacun·e à identifier son intérêt à collaborer avec les autres structures "
             "associatives, publiques ou privées et avec l'intercommunalité",
             "Help each actor identify what they gain by collaborating with other associations, "
             "public bodies or private organisations and with the intercommunality"),
            ("project_signature",
             "Créer une culture propre au projet, une « patte »",
             "Create a culture of the project's own, a 'signature' (patte)"),
            ("common_objective",
             "Fédérer les acteur·rice·s autour d'un objectif commun dans lequel elles·ils se "
             "reconnaissent",
             "Rally the actors around a common objective they recognise themselves in"),
        ),
    ),
    LeverSpec(
        key="facilitation_posture",
        category=HUMAN,
        position=8,
        title=Phrase("Posture de coordination et de facilitation",
                     "Coordination and facilitation posture"),
        description=Phrase(
            "Accompagner la coopération sans la brusquer. L'enjeu est d'identifier les "
            "« moteurs » de la coopération et de créer les conditions de l'émergence de "
            "synergies : organiser des rencontres régulières entre les acteur·rice·s, écouter "
            "leurs attentes, faire circuler l'information, mettre en avant les avancées du "
            "projet. Cette posture de facilitation et de coordination consiste notamment à "
            "identifier les blocages éventuels et à en comprendre les raisons pour y répondre, "
            "à comprendre les rapports de pouvoir et à intégrer au besoin des acteur·rice·s "
            "jouant un rôle de contrepoids, à comprendre les canaux de communication de "
            "chacun·e, et à reconnaître l'investissement de chacun·e en s'appuyant sur les "
            "« moteurs » pour développer une « force centrifuge », tout en communiquant "
            "régulièrement auprès des « suiveur·euse·s » pour les garder impliqué·e·s.",
            "Support cooperation without forcing it. The challenge is to identify the "
            "'drivers' (moteurs) of cooperation and to create the conditions in which "
            "synergies can emerge: organise regular meetings between the actors, listen to "
            "their expectations, circulate information, showcase the project's progress. This "
            "facilitation and coordination posture consists in particular in identifying "
            "possible blockages and understanding their reasons in order to respond to them, "
            "understanding power relations and bringing in actors who will act as a "
            "counterweight where needed, understanding each actor's communication channels, "
            "and recognising everyone's investment by leaning on the drivers to build a "
            "'centrifugal force' while communicating regularly with the 'followers' "
            "(suiveur·euse·s) to keep them involved.",
        ),
        items=_items(
            ("identify_blockages",
             "Identifier les blocages éventuels et en comprendre les raisons pour y répondre",
             "Identify possible blockages and understand their reasons in order to respond"),
            ("counterweights",
             "Comprendre les rapports de pouvoir et intégrer au besoin des acteur·rice·s en "
             "contrepoids",
             "Understand power relations and bring in counterweight actors where needed"),
            ("communication_channels",
             "Comprendre les canaux de communication de chaque acteur·rice",
             "Understand each actor's communication channels"),
            ("lean_on_drivers",
             "Reconnaître l'investissement de chacun·e et s'appuyer sur les « moteurs » pour "
             "développer une « force centrifuge »",
             "Recognise everyone's investment and lean on the drivers to build a 'centrifugal "
             "force'"),
            ("keep_followers",
             "Communiquer régulièrement auprès des « suiveur·euse·s » pour les garder "
             "impliqué·e·s",
             "Communicate regularly with the followers to keep them involved"),
            ("regular_meetings",
             "Organiser des rencontres régulières et écouter les attentes des acteur·rice·s",
             "Organise regular meetings and listen to the actors' expectations"),
            ("share_progress",
             "Faire circuler l'information et mettre en avant les avancées du projet",
             "Circulate information and showcase the project's progress"),
        ),
    ),
)

_BY_KEY: dict[str, LeverSpec] = {spec.key: spec for spec in CATALOGUE}

DEFAULT_TERRITORY_NAMES: dict[str, str] = {"fr": "Mon territoire", "en": "My territory"}


def catalogue_spec(key: str) -> LeverSpec | None:
    """The catalogue lever with this key (to restore its text), or None."""
    return _BY_KEY.get(key)


def catalogue_levers(
    *, make_id: Callable[[], str] = new_id, now: datetime | None = None
) -> list[Lever]:
    """Fresh Lever records for the whole catalogue, in catalogue order.

    Each call gives new ids (``make_id``, a UUID4 by default) and timestamps (``now``, the
    current time by default); the demo generator passes its own to stay deterministic.
    """
    stamp = now or utc_now()
    return [spec.to_lever(make_id=make_id, now=stamp) for spec in CATALOGUE]


def default_territory_name(language: str) -> str:
    """The name a new store gets when the user gives none."""
    return DEFAULT_TERRITORY_NAMES["fr" if language == "fr" else "en"]


def blank_store(name: str, language: Language, mandate_start: date, mandate_end: date) -> Data:
    """The data of a new store: its territory and the catalogue levers, nothing else."""
    from coop_tui.store.database import data_from_records

    now = utc_now()
    territory = Territory(
        created=now,
        updated=now,
        name=name if name.strip() else default_territory_name(language),
        language=language,
        mandate_start=mandate_start,
        mandate_end=mandate_end,
    )
    return data_from_records([territory, *catalogue_levers(now=now)])
