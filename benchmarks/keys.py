"""The key count of issue 21: a territory set up and a meeting held from an empty store, in a
real terminal (tmux), with only the keys the footer, the help and the README document.

    python -m benchmarks.keys           # alone (about a minute)
    python -m benchmarks.run            # with the rest of the table

What is counted: every key that is not a character of a name, title, place, date or note
word. Line breaks count, and so does the notes' syntax (``D:``, ``@``, the comma before an
action's due date); the spaces between the words of a text are part of the text. Opening
the app and quitting it are not counted.

The scenario (the issue's):

- setup: the territory's name and its 10 member communes, then the 10 mayors as actors,
  each « Maire de … » and attached to their commune;
- the meeting: title, date, place; 3 agenda items; attendance of the 10 mayors (7 present,
  2 excused, 1 represented by a proxy given to an attendee); notes in each item, with
  2 decisions and 3 actions in all (the issue's count of the syntax, 19 keys, is that of
  2 decisions and 3 actions), each action with an owner and a due date; the minutes
  exported to a file.

A count is valid only if the result is right: the store file and the minutes are read back
and checked (:func:`verify`); a wrong result fails the benchmark instead of giving a number.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.pty_session import coop_tui_argv
from benchmarks.rows import Row
from benchmarks.tmux_driver import Tmux, tmux_running

GOALS = {"setup": 20, "meeting": 30}

TERRITORY = "Communauté de communes du Val de Sèvre"
COMMUNES = ["Aiffres", "Bessines", "Chauray", "Échiré", "François", "Mougon",
            "Prahecq", "Saint-Gelais", "Vouillé", "Sciecq"]
MAYORS = ["Anne Morel", "Bruno Petit", "Claire Dubois", "Denis Faure", "Élise Garnier",
          "Fabrice Henry", "Gaëlle Jacob", "Hugo Lambert", "Inès Marchand", "Jules Noël"]
TITLE = "Conférence des maires"
DATE = "15/01/2027"
PLACE = "Salle du conseil, Chauray"
AGENDA = ["Schéma de mutualisation", "Voirie partagée", "Calendrier 2027"]
# Per agenda item: its decisions (text) and its actions (owner, text, due date).
NOTES: list[tuple[list[str], list[tuple[str, str, str]]]] = [
    (["le schéma est adopté"], [("Morel", "envoyer le schéma aux conseils", "31/01/2027")]),
    (["la voirie est mutualisée"], [("Petit", "chiffrer les engins", "15/02/2027")]),
    ([], [("Dubois", "caler les dates des conseils", "28/02/2027")]),
]
EXCUSED = MAYORS[0:2]
REPRESENTED = MAYORS[2]
PROXY_HOLDER = MAYORS[3]


@dataclass
class KeyCount:
    """The keys sent to the terminal, counted per phase (words typed are not counted)."""

    term: Tmux
    phase: str = ""
    counts: Counter[str] = field(default_factory=Counter)

    def key(self, *keys: str) -> None:
        """Keys by tmux's names, each counted."""
        self.counts[self.phase] += len(keys)
        self.term.send(*keys)

    def words(self, text: str) -> None:
        """The characters of a name, title, place, date or note: not counted."""
        self.term.type(text)

    def syntax(self, text: str) -> None:
        """Characters that are the notes' syntax (``D:``, ``@``, ``,``): each counted."""
        self.counts[self.phase] += len(text)
        self.term.type(text)

    def lines(self, texts: list[str]) -> None:
        """One text per line: the line breaks between them are counted."""
        for index, text in enumerate(texts):
            if index:
                self.key("Enter")
            self.words(text)


def labels() -> dict[str, str]:
    """The French texts the benchmark waits for on screen."""
    from coop_tui.core.i18n import _, set_language

    set_language("fr")
    return {name: _(text) for name, text in {
        "dashboard": "Dashboard", "territory": "Member communes, one per line",
        "mayors": "Mayors of the member communes", "meetings": "Still open",
        "new": "New meeting", "notes": "Captured in this item",
        "proxy": "Who holds the proxy of {name}?", "export": "Export the minutes",
        "written": "Minutes written to {path}",
    }.items()}


def setup(count: KeyCount, text: dict[str, str]) -> None:
    """The territory, its communes and their mayors."""
    term = count.term
    count.phase = "setup"
    term.wait_for(text["dashboard"])
    count.key("t")
    term.wait_for(text["territory"])
    count.words(TERRITORY)
    count.key("Enter")
    count.lines(COMMUNES)
    count.key("C-s")
    term.wait_for(text["mayors"])
    count.lines(MAYORS)
    count.key("C-s")
    term.wait_until_gone(text["mayors"])


