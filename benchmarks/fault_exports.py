"""Every export, many times over: tricky text comes back as the same text, tables keep
their shape, no raw HTML gets through; and a private canary appears in no export made
without the explicit private option, in either language.

Exports are made by the ``coop-tui`` command (in this process, through click's runner)
and read back with the parsers a reader would use: markdown-it-py, Python's HTML parser,
icalendar, csv.
"""

from __future__ import annotations

import csv
import io
import json
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from benchmarks.fault_common import NOTHING_LOST, Row, demo_store

TRICKY = (
    "a|b", "*gras*", "_souligné_", "snake_case_name", "# pas un titre", "titre #",
    "`code`", "<script>alert(1)</script>", "<b>x</b>", "[x](y)", "![img](u)",
    "acteur.rice.s", "impliqué·e·s", "1984. une année", "1. pas une liste", "2026) non plus",
    "- tiret", "+ plus", "> citation", "---", "***", "&amp; &copy; &#35;", "C:\\chemin\\",
    "~~barré~~", "a\\|b", "\\", "[bold]X[/]", "100 %", "L'Isle-sur-Loubière", "x_", "_x",
    "**", "<!-- c", "<http://x.fr>", "{path}", "%s", "\"guillemets\"", "; virgule, point",
)
LANGUAGES = ("fr", "en")


