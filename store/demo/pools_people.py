"""The demo's sizes and the pools it draws people, organisations and relations from (data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal, TypeVar

from coop_tui.store.models import (
    ActorKind,
    Channel,
    RelationKind,
    Role,
)

if TYPE_CHECKING:
    pass



DemoSize = Literal["small", "large"]

DEFAULT_TODAY = date(2026, 11, 26)
MANDATE_START = date(2026, 3, 15)
MANDATE_END = date(2032, 3, 15)
TERRITORY_NAME = "Communauté de communes du Val de Loubière"
DOMAIN = "val-de-loubiere.example.fr"

T = TypeVar("T")
# A role given by hand, none, or "draw" one from the weights of the actor's kind.
RoleChoice = Role | Literal["draw"] | None


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

SMALL_COMMUNES: tuple[tuple[str, int], ...] = (
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
COMMUNE_ROOTS = (
    "Arbelle", "Bréviande", "Chantemerle", "Chazerolles", "Montreval", "Vaudragon",
    "Saint-Didier", "Sainte-Colombe", "Saint-Romain", "Saint-Just", "Boisset", "Cordeval",
    "Bessonnières", "La Bâtie", "Granges", "Pouzols", "Rochenoire", "Sauvagnat", "Trézioux",
    "Vauxbrune", "Lavalette", "Mornand", "Souterraine", "Grandval", "Champvert",
)
COMMUNE_SUFFIXES = (
    "", "-sur-Loubière", "-en-Val", "-le-Haut", "-le-Bas", "-les-Bois", "-la-Forêt",
    "-sous-Roche",
)
FIRST_F = (
    "Claire", "Nathalie", "Sophie", "Isabelle", "Martine", "Catherine", "Sylvie", "Véronique",
    "Christine", "Hélène", "Anne", "Marie", "Céline", "Émilie", "Julie", "Laure", "Agnès",
    "Brigitte", "Odile", "Pascale", "Nadia", "Fatima", "Léa", "Camille", "Chantal",
)
FIRST_M = (
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Bernard", "Patrick", "Daniel", "Gérard",
    "Christophe", "Laurent", "Thierry", "Éric", "Olivier", "Didier", "Jacques", "Hervé", "Marc",
    "Denis", "Gilles", "Karim", "Mathieu", "Julien", "Yves", "Rémi",
)
SURNAMES = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Garcia", "David", "Bertrand", "Roux", "Vincent",
    "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Legrand",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Perrin",
    "Morin", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
    "Masson", "Duval", "Brun", "Giraud", "Joly", "Rivière", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Chapuis", "Vial", "Besson", "Ducret", "Perret", "Tissot", "Bouvier", "Rey",
    "Charvet", "Mazet", "Berthet",
)
MAIRIE_STREETS = ("place de l'Église", "Grande Rue", "place de la Mairie", "rue du Lavoir")
COUNCIL_RHYTHMS = (
    "Conseil municipal mensuel, le premier mardi du mois",
    "Conseil municipal tous les deux mois, le jeudi soir",
    "Conseil municipal trimestriel",
    "Conseil municipal mensuel, le dernier vendredi",
    "Conseil municipal environ toutes les six semaines, le lundi soir",
)
SHARED_SERVICES = (
    "Instruction des autorisations d'urbanisme par le service commun ADS",
    "Regroupement pédagogique intercommunal avec {other}",
    "Cantine scolaire partagée avec {other}",
    "Prêt de matériel technique (nacelle, broyeur) avec {other}",
    "Membre du groupement de commandes de fournitures",
    "Agent technique mis à disposition par la communauté deux jours par semaine",
    "Bibliothèque dans le réseau intercommunal de lecture publique",
    "Secrétaire de mairie partagée avec {other}",
)
VP_DELEGATIONS = (
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
MUNICIPAL_DELEGATIONS = (
    "aux affaires scolaires", "aux travaux", "aux finances", "à la vie associative",
    "à l'urbanisme", "aux solidarités", "à l'environnement", "à la communication",
)
# key, name, responsibilities ({person} is the head of the service), competences, tag
COMMUNITY_SERVICES: tuple[tuple[str, str, str, str, str], ...] = (
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
ASSOCIATIONS: tuple[tuple[str, str], ...] = (
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
PUBLIC_BODIES: tuple[tuple[str, str, str, str, str], ...] = (
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
COMPANIES = (
    "Laiterie coopérative du Val de Loubière", "Scierie Chapuis et fils", "Transports Besson",
    "Menuiserie Vial", "SCOP Énergies citoyennes du Val", "Carrières de Montclar",
    "Imprimerie Perret", "Bureau d'études Arnaud Conseil", "Boulangerie {s}",
    "Supérette de {c}", "Garage {s}", "Plomberie-chauffage {s}", "Multiservice de {c}",
    "Électricité {s}", "Hôtel-restaurant de {c}", "Pharmacie de {c}", "Taxi {s}",
    "Ferme {s} (vente directe)", "Camping de {c}", "Auto-école du Val",
)
CITIZEN_GROUPS = (
    "Collectif citoyen « Vivre au Val »", "Conseil de développement du Val de Loubière",
    "Collectif mobilité du Val", "Parents pour une cantine locale",
    "Habitant·e·s de {c} pour leur école", "Collectif des jeunes de {c}",
    "Comité de quartier de {c}", "Collectif « Loubière propre »",
    "Habitant·e·s de {c} pour le bureau de poste",
)

CHANNELS: dict[ActorKind, tuple[Channel, ...]] = {
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

R = Role
ROLE_WEIGHTS: dict[ActorKind, tuple[tuple[Role | None, int], ...]] = {
    ActorKind.COMMUNE: ((R.DRIVER, 2), (R.FOLLOWER, 4), (R.COUNTERWEIGHT, 1),
                        (R.RELUCTANT, 2), (R.NEUTRAL, 1), (None, 1)),
    ActorKind.COMMUNITY: ((R.DRIVER, 1),),
    ActorKind.ELECTED: ((R.DRIVER, 3), (R.FOLLOWER, 4), (R.COUNTERWEIGHT, 2),
                        (R.RELUCTANT, 2), (R.NEUTRAL, 1), (None, 1)),
    ActorKind.SERVICE: ((R.DRIVER, 2), (R.FOLLOWER, 3), (R.RELUCTANT, 1), (R.NEUTRAL, 4),
                        (None, 2)),
    ActorKind.ASSOCIATION: ((R.DRIVER, 2), (R.FOLLOWER, 3), (R.COUNTERWEIGHT, 1),
                            (R.RELUCTANT, 1), (R.NEUTRAL, 3), (None, 2)),
    ActorKind.PUBLIC_BODY: ((R.DRIVER, 1), (R.FOLLOWER, 1), (R.COUNTERWEIGHT, 3),
                            (R.RELUCTANT, 1), (R.NEUTRAL, 2), (None, 1)),
    ActorKind.COMPANY: ((R.FOLLOWER, 1), (R.COUNTERWEIGHT, 1), (R.RELUCTANT, 1),
                        (R.NEUTRAL, 3), (None, 2)),
    ActorKind.CITIZEN_GROUP: ((R.DRIVER, 1), (R.FOLLOWER, 1), (R.COUNTERWEIGHT, 2),
                              (R.RELUCTANT, 1), (R.NEUTRAL, 1)),
}
# role -> (influence range, interest range): drivers high/high, reluctant high/low,
# followers low/high, neutral low/low, counterweights high influence, middling interest.
SCORES: dict[Role, tuple[tuple[int, int], tuple[int, int]]] = {
    Role.DRIVER: ((3, 5), (4, 5)),
    Role.FOLLOWER: ((1, 2), (3, 4)),
    Role.COUNTERWEIGHT: ((4, 5), (2, 3)),
    Role.RELUCTANT: ((3, 5), (1, 2)),
    Role.NEUTRAL: ((1, 2), (1, 2)),
}
# The non-bureau mayors of the small demo, in commune order: a spread over every role.
MAYOR_ROLES = (Role.RELUCTANT, Role.FOLLOWER, Role.DRIVER, Role.FOLLOWER, Role.RELUCTANT,
                Role.NEUTRAL, Role.COUNTERWEIGHT, Role.FOLLOWER)
BLOCKAGES: tuple[tuple[str, str], ...] = (
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
STANCES: dict[Role, tuple[str, ...]] = {
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
CONTACT_SUBJECTS = (
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

RELATION_COUNTS: tuple[tuple[RelationKind, int], ...] = (
    (RelationKind.COOPERATION, 20), (RelationKind.INFORMATION, 12),
    (RelationKind.HIERARCHY, 8), (RelationKind.FUNDING, 8), (RelationKind.TENSION, 7),
    (RelationKind.COUNTERWEIGHT, 5),
)
RELATION_NOTES: dict[RelationKind, tuple[str, ...]] = {
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

