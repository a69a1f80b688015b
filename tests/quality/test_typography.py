"""French typography is a rule the catalogue keeps (docs/style.md): every msgstr is checked,
and the fixer the integrator runs on any .po mends only prose."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from coop_tui.core.typography import NBSP, faults, fixed

ROOT = Path(__file__).resolve().parents[2]
PO_DIR = ROOT / "coop_tui" / "locale" / "fr" / "LC_MESSAGES"


def _catalog_script() -> ModuleType:
    script = ROOT / "scripts" / "i18n_catalog.py"
    spec = importlib.util.spec_from_file_location("i18n_catalog", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_catalog"] = module
    spec.loader.exec_module(module)
    return module


def _french_strings() -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for po in sorted(PO_DIR.glob("*.po")):
        with po.open("rb") as handle:
            for message in read_po(handle, locale="fr"):
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                found += [(po.name, text) for text in strings if text]
    return found


def test_every_french_message_keeps_the_typography() -> None:
    broken = [f"{name}: {fault.describe(text)}"
              for name, text in _french_strings() for fault in faults(text)]
    assert broken == [], "python scripts/i18n_catalog.py typography fixes:\n" + "\n".join(broken)


@pytest.mark.parametrize(("prose", "expected"), [
    ("Acteurs : ajouter", f"Acteurs{NBSP}: ajouter"),
    ("Date:", f"Date{NBSP}:"),
    ("Supprimer ?", f"Supprimer{NBSP}?"),
    ("Vraiment !", f"Vraiment{NBSP}!"),
    ("un ; deux", f"un{NBSP}; deux"),
    ("« {name} » ajouté.", f"«{NBSP}{{name}}{NBSP}» ajouté."),
    ("«x»", f"«{NBSP}x{NBSP}»"),
    ("(lequel ?)", f"(lequel{NBSP}?)"),
    ("rien\u202f!", f"rien{NBSP}!"),
])
def test_the_fixer_puts_a_no_break_space_where_prose_wants_one(prose: str, expected: str) -> None:
    assert fixed(prose) == expected
    assert faults(expected) == []
    assert fixed(expected) == expected


@pytest.mark.parametrize("code", [
    "{name!r} inconnu", "{value:.1f} %", "à 10:30", "https://exemple.fr/a?b=1",
    "tapez D: ou A:", "Nom;Type;Courriel", "hh:mm", "[b]x:y[/b]", "';'",
])
def test_the_fixer_leaves_code_alone(code: str) -> None:
    assert fixed(code) == code
    assert faults(code) == []


PO_SAMPLE = '''\
# A catalogue an engineer adds.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"

#: screens/x.py:1
msgid "Delete: {name!r}?"
msgstr "Supprimer : {name!r} ?"

msgid "Long"
msgstr ""
"Première ligne "
": suite « cité » à 10:30 ; voir https://exemple.fr\\n"
"fin !"

msgid "{count} item"
msgid_plural "{count} items"
msgstr[0] "{count} élément :"
msgstr[1] "{count} éléments :"
'''


def test_the_po_fixer_mends_only_the_french_and_keeps_the_lines(tmp_path: Path) -> None:
    script = _catalog_script()
    result = script.fixed_po(PO_SAMPLE)
    assert script.fixed_po(result) == result
    assert result.count("\n") == PO_SAMPLE.count("\n")
    assert '"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"' in result
    assert 'msgid "Delete: {name!r}?"' in result
    assert f'msgstr "Supprimer{NBSP}: {{name!r}}{NBSP}?"' in result
    assert f'"Première ligne{NBSP}"' in result
    assert f'": suite «{NBSP}cité{NBSP}» à 10:30{NBSP}; voir https://exemple.fr\\n"' in result
    assert f'"fin{NBSP}!"' in result
    assert f'msgstr[1] "{{count}} éléments{NBSP}:"' in result
    po = tmp_path / "new.po"
    po.write_text(result, encoding="utf-8")
    with po.open("rb") as handle:
        assert all(not faults(str(message.string)) for message in read_po(handle) if message.id
                   and isinstance(message.string, str))


# One inclusive-writing convention (docs/style.md): the middle dot once, the plural after it
# (participant·es, suiveur·euses); « acteur » names a record (a commune as much as a person)
# and takes no dot; the words for people in a role never stand in the masculine alone.
OTHER_CONVENTIONS = {
    "a second middle dot (·e·s): one dot, then the plural (·es)": re.compile(r"·\w+·"),
    "« acteur » with a middle dot: an actor is a record, « acteur »": re.compile(r"(?i)acteur·"),
    "a role word in the masculine alone": re.compile(
        r"(?i)\b(suiveurs?|réticents?|participants?|élus?)\b(?!·)"),
    "an attendance heading in the masculine alone": re.compile(
        r"^(Présents|Excusés|Absents|Représentés|Suppléés)\b"),
}


def test_one_inclusive_writing_convention() -> None:
    broken = [f"{name}: {why}: {text!r}" for name, text in _french_strings()
              for why, pattern in OTHER_CONVENTIONS.items() if pattern.search(text)]
    assert broken == [], "\n".join(broken)


def test_the_convention_check_finds_the_other_forms() -> None:
    samples = ["acteur·rice·s", "Acteur·rices", "Suiveurs", "les participants", "Excusés"]
    assert all(any(p.search(text) for p in OTHER_CONVENTIONS.values()) for text in samples)
    assert not any(p.search("suiveur·euses, participant·es et acteurs")
                   for p in OTHER_CONVENTIONS.values())