def tricky(rng: random.Random) -> str:
    """One line of 1 to 3 tricky pieces, maybe with words between; never empty."""
    parts = [rng.choice(TRICKY) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        parts.insert(rng.randint(0, len(parts)), rng.choice(("Copil", "voirie", "élu·e·s")))
    return " ".join(parts)


@contextmanager
def language(lang: str) -> Iterator[None]:
    from coop_tui.core.i18n import language as current
    from coop_tui.core.i18n import set_language

    before = current()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def export(*args: str) -> str:
    """``coop-tui ARGS`` in this process: its standard output (raises on a failure)."""
    from click.testing import CliRunner

    from coop_tui.shell.cli import cli

    result = CliRunner().invoke(cli, list(args))
    if result.exit_code != 0:
        raise RuntimeError(f"coop-tui {' '.join(args)}: {result.stderr or result.output}")
    return result.stdout


# ---------------------------------------------------------------------------- reading back


def markdown_reading(document: str, *, html_on: bool = True,
                     ) -> tuple[list[str], list[list[list[str]]], bool]:
    """A Markdown export as a reader sees it: the inline texts, the tables (rows of cells),
    and whether any raw HTML got through."""
    from coop_tui.core.exports import markdown as md

    texts: list[str] = []
    tables: list[list[list[str]]] = []
    html = False
    row: list[str] | None = None
    for token in md.parser(html=html_on).parse(document):  # a reader may show raw HTML
        html = html or token.type == "html_block"
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            tables[-1].append(row)
            row = None
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            html = html or child.type == "html_inline"
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
        texts.append("".join(parts))
        if row is not None:
            row.append(texts[-1])
    return texts, tables, html


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "article", "header",
                "section", "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em",
                "code", "table", "thead", "tbody", "tr", "th", "td", "br", "hr", "footer",
                "div", "span", "blockquote", "pre", "dl", "dt", "dd", "small", "nav",
                # Notes are Markdown: a link or an image typed in them is one.
                "a", "img"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def html_reading(document: str) -> tuple[str, set[str]]:
    """An HTML export as a browser reads it: its text, and the tags it holds."""
    page = _Page()
    page.feed(document)
    return "".join(page.texts), page.tags


# ---------------------------------------------------------------------------- round trips


def _plant(store: Path, rng: random.Random) -> dict[str, Any]:
    """Tricky text in one meeting (title, notes, an action), its action's owner and a
    roadmap item; the values as stored."""
    from coop_tui.store.database import open_store
    from coop_tui.store.models import Action, Actor, Meeting

    repository = open_store(store)
    try:
        meetings = sorted((m for m in repository.all(Meeting) if m.agenda),
                          key=lambda m: m.on)
        meeting = meetings[rng.randrange(len(meetings))]
        owner = repository.all(Actor)[rng.randrange(repository.count(Actor))]
        owner = owner.model_copy(update={"name": tricky(rng)})
        notes = [tricky(rng) for _ in range(2)]
        action = Action(text=tricky(rng), owner_id=owner.id, due=date(2026, 1, 15))
        item = meeting.agenda[0].model_copy(update={"notes": "\n".join(
            f"- {line}" for line in notes)})
        changed = meeting.model_copy(update={
            "title": tricky(rng), "agenda": [item, *meeting.agenda[1:]],
            "actions": [*meeting.actions, action.model_copy(update={
                "agenda_item_id": item.id})],
        })
        repository.save(owner, changed)
        stored = repository.get(Meeting, changed.id)
        stored_owner = repository.get(Actor, owner.id)
        assert stored is not None and stored_owner is not None
        return {"meeting": stored.id, "title": stored.title, "notes": notes,
                "action": stored.actions[-1].text, "owner": stored_owner.name}
    finally:
        repository.close()


def _same_shape(tables: list[list[list[str]]]) -> bool:
    """Every row of every table has as many cells as its header."""
    return all(len(row) == len(table[0]) for table in tables for row in table)


def _check_minutes_md(document: str, planted: dict[str, Any], full: bool) -> list[str]:
    """Typed lines (title, action, owner) read back exactly; the notes, which are Markdown,
    read back as their own Markdown reads; tables keep their shape; no raw HTML."""
    texts, tables, html = markdown_reading(document)
    wrong = []
    if html:
        wrong.append("raw HTML")
    heading = texts[0] == planted["title"] if full else any(
        planted["title"] in text for text in texts[:2])  # "Record of decisions: title"
    if not heading:
        wrong.append("title")
    if full:
        for line in planted["notes"]:
            # Notes are Markdown, raw HTML off: what their own reading shows must be there.
            expected = markdown_reading(f"- {line}", html_on=False)[0]
            if expected and expected[0] not in texts:
                wrong.append("notes")
                break
        if not any(row == [planted["action"], planted["owner"], row[2]]
                   for table in tables for row in table if len(row) == 3):
            wrong.append("action row")
    if not _same_shape(tables):
        wrong.append("table shape")
    return wrong


def _check_minutes_html(document: str, planted: dict[str, Any]) -> list[str]:
    text, tags = html_reading(document)
    wrong = []
    if tags - ALLOWED_TAGS:
        wrong.append("tags " + ",".join(sorted(tags - ALLOWED_TAGS)))
    if "javascript:" in document.lower():
        wrong.append("javascript link")
    for value in (planted["title"], planted["action"], planted["owner"]):
        if value not in text:
            wrong.append("text")
            break
    return wrong


def _check_ics(document: str, planted: dict[str, Any]) -> list[str]:
    import icalendar

    calendar = icalendar.Calendar.from_ical(document)
    summaries = [str(event.get("SUMMARY")) for event in calendar.walk("VEVENT")]
    return [] if planted["title"] in summaries else ["ics summary"]


def _check_csv(document: str, planted: dict[str, Any]) -> list[str]:
    text = document.lstrip("\ufeff")
    # French spreadsheets split on semicolons: the French list uses them.
    delimiter = ";" if text.split("\r\n", 1)[0].count(";") > text.split("\r\n", 1)[0].count(
        ",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    wrong = [] if _same_shape([rows]) else ["csv shape"]
    names = [row[0] for row in rows[1:]]
    owner = planted["owner"]
    # A cell that a spreadsheet would run as a formula is written with a leading quote.
    if owner not in names and "'" + owner not in names:
        wrong.append("csv name")
    return wrong


def _check_status(document: str, planted: dict[str, Any]) -> list[str]:
    texts, tables, html = markdown_reading(document)
    wrong = ["raw HTML"] if html else []
    if not _same_shape(tables):
        wrong.append("status table shape")
    if not any(planted["action"] in text for text in texts):
        wrong.append("status action")
    return wrong


def round_trip_once(rng: random.Random, lang: str) -> list[str]:
    """One store with tricky text, every export made and read back; what went wrong."""
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        store = demo_store(Path(scratch), "small")
        planted = _plant(store, rng)
        path, meeting = str(store), planted["meeting"]
        wrong: list[str] = []
        with language(lang):
            for template in ("full", "decisions", "pv"):
                wrong += [f"{template}: {what}" for what in _check_minutes_md(
                    export("export", "minutes", path, meeting, "--template", template),
                    planted, template == "full")]
            wrong += [f"html: {what}" for what in _check_minutes_html(export(
                "export", "minutes", path, meeting, "--format", "html"), planted)]
            wrong += _check_status(export("status", path, "--format", "md",
                                          "--date", "2026-11-26"), planted)
            wrong += _check_ics(export("export", "ics", path), planted)
            wrong += _check_csv(export("export", "actors", path), planted)
    return wrong


def export_round_trips(tries: int, seed: int = 19) -> Row:
    """Tricky text through minutes (md, html, pv), status, ics and the actor CSV."""
    rng = random.Random(seed)
    failures: dict[str, int] = {}
    bad = 0
    for number in range(tries):
        wrong = round_trip_once(rng, LANGUAGES[number % 2])
        bad += bool(wrong)
        for what in wrong:
            failures[what] = failures.get(what, 0) + 1
    outcome = (f"{tries - bad}/{tries} stores: same text back in minutes (md full, decisions, "
               f"pv; html), status, ics and CSV, same table shapes, no raw HTML")
    if failures:
        outcome += "; wrong: " + ", ".join(f"{what} ×{count}" for what, count in
                                           sorted(failures.items()))
    return Row("tricky text through every export", tries, outcome,
               NOTHING_LOST if not bad else f"{bad} stores changed in an export")


# ---------------------------------------------------------------------------- private canary

CANARY = "CANARY-7f3a9-private"


def canary_store(folder: Path) -> Path:
    """The demo store with the canary in every private field."""
    store = demo_store(folder, "small")
    plant_canary(store)
    return store


def plant_canary(store: Path) -> None:
    """Put the canary in every private field of ``store`` (a store file)."""
    data = json.loads(store.read_text(encoding="utf-8"))
    for actor in data["actors"].values():
        private = actor["private"]
        private["stance"] = f"{CANARY} stance"
        private["project_interests"] = f"{CANARY} interests"
        for blockage in private["blockages"]:
            blockage["text"] = f"{CANARY} blockage"
            blockage["reason"] = f"{CANARY} reason"
            for answer in blockage.get("answers", []):
                answer["text"] = f"{CANARY} answer"
    for relation in data["relations"].values():
        relation["note"] = f"{CANARY} relation"
    for meeting in data["meetings"].values():
        meeting["private_notes"] = f"{CANARY} private notes"
    store.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def every_export(store: Path) -> Iterator[tuple[str, str]]:
    """Every export of ``store`` made without the private option: (what, text)."""
    path = str(store)
    data = json.loads(store.read_text(encoding="utf-8"))
    for meeting in data["meetings"].values():
        for template in ("full", "decisions", "pv"):
            for fmt in ("md", "html"):
                yield (f"minutes {template} {fmt}",
                       export("export", "minutes", path, meeting["id"], "--template", template,
                              "--format", fmt))
    for fmt in ("text", "md"):
        yield f"status {fmt}", export("status", path, "--format", fmt)
    yield "ics", export("export", "ics", path)
    yield "actors csv", export("export", "actors", path)


def private_canary(languages: tuple[str, ...] = LANGUAGES) -> Row:
    """A canary in every private field: in no export without the private option; in the
    actor list when it is asked for (so the test can fail)."""
    made = leaked = 0
    leaks: set[str] = set()
    asked_for = True
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        store = canary_store(Path(scratch))
        for lang in languages:
            with language(lang):
                for what, text in every_export(store):
                    made += 1
                    if not text or CANARY in text:
                        leaked += 1
                        leaks.add(what)
                asked_for = asked_for and CANARY in export("export", "actors", str(store),
                                                           "--include-private")
    outcome = (f"{made - leaked}/{made} exports ({len(languages)} languages) without it; "
               f"present when --include-private asks: {'yes' if asked_for else 'no'}")
    if leaks:
        outcome += "; leaked by: " + ", ".join(sorted(leaks))
    return Row("private canary in every export", made, outcome,
               NOTHING_LOST if not leaked and asked_for else
               f"{leaked} exports leaked" if leaked else "nothing lost, but see outcome")