def meeting(count: KeyCount, text: dict[str, str]) -> None:
    """The meeting, from the list of meetings to the minutes on disk."""
    term = count.term
    count.phase = "meeting"
    count.key("5")
    term.wait_for(text["meetings"])
    count.key("n")
    term.wait_for(text["new"])
    count.words(TITLE)
    count.key("Enter")
    count.words(DATE)
    count.key("Enter")
    count.words(PLACE)
    count.key("Enter")
    count.lines(AGENDA)
    count.key("C-s")  # the mayors are invited: the form's tick is on for a first meeting
    term.wait_for(text["notes"])
    count.key("F3")
    term.wait_for(REPRESENTED)
    count.key("e", "e", "r")  # the cursor moves down after each mark
    term.wait_for(text["proxy"].format(name=REPRESENTED))
    count.words(PROXY_HOLDER.split()[1])
    count.key("Enter")
    term.wait_until_gone(text["proxy"].format(name=REPRESENTED))
    count.key("F2")
    for index, (decisions, actions) in enumerate(NOTES):
        if index:
            count.key("C-Down")
            term.wait_for(AGENDA[index])
        first = True
        for decision in decisions:
            if not first:
                count.key("Enter")
            count.syntax("D:")
            count.words(" " + decision)
            first = False
        for owner, what, due in actions:
            if not first:
                count.key("Enter")
            count.syntax("@")
            count.words(f"{owner} {what}")
            count.syntax(",")
            count.words(" " + due)
            first = False
        term.wait_for(due)
    count.key("C-g")
    term.wait_for(text["export"])
    count.key("Enter")
    term.wait_for(text["written"].split("{")[0].strip())


def verify(store: Path, documents: Path) -> Path:
    """The minutes file written, once the store holds exactly what was typed; AssertionError
    naming what is wrong otherwise."""
    data = json.loads(store.read_text(encoding="utf-8"))
    territory = next(iter(data["territory"].values()))
    assert territory["name"] == TERRITORY, territory["name"]
    assert territory["communes"] == COMMUNES, territory["communes"]
    actors = list(data["actors"].values())
    communes = {a["name"]: a["id"] for a in actors if a["kind"] == "commune"}
    assert sorted(communes) == sorted(COMMUNES), sorted(communes)
    by_name = {a["name"]: a for a in actors}
    for commune, mayor in zip(COMMUNES, MAYORS, strict=True):
        actor = by_name.get(mayor)
        assert actor is not None, f"no actor {mayor}"
        role = f"Maire d’{commune}" if commune[0] in "AEIOUÉ" else f"Maire de {commune}"
        assert actor["responsibilities"] == role, actor["responsibilities"]
        assert actor["parent_id"] == communes[commune], f"{mayor} is not part of {commune}"
    meetings = list(data["meetings"].values())
    assert len(meetings) == 1, f"{len(meetings)} meetings"
    held = meetings[0]
    assert (held["title"], held["on"], held["place"]) == (TITLE, "2027-01-15", PLACE), held
    assert [item["title"] for item in held["agenda"]] == AGENDA, held["agenda"]
    ids = {actor["id"]: actor["name"] for actor in actors}
    status = {ids[row["actor_id"]]: row for row in held["attendance"]}
    assert sorted(status) == sorted(MAYORS), sorted(status)
    for name, row in status.items():
        wanted = ("excused" if name in EXCUSED else
                  "represented" if name == REPRESENTED else "present")
        assert row["status"] == wanted, (name, row["status"])
    assert ids.get(status[REPRESENTED]["proxy_id"] or "") == PROXY_HOLDER, status[REPRESENTED]
    decisions = sorted(d["text"] for d in held["decisions"])
    assert decisions == sorted(d for ds, _a in NOTES for d in ds), decisions
    actions = sorted((ids.get(a["owner_id"] or "", ""), a["text"], a["due"])
                     for a in held["actions"])
    wanted_actions = sorted((next(m for m in MAYORS if owner in m), what,
                             "-".join(reversed(due.split("/"))))
                            for _d, acts in NOTES for owner, what, due in acts)
    assert actions == wanted_actions, actions
    written = sorted(documents.glob("*.md"))
    assert len(written) == 1, written
    minutes = written[0].read_text(encoding="utf-8")
    assert TITLE in minutes and all(what in minutes for _d, acts in NOTES
                                    for _o, what, _due in acts), minutes[:400]
    return written[0]


def environment(home: Path) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "fr_FR.UTF-8",
            "TERM": "xterm-256color", "TEXTUAL_ANIMATION": "none",
            "COOP_TUI_DATA_DIR": str(home / "data"), "COOP_TUI_CONFIG_DIR": str(home / "config")}


def count_keys(scratch: Path) -> dict[str, int]:
    """The scenario run once from an empty store; keys per phase, once verified."""
    home = scratch / "keys-home"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    store = home / "territoire.json"
    text = labels()
    with tmux_running([*coop_tui_argv(), "--lang", "fr", str(store)],
                      environment(home)) as term:
        count = KeyCount(term)
        setup(count, text)
        meeting(count, text)
        term.send("C-q")
        term.wait_until_gone(text["notes"])
    verify(store, documents)
    return dict(count.counts)


def key_rows(scratch: Path) -> list[Row]:
    """One row per phase: the keys beyond the words, against the issue's goal."""
    counts = count_keys(scratch)
    rows = []
    for phase, goal in GOALS.items():
        keys = float(counts.get(phase, 0))
        verdict = "ok" if keys <= goal else "over"
        rows.append(Row(f"keys beyond the words: {phase}", keys, keys, keys, "keys",
                        f"<= {goal}", verdict))
    return rows


def main() -> int:
    from benchmarks.rows import table

    with tempfile.TemporaryDirectory(prefix="coop-tui-keys-") as scratch:
        rows = key_rows(Path(scratch))
    print(table(rows))
    return 0 if all(row.verdict == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
