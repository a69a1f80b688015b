"""The user guide (docs/guide.md) shows the screens the tests draw, and names keys the app
has: its pictures are the snapshots' copies, and each key of its tables is bound."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide.md"


def test_the_guides_pictures_are_the_snapshots() -> None:
    result = subprocess.run([sys.executable, "scripts/guide_images.py", "check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_every_picture_the_guide_shows_exists() -> None:
    shown = re.findall(r"!\[[^\]]*\]\((guide/[^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert shown
    assert [name for name in shown if not (GUIDE.parent / name).exists()] == []


def test_the_help_names_the_guide() -> None:
    from coop_tui.ui.help import GUIDE as NAMED

    assert (ROOT / NAMED) == GUIDE


# How the guide writes a key, and how Textual names it.
KEY_NAMES = {"Espace": "space", "Entrée": "enter", "Échap": "escape", "[": "left_square_bracket",
             "]": "right_square_bracket", "{": "left_curly_bracket",
             "}": "right_curly_bracket", "<": "less_than_sign", ">": "greater_than_sign",
             "+": "plus", "-": "minus", "←": "left", "→": "right", "/": "slash",
             "?": "question_mark"}


def _bound_keys() -> set[str]:
    keys: set[str] = set()
    for folder in ("coop_tui", "screens"):
        for source in (ROOT / folder).rglob("*.py"):
            for found in re.findall(r'Binding\(\s*"([^"]+)"', source.read_text("utf-8")):
                keys.update(part.strip() for part in found.split(","))
    return keys


def test_every_key_in_the_guides_tables_is_bound() -> None:
    bound = _bound_keys()
    documented: set[str] = set()
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            first_cell = line.split("|")[1]
            documented.update(re.findall(r"`([^`]+)`", first_cell))
    assert len(documented) > 20
    missing = sorted(key for key in documented if KEY_NAMES.get(key, key) not in bound)
    assert missing == []
