"""A fictional territory to try coop-tui with: ``coop-tui --demo`` and ``coop-tui demo OUT``.

The « Communauté de communes du Val de Loubière », its communes, people and organisations
are invented; e-mail addresses are on example.fr. The generator is
deterministic: it draws from a :class:`random.Random` with a fixed seed and reads no clock,
so the same ``size`` and ``today`` always give the same bytes. Every date is placed
relative to ``today`` (meetings, contacts, late actions), except the mandate (2026-2032) and
the roadmap objectives and levers planned on it.

``small`` is a believable territory to explore (12 communes, 40 actors, 10 meetings);
``large`` is the same generator scaled up (50 communes, 400 actors, 500 meetings over six
years) to try the interface on a big store.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from coop_tui.store.catalogue import catalogue_levers
from coop_tui.store.demo_obligations import with_statutory_calendar
from coop_tui.store.models import (
    Action,
    ActionStatus,
    Actor,
    ActorKind,
    AgendaItem,
    Attendance,
    Blockage,
    Channel,
    ChecklistItem,
    CommuneProfile,
    Contact,
    ContactEntry,
    Decision,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Means,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MinutesStatus,
    Presence,
    PrivateReading,
    Record,
    Relation,
    RelationKind,
    RoadmapItem,
    RoadmapStatus,
    Role,
    Territory,
    Vote,
)

if TYPE_CHECKING:
    from coop_tui.store.storage import Data

DemoSize = Literal["small", "large"]

DEFAULT_TODAY = date(2026, 11, 26)
MANDATE_START = date(2026, 3, 15)
MANDATE_END = date(2032, 3, 15)
TERRITORY_NAME = "Communauté de communes du Val de Loubière"
DOMAIN = "val-de-loubiere.example.fr"

T = TypeVar("T")
# A role given by hand, none, or "draw" one from the weights of the actor's kind.
_RoleChoice = Role | Literal["draw"] | None


@dataclass(frozen=True)
class _Plan:
    """How much of everything a demo size holds."""

    seed: int
    curated: bool  # hand-placed roles and meeting kinds (the small demo)
    communes: int
    vice_presidents: int
    extra_elected: int
    community_councillors: int  # among the extra elected, those sitting at the council
    services: int
    associations: int
    public_bodies: int
    companies: int
    citizen_groups: int
    relations: int
    roadmap: int
    meetings: int
    upcoming: int
    history_days: int
    linked_roadmap: int
    min_late_roadmap: int


PLANS: dict[str, _Plan] = {
    "small": _Plan(seed=20260315, curated=True, communes=12, vice_presidents=3, extra_elected=1,
                   community_councillors=0, services=6, associations=3, public_bodies=3,
                   companies=1, citizen_groups=1, relations=60, roadmap=25, meetings=10,
                   upcoming=1, history_days=235, linked_roadmap=3, min_late_roadmap=3),
    "large": _Plan(seed=20320315, curated=False, communes=50, vice_presidents=10, extra_elected=120,
                   community_councillors=40, services=70, associations=60, public_bodies=14,
                   companies=22, citizen_groups=13, relations=1000, roadmap=300, meetings=500,
                   upcoming=6, history_days=6 * 365, linked_roadmap=30, min_late_roadmap=10),
}

# ---------------------------------------------------------------------------- name pools

_SMALL_COMMUNES: tuple[tuple[str, int], ...] = (
    ("Loubières-le-Bourg", 4820),
    ("Saint-Aubin-sur-Loubière", 1540),
    ("Vernay", 980),
    ("Montclar-les-Bois", 410),
    ("La Chapelle-en-Val", 760),
    ("Charnay-le-Haut", 235),
    ("Belleroche", 1210),
    ("Fontenay-sous-Roche", 620),
    ("Villars-la-Forêt", 180),
    ("Marcilly-en-Loubière", 2130),
    ("Cressy", 345),
    ("Saint-Julien-des-Essarts", 890),
)
_COMMUNE_ROOTS = (
    "Arbelle", "Bréviande", "Chantemerle", "Chazerolles", "Montreval", "Vaudragon",
    "Saint-Didier", "Sainte-Colombe", "Saint-Romain", "Saint-Just", "Boisset", "Cordeval",
    "Bessonnières", "La Bâtie", "Granges", "Pouzols", "Rochenoire", "Sauvagnat", "Trézioux",
    "Vauxbrune", "Lavalette", "Mornand", "Souterraine", "Grandval", "Champvert",
)
_COMMUNE_SUFFIXES = (
    "", "-sur-Loubière", "-en-Val", "-le-Haut", "-le-Bas", "-les-Bois", "-la-Forêt",
    "-sous-Roche",
)
_FIRST_F = (
    "Claire", "Nathalie", "Sophie", "Isabelle", "Martine", "Catherine", "Sylvie", "Véronique",
    "Christine", "Hélène", "Anne", "Marie", "Céline", "Émilie", "Julie", "Laure", "Agnès",
    "Brigitte", "Odile", "Pascale", "Nadia", "Fatima", "Léa", "Camille", "Chantal",
)
_FIRST_M = (
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Bernard", "Patrick", "Daniel", "Gérard",
    "Christophe", "Laurent", "Thierry", "Éric", "Olivier", "Didier", "Jacques", "Hervé", "Marc",
    "Denis", "Gilles", "Karim", "Mathieu", "Julien", "Yves", "Rémi",
)
_SURNAMES = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Garcia", "David", "Bertrand", "Roux", "Vincent",
    "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Legrand",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Perrin",
    "Morin", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
    "Masson", "Duval", "Brun", "Giraud", "Joly", "Rivière", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Chapuis", "Vial", "Besson", "Ducret", "Perret", "Tissot", "Bouvier", "Rey",
    "Charvet", "Mazet", "Berthet",
)
_MAIRIE_STREETS = ("place de l'Église", "Grande Rue", "place de la Mairie", "rue du Lavoir")
_COUNCIL_RHYTHMS = (
    "Conseil municipal mensuel, le premier mardi du mois",
    "Conseil municipal tous les deux mois, le jeudi soir",
    "Conseil municipal trimestriel",
    "Conseil municipal mensuel, le dernier vendredi",
    "Conseil municipal environ toutes les six semaines, le lundi soir",
)
_SHARED_SERVICES = (
    "Instruction des autorisations d'urbanisme par le service commun ADS",
    "Regroupement pédagogique intercommunal avec {other}",
    "Cantine scolaire partagée avec {other}",
    "Prêt de matériel technique (nacelle, broyeur) avec {other}",
    "Membre du groupement de commandes de fournitures",
    "Agent technique mis à disposition par la communauté deux jours par semaine",
    "Bibliothèque dans le réseau intercommunal de lecture publique",
    "Secrétaire de mairie partagée avec {other}",
)
_VP_DELEGATIONS = (
    "de la mutualisation et de la coopération",
    "des finances et du pacte financier et fiscal",
    "de la culture et de la vie associative",
    "de l'aménagement et de l'urbanisme",
    "du développement économique",
    "de l'environnement et des déchets",
    "de la petite enfance et de la jeunesse",
    "des mobilités",
    "du tourisme",
    "de la voirie",
)
_MUNICIPAL_DELEGATIONS = (
    "aux affaires scolaires", "aux travaux", "aux finances", "à la vie associative",
    "à l'urbanisme", "aux solidarités", "à l'environnement", "à la communication",
)
# key, name, responsibilities ({person} is the head of the service), competences, tag
_COMMUNITY_SERVICES: tuple[tuple[str, str, str, str, str], ...] = (
    ("mission", "Mission coopération et mutualisation",
     "Chargé·e de mission : {person}. Anime le schéma de mutualisation, prépare les COPIL et "
     "les ateliers, tient la feuille de route.",
     "Animation du travail collaboratif, facilitation, conduite de projet", "animation"),
    ("dgs", "Direction générale des services (DGS)",
     "Direction générale : {person}. Coordonne les services communautaires et anime le COTECH.",
     "Pilotage des services, préparation des instances, relations avec les secrétaires de "
     "mairie", "direction"),
    ("ads", "Service commun ADS et urbanisme",
     "Responsable : {person}. Instruit les autorisations d'urbanisme des communes adhérentes.",
     "Droit de l'urbanisme, PLUi, instruction des permis", "urbanisme"),
    ("finance", "Finances et fiscalité",
     "Responsable : {person}. Prépare les budgets, la prospective et le pacte financier et "
     "fiscal.", "Prospective financière, fiscalité locale, dotations", "finances"),
    ("hr", "Ressources humaines",
     "Responsable : {person}. Gère les agents communautaires et les mises à disposition.",
     "Statut de la fonction publique territoriale, formation, paie", "RH"),
    ("technical", "Service technique mutualisé",
     "Responsable : {person}. Entretien des bâtiments et prêt de matériel aux communes.",
     "Bâtiments, espaces verts, matériel", "technique"),
    ("childhood", "Service enfance-jeunesse",
     "Coordinatrice : {person}. Crèches, accueils de loisirs, relais petite enfance.",
     "Petite enfance, jeunesse, convention avec la CAF", "enfance"),
    ("waste", "Service déchets",
     "Responsable : {person}. Collecte et déchèteries.", "Collecte, tri, redevance", "déchets"),
    ("communication", "Communication",
     "Chargé·e de communication : {person}. Lettre d'information, site, réseaux sociaux.",
     "Communication publique, graphisme", "communication"),
    ("economy", "Développement économique",
     "Responsable : {person}. Zones d'activités, accueil des entreprises.",
     "Immobilier d'entreprise, aides économiques", "économie"),
    ("culture", "Culture et lecture publique",
     "Responsable : {person}. Réseau des bibliothèques et saison culturelle.",
     "Lecture publique, programmation culturelle", "culture"),
    ("roads", "Voirie", "Responsable : {person}. Voirie d'intérêt communautaire.",
     "Entretien des routes, marchés de travaux", "voirie"),
    ("digital", "Informatique et numérique",
     "Responsable : {person}. Parc informatique des communes adhérentes.",
     "Réseaux, logiciels métiers, protection des données", "numérique"),
    ("procurement", "Commande publique",
     "Responsable : {person}. Groupements de commandes et marchés.",
     "Marchés publics, groupements de commandes", "achats"),
    ("cias", "Centre intercommunal d'action sociale (CIAS)",
     "Direction : {person}. Aide sociale, portage de repas.", "Action sociale", "social"),
)
# name ({c}: a commune), tag
_ASSOCIATIONS: tuple[tuple[str, str], ...] = (
    ("Centre social intercommunal « Les Tilleuls »", "social"),
    ("Association des commerçants et artisans du Val", "économie"),
    ("Foyer rural de {c}", "culture"),
    ("Épicerie solidaire du Val", "social"),
    ("Comité des fêtes de {c}", "animation"),
    ("Les Amis du patrimoine de {c}", "patrimoine"),
    ("Club sportif de {c}", "sport"),
    ("Association des parents d'élèves de {c}", "école"),
    ("Sentiers de Loubière (randonnée)", "tourisme"),
    ("Bibliothèque associative de {c}", "culture"),
    ("Jardins partagés de {c}", "environnement"),
    ("Aide à domicile du Val de Loubière", "social"),
)
# name, acronym-like slug, responsibilities, tag, parent ("community" or "")
_PUBLIC_BODIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("Département (conseil départemental)", "departement",
     "Solidarités, collèges, routes départementales ; aide aux communes rurales.",
     "financeur", ""),
    ("Préfecture — sous-préfecture de l'arrondissement", "prefecture",
     "Contrôle de légalité, dotations de l'État (DETR), accompagnement des projets de "
     "territoire.", "État", ""),
    ("Caisse d'allocations familiales (CAF)", "caf",
     "Convention territoriale globale, financement petite enfance et jeunesse.",
     "financeur", ""),
    ("Région (conseil régional)", "region",
     "Mobilités, développement économique, lycées.", "financeur", ""),
    ("Agence de l'eau", "agence-eau", "Aides aux travaux d'eau et d'assainissement.",
     "financeur", ""),
    ("France Travail — agence locale", "france-travail", "Emploi et insertion.",
     "emploi", ""),
    ("Chambre d'agriculture", "chambre-agriculture", "Appui aux exploitations agricoles.",
     "agriculture", ""),
    ("Chambre de commerce et d'industrie", "cci", "Appui aux commerces et entreprises.",
     "économie", ""),
    ("Office de tourisme intercommunal", "office-tourisme",
     "Accueil touristique et promotion du Val.", "tourisme", "community"),
    ("Syndicat mixte du SCoT", "scot", "Schéma de cohérence territoriale.",
     "aménagement", ""),
    ("Syndicat des eaux du Val", "syndicat-eaux", "Production et distribution d'eau potable.",
     "eau", ""),
    ("Centre de gestion de la fonction publique territoriale", "cdg",
     "Remplacements, concours, conseil statutaire aux communes.", "RH", ""),
    ("Parc naturel régional des Monts de Loubière", "pnr",
     "Paysages, patrimoine, transition écologique.", "environnement", ""),
    ("Banque des Territoires — direction régionale", "banque-territoires",
     "Ingénierie et prêts aux collectivités.", "financeur", ""),
)
_COMPANIES = (
    "Laiterie coopérative du Val de Loubière", "Scierie Chapuis et fils", "Transports Besson",
    "Menuiserie Vial", "SCOP Énergies citoyennes du Val", "Carrières de Montclar",
    "Imprimerie Perret", "Bureau d'études Arnaud Conseil", "Boulangerie {s}",
    "Supérette de {c}", "Garage {s}", "Plomberie-chauffage {s}", "Multiservice de {c}",
    "Électricité {s}", "Hôtel-restaurant de {c}", "Pharmacie de {c}", "Taxi {s}",
    "Ferme {s} (vente directe)", "Camping de {c}", "Auto-école du Val",
)
_CITIZEN_GROUPS = (
    "Collectif citoyen « Vivre au Val »", "Conseil de développement du Val de Loubière",
    "Collectif mobilité du Val", "Parents pour une cantine locale",
    "Habitant·e·s de {c} pour leur école", "Collectif des jeunes de {c}",
    "Comité de quartier de {c}", "Collectif « Loubière propre »",
    "Habitant·e·s de {c} pour le bureau de poste",
)

_CHANNELS: dict[ActorKind, tuple[Channel, ...]] = {
    ActorKind.COMMUNE: (Channel.EMAIL, Channel.PHONE, Channel.MAIL, Channel.VISIT),
    ActorKind.COMMUNITY: (Channel.EMAIL, Channel.PHONE, Channel.NEWSLETTER),
    ActorKind.ELECTED: (Channel.PHONE, Channel.EMAIL, Channel.SMS, Channel.MESSAGING,
                        Channel.MEETING, Channel.VISIT),
    ActorKind.SERVICE: (Channel.EMAIL, Channel.PHONE, Channel.MESSAGING),
    ActorKind.ASSOCIATION: (Channel.EMAIL, Channel.PHONE, Channel.SOCIAL, Channel.NEWSLETTER,
                            Channel.MEETING),
    ActorKind.PUBLIC_BODY: (Channel.EMAIL, Channel.MAIL, Channel.MEETING, Channel.PHONE),
    ActorKind.COMPANY: (Channel.PHONE, Channel.EMAIL, Channel.VISIT),
    ActorKind.CITIZEN_GROUP: (Channel.SOCIAL, Channel.EMAIL, Channel.MEETING),
}

# ---------------------------------------------------------------------------- private readings

_R = Role
_ROLE_WEIGHTS: dict[ActorKind, tuple[tuple[Role | None, int], ...]] = {
    ActorKind.COMMUNE: ((_R.DRIVER, 2), (_R.FOLLOWER, 4), (_R.COUNTERWEIGHT, 1),
                        (_R.RELUCTANT, 2), (_R.NEUTRAL, 1), (None, 1)),
    ActorKind.COMMUNITY: ((_R.DRIVER, 1),),
    ActorKind.ELECTED: ((_R.DRIVER, 3), (_R.FOLLOWER, 4), (_R.COUNTERWEIGHT, 2),
                        (_R.RELUCTANT, 2), (_R.NEUTRAL, 1), (None, 1)),
    ActorKind.SERVICE: ((_R.DRIVER, 2), (_R.FOLLOWER, 3), (_R.RELUCTANT, 1), (_R.NEUTRAL, 4),
                        (None, 2)),
    ActorKind.ASSOCIATION: ((_R.DRIVER, 2), (_R.FOLLOWER, 3), (_R.COUNTERWEIGHT, 1),
                            (_R.RELUCTANT, 1), (_R.NEUTRAL, 3), (None, 2)),
    ActorKind.PUBLIC_BODY: ((_R.DRIVER, 1), (_R.FOLLOWER, 1), (_R.COUNTERWEIGHT, 3),
                            (_R.RELUCTANT, 1), (_R.NEUTRAL, 2), (None, 1)),
    ActorKind.COMPANY: ((_R.FOLLOWER, 1), (_R.COUNTERWEIGHT, 1), (_R.RELUCTANT, 1),
                        (_R.NEUTRAL, 3), (None, 2)),
    ActorKind.CITIZEN_GROUP: ((_R.DRIVER, 1), (_R.FOLLOWER, 1), (_R.COUNTERWEIGHT, 2),
                              (_R.RELUCTANT, 1), (_R.NEUTRAL, 1)),
}
# role -> (influence range, interest range): drivers high/high, reluctant high/low,
# followers low/high, neutral low/low, counterweights high influence, middling interest.
_SCORES: dict[Role, tuple[tuple[int, int], tuple[int, int]]] = {
    Role.DRIVER: ((3, 5), (4, 5)),
    Role.FOLLOWER: ((1, 2), (3, 4)),
    Role.COUNTERWEIGHT: ((4, 5), (2, 3)),
    Role.RELUCTANT: ((3, 5), (1, 2)),
    Role.NEUTRAL: ((1, 2), (1, 2)),
}
# The non-bureau mayors of the small demo, in commune order: a spread over every role.
_MAYOR_ROLES = (Role.RELUCTANT, Role.FOLLOWER, Role.DRIVER, Role.FOLLOWER, Role.RELUCTANT,
                Role.NEUTRAL, Role.COUNTERWEIGHT, Role.FOLLOWER)
_BLOCKAGES: tuple[tuple[str, str], ...] = (
    ("Refuse le transfert de la compétence eau",
     "Crainte d'une hausse du prix de l'eau ; la commune vient de rénover sa station de "
     "pompage."),
    ("Ne vient plus aux COPIL",
     "Estime que les petites communes ne sont pas écoutées face au bourg-centre."),
    ("Opposé·e à la mutualisation du secrétariat de mairie",
     "Attachement à une secrétaire en poste depuis vingt ans ; peur de perdre la proximité "
     "avec les habitant·e·s."),
    ("Bloque la révision des attributions de compensation",
     "La commune perdrait une partie de ses recettes fiscales sur la zone d'activités."),
    ("Réserve sur le calendrier du schéma",
     "Agenda surchargé : ne se libère qu'en soirée et jamais pendant les moissons."),
    ("Méfiance envers le service commun ADS",
     "Délais d'instruction jugés trop longs lors du précédent mandat."),
    ("Ne transmet pas les données budgétaires",
     "Secrétaire de mairie à mi-temps et débordée ; pas de refus de principe."),
    ("Conteste la répartition des fonds de concours",
     "Pense que les projets du bourg-centre sont toujours favorisés."),
    ("Refuse la convention de prêt de matériel",
     "Un vieux litige avec la commune voisine sur un engin rendu endommagé."),
)
_STANCES: dict[Role, tuple[str, ...]] = {
    Role.DRIVER: (
        "Porte la mutualisation depuis le précédent mandat ; s'appuyer sur elle·lui pour "
        "entraîner les communes du secteur.",
        "Très présent·e en réunion, propose d'accueillir les ateliers dans sa commune.",
        "Convaincu·e par le service commun ADS, en parle à ses collègues.",
    ),
    Role.FOLLOWER: (
        "Suit les décisions du bureau sans s'exprimer ; à relancer régulièrement.",
        "Intéressé·e mais peu disponible ; préfère un appel court à un long e-mail.",
        "D'accord sur le fond, attend de voir les premiers résultats.",
    ),
    Role.COUNTERWEIGHT: (
        "Pose les questions financières que les autres n'osent pas poser ; utile pour "
        "équilibrer le bureau.",
        "Porte la voix des petites communes ; à associer aux arbitrages.",
        "Regard extérieur sur le projet, apporte des données.",
    ),
    Role.RELUCTANT: (
        "Craint une perte d'autonomie de sa commune ; ne pas brusquer, privilégier les "
        "rencontres bilatérales.",
        "Opposé·e au pacte tel que présenté ; attend des simulations commune par commune.",
        "A voté contre le lancement du schéma ; reste ouvert·e sur les groupements de "
        "commandes.",
    ),
    Role.NEUTRAL: (
        "Peu concerné·e par la mutualisation à ce stade.",
        "Pas d'avis exprimé ; à rencontrer.",
        "",
    ),
}
_CONTACT_SUBJECTS = (
    "Relance du questionnaire de diagnostic",
    "Préparation du prochain COPIL",
    "Envoi du compte rendu de la conférence des maires",
    "Question sur les attributions de compensation",
    "Invitation à l'atelier « culture commune »",
    "Point sur le prêt de matériel",
    "Demande de données budgétaires",
    "Remerciements pour l'accueil de la réunion",
    "Besoins de services de la commune",
    "Présentation du schéma de mutualisation au conseil municipal",
    "Appel après le conseil communautaire",
    "Proposition d'une rencontre bilatérale",
    "Fiche de fonctionnement de la commune",
    "Calendrier d'une demande de subvention",
    "Lettre d'information intercommunale",
)

# ---------------------------------------------------------------------------- relations

_RELATION_COUNTS: tuple[tuple[RelationKind, int], ...] = (
    (RelationKind.COOPERATION, 20), (RelationKind.INFORMATION, 12),
    (RelationKind.HIERARCHY, 8), (RelationKind.FUNDING, 8), (RelationKind.TENSION, 7),
    (RelationKind.COUNTERWEIGHT, 5),
)
_RELATION_NOTES: dict[RelationKind, tuple[str, ...]] = {
    RelationKind.COOPERATION: (
        "Partagent une secrétaire de mairie", "Regroupement pédagogique commun",
        "Se prêtent du matériel", "Organisent ensemble la fête du Val",
        "Travaillent ensemble sur la cantine", "",
    ),
    RelationKind.TENSION: (
        "Désaccord sur la répartition des fonds de concours",
        "Vieux conflit sur l'extension de la zone d'activités",
        "Concurrence pour accueillir la maison de santé",
        "Critiques publiques lors du dernier conseil",
    ),
    RelationKind.HIERARCHY: ("Rattachement administratif", "Autorité fonctionnelle",
                             "Délégation de l'exécutif", ""),
    RelationKind.FUNDING: ("Subvention annuelle de fonctionnement",
                           "Cofinancement du projet de territoire",
                           "Convention territoriale globale", "Fonds de concours"),
    RelationKind.COUNTERWEIGHT: ("Équilibre le poids du bourg-centre au bureau",
                                 "Porte la voix des petites communes",
                                 "Apporte une expertise financière indépendante"),
    RelationKind.INFORMATION: ("Transmet les comptes rendus",
                               "Relais d'information vers les habitant·e·s",
                               "Échange de données pour le diagnostic",
                               "Point téléphonique mensuel", ""),
}

# ---------------------------------------------------------------------------- levers

# key -> status, items done, owner, due (days after the mandate start), notes, evidence
_LEVER_STATES: dict[str, tuple[LeverStatus, int, str, int | None, str, tuple[str, ...]]] = {
    "mutualisation_scheme": (
        LeverStatus.IN_PROGRESS, 3, "vp_mutualisation", 640,
        "Diagnostic restitué en conférence des maires ; trois bassins de vie retenus. La "
        "feuille de route doit être validée au prochain COPIL.",
        ("Délibération du conseil communautaire lançant le schéma",
         "Rapport de diagnostic des services (version 2)")),
    "financial_fiscal_pact": (
        LeverStatus.IN_PROGRESS, 1, "vp_finances", 730,
        "Bilan partagé présenté ; les petites communes demandent des simulations commune par "
        "commune avant d'aller plus loin.",
        ("Note de synthèse du service finances",)),
    "cooperation_time": (
        LeverStatus.DONE, 4, "mission", 120,
        "Calendrier pluriannuel des instances adopté en bureau : pas de réunion pendant les "
        "vacances scolaires ni pendant la préparation budgétaire.",
        ("Calendrier des instances",)),
    "knowing_communes": (
        LeverStatus.IN_PROGRESS, 2, "mission", 240,
        "Tournée des communes bien avancée ; les fiches de fonctionnement des plus petites "
        "communes restent à compléter.", ()),
    "lasting_facilitation": (
        LeverStatus.IN_PROGRESS, 1, "dgs", 900,
        "Poste de chargé·e de mission pérennisé au budget ; formation à la facilitation prévue "
        "au printemps.", ()),
    "cooperation_context": (
        LeverStatus.IN_PROGRESS, 3, "mission", 450,
        "Réunions tournantes dans les communes, en fin d'après-midi. La lettre d'information "
        "entre deux COPIL reste à lancer.", ()),
    "power_games": (
        LeverStatus.TODO, 1, "mission", 540,
        "Cartographie des acteur·rice·s commencée ; à partager avec la DGS, pas au-delà.", ()),
    "common_culture": (LeverStatus.TODO, 0, "vp_culture", 800, "", ()),
    "facilitation_posture": (
        LeverStatus.IN_PROGRESS, 2, "mission", None,
        "S'appuyer sur les maires moteurs du secteur Est ; appeler les suiveur·euse·s après "
        "chaque COPIL.", ()),
}

# ---------------------------------------------------------------------------- roadmap

# objective, lever key ("" for the user's lever), start and length (days after the
# mandate start), indicator, means text, description, templates it depends on (indices)
_RoadmapTemplate = tuple[str, str, int, int, str, str, str, tuple[int, ...]]
_ROADMAP: tuple[_RoadmapTemplate, ...] = (
    ("Diagnostic partagé des services communaux et communautaires", "mutualisation_scheme",
     25, 170, "Nombre de communes ayant répondu au questionnaire (cible : toutes)",
     "Questionnaire en ligne ; entretiens avec les secrétaires de mairie",
     "Recenser les organisations, leurs missions de service public et leurs effectifs.", ()),
    ("Cartographie des bassins de vie et des besoins de services", "mutualisation_scheme",
     60, 150, "Carte validée en COPIL", "Appui de l'agence d'urbanisme",
     "Croiser les déplacements, les équipements et les besoins exprimés par les habitant·e·s.",
     ()),
    ("Feuille de route du schéma de mutualisation", "mutualisation_scheme", 200, 120,
     "Feuille de route adoptée en conseil communautaire", "Délibération du conseil",
     "Objectifs, échéances et moyens de chaque mutualisation retenue.", (0, 1)),
    ("Extension du service commun ADS à toutes les communes", "mutualisation_scheme", 330, 365,
     "Nombre de communes adhérentes au service commun",
     "Convention de service commun ; un demi-poste d'instructeur en plus",
     "Proposer l'adhésion aux communes qui instruisent encore seules.", (2,)),
    ("Groupement de commandes pour les fournitures", "mutualisation_scheme", 120, 100,
     "Économie réalisée sur les achats (en %)", "Convention constitutive du groupement",
     "Papier, produits d'entretien, équipements de protection.", ()),
    ("Secrétariat de mairie itinérant pour les petites communes", "mutualisation_scheme", 400,
     300, "Communes couvertes ; jours de remplacement assurés",
     "Recrutement de deux secrétaires itinérantes",
     "Assurer la continuité du secrétariat pendant les congés et les absences.", (2,)),
    ("Plateforme de prêt de matériel technique entre communes", "mutualisation_scheme", 150,
     240, "Nombre de prêts par an", "Règlement de prêt ; contrat d'assurance",
     "Nacelle, broyeur, barnums, tables et bancs.", ()),
    ("Bilan partagé des ressources financières et fiscales", "financial_fiscal_pact", 50, 170,
     "Bilan présenté en conférence des maires",
     "Analyse des comptes des six derniers exercices par le service finances",
     "Connaître les ressources de chaque commune et de la communauté.", ()),
    ("Prospective budgétaire communes-communauté", "financial_fiscal_pact", 210, 180,
     "Capacité d'autofinancement projetée pour chaque commune", "Cabinet spécialisé",
     "Mesurer les capacités budgétaires pour les projets du mandat.", (7,)),
    ("Simulations des attributions de compensation commune par commune",
     "financial_fiscal_pact", 240, 90, "Simulations envoyées à chaque commune",
     "Outil de simulation du service finances",
     "Répondre à la demande des petites communes avant tout vote.", (7,)),
    ("Charte du pacte financier et fiscal", "financial_fiscal_pact", 420, 150,
     "Charte adoptée par le conseil et les conseils municipaux", "Délibérations concordantes",
     "Niveau d'engagement de chacun et critères de sélection des projets.", (8, 9)),
    ("Règlement des fonds de concours aux communes", "financial_fiscal_pact", 560, 120,
     "Montant des fonds de concours engagés", "Enveloppe inscrite au budget",
     "Priorité aux projets portés par plusieurs communes.", (10,)),
    ("Calendrier pluriannuel des instances", "cooperation_time", 10, 60,
     "Part des réunions tenues à la date prévue", "",
     "Fixer tôt les dates des conseils, bureaux, COPIL et conférences des maires.", ()),
    ("Tournée des communes membres", "knowing_communes", 30, 200,
     "Nombre de communes rencontrées (cible : toutes)", "",
     "Rencontrer chaque maire et chaque secrétaire de mairie dans sa commune.", ()),
    ("Fiches de fonctionnement des communes", "knowing_communes", 45, 180,
     "Fiches tenues à jour", "", "Élu·e·s, secrétariat, rythme du conseil, services partagés.",
     (13,)),
    ("Réseau des secrétaires de mairie", "lasting_facilitation", 180, 420,
     "Participation moyenne aux rencontres du réseau", "Une demi-journée par trimestre",
     "Un lieu d'échange régulier entre secrétaires de mairie et services communautaires.", ()),
    ("Formation des élu·e·s et des agents à la facilitation", "lasting_facilitation", 380, 200,
     "Nombre de personnes formées", "Plan de formation ; intervenant extérieur",
     "Développer les compétences d'animation du travail collaboratif.", ()),
    ("Pérennisation du poste de chargé·e de mission coopération", "lasting_facilitation", 100,
     200, "Poste inscrit au tableau des effectifs", "Un poste à temps plein",
     "Donner une animation territoriale durable au projet.", ()),
    ("Réunions tournantes dans les communes membres", "cooperation_context", 70, 500,
     "Nombre de communes ayant accueilli une instance", "",
     "Changer de lieu à chaque conférence des maires.", ()),
    ("Lettre d'information entre deux rencontres", "cooperation_context", 200, 160,
     "Numéros parus ; taux d'ouverture", "Service communication",
     "Dire ce qui a avancé entre deux COPIL.", ()),
    ("Tableau de suivi partagé des projets", "cooperation_context", 150, 150,
     "Mise à jour chaque mois", "Outil en ligne partagé avec les communes",
     "Chaque commune voit où en sont les projets qui la concernent.", ()),
    ("Cartographie des acteur·rice·s et des rapports de pouvoir", "power_games", 140, 120,
     "Cartographie partagée avec la direction", "",
     "Niveaux de responsabilité, équilibres et déséquilibres, intérêts croisés.", ()),
    ("Séminaire des élu·e·s sur le sens du projet de territoire", "common_culture", 300, 30,
     "Participation des conseiller·ère·s municipaux", "Une journée ; salle et traiteur",
     "Partager ce à quoi sert le projet et ce que chacun·e peut y gagner.", (21,)),
    ("Rencontres bilatérales avec les communes réticentes", "facilitation_posture", 120, 180,
     "Nombre de communes rencontrées ; blocages levés", "",
     "Comprendre les raisons des blocages et y répondre.", ()),
    ("Adoption d'un pacte de gouvernance", "", 90, 270,
     "Pacte adopté après avis des conseils municipaux", "Délibération",
     "Place de la conférence des maires et des communes dans les décisions.", ()),
    # further objectives of the large demo
    ("Identité du projet de territoire : nom, charte graphique, « patte »", "common_culture",
     360, 200, "Identité adoptée et utilisée", "Graphiste ; service communication",
     "Une « patte » commune dans laquelle les acteur·rice·s se reconnaissent.", (22,)),
    ("Forum des associations intercommunal", "common_culture", 480, 90,
     "Nombre d'associations présentes", "Subvention ; prêt de matériel",
     "Faire se rencontrer associations, communes et intercommunalité.", ()),
    ("Commission élargie aux conseiller·ère·s municipaux", "power_games", 260, 300,
     "Participation des élu·e·s non communautaires", "",
     "Associer les élu·e·s des communes qui ne siègent pas au conseil.", ()),
    ("Tableau des avancées publié chaque trimestre", "facilitation_posture", 240, 1500,
     "Publications tenues", "Service communication", "Mettre en avant les avancées du projet.",
     ()),
    ("Évaluation à mi-mandat du schéma de mutualisation", "mutualisation_scheme", 1000, 180,
     "Rapport d'évaluation présenté en conseil", "Prestataire d'évaluation",
     "Mesurer ce que la mutualisation a changé pour les communes et les habitant·e·s.", (2,)),
)
# Templates whose objective is a single event (an adoption, a seminar, a report).
_MILESTONES = frozenset({2, 10, 22, 24, 29})
_ROADMAP_VARIANTS = ("secteur Nord", "secteur Sud", "secteur Est", "secteur Ouest",
                     "phase 2", "phase 3", "bilan d'étape")

# ---------------------------------------------------------------------------- meetings

_KIND_TIMES: dict[MeetingKind, tuple[time, time]] = {
    MeetingKind.COUNCIL: (time(18, 30), time(21, 0)),
    MeetingKind.BUREAU: (time(17, 30), time(19, 30)),
    MeetingKind.MAYORS_CONFERENCE: (time(18, 0), time(20, 30)),
    MeetingKind.COPIL: (time(14, 0), time(16, 30)),
    MeetingKind.COTECH: (time(9, 30), time(12, 0)),
    MeetingKind.WORKSHOP: (time(14, 0), time(17, 0)),
    MeetingKind.BILATERAL: (time(10, 0), time(11, 30)),
    MeetingKind.OTHER: (time(19, 0), time(21, 0)),
}
_KIND_FORMATS: dict[MeetingKind, tuple[tuple[MeetingFormat, int], ...]] = {
    MeetingKind.COUNCIL: ((MeetingFormat.IN_PERSON, 1),),
    MeetingKind.BUREAU: ((MeetingFormat.IN_PERSON, 3), (MeetingFormat.HYBRID, 1)),
    MeetingKind.MAYORS_CONFERENCE: ((MeetingFormat.IN_PERSON, 1),),
    MeetingKind.COPIL: ((MeetingFormat.IN_PERSON, 2), (MeetingFormat.HYBRID, 1)),
    MeetingKind.COTECH: ((MeetingFormat.VIDEO, 2), (MeetingFormat.IN_PERSON, 1),
                         (MeetingFormat.HYBRID, 1)),
    MeetingKind.WORKSHOP: ((MeetingFormat.IN_PERSON, 1),),
    MeetingKind.BILATERAL: ((MeetingFormat.IN_PERSON, 3), (MeetingFormat.VIDEO, 1)),
    MeetingKind.OTHER: ((MeetingFormat.IN_PERSON, 1),),
}
_KIND_CADENCE: dict[MeetingKind, int] = {
    MeetingKind.COUNCIL: 56, MeetingKind.BUREAU: 21, MeetingKind.MAYORS_CONFERENCE: 91,
    MeetingKind.COPIL: 84, MeetingKind.COTECH: 42, MeetingKind.WORKSHOP: 63,
    MeetingKind.BILATERAL: 120, MeetingKind.OTHER: 180,
}
# The meetings of the small demo, oldest first; the last ones are upcoming.
_SMALL_KINDS = (
    MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.MAYORS_CONFERENCE, MeetingKind.COTECH,
    MeetingKind.COPIL, MeetingKind.COUNCIL, MeetingKind.COTECH, MeetingKind.WORKSHOP,
    MeetingKind.BILATERAL, MeetingKind.COPIL,
)
_LARGE_KIND_WEIGHTS: tuple[tuple[MeetingKind, int], ...] = (
    (MeetingKind.COUNCIL, 8), (MeetingKind.BUREAU, 16), (MeetingKind.MAYORS_CONFERENCE, 4),
    (MeetingKind.COPIL, 6), (MeetingKind.COTECH, 12), (MeetingKind.WORKSHOP, 12),
    (MeetingKind.BILATERAL, 20), (MeetingKind.OTHER, 2),
)
# Kinds whose minutes the next meeting of the same kind approves.
_APPROVED_KINDS = frozenset({MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.COPIL,
                             MeetingKind.COTECH, MeetingKind.MAYORS_CONFERENCE})
_WORKSHOP_THEMES = (
    "Culture commune : trouver notre patte", "Bassins de vie et besoins de services",
    "Associations et intercommunalité", "Prêt de matériel entre communes",
    "Mobilités du quotidien", "Petite enfance et jeunesse",
)
_PUBLIC_THEMES = ("projet de territoire", "services de proximité", "mobilités")

# Placeholders in the texts below: {central}, {commune}, {commune2}, {person}, {n}.
# title, planned minutes, notes taken, decision taken on it ("" for none)
_AgendaTemplate = tuple[str, int, str, str]
_AGENDA: dict[MeetingKind, tuple[_AgendaTemplate, ...]] = {
    MeetingKind.COUNCIL: (
        ("Désignation du ou de la secrétaire de séance", 5,
         "- {person} est désigné·e secrétaire de séance", ""),
        ("Schéma de mutualisation : restitution du diagnostic partagé", 40,
         "- Présentation par la vice-présidence chargée de la mutualisation\n"
         "- Trois bassins de vie identifiés autour de {central}, {commune} et {commune2}\n"
         "- Les petites communes demandent que la proximité des services soit préservée\n"
         "- Débat nourri sur le secrétariat de mairie itinérant",
         "Le conseil prend acte du diagnostic partagé et lance l'élaboration du schéma de "
         "mutualisation"),
        ("Pacte financier et fiscal : orientations", 35,
         "- Bilan partagé des ressources financières et fiscales présenté par le service "
         "finances\n"
         "- Écarts de potentiel financier importants entre communes\n"
         "- Les maires demandent des simulations commune par commune avant tout vote",
         "Le conseil adopte le principe d'un pacte financier et fiscal"),
        ("Décision modificative n°2 du budget principal", 15,
         "- Ajustement des crédits de voirie et de l'enveloppe des fonds de concours\n"
         "- Aucune question",
         "Le conseil adopte la décision modificative n°2"),
        ("Service commun ADS : adhésion de nouvelles communes", 15,
         "- {commune} et {commune2} demandent à adhérer au 1er janvier\n"
         "- Tarification à l'acte maintenue",
         "Le conseil étend le service commun ADS à {commune} et {commune2}"),
        ("Convention territoriale globale avec la CAF", 20,
         "- Diagnostic petite enfance et jeunesse partagé avec la CAF\n"
         "- Signature prévue au premier trimestre",
         "Le conseil autorise la signature de la convention territoriale globale avec la CAF"),
        ("Fonds de concours aux communes : règlement", 20,
         "- Plafond par projet et par commune\n"
         "- Priorité aux projets portés par plusieurs communes\n"
         "- {commune} s'inquiète pour ses projets déjà engagés",
         "Le conseil adopte le règlement des fonds de concours"),
    ),
    MeetingKind.BUREAU: (
        ("Préparation de l'ordre du jour du conseil", 30,
         "- Points retenus : mutualisation, décision modificative, service commun ADS\n"
         "- Le rapport sur le pacte financier est reporté au conseil suivant",
         "Le bureau arrête l'ordre du jour du prochain conseil"),
        ("Schéma de mutualisation : méthode et calendrier", 30,
         "- Questionnaire adressé aux communes relu en séance\n"
         "- Entretiens avec chaque secrétaire de mairie avant l'été",
         "Le bureau valide le questionnaire et le calendrier des entretiens"),
        ("Relations avec les communes", 20,
         "- {commune} ne vient plus aux COPIL : proposer une rencontre bilatérale\n"
         "- Bonne dynamique autour de {commune2}",
         "Une rencontre bilatérale sera proposée à {commune}"),
        ("Pacte de gouvernance : opportunité", 20,
         "- Débat sur la place de la conférence des maires\n- Avis partagés, à reprendre", ""),
        ("Secrétaires de mairie itinérantes : recrutement", 15,
         "- Deux postes ouverts\n- Coût partagé avec les communes bénéficiaires",
         "Le bureau ouvre deux postes de secrétaire de mairie itinérante"),
    ),
    MeetingKind.MAYORS_CONFERENCE: (
        ("Diagnostic partagé : la parole aux communes", 45,
         "- Tour de table : chaque maire présente les services de sa commune et ses "
         "difficultés\n"
         "- Besoins qui reviennent : remplacement des secrétaires de mairie, entretien des "
         "bâtiments, instruction des permis\n"
         "- {commune} propose de partager son agent technique",
         "Le remplacement des secrétaires de mairie devient la première priorité"),
        ("Pacte financier et fiscal : premières simulations", 40,
         "- Simulations présentées pour trois scénarios\n"
         "- {commune2} demande le détail de ses attributions de compensation\n"
         "- Pas de consensus à ce stade",
         "Les maires demandent des simulations commune par commune avant tout vote"),
        ("Bassins de vie et besoins de services", 30,
         "- Les habitant·e·s de {commune} vont surtout à {central}\n"
         "- Attente forte sur la santé et la petite enfance", ""),
        ("Fonctionnement de la conférence des maires", 20,
         "- Une réunion par trimestre, dans une commune différente à chaque fois\n"
         "- Ordre du jour envoyé dix jours avant",
         "Une conférence des maires par trimestre, dans une commune différente"),
        ("Tour de table des communes", 30,
         "- {commune} : travaux de l'école, besoin d'un appui pour les marchés publics\n"
         "- {commune2} : départ en retraite de la secrétaire de mairie", ""),
    ),
    MeetingKind.COPIL: (
        ("Avancement de la feuille de route", 30,
         "- {n} actions engagées, dont deux en retard\n"
         "- Les retards tiennent surtout aux agendas des secrétaires de mairie", ""),
        ("Schéma de mutualisation : scénarios", 45,
         "- Scénario 1 : services communs à la carte\n"
         "- Scénario 2 : mises à disposition d'agents\n"
         "- Scénario 3 : groupements de commandes seulement\n"
         "- Le COPIL penche pour une combinaison des scénarios 1 et 3",
         "Le COPIL retient une combinaison des scénarios 1 et 3"),
        ("Indicateurs d'évaluation", 25,
         "- Un indicateur par objectif de la feuille de route\n"
         "- Bilan d'étape présenté chaque année en conseil",
         "Le COPIL arrête un indicateur par objectif de la feuille de route"),
        ("Communication sur le projet", 20,
         "- Lettre d'information trimestrielle\n"
         "- Page dédiée sur le site de la communauté",
         "Une lettre d'information paraîtra chaque trimestre"),
        ("Calendrier et prochaines étapes", 15,
         "- Restitution en conférence des maires\n- Délibération au conseil suivant", ""),
    ),
    MeetingKind.COTECH: (
        ("Questionnaire de diagnostic : retours", 30,
         "- {n} communes ont répondu\n- Relancer {commune} et {commune2}", ""),
        ("Effectifs et missions de service public : consolidation", 40,
         "- Tableau des effectifs consolidé commune par commune\n"
         "- Beaucoup de temps partiels dans les petites communes",
         "Le tableau des effectifs consolidé est arrêté"),
        ("Service commun ADS : délais d'instruction", 25,
         "- Délai moyen d'instruction : {n} jours de plus que prévu\n"
         "- Les pièces manquantes sont la première cause de retard",
         "Une liste des pièces à fournir sera remise à chaque mairie"),
        ("Groupement de commandes : besoins des communes", 25,
         "- Papier, produits d'entretien, équipements de protection\n"
         "- {commune} souhaite y ajouter le sel de déneigement",
         "Les besoins du groupement de commandes sont arrêtés"),
        ("Outil de suivi partagé des projets", 20,
         "- Test d'un tableau partagé avec les secrétaires de mairie\n"
         "- Accès en lecture pour tous les maires",
         "Le tableau de suivi partagé est adopté à titre d'essai"),
    ),
    MeetingKind.WORKSHOP: (
        ("Accueil et interconnaissance", 20,
         "- Chacun·e se présente avec un objet qui représente le territoire\n"
         "- Associations, habitant·e·s et élu·e·s autour de la table", ""),
        ("Qu'avons-nous à gagner à coopérer ?", 45,
         "- Mutualiser le matériel de fête entre associations\n"
         "- Un agenda commun des manifestations\n"
         "- Des locaux partagés à {commune}",
         "Les participant·e·s proposent un agenda commun des manifestations"),
        ("Trouver notre « patte »", 40,
         "- Idées de nom : « Val commun », « Ensemble en Loubière »\n"
         "- Envie d'une identité visuelle simple", ""),
        ("Restitution et suites", 20,
         "- Compte rendu envoyé à tous les participant·e·s\n"
         "- Prochain atelier à {commune2}",
         "Le prochain atelier aura lieu à {commune2}"),
    ),
    MeetingKind.BILATERAL: (
        ("Attentes de la commune", 30,
         "- Le maire craint une perte de proximité pour les habitant·e·s\n"
         "- Besoin concret : remplacer la secrétaire de mairie pendant ses congés", ""),
        ("Le schéma de mutualisation en pratique", 20,
         "- Services à la carte, aucune obligation d'adhérer\n"
         "- Bilan au bout d'un an",
         "La commune accepte de tester le prêt de matériel pendant six mois"),
        ("Suites à donner", 10,
         "- Envoyer les simulations financières de la commune\n"
         "- Inviter le maire au prochain COPIL",
         "Le maire participera au prochain COPIL"),
    ),
    MeetingKind.OTHER: (
        ("Présentation du projet de territoire", 30,
         "- Les grands objectifs du mandat\n- Ce qui a déjà changé pour les habitant·e·s",
         ""),
        ("Questions du public", 45,
         "- Horaires de la déchèterie\n- Transport à la demande vers {central}\n"
         "- Avenir de l'école de {commune}",
         "Les questions du public seront reprises dans la lettre d'information"),
    ),
}
_CLOSING_ITEM: _AgendaTemplate = (
    "Questions diverses", 10, "- Calendrier des prochaines réunions\n"
    "- Forum des associations : appel à bénévoles", "")
_ACTIONS = (
    "Envoyer le questionnaire de diagnostic aux secrétaires de mairie",
    "Préparer les simulations financières commune par commune",
    "Organiser une rencontre bilatérale avec {commune}",
    "Réserver la salle des fêtes de {commune2} pour l'atelier",
    "Diffuser le compte rendu aux conseils municipaux",
    "Mettre à jour la fiche de fonctionnement de {commune}",
    "Rédiger le projet de charte du pacte financier et fiscal",
    "Recenser le matériel technique disponible dans chaque commune",
    "Proposer trois dates pour le prochain COPIL",
    "Relancer la CAF sur le calendrier de la convention",
    "Préparer une lettre d'information sur les avancées du projet",
    "Inviter le collectif citoyen au prochain atelier",
    "Transmettre les données budgétaires de {commune}",
    "Consolider le tableau des effectifs",
)
_UNLISTED_OWNERS = ("Bureau d'études (à désigner)", "Agence d'urbanisme",
                    "Secrétaire de mairie de {commune}")
_PRIVATE_NOTES = (
    "Le maire de {commune} est arrivé en retard et n'a rien dit : l'appeler cette semaine.",
    "Bonne dynamique entre {commune} et {commune2} ; s'appuyer sur ce binôme pour la suite.",
    "Tension perceptible sur les fonds de concours : prévoir une bilatérale avant le conseil.",
    "Remercier publiquement le secrétariat de {commune} pour les données transmises.",
    "Les petites communes se sont senties écoutées cette fois : garder ce format.",
    "{person} a beaucoup parlé ; donner davantage la parole aux autres la prochaine fois.",
)
_UPCOMING_NOTES = (
    "- Préparer les simulations avant la séance\n"
    "- Appeler le maire de {commune} pour s'assurer de sa venue\n"
    "- Imprimer la carte des bassins de vie"
)
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")


# ---------------------------------------------------------------------------- helpers


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(char if char.isalnum() else " " for char in plain).split()
    return "-".join(words)[:32].strip("-")


def _fr_date(day: date) -> str:
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {_MONTHS[day.month - 1]} {day.year}"


_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))


def _weekday(day: date) -> date:
    """A working day near ``day``: a Saturday moves back to Friday, a Sunday or a fixed
    public holiday on to the next day."""
    if day.weekday() == 5:
        day -= timedelta(days=1)
    while day.weekday() == 6 or (day.month, day.day) in _HOLIDAYS:
        day += timedelta(days=1)
    return day


def _g(feminine: bool, masculine: str, feminine_form: str) -> str:
    return feminine_form if feminine else masculine


@dataclass
class _Person:
    name: str
    feminine: bool


class _Builder:
    """Draws a whole territory from one random generator, in a fixed order."""

    def __init__(self, plan: _Plan, today: date) -> None:
        self.plan = plan
        self.today = today
        self.rng = random.Random(plan.seed)
        self.history_start = today - timedelta(days=plan.history_days)
        self.people: set[str] = set()
        self.actors: list[Actor] = []
        self.named: dict[str, Actor] = {}
        self.by_kind: dict[ActorKind, list[Actor]] = {kind: [] for kind in ActorKind}
        self.commune_names: list[str] = []
        self.communes: list[Actor] = []
        self.mayors: list[Actor] = []
        self.mayor_of: dict[str, Actor] = {}  # commune name -> mayor
        self.councillors: list[Actor] = []  # everyone with a seat at the community council
        self.commune_services: dict[str, Actor] = {}
        self.actor_by_id: dict[str, Actor] = {}
        self.relation_groups: dict[str, list[Actor]] = {}
        self.levers: dict[str, Lever] = {}
        self.relations: list[Relation] = []
        self.roadmap: list[RoadmapItem] = []
        self.meetings: list[Meeting] = []

    # ------------------------------------------------------------------ randomness

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, values: Sequence[T]) -> T:
        return values[self.rng.randrange(len(values))]

    def weighted(self, pairs: Sequence[tuple[T, int]]) -> T:
        return self.rng.choices([value for value, _weight in pairs],
                                [weight for _value, weight in pairs])[0]

    def sample(self, values: Sequence[T], count: int) -> list[T]:
        return self.rng.sample(list(values), min(count, len(values)))

    def stamp(self, day: date) -> datetime:
        """A time of day on ``day`` (never after ``today``), for created/updated."""
        day = min(day, self.today)
        return datetime.combine(day, time(self.rng.randint(7, 18), self.rng.randint(0, 59)),
                                tzinfo=UTC)

    def meta(self, created_on: date, updated_on: date | None = None) -> dict[str, Any]:
        created = self.stamp(created_on)
        updated = self.stamp(updated_on) if updated_on is not None else created
        return {"id": self.uid(), "created": created, "updated": max(created, updated)}

    def person(self) -> _Person:
        while True:
            feminine = self.chance(0.5)
            first = self.pick(_FIRST_F if feminine else _FIRST_M)
            name = f"{first} {self.pick(_SURNAMES)}"
            if name not in self.people:
                self.people.add(name)
                return _Person(name, feminine)

    def passer_by(self) -> str:
        """A name that need not be unique (substitutes, deputies)."""
        return f"{self.pick(_FIRST_F + _FIRST_M)} {self.pick(_SURNAMES)}"

    def context(self, **extra: str) -> dict[str, str]:
        """Names to fill a template text with: two different communes, a mayor, a count."""
        commune, commune2 = self.sample(self.commune_names[1:], 2)
        values = {
            "central": self.commune_names[0],
            "commune": commune,
            "commune2": commune2,
            "person": self.pick(self.mayors).name,
            "n": str(self.rng.randint(5, max(6, len(self.commune_names) - 1))),
        }
        values.update(extra)
        return values

    def fill(self, text: str, **extra: str) -> str:
        return text.format_map(self.context(**extra))

    def phone(self, mobile: bool = False) -> str:
        # Fictional numbers.
        prefix = "06 39 98" if mobile else "04 65 71"
        return f"{prefix} {self.rng.randint(10, 99)} {self.rng.randint(10, 99)}"

    # ------------------------------------------------------------------ actors

    def reading(self, kind: ActorKind, choice: _RoleChoice) -> PrivateReading:
        role = choice if isinstance(choice, Role) or choice is None else self.weighted(
            _ROLE_WEIGHTS[kind])
        if role is None:
            return PrivateReading()
        (influence_low, influence_high), (interest_low, interest_high) = _SCORES[role]
        blockages: list[Blockage] = []
        odds = {Role.RELUCTANT: 1.0, Role.COUNTERWEIGHT: 0.4, Role.FOLLOWER: 0.15}
        if self.chance(odds.get(role, 0.0)):
            for text, reason in self.sample(_BLOCKAGES, self.rng.randint(1, 2)):
                blockages.append(Blockage(id=self.uid(), text=text,
                                          reason=reason if self.chance(0.85) else ""))
        return PrivateReading(
            role=role,
            influence=self.rng.randint(influence_low, influence_high),
            interest=self.rng.randint(interest_low, interest_high),
            blockages=blockages,
            stance=self.pick(_STANCES[role]),
        )

    def contact_log(self, role: Role | None, channels: list[Channel]) -> list[ContactEntry]:
        counts = {Role.DRIVER: (3, 5), Role.FOLLOWER: (1, 3), Role.COUNTERWEIGHT: (2, 3),
                  Role.RELUCTANT: (2, 4), Role.NEUTRAL: (0, 2)}
        low, high = counts.get(role, (0, 1)) if role else (0, 1)
        count = self.rng.randint(low, high)
        if count == 0:
            return []
        if role is Role.DRIVER:
            gap = self.rng.randint(1, 30)
        elif role is Role.FOLLOWER and self.chance(0.5):
            gap = self.rng.randint(70, 200)  # a follower not heard from for a while
        else:
            gap = self.rng.randint(5, 120)
        day = self.today - timedelta(days=gap)
        entries: list[ContactEntry] = []
        for _ in range(count):
            channel = self.pick(channels) if channels else Channel.PHONE
            entries.append(ContactEntry(id=self.uid(), on=day, channel=channel,
                                        subject=self.pick(_CONTACT_SUBJECTS)))
            day -= timedelta(days=self.rng.randint(7, 90))
        entries.reverse()
        return entries

    def add_actor(
        self,
        name: str,
        kind: ActorKind,
        *,
        parent: Actor | None = None,
        role: _RoleChoice = "draw",
        responsibilities: str = "",
        competences: str = "",
        email: str = "",
        mobile: bool = False,
        address: str = "",
        tags: Sequence[str] = (),
        profile: CommuneProfile | None = None,
        key: str = "",
    ) -> Actor:
        pool = _CHANNELS[kind]
        channels = [] if self.chance(0.06) else self.sample(pool, self.rng.randint(1, 3))
        preferred = channels[0] if channels and self.chance(0.85) else None
        private = self.reading(kind, role)
        created = self.history_start + timedelta(days=self.rng.randint(0, 20))
        actor = Actor(
            **self.meta(created, self.today - timedelta(days=self.rng.randint(0, 60))),
            name=name,
            kind=kind,
            parent_id=parent.id if parent else None,
            responsibilities=responsibilities,
            competences=competences,
            channels=channels,
            preferred_channel=preferred,
            contact=Contact(
                email=email if email and self.chance(0.93) else "",
                phone=self.phone(mobile) if self.chance(0.85) else "",
                address=address,
            ),
            tags=list(dict.fromkeys(tags)),
            contact_log=self.contact_log(private.role, channels),
            commune=profile,
            private=private,
        )
        self.actors.append(actor)
        self.by_kind[kind].append(actor)
        if key:
            self.named[key] = actor
        return actor

    def names_from(self, templates: Sequence[str], count: int) -> list[tuple[str, int]]:
        """``count`` distinct names with the index of their template: every template once,
        then the ones that name a commune or a person, as long as they give new names."""
        used: set[str] = set()
        names: list[tuple[str, int]] = []
        variable = [i for i, t in enumerate(templates) if "{" in t] or list(range(len(templates)))
        attempts = 0
        while len(names) < count:
            index = attempts if attempts < len(templates) else self.pick(variable)
            attempts += 1
            name = templates[index].format(c=self.pick(self.commune_names),
                                           s=self.pick(_SURNAMES))
            if name in used and attempts > 50 * count:
                name = f"{name} ({len(names) + 1})"
            if name not in used:
                used.add(name)
                names.append((name, index))
        return names

    def build_commune_names(self) -> list[tuple[str, int]]:
        communes = list(_SMALL_COMMUNES[: self.plan.communes])
        taken = {name for name, _population in communes}
        while len(communes) < self.plan.communes:
            name = self.pick(_COMMUNE_ROOTS) + self.pick(_COMMUNE_SUFFIXES)
            if name not in taken:
                taken.add(name)
                population = int(min(6000, max(90, self.rng.lognormvariate(6.5, 0.7))))
                communes.append((name, population))
        return communes

    def mayor_role(self, index: int) -> _RoleChoice:
        """The president, the first three vice-presidents and the small demo's mayors have
        set roles; the other ones are drawn."""
        fixed = {0: Role.DRIVER, 1: Role.DRIVER, 2: Role.COUNTERWEIGHT, 3: Role.FOLLOWER}
        if index <= self.plan.vice_presidents:
            return fixed.get(index, "draw")
        if self.plan.curated:
            return _MAYOR_ROLES[(index - self.plan.vice_presidents - 1) % len(_MAYOR_ROLES)]
        return "draw"

    def build_actors(self) -> None:
        plan = self.plan
        communes = self.build_commune_names()
        self.commune_names = [name for name, _population in communes]
        mayors = [self.person() for _ in communes]
        mayor_roles = [self.mayor_role(index) for index in range(len(communes))]
        # the communes: the bourg-centre leads; in the small demo, each other commune
        # stands where its mayor stands
        for index, ((name, population), mayor) in enumerate(zip(communes, mayors, strict=True)):
            others = [n for n in self.commune_names if n != name]
            shared = [self.pick(_SHARED_SERVICES).format(other=self.pick(others))
                      for _ in range(self.rng.randint(1, 3))]
            central = index == 0
            secretary = self.person()
            profile = CommuneProfile(
                population=population,
                council_rhythm=_COUNCIL_RHYTHMS[0] if central else self.pick(_COUNCIL_RHYTHMS),
                mayor=mayor.name,
                deputies=[self.passer_by() for _ in range(6 if central
                                                          else self.rng.randint(1, 4))],
                secretary=(f"DGS : {secretary.name}" if central else
                           f"Secrétaire de mairie ({self.rng.randint(1, 4)} jours par "
                           f"semaine) : {secretary.name}"),
                shared_services="\n".join(f"- {line}" for line in dict.fromkeys(shared)),
            )
            sector = ("Centre" if central else ("Nord", "Sud", "Est", "Ouest")[index % 4])
            self.communes.append(self.add_actor(
                name, ActorKind.COMMUNE,
                responsibilities=(f"Commune membre, {population} habitant·e·s. Écoles, état "
                                  "civil, voirie communale, signature des autorisations "
                                  "d'urbanisme."),
                competences="Compétences communales ; développement économique, déchets et "
                            "petite enfance transférés à la communauté.",
                email=f"mairie@{_slug(name)}.example.fr",
                address=f"Mairie, {self.pick(_MAIRIE_STREETS)}\n{name}",
                tags=["commune", "bourg-centre" if central else "rurale", f"secteur {sector}"],
                profile=profile,
                role=Role.DRIVER if central else (mayor_roles[index] if plan.curated
                                                  else "draw"),
                key="central_commune" if central else "",
            ))
        # the community
        community = self.add_actor(
            TERRITORY_NAME, ActorKind.COMMUNITY, role=Role.DRIVER,
            responsibilities="Porte le projet de territoire, le schéma de mutualisation et le "
                             "pacte financier et fiscal.",
            competences="Développement économique, aménagement de l'espace, déchets, petite "
                        "enfance, service commun d'instruction ADS.",
            email=f"accueil@{DOMAIN}",
            address=f"Siège de la communauté, 2 rue des Tanneurs\n{self.commune_names[0]}",
            tags=["intercommunalité"], key="community",
        )
        # public bodies (the departmental councillor belongs to the first one)
        for index in range(plan.public_bodies):
            name, slug, duties, tag, under = _PUBLIC_BODIES[index % len(_PUBLIC_BODIES)]
            if index >= len(_PUBLIC_BODIES):
                name = f"{name} ({index // len(_PUBLIC_BODIES) + 1})"
            self.add_actor(
                name, ActorKind.PUBLIC_BODY, parent=community if under else None,
                responsibilities=duties, email=f"contact@{slug}.example.fr",
                tags=["partenaire institutionnel", tag], key=slug,
            )
        # mayors: the president and vice-presidents sit under the community
        for index, (commune, mayor) in enumerate(zip(self.communes, mayors, strict=True)):
            woman = mayor.feminine
            duties = f"Maire de {commune.name}"
            tags = ["élu·e", "maire", "conseil communautaire"]
            key = ""
            parent = commune
            if index == 0:
                duties += _g(woman, " ; président de la communauté", " ; présidente de la "
                             "communauté")
                tags += ["bureau", "présidence"]
                key, parent = "president", community
            elif index <= plan.vice_presidents:
                delegation = _VP_DELEGATIONS[(index - 1) % len(_VP_DELEGATIONS)]
                duties += _g(woman, " ; vice-président chargé ", " ; vice-présidente chargée ")
                duties += delegation
                tags += ["bureau", "VP"]
                parent = community
                key = {1: "vp_mutualisation", 2: "vp_finances", 3: "vp_culture"}.get(index, "")
            first, _space, last = mayor.name.partition(" ")
            actor = self.add_actor(
                mayor.name, ActorKind.ELECTED, parent=parent, role=mayor_roles[index],
                responsibilities=duties,
                competences="Pouvoirs de police du maire, état civil, urbanisme communal",
                email=f"{_slug(first)}.{_slug(last)}@{_slug(commune.name)}.example.fr",
                mobile=True, tags=tags, key=key,
            )
            self.mayors.append(actor)
            self.mayor_of[commune.name] = actor
            self.councillors.append(actor)
        # other elected officials
        for index in range(plan.extra_elected):
            someone = self.person()
            first, _space, last = someone.name.partition(" ")
            woman = someone.feminine
            if index == 0:
                department = self.named["departement"]
                self.add_actor(
                    someone.name, ActorKind.ELECTED, parent=department,
                    responsibilities=_g(woman, "Conseiller départemental du canton",
                                        "Conseillère départementale du canton"),
                    competences="Aides départementales aux communes, routes, solidarités",
                    email=f"{_slug(first)}.{_slug(last)}@departement.example.fr",
                    mobile=True, tags=["élu·e", "département"],
                )
                continue
            commune = self.pick(self.communes)
            councillor = index <= plan.community_councillors
            duties = (_g(woman, "Adjoint au maire de ", "Adjointe au maire de ") + commune.name
                      + _g(woman, ", délégué ", ", déléguée ")
                      + self.pick(_MUNICIPAL_DELEGATIONS))
            if councillor:
                duties += _g(woman, " ; conseiller communautaire", " ; conseillère "
                             "communautaire")
            actor = self.add_actor(
                someone.name, ActorKind.ELECTED, parent=commune, responsibilities=duties,
                email=f"{_slug(first)}.{_slug(last)}@{_slug(commune.name)}.example.fr",
                mobile=True,
                tags=["élu·e", "adjoint·e"] + (["conseil communautaire"] if councillor else []),
            )
            if councillor:
                self.councillors.append(actor)
        # services: the community's first, then the communes' own
        community_count = min(len(_COMMUNITY_SERVICES), max(5, plan.services // 5))
        for key, name, duties, competences, tag in _COMMUNITY_SERVICES[:community_count]:
            head = self.person()
            service_role: _RoleChoice = {
                "mission": Role.DRIVER, "dgs": Role.DRIVER}.get(key, "draw")
            self.add_actor(
                name, ActorKind.SERVICE, parent=community, role=service_role,
                responsibilities=duties.format(person=head.name), competences=competences,
                email=f"{_slug(key)}@{DOMAIN}", tags=["service communautaire", tag], key=key,
            )
        for index in range(plan.services - community_count):
            commune = self.communes[index % len(self.communes)]
            if index == 0:
                name = f"Services municipaux de {commune.name}"
            elif index < len(self.communes):
                name = f"Secrétariat de mairie de {commune.name}"
            else:
                name = f"Services techniques de {commune.name}"
            actor = self.add_actor(
                name, ActorKind.SERVICE, parent=commune,
                responsibilities=f"Accueil, état civil et gestion administrative de "
                                 f"{commune.name}.",
                email=f"secretariat@{_slug(commune.name)}.example.fr",
                tags=["service communal"],
            )
            self.commune_services.setdefault(commune.name, actor)
        # associations, companies, citizen groups
        for name, index in self.names_from([name for name, _tag in _ASSOCIATIONS],
                                           plan.associations):
            self.add_actor(name, ActorKind.ASSOCIATION, email=f"contact@{_slug(name)}.example.fr",
                           responsibilities="Association loi 1901 active sur le territoire.",
                           tags=["association", _ASSOCIATIONS[index][1]])
        for name, _index in self.names_from(_COMPANIES, plan.companies):
            self.add_actor(name, ActorKind.COMPANY, email=f"contact@{_slug(name)}.example.fr",
                           responsibilities="Entreprise implantée sur le territoire.",
                           tags=["entreprise"])
        for name, _index in self.names_from(_CITIZEN_GROUPS, plan.citizen_groups):
            self.add_actor(name, ActorKind.CITIZEN_GROUP,
                           email=f"collectif@{_slug(name)}.example.fr",
                           responsibilities="Groupe d'habitant·e·s mobilisé sur un sujet local.",
                           tags=["habitant·e·s"])
        self.actor_by_id = {actor.id: actor for actor in self.actors}

    # ------------------------------------------------------------------ relations

    def relation_pair(self, kind: RelationKind) -> tuple[Actor, Actor]:
        """A plausible source and target for a relation of ``kind``."""
        g = self.relation_groups
        options: list[tuple[str, str]]
        if kind is RelationKind.COOPERATION:
            options = [("commune", "commune"), ("mayor", "mayor"), ("association", "commune"),
                       ("service", "service"), ("company", "community"),
                       ("citizen_group", "association")]
        elif kind is RelationKind.TENSION:
            options = [("reluctant", "bureau"), ("commune", "commune"),
                       ("citizen_group", "community"), ("mayor", "mayor")]
        elif kind is RelationKind.HIERARCHY:
            child = self.pick(g["child"])
            return self.actor_by_id[child.parent_id or ""], child
        elif kind is RelationKind.FUNDING:
            options = [("public_body", "community"), ("public_body", "commune"),
                       ("public_body", "association"), ("community", "association"),
                       ("community", "commune")]
        elif kind is RelationKind.COUNTERWEIGHT:
            options = [("counterweight", "driver"), ("counterweight", "reluctant")]
        else:
            options = [("service", "mayor"), ("service", "commune"), ("community", "commune"),
                       ("public_body", "service"), ("association", "citizen_group")]
        source_group, target_group = self.pick(options)
        sources, targets = g[source_group], g[target_group]
        if not sources or not targets:
            sources = targets = self.actors
        return self.pick(sources), self.pick(targets)

    def relation_group_index(self) -> dict[str, list[Actor]]:
        groups: dict[str, list[Actor]] = {str(kind): list(self.by_kind[kind])
                                          for kind in ActorKind}
        groups["mayor"] = self.mayors
        groups["bureau"] = [a for a in self.mayors if "bureau" in a.tags]
        groups["child"] = [a for a in self.actors if a.parent_id]
        for role in Role:
            groups[str(role)] = [a for a in self.actors if a.private.role is role]
        return groups

    def build_relations(self) -> None:
        self.relation_groups = self.relation_group_index()
        total = sum(count for _kind, count in _RELATION_COUNTS)
        quotas = [(kind, count * self.plan.relations // total) for kind, count in _RELATION_COUNTS]
        quotas[0] = (quotas[0][0], quotas[0][1] + self.plan.relations
                     - sum(count for _kind, count in quotas))
        seen: set[tuple[str, str, RelationKind]] = set()
        symmetric = {RelationKind.COOPERATION, RelationKind.TENSION}
        for kind, quota in quotas:
            made = attempts = 0
            while made < quota:
                attempts += 1
                if attempts > 200 * quota:
                    source, target = self.pick(self.actors), self.pick(self.actors)
                else:
                    source, target = self.relation_pair(kind)
                pair = sorted((source.id, target.id)) if kind in symmetric else [source.id,
                                                                                   target.id]
                signature = (pair[0], pair[1], kind)
                if source.id == target.id or signature in seen:
                    continue
                seen.add(signature)
                made += 1
                start = self.history_start + timedelta(days=self.rng.randint(0, 60))
                self.relations.append(Relation(
                    **self.meta(start, self.today - timedelta(days=self.rng.randint(0, 90))),
                    source_id=source.id, target_id=target.id, kind=kind,
                    strength=self.weighted([(1, 2), (2, 3), (3, 2)]),
                    note=self.pick(_RELATION_NOTES[kind]),
                ))

    # ------------------------------------------------------------------ levers

    def build_levers(self) -> None:
        created = self.stamp(max(self.history_start, MANDATE_START))
        levers = catalogue_levers(make_id=self.uid, now=created)
        for lever in levers:
            status, done, owner, due, notes, evidence = _LEVER_STATES[lever.key]
            for position, item in enumerate(lever.items[:done]):
                item.done = True
                item.done_on = min(self.today, MANDATE_START + timedelta(
                    days=30 + 25 * position + self.rng.randint(0, 20)))
            lever.status = status
            lever.owner_id = self.named[owner].id
            lever.due = MANDATE_START + timedelta(days=due) if due is not None else None
            lever.notes = notes
            lever.evidence = list(evidence)
            lever.updated = max(created, self.stamp(
                self.today - timedelta(days=self.rng.randint(0, 40))))
            self.levers[lever.key] = lever
        own = Lever(
            **self.meta(MANDATE_START + timedelta(days=60), self.today - timedelta(days=12)),
            category=LeverCategory.REGULATORY,
            position=len(levers),
            title=LocalizedText(fr="Pacte de gouvernance"),
            description=LocalizedText(fr="Organiser les relations entre les communes et la "
                                         "communauté : place de la conférence des maires, "
                                         "délégations, information des conseils municipaux."),
            items=[
                ChecklistItem(id=self.uid(), text=LocalizedText(fr=text), done=done,
                              done_on=MANDATE_START + timedelta(days=95) if done else None)
                for text, done in (
                    ("Débat en conseil communautaire sur l'élaboration du pacte", True),
                    ("Avis des conseils municipaux", False),
                    ("Adoption du pacte de gouvernance", False),
                )
            ],
            status=LeverStatus.IN_PROGRESS,
            owner_id=self.named["president"].id,
            due=MANDATE_START + timedelta(days=360),
            notes="Ajouté par l'équipe : demandé par les maires des petites communes.",
        )
        self.levers[""] = own

    # ------------------------------------------------------------------ roadmap

    def roadmap_status(self, start: date, due: date) -> tuple[RoadmapStatus, int]:
        today = self.today
        if due < today:
            status = self.weighted([(RoadmapStatus.DONE, 60), (RoadmapStatus.IN_PROGRESS, 25),
                                    (RoadmapStatus.BLOCKED, 8), (RoadmapStatus.PLANNED, 2),
                                    (RoadmapStatus.CANCELLED, 5)])
        elif start <= today:
            status = self.weighted([(RoadmapStatus.IN_PROGRESS, 80),
                                    (RoadmapStatus.BLOCKED, 10), (RoadmapStatus.DONE, 5),
                                    (RoadmapStatus.PLANNED, 5)])
        else:
            status = self.weighted([(RoadmapStatus.PLANNED, 96), (RoadmapStatus.CANCELLED, 4)])
        if status is RoadmapStatus.DONE:
            return status, 100
        if status is RoadmapStatus.IN_PROGRESS:
            if due < today:
                return status, self.rng.randint(30, 85)
            elapsed = (today - start).days / max(1, (due - start).days)
            return status, max(5, min(95, int(elapsed * 100) + self.rng.randint(-20, 10)))
        if status is RoadmapStatus.BLOCKED:
            return status, self.rng.randint(10, 60)
        if status is RoadmapStatus.CANCELLED:
            return status, self.rng.randint(0, 40)
        return status, 0

    def build_roadmap(self) -> None:
        plan = self.plan
        window_start = min(MANDATE_START, self.history_start)
        window_days = (MANDATE_END - window_start).days
        owners = [self.named[key] for key in ("mission", "dgs", "ads", "finance", "hr")
                  if key in self.named]
        owners += [a for a in self.mayors if "bureau" in a.tags]
        partners = (self.communes + self.by_kind[ActorKind.PUBLIC_BODY]
                    + self.by_kind[ActorKind.ASSOCIATION] + self.by_kind[ActorKind.COMPANY]
                    + self.by_kind[ActorKind.CITIZEN_GROUP])
        base = min(plan.roadmap, len(_ROADMAP))
        for index in range(plan.roadmap):
            template = _ROADMAP[index % len(_ROADMAP)]
            objective, lever_key, start_day, length, indicator, means, description, after = (
                template)
            if index < base:
                start = MANDATE_START + timedelta(days=start_day + self.rng.randint(-10, 10))
                depends = [self.roadmap[i].id for i in after if i < len(self.roadmap)]
            else:
                objective = f"{objective} — {self.pick(_ROADMAP_VARIANTS)}"
                start = window_start + timedelta(
                    days=int(window_days * 0.9 * self.rng.random() ** 1.3))
                length = self.rng.randint(45, 540)
                earlier = [item for item in self.roadmap
                           if item.due is not None and item.due <= start]
                depends = ([item.id for item in self.sample(earlier, self.rng.randint(1, 2))]
                           if earlier and self.chance(0.25) else [])
            due = min(MANDATE_END, start + timedelta(days=max(1, length
                                                                + self.rng.randint(-15, 15))))
            milestone = index % len(_ROADMAP) in _MILESTONES
            status, progress = self.roadmap_status(start, due)
            owner_ids = [a.id for a in self.sample(owners, self.rng.randint(1, 2))]
            partner_ids = [a.id for a in self.sample(partners, self.rng.randint(0, 4))
                           if a.id not in owner_ids]
            lever = self.levers.get(lever_key)
            created_on = min(start, self.today) - timedelta(days=self.rng.randint(5, 40))
            self.roadmap.append(RoadmapItem(
                **self.meta(created_on, min(self.today, created_on
                                            + timedelta(days=self.rng.randint(0, 200)))),
                objective=objective,
                description=description,
                lever_id=lever.id if lever and not (index >= base and self.chance(0.03))
                else None,
                owner_ids=owner_ids,
                partner_ids=partner_ids,
                start=start,
                due=due,
                means=Means(
                    budget_eur=(float(self.rng.randrange(0, 150_000, 2_500))
                                if self.chance(0.7) else None),
                    staff_fte=self.pick((0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5))
                    if self.chance(0.6) else None,
                    text=means,
                ),
                status=status,
                progress=progress,
                milestone=milestone,
                depends_on=depends,
                indicator=indicator,
            ))
        self.ensure_late_roadmap()

    def ensure_late_roadmap(self) -> None:
        """Some objectives must be late at ``today``, whatever the draws gave."""
        late = [item for item in self.roadmap if item.is_late(self.today)]
        overdue_done = [item for item in self.roadmap if item.due is not None
                        and item.due < self.today and item.status is RoadmapStatus.DONE]
        for item in sorted(overdue_done, key=lambda i: i.due or self.today, reverse=True):
            if len(late) >= self.plan.min_late_roadmap:
                break
            item.status = RoadmapStatus.IN_PROGRESS
            item.progress = self.rng.randint(60, 90)
            late.append(item)

    # ------------------------------------------------------------------ meetings

    def meeting_schedule(self) -> list[tuple[MeetingKind, date, bool]]:
        """Kind, day and whether it is still to come, oldest first."""
        plan = self.plan
        past = plan.meetings - plan.upcoming
        span = plan.history_days - 5
        days: list[date] = []
        for index in range(past):
            back = 5 + (span * (past - 1 - index) // max(1, past - 1))
            jitter = min(3, span // max(1, past) // 4)
            back = max(3, back + self.rng.randint(-jitter, jitter))
            days.append(_weekday(self.today - timedelta(days=back)))
        days.sort()
        ahead = [_weekday(self.today + timedelta(days=8 + 9 * index + self.rng.randint(0, 3)))
                 for index in range(plan.upcoming)]
        if plan.curated:
            kinds = list(_SMALL_KINDS)
        else:
            kinds = [self.weighted(_LARGE_KIND_WEIGHTS) for _ in range(plan.meetings)]
        return [(kind, day, day > self.today)
                for kind, day in zip(kinds, days + sorted(ahead), strict=True)]

    def invitees(self, kind: MeetingKind, commune: Actor) -> list[tuple[Actor, bool]]:
        """Who is expected, and whether they vote."""
        named = self.named
        staff = [(named[key], False) for key in ("dgs", "mission")]
        bureau = [a for a in self.mayors if "bureau" in a.tags]
        others = [a for a in self.mayors if "bureau" not in a.tags]
        if kind is MeetingKind.COUNCIL:
            rows = [(a, True) for a in self.councillors] + staff
        elif kind is MeetingKind.BUREAU:
            rows = [(a, True) for a in bureau] + staff
        elif kind is MeetingKind.MAYORS_CONFERENCE:
            rows = [(a, True) for a in self.mayors] + staff
        elif kind is MeetingKind.COPIL:
            rows = [(a, False) for a in bureau[:3] + self.sample(others, self.rng.randint(3, 5))]
            rows += staff + [(a, False) for a in self.sample(self.by_kind[ActorKind.PUBLIC_BODY],
                                                             2)]
        elif kind is MeetingKind.COTECH:
            services = [a for a in self.by_kind[ActorKind.SERVICE]
                        if a.parent_id == named["community"].id]
            rows = staff + [(a, False) for a in self.sample(services, self.rng.randint(2, 5))]
            rows += [(a, False) for a in self.sample(list(self.commune_services.values()),
                                                     self.rng.randint(1, 3))]
        elif kind is MeetingKind.WORKSHOP:
            rows = [(named["mission"], False), (named["vp_culture"], False)]
            for group, low, high in ((ActorKind.ASSOCIATION, 2, 5),
                                     (ActorKind.CITIZEN_GROUP, 1, 2),
                                     (ActorKind.COMPANY, 0, 2)):
                rows += [(a, False) for a in self.sample(self.by_kind[group],
                                                         self.rng.randint(low, high))]
            rows += [(a, False) for a in self.sample(others, self.rng.randint(1, 3))]
        elif kind is MeetingKind.BILATERAL:
            rows = [(named["vp_mutualisation"], False), (named["mission"], False),
                    (self.mayor_of[commune.name], False)]
            service = self.commune_services.get(commune.name)
            if service is not None:
                rows.append((service, False))
        else:
            rows = [(named["president"], False), (named["vp_mutualisation"], False),
                    (named["mission"], False)]
            rows += [(a, False) for a in self.sample(self.by_kind[ActorKind.CITIZEN_GROUP], 2)]
            rows += [(a, False) for a in self.sample(self.by_kind[ActorKind.ASSOCIATION], 3)]
        unique: dict[str, tuple[Actor, bool]] = {}
        for actor, voting in rows:
            unique.setdefault(actor.id, (actor, voting))
        return list(unique.values())

    def attendance(
        self, rows: list[tuple[Actor, bool]], kind: MeetingKind, keep: set[str],
        forced: Sequence[Presence],
    ) -> list[Attendance]:
        """Who came: ``keep`` (facilitator, note taker) always does; ``forced`` statuses go
        to the first voting officials, so a meeting can show every case."""
        proxies_allowed = kind in (MeetingKind.COUNCIL, MeetingKind.BUREAU)
        statuses: list[Presence] = []
        pending = list(forced)
        for actor, voting in rows:
            if actor.id in keep:
                statuses.append(Presence.PRESENT)
                continue
            if pending and voting and actor.kind is ActorKind.ELECTED:
                statuses.append(pending.pop(0))
                continue
            status = self.weighted([(Presence.PRESENT, 78), (Presence.EXCUSED, 10),
                                    (Presence.ABSENT, 4), (Presence.REPRESENTED, 5),
                                    (Presence.SUBSTITUTED, 3)])
            if status is Presence.REPRESENTED and not (voting and proxies_allowed):
                status = Presence.EXCUSED
            if status is Presence.SUBSTITUTED and actor.kind not in (ActorKind.ELECTED,
                                                                      ActorKind.PUBLIC_BODY):
                status = Presence.PRESENT
            statuses.append(status)
        holders = [actor.id for (actor, voting), status in zip(rows, statuses, strict=True)
                   if voting and status is Presence.PRESENT]
        self.rng.shuffle(holders)
        result: list[Attendance] = []
        for (actor, voting), status in zip(rows, statuses, strict=True):
            proxy_id: str | None = None
            substitute = ""
            if status is Presence.REPRESENTED:
                if holders:
                    proxy_id = holders.pop()
                else:
                    status = Presence.EXCUSED
            elif status is Presence.SUBSTITUTED:
                substitute = (f"{self.passer_by()} (suppléant·e)"
                              if actor.kind is ActorKind.ELECTED
                              else f"{self.passer_by()}, adjoint·e")
            result.append(Attendance(actor_id=actor.id, status=status, proxy_id=proxy_id,
                                     substitute=substitute, voting=voting))
        return result

    def vote(self, rows: list[Attendance]) -> Vote:
        voters = [self.actor_by_id[row.actor_id].name for row in rows if row.voting
                  and row.status in (Presence.PRESENT, Presence.REPRESENTED,
                                     Presence.SUBSTITUTED)]
        count = len(voters)
        no = self.rng.randint(0, count // 6)
        abstain = self.rng.randint(0, count // 8)
        yes = count - no - abstain
        if not self.chance(0.4):
            return Vote(yes=yes, no=no, abstain=abstain)
        self.rng.shuffle(voters)
        return Vote(yes=yes, no=no, abstain=abstain, public=True, yes_names=voters[:yes],
                    no_names=voters[yes:yes + no], abstain_names=voters[yes + no:])

    def agenda(
        self, kind: MeetingKind, previous: Meeting | None, held: bool, host: Actor
    ) -> list[tuple[AgendaItem, str]]:
        """The agenda, each item with the decision it led to ("" for none)."""
        templates: list[_AgendaTemplate] = []
        if previous is not None:
            what = ("procès-verbal de la séance" if kind is MeetingKind.COUNCIL
                    else "compte rendu de la réunion")
            when = _fr_date(previous.on)
            templates.append((f"Approbation du {what} du {when}", 5,
                              "- Aucune remarque", f"Le {what} du {when} est approuvé"))
        pool = _AGENDA[kind]
        chosen = sorted(self.sample(range(len(pool)), self.rng.randint(2, min(4, len(pool)))))
        templates += [pool[index] for index in chosen]
        if kind in _APPROVED_KINDS and self.chance(0.6):
            templates.append(_CLOSING_ITEM)
        items: list[tuple[AgendaItem, str]] = []
        for title, minutes, notes, decision in templates:
            context = (self.context(commune=host.name) if kind is MeetingKind.BILATERAL
                       else self.context())
            elapsed = 0
            if held:
                elapsed = int(minutes * 60 * self.rng.uniform(0.6, 1.5)) // 10 * 10
            item = AgendaItem(id=self.uid(), title=title, planned_minutes=minutes,
                              notes=notes.format_map(context) if held else "",
                              elapsed_seconds=elapsed)
            items.append((item, decision.format_map(context)))
        return items

    def actions(self, kind: MeetingKind, on: date, rows: list[Attendance],
                agenda: list[AgendaItem]) -> list[Action]:
        low, high = {MeetingKind.COUNCIL: (1, 2), MeetingKind.BILATERAL: (1, 2),
                     MeetingKind.OTHER: (0, 1), MeetingKind.COPIL: (2, 4),
                     MeetingKind.COTECH: (2, 4)}.get(kind, (1, 3))
        present = [row.actor_id for row in rows if row.status is Presence.PRESENT]
        actions: list[Action] = []
        for text in self.sample(_ACTIONS, self.rng.randint(low, high)):
            due = on + timedelta(days=self.rng.randint(7, 60))
            if due < self.today:
                status = self.weighted([(ActionStatus.DONE, 70), (ActionStatus.OPEN, 16),
                                        (ActionStatus.POSTPONED, 8), (ActionStatus.CANCELLED, 6)])
            else:
                status = self.weighted([(ActionStatus.OPEN, 80), (ActionStatus.DONE, 20)])
            done_on = None
            if status is ActionStatus.DONE:
                latest = min(due, self.today)
                span = max(0, (latest - on).days)
                done_on = on + timedelta(days=self.rng.randint(min(1, span), span))
            owner_id = self.pick(present) if present and self.chance(0.85) else None
            actions.append(Action(
                id=self.uid(),
                text=self.fill(text),
                owner_id=owner_id,
                owner_name="" if owner_id else self.fill(self.pick(_UNLISTED_OWNERS)),
                due=due,
                status=status,
                done_on=done_on,
                agenda_item_id=(self.pick(agenda).id if agenda and self.chance(0.6) else None),
            ))
        return actions

    def decisions(self, kind: MeetingKind, rows: list[Attendance],
                  agenda: list[tuple[AgendaItem, str]]) -> list[Decision]:
        """The decisions the agenda items led to; the council votes on each of its own."""
        decisions: list[Decision] = []
        for item, text in agenda:
            if not text or (kind is not MeetingKind.COUNCIL and not self.chance(0.75)):
                continue
            voted = kind is MeetingKind.COUNCIL or (kind is MeetingKind.BUREAU
                                                     and self.chance(0.5))
            decisions.append(Decision(id=self.uid(), text=text, agenda_item_id=item.id,
                                      vote=self.vote(rows) if voted else None))
        return decisions

    def title(self, kind: MeetingKind, on: date, number: int, commune: Actor) -> str:
        if kind is MeetingKind.COUNCIL:
            return f"Conseil communautaire du {_fr_date(on)}"
        if kind is MeetingKind.BUREAU:
            return f"Bureau communautaire du {_fr_date(on)}"
        if kind is MeetingKind.MAYORS_CONFERENCE:
            return f"Conférence des maires n°{number}"
        if kind is MeetingKind.COPIL:
            return f"COPIL mutualisation n°{number}"
        if kind is MeetingKind.COTECH:
            return f"COTECH mutualisation n°{number}"
        if kind is MeetingKind.WORKSHOP:
            return f"Atelier « {_WORKSHOP_THEMES[(number - 1) % len(_WORKSHOP_THEMES)]} »"
        if kind is MeetingKind.BILATERAL:
            return f"Rencontre bilatérale — {commune.name}"
        return f"Réunion publique — {self.pick(_PUBLIC_THEMES)}"

    def place(self, kind: MeetingKind, meeting_format: MeetingFormat, commune: Actor) -> str:
        central = self.commune_names[0]
        if meeting_format is MeetingFormat.VIDEO:
            return "Visioconférence"
        if kind in (MeetingKind.COUNCIL, MeetingKind.COPIL):
            return f"Salle du conseil communautaire, {central}"
        if kind in (MeetingKind.BUREAU, MeetingKind.COTECH):
            return f"Siège de la communauté, {central}"
        if kind is MeetingKind.BILATERAL:
            return f"Mairie de {commune.name}"
        if kind is MeetingKind.WORKSHOP:
            return f"Salle polyvalente de {commune.name}"
        return f"Salle des fêtes de {commune.name}"

    def host_commune(self, kind: MeetingKind) -> Actor:
        """Where a meeting goes: bilaterals go to the communes that hold back."""
        if kind is MeetingKind.BILATERAL:
            wary = [c for c in self.communes[1:]
                    if self.mayor_of[c.name].private.role in (Role.RELUCTANT, Role.FOLLOWER)]
            if wary:
                return self.pick(wary)
        return self.pick(self.communes[1:])

    def build_meetings(self) -> None:
        named = self.named
        leads: dict[MeetingKind, tuple[str, str]] = {
            MeetingKind.COUNCIL: ("president", "mission"),
            MeetingKind.BUREAU: ("president", "dgs"),
            MeetingKind.MAYORS_CONFERENCE: ("president", "mission"),
            MeetingKind.COPIL: ("vp_mutualisation", "mission"),
            MeetingKind.COTECH: ("dgs", "mission"),
            MeetingKind.WORKSHOP: ("mission", "dgs"),
            MeetingKind.BILATERAL: ("vp_mutualisation", "mission"),
            MeetingKind.OTHER: ("president", "mission"),
        }
        numbers: dict[MeetingKind, int] = {}
        previous: dict[MeetingKind, Meeting] = {}
        forced_done = not self.plan.curated
        for kind, on, upcoming in self.meeting_schedule():
            numbers[kind] = numbers.get(kind, 0) + 1
            commune = self.host_commune(kind)
            meeting_format = self.weighted(_KIND_FORMATS[kind])
            facilitator, note_taker = (named[key] for key in leads[kind])
            rows = self.invitees(kind, commune)
            earlier = previous.get(kind) if kind in _APPROVED_KINDS else None
            agenda = self.agenda(kind, earlier, not upcoming, commune)
            start, end = _KIND_TIMES[kind]
            meeting_id = self.uid()
            if upcoming:
                attendance: list[Attendance] = []
                decisions: list[Decision] = []
                actions: list[Action] = []
                notes = self.fill(_UPCOMING_NOTES)
                created_on = self.today - timedelta(days=self.rng.randint(1, 20))
                updated_on = created_on
            else:
                forced: Sequence[Presence] = ()
                if not forced_done and kind is MeetingKind.COUNCIL:
                    forced, forced_done = list(Presence), True
                attendance = self.attendance(rows, kind, {facilitator.id, note_taker.id},
                                             forced)
                decisions = self.decisions(kind, attendance, agenda)
                actions = self.actions(kind, on, attendance, [item for item, _text in agenda])
                notes = "\n".join(f"- {self.fill(line)}" for line in
                                   self.sample(_PRIVATE_NOTES, self.rng.randint(0, 2)))
                created_on = on - timedelta(days=self.rng.randint(7, 30))
                updated_on = min(self.today, on + timedelta(days=self.rng.randint(0, 5)))
                if earlier is not None:
                    earlier.minutes_status = MinutesStatus.APPROVED
                    earlier.approved_in_id = meeting_id
            meta = self.meta(created_on, updated_on)
            meta["id"] = meeting_id
            voting = sum(row.voting for row in attendance)
            meeting = Meeting(
                **meta,
                title=self.title(kind, on, numbers[kind], commune),
                kind=kind,
                on=on,
                start=start,
                end=end,
                place=self.place(kind, meeting_format, commune),
                format=meeting_format,
                facilitator_id=facilitator.id,
                note_taker_id=note_taker.id,
                voting_members=(voting or None) if kind in (MeetingKind.COUNCIL,
                                                            MeetingKind.BUREAU) else None,
                attendance=attendance,
                agenda=[item for item, _decision in agenda],
                decisions=decisions,
                actions=actions,
                private_notes=notes,
                approves_id=earlier.id if earlier is not None and not upcoming else None,
            )
            self.meetings.append(meeting)
            if not upcoming and kind in _APPROVED_KINDS:
                previous[kind] = meeting
        following: dict[MeetingKind, date] = {}
        for meeting in reversed(self.meetings):
            cadence = timedelta(days=_KIND_CADENCE[meeting.kind])
            next_on = following.get(meeting.kind, _weekday(meeting.on + cadence))
            meeting.next_meeting_on = next_on
            meeting.next_meeting_note = ("Même lieu, même heure" if self.chance(0.5)
                                         else "Lieu à confirmer")
            following[meeting.kind] = meeting.on

    def link_roadmap_to_meetings(self) -> None:
        """A few objectives came out of a meeting, through one of its actions."""
        sources = [m for m in self.meetings if m.on < self.today and m.kind in (
            MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.COPIL,
            MeetingKind.MAYORS_CONFERENCE)]
        if not sources:
            return
        candidates = [item for item in self.roadmap if item.start is not None
                      and item.start >= sources[0].on
                      and item.status is not RoadmapStatus.CANCELLED]
        for item in self.sample(candidates, self.plan.linked_roadmap):
            start = item.start or self.today
            meeting = max((m for m in sources if m.on <= start), key=lambda m: m.on)
            action = Action(
                id=self.uid(),
                text=f"Inscrire à la feuille de route : {item.objective}",
                owner_id=item.owner_ids[0] if item.owner_ids else None,
                due=start,
                status=ActionStatus.DONE if start <= self.today else ActionStatus.OPEN,
                done_on=start if start <= self.today else None,
                roadmap_item_id=item.id,
            )
            meeting.actions.append(action)
            item.meeting_id = meeting.id
            item.action_id = action.id

    # ------------------------------------------------------------------ all

    def build(self) -> list[Record]:
        self.build_actors()
        self.build_relations()
        self.build_levers()
        self.build_roadmap()
        self.build_meetings()
        self.link_roadmap_to_meetings()
        territory = Territory(
            **self.meta(self.history_start),
            name=TERRITORY_NAME,
            communes=self.commune_names,
            mandate_start=MANDATE_START,
            mandate_end=MANDATE_END,
            language="fr",
        )
        return [territory, *self.actors, *self.relations, *self.levers.values(),
                *self.roadmap, *self.meetings]


def demo_records(size: DemoSize = "small", today: date = DEFAULT_TODAY) -> list[Record]:
    """Every record of the demo territory: the same ones for the same size and day."""
    if size not in PLANS:
        raise ValueError(f"unknown demo size {size!r}: small or large")
    return with_statutory_calendar(_Builder(PLANS[size], today).build(), today)


def demo_data(size: DemoSize = "small", today: date = DEFAULT_TODAY) -> Data:
    """The demo territory in the store file layout, ready to be written or opened."""
    from coop_tui.store.database import data_from_records

    return data_from_records(demo_records(size, today))
