"""The pools the demo draws levers, the roadmap, meetings and their contents from (data)."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from coop_tui.store.models import (
    LeverStatus,
    MeetingFormat,
    MeetingKind,
)

if TYPE_CHECKING:
    pass



# ---------------------------------------------------------------------------- levers

# key -> status, items done, owner, due (days after the mandate start), notes, evidence
LEVER_STATES: dict[str, tuple[LeverStatus, int, str, int | None, str, tuple[str, ...]]] = {
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
RoadmapTemplate = tuple[str, str, int, int, str, str, str, tuple[int, ...]]
ROADMAP: tuple[RoadmapTemplate, ...] = (
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
MILESTONES = frozenset({2, 10, 22, 24, 29})
ROADMAP_VARIANTS = ("secteur Nord", "secteur Sud", "secteur Est", "secteur Ouest",
                     "phase 2", "phase 3", "bilan d'étape")

# ---------------------------------------------------------------------------- meetings

KIND_TIMES: dict[MeetingKind, tuple[time, time]] = {
    MeetingKind.COUNCIL: (time(18, 30), time(21, 0)),
    MeetingKind.BUREAU: (time(17, 30), time(19, 30)),
    MeetingKind.MAYORS_CONFERENCE: (time(18, 0), time(20, 30)),
    MeetingKind.COPIL: (time(14, 0), time(16, 30)),
    MeetingKind.COTECH: (time(9, 30), time(12, 0)),
    MeetingKind.WORKSHOP: (time(14, 0), time(17, 0)),
    MeetingKind.BILATERAL: (time(10, 0), time(11, 30)),
    MeetingKind.OTHER: (time(19, 0), time(21, 0)),
}
KIND_FORMATS: dict[MeetingKind, tuple[tuple[MeetingFormat, int], ...]] = {
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
KIND_CADENCE: dict[MeetingKind, int] = {
    MeetingKind.COUNCIL: 56, MeetingKind.BUREAU: 21, MeetingKind.MAYORS_CONFERENCE: 91,
    MeetingKind.COPIL: 84, MeetingKind.COTECH: 42, MeetingKind.WORKSHOP: 63,
    MeetingKind.BILATERAL: 120, MeetingKind.OTHER: 180,
}
# The meetings of the small demo, oldest first; the last ones are upcoming.
SMALL_KINDS = (
    MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.MAYORS_CONFERENCE, MeetingKind.COTECH,
    MeetingKind.COPIL, MeetingKind.COUNCIL, MeetingKind.COTECH, MeetingKind.WORKSHOP,
    MeetingKind.BILATERAL, MeetingKind.COPIL,
)
LARGE_KIND_WEIGHTS: tuple[tuple[MeetingKind, int], ...] = (
    (MeetingKind.COUNCIL, 8), (MeetingKind.BUREAU, 16), (MeetingKind.MAYORS_CONFERENCE, 4),
    (MeetingKind.COPIL, 6), (MeetingKind.COTECH, 12), (MeetingKind.WORKSHOP, 12),
    (MeetingKind.BILATERAL, 20), (MeetingKind.OTHER, 2),
)
# Kinds whose minutes the next meeting of the same kind approves.
APPROVED_KINDS = frozenset({MeetingKind.COUNCIL, MeetingKind.BUREAU, MeetingKind.COPIL,
                             MeetingKind.COTECH, MeetingKind.MAYORS_CONFERENCE})
WORKSHOP_THEMES = (
    "Culture commune : trouver notre patte", "Bassins de vie et besoins de services",
    "Associations et intercommunalité", "Prêt de matériel entre communes",
    "Mobilités du quotidien", "Petite enfance et jeunesse",
)
PUBLIC_THEMES = ("projet de territoire", "services de proximité", "mobilités")

# Placeholders in the texts below: {central}, {commune}, {commune2}, {person}, {n}.
# title, planned minutes, notes taken, decision taken on it ("" for none)
AgendaTemplate = tuple[str, int, str, str]
AGENDA: dict[MeetingKind, tuple[AgendaTemplate, ...]] = {
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
CLOSING_ITEM: AgendaTemplate = (
    "Questions diverses", 10, "- Calendrier des prochaines réunions\n"
    "- Forum des associations : appel à bénévoles", "")
ACTIONS = (
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
UNLISTED_OWNERS = ("Bureau d'études (à désigner)", "Agence d'urbanisme",
                    "Secrétaire de mairie de {commune}")
PRIVATE_NOTES = (
    "Le maire de {commune} est arrivé en retard et n'a rien dit : l'appeler cette semaine.",
    "Bonne dynamique entre {commune} et {commune2} ; s'appuyer sur ce binôme pour la suite.",
    "Tension perceptible sur les fonds de concours : prévoir une bilatérale avant le conseil.",
    "Remercier publiquement le secrétariat de {commune} pour les données transmises.",
    "Les petites communes se sont senties écoutées cette fois : garder ce format.",
    "{person} a beaucoup parlé ; donner davantage la parole aux autres la prochaine fois.",
)
UPCOMING_NOTES = (
    "- Préparer les simulations avant la séance\n"
    "- Appeler le maire de {commune} pour s'assurer de sa venue\n"
    "- Imprimer la carte des bassins de vie"
)
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")


# ---------------------------------------------------------------------------- helpers


