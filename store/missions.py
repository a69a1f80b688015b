"""The reference list of public-service missions a shared diagnostic counts, as data.

The schéma de mutualisation starts from « a shared diagnostic of the organisations in
place, their public-service missions and their staff »: these are the missions a commune,
the community, a syndicate or a CCAS usually carry. Each has a stable ASCII key that the
store keeps (``MissionStaff.mission``); keys never change once published, names may be
improved. A territory adds its own missions as records (``Mission``, table ``missions``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MissionSpec:
    """A reference mission: its key and its name in both languages."""

    key: str
    fr: str
    en: str

    def name(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


REFERENCE_MISSIONS: tuple[MissionSpec, ...] = (
    MissionSpec("reception", "Accueil et secrétariat de mairie",
                "Town-hall reception and secretariat"),
    MissionSpec("civil_status", "État civil", "Civil registration"),
    MissionSpec("town_planning", "Urbanisme et instruction ADS",
                "Town planning and permits (ADS)"),
    MissionSpec("roads", "Voirie", "Roads"),
    MissionSpec("early_childhood", "Petite enfance", "Early childhood"),
    MissionSpec("school_catering", "Restauration scolaire", "School catering"),
    MissionSpec("after_school", "Périscolaire", "After-school care"),
    MissionSpec("human_resources", "Ressources humaines", "Human resources"),
    MissionSpec("it", "Informatique", "IT"),
    MissionSpec("procurement", "Commande publique", "Public procurement"),
    MissionSpec("finance", "Finances et comptabilité", "Finance and accounting"),
    MissionSpec("archives", "Archives", "Archives"),
    MissionSpec("building_maintenance", "Entretien des bâtiments", "Building maintenance"),
    MissionSpec("green_spaces", "Espaces verts", "Green spaces"),
    MissionSpec("water", "Eau et assainissement", "Water and sanitation"),
)

_BY_KEY: dict[str, MissionSpec] = {spec.key: spec for spec in REFERENCE_MISSIONS}


def reference_mission(key: str) -> MissionSpec | None:
    """The reference mission with this key, or None (a mission of the user's own)."""
    return _BY_KEY.get(key)
