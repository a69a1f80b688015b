"""Keep the French catalogue complete and compiled.

    python scripts/i18n_catalog.py check      # every message translated, .mo up to date
    python scripts/i18n_catalog.py missing    # the untranslated messages, as .po entries
    python scripts/i18n_catalog.py compile    # merge the .po files into coop_tui.mo
    python scripts/i18n_catalog.py typography # French typography in every msgstr, fixed

Translations live in several .po files (one per area of the app) under
coop_tui/locale/fr/LC_MESSAGES/; they are merged into one compiled coop_tui.mo.
"""

from __future__ import annotations

import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from coop_tui.core import typography

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("coop_tui", "screens", "store")
PO_DIR = ROOT / "coop_tui" / "locale" / "fr" / "LC_MESSAGES"
MO_FILE = PO_DIR / "coop_tui.mo"
# NC_("action", "done"): a message whose French depends on what it names (une action
# « faite », un levier « fait »), told apart by its msgctxt.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "NC_": ((1, "c"), 2),
            "pgettext": ((1, "c"), 2)}
MessageKey = tuple[str, str | None]
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
# The plural rule the .po files are translated for: French's two forms. Babel 2.19 gives
# French a third form (millions, from newer CLDR data); taken from the locale, it would
# send every plural above one to a form no translation has, so English would show.
PLURAL_FORMS = "nplurals=2; plural=(n > 1);"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
_STRING_LINE = re.compile(r'^(msgstr(?:\[\d+\])?\s+|)"(.*)"\s*$')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_UNESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def extracted() -> dict[str, str]:
    """Every message id in the sources, with the first place it appears."""
    found: dict[str, str] = {}
    for (msgid, _context), where in extracted_keys().items():
        found.setdefault(msgid, where)
    return found


def extracted_keys() -> dict[MessageKey, str]:
    """Every message id with its context (msgctxt) in the sources, with the first place it
    appears."""
    found: dict[MessageKey, str] = {}
    for folder in SOURCES:
        for filename, lineno, message, _comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                found.setdefault((msgid, context), f"{folder}/{filename}:{lineno}")
    return found


def _entries() -> list[tuple[str, Message]]:
    """Every translated message of every .po file, with its file's name."""
    entries: list[tuple[str, Message]] = []
    for po in sorted(PO_DIR.glob("*.po")):
        with po.open("rb") as handle:
            entries += [(po.name, message) for message in read_po(handle, locale="fr")
                        if message.id]
    return entries


def merged() -> Catalog:
    """All .po files of the folder as one catalogue."""
    # Fixed dates: the compiled file must not change with the hour it is built at.
    catalog = Catalog(locale="fr", domain="coop_tui", project="coop-tui",
                      creation_date=FIXED_DATE, revision_date=FIXED_DATE)
    catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS)]
    for _name, message in _entries():
        catalog[message.id] = message
    return catalog


def clashes() -> list[str]:
    """Messages translated differently in two .po files: one wording per message."""
    first: dict[MessageKey, tuple[str, object]] = {}
    out: list[str] = []
    for name, message in _entries():
        key = (message.id if isinstance(message.id, str) else message.id[0], message.context)
        if key in first and first[key][1] != message.string:
            out.append(f"{name}: {key!r} is translated differently in {first[key][0]}")
        first.setdefault(key, (name, message.string))
    return out


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def translations(mo: bytes) -> tuple[str, list[tuple[object, object]]]:
    """What a compiled catalogue says (plural rule and messages), without the header line
    naming the Babel version that wrote it: a newer Babel must not make it stale."""
    catalog = read_mo(io.BytesIO(mo))
    return catalog.plural_forms, [(message.id, message.string) for message in catalog
                                  if message.id]


def problems() -> list[str]:
    catalog = merged()
    found = extracted_keys()
    out: list[str] = clashes()
    out += [f"{line} (python scripts/i18n_catalog.py typography fixes it)"
            for line in typography_faults()]
    for (msgid, context), where in sorted(found.items(), key=lambda pair: pair[1]):
        message = catalog.get(msgid, context=context)
        strings = message.string if message else None
        texts = list(strings) if isinstance(strings, tuple) else [strings]
        if message is None or not all(texts):
            out.append(f"{where}: no French translation for {msgid!r}")
            continue
        for text in texts:
            if set(PLACEHOLDER.findall(str(text))) != set(PLACEHOLDER.findall(msgid)):
                out.append(f"{where}: placeholders differ in the translation of {msgid!r}")
    if not MO_FILE.exists() or \
            translations(MO_FILE.read_bytes()) != translations(compiled(catalog)):
        out.append(f"{MO_FILE.relative_to(ROOT)} is out of date: run "
                   "python scripts/i18n_catalog.py compile")
    return out


def missing_entries() -> str:
    catalog = merged()
    lines: list[str] = []
    for (msgid, context), where in sorted(extracted_keys().items(), key=lambda pair: pair[1]):
        message = catalog.get(msgid, context=context)
        if message is None or not message.string:
            lines += [f"#: {where}", *([f"msgctxt {_quote(context)}"] if context else []),
                      f"msgid {_quote(msgid)}", 'msgstr ""', ""]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unescaped(literal: str) -> str:
    return re.sub(r"\\(.)", lambda found: _UNESCAPES.get(found[1], found[1]), literal)


def _escaped(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def _fixed_message(lines: list[str], prefixes: list[str]) -> list[str]:
    """One msgstr's lines with the typography fixed, each line break where it was."""
    pieces = [_unescaped(_STRING_LINE.match(line)[2]) for line in lines]  # type: ignore[index]
    text, moved = typography.fixed_with_positions("".join(pieces))
    if text == "".join(pieces):
        return lines
    out: list[str] = []
    start = 0
    for prefix, piece in zip(prefixes, pieces, strict=True):
        end = start + len(piece)
        out.append(f'{prefix}"{_escaped(text[moved[start]:moved[end]])}"\n')
        start = end
    return out


def fixed_po(source: str) -> str:
    """A .po file's text with French typography applied to every msgstr (the header and
    the English msgids left alone); everything else byte for byte as it was."""
    lines = source.splitlines(keepends=True)
    out: list[str] = []
    index = 0
    while index < len(lines):
        start = _STRING_LINE.match(lines[index])
        if not (start and start[1].startswith("msgstr")) or _is_header(lines, index):
            out.append(lines[index])
            index += 1
            continue
        group, prefixes = [lines[index]], [start[1]]
        index += 1
        while index < len(lines) and lines[index].startswith('"'):
            group.append(lines[index])
            prefixes.append("")
            index += 1
        out += _fixed_message(group, prefixes)
    return "".join(out)


def _is_header(lines: list[str], index: int) -> bool:
    """The msgstr of the empty msgid: the catalogue's header, not a message."""
    return index > 0 and lines[index - 1].strip() == 'msgid ""' and \
        index + 1 < len(lines) and lines[index + 1].startswith('"')


def typography_faults() -> list[str]:
    """Every French translation that breaks the typography rule, one line each."""
    out: list[str] = []
    for name, message in _entries():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            out += [f"{name}: {fault.describe(text)}" for fault in typography.faults(text or "")]
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "compile":
        MO_FILE.write_bytes(compiled(merged()))
        return 0
    if command == "typography":
        for po in sorted(PO_DIR.glob("*.po")):
            source = po.read_text(encoding="utf-8")
            if fixed_po(source) != source:
                po.write_text(fixed_po(source), encoding="utf-8")
                print(f"fixed {po.relative_to(ROOT)}")
        return 0
    if command == "missing":
        print(missing_entries())
        return 0
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
