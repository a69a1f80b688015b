"""Copy the screens the snapshot tests draw into docs/guide/, for the user guide.

    python scripts/guide_images.py          # copy (after --snapshot-update changed a screen)
    python scripts/guide_images.py check    # exit 1 when a picture is missing or stale

docs/guide.md shows the app as its tests see it: the pictures are the tests' own SVG
snapshots (tests/snapshots/__snapshots__/), copied under names that say what they show.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "snapshots" / "__snapshots__"
GUIDE_IMAGES = ROOT / "docs" / "guide"

# The guide's picture: the snapshot it is a copy of.
PICTURES = {
    "tableau-de-bord.svg": "test_dashboard_snapshots/test_dashboard_160x48_french.svg",
    "tableau-de-bord-80x24.svg": "test_dashboard_snapshots/test_dashboard_80x24_french.svg",
    "territoire.svg": "test_territory_snapshots/test_territory_form_80x24_french.svg",
    "acteur-fiche.svg": "test_actors_snapshots/test_actor_form_80x24_french.svg",
    "acteurs-carte.svg": "test_actors_snapshots/test_actors_160x48_french_commune.svg",
    "acteurs-carte-80x24.svg": "test_actors_snapshots/test_actors_80x24_map_french.svg",
    "leviers.svg": "test_levers_snapshots/test_levers_160x48_french_with_a_lever_open.svg",
    "feuille-de-route.svg": "test_roadmap_snapshots/test_wide_in_french.svg",
    "feuille-de-route-mois.svg": "test_roadmap_snapshots/test_months_80x24_in_french.svg",
    "reunions.svg": "test_meetings_snapshots/test_meetings_list_80x24_french.svg",
    "presences.svg": "test_meetings_snapshots/test_attendance_of_a_council_120x36_french.svg",
    "notes-en-direct.svg": "test_meetings_snapshots/test_live_notes_80x24_french.svg",
    "calendrier-legal.svg": "test_dashboard_snapshots/test_calendar_settings_100x30_french.svg",
}


def stale() -> list[str]:
    """The pictures missing from docs/guide/ or different from their snapshot."""
    return [name for name, source in PICTURES.items()
            if not (GUIDE_IMAGES / name).exists()
            or (GUIDE_IMAGES / name).read_bytes() != (SNAPSHOTS / source).read_bytes()]


def main(argv: list[str]) -> int:
    if len(argv) > 1 and argv[1] == "check":
        for name in stale():
            print(f"docs/guide/{name} is not its snapshot {PICTURES[name]}: "
                  "run python scripts/guide_images.py")
        return 1 if stale() else 0
    GUIDE_IMAGES.mkdir(exist_ok=True)
    for name in stale():
        (GUIDE_IMAGES / name).write_bytes((SNAPSHOTS / PICTURES[name]).read_bytes())
        print(f"docs/guide/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
