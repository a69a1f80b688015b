"""Hostile text on the terminal: escape sequences, OSC 8 links, titles, bells, NULs and
markup in names, titles and notes, in a pasted text, in the store's file name and in a
damaged file's records. The real app runs on a pty and every byte it writes is checked.

A byte "reaches the terminal raw" when it is a control sequence or character that coop-tui
(Textual) does not write by itself: the kinds of sequence written on the plain demo store,
through the same keys, are the baseline; any other kind, or more of a counted kind (modes,
erasures, OSC), counts.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchmarks.fault_common import NOTHING_LOST, Row, demo_store
from benchmarks.fault_pty import CTRL_Q, ENTER, ESCAPE, PtyApp, app_environment, running

PIECES: tuple[Callable[[int], str], ...] = (
    lambda n: "\x1b[2J\x1b[H",
    lambda n: f"\x1b]8;;https://evil-{n}.example/\x1b\\lien{n}\x1b]8;;\x1b\\",
    lambda n: f"\x1b]8;;https://evil-{n}.example/\x07lien\x1b]8;;\x07",
    lambda n: f"\x1b]0;pwned{n}\x07",
    lambda n: f"\x1b]52;c;{n}AAAA\x07",
    lambda n: "\x07\x07",
    lambda n: "\x00",
    lambda n: "\x9b2J",
    lambda n: "\x1bP+q544e\x1b\\",
    lambda n: "\x1b_apc\x1b\\",
    lambda n: "\x1b[5m\x1b[6m\x1b[8m",
    lambda n: "\x0e\x0f",
    lambda n: "\x08\x08",
    lambda n: "\x1bc",
    lambda n: "\x1b(0",
    lambda n: "\x1b#8",
    lambda n: "\x1b[?1049l\x1b[?25l",
    lambda n: "\x1b",
    lambda n: "\r",
    lambda n: "[/]",
    lambda n: "[bold]",
    lambda n: "[/bold]",
    lambda n: "[link=https://evil.example]x[/link]",
    lambda n: "[@click=app.quit]",
    lambda n: "acteur.rice.s",
    lambda n: "été",
)


def hostile(rng: random.Random, number: int) -> str:
    """A name-like line: a plain word first (a name may not be empty), then 2 to 6 pieces."""
    pieces = [rng.choice(PIECES)(number) for _ in range(rng.randint(2, 6))]
    return f"Hostile{number} " + " ".join(pieces)


# ---------------------------------------------------------------------------- the bytes

_OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_CSI = re.compile(rb"\x1b\[([0-?]*)([ -/]*)([@-~])")
_OTHER_ESCAPE = re.compile(rb"\x1b[^\[\]]?")
_C0 = re.compile(rb"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f]")


def _sgr_kinds(parameters: str) -> list[str]:
    """The attributes an SGR sequence sets (colours as one kind each: 38 and 48)."""
    values = [value for value in re.split("[;:]", parameters) if value] or ["0"]
    kinds = []
    index = 0
    while index < len(values):
        value = values[index]
        if value in ("38", "48", "58") and index + 1 < len(values):
            index += 3 if values[index + 1] == "5" else 5
        else:
            index += 1
        kinds.append(f"SGR {value}")
    return kinds


def sequence_kinds(output: bytes) -> Counter[str]:
    """Every control sequence and control character in ``output``, by kind."""
    kinds: Counter[str] = Counter()
    for match in _OSC.finditer(output):
        number = match.group()[2:].split(b";", 1)[0].decode("ascii", "replace")
        kinds[f"OSC {number}"] += 1
    rest = _OSC.sub(b"", output)
    for match in _CSI.finditer(rest):
        parameters = match.group(1).decode("ascii", "replace")
        final = match.group(3).decode()
        if final == "m":
            kinds.update(_sgr_kinds(parameters))
        elif final in "HfABCDG":
            kinds[f"CSI move {final}" if parameters else f"CSI {final} (home)"] += 1
        else:
            kinds[f"CSI {parameters} {final}"] += 1
    rest = _CSI.sub(b"", rest)
    for match in _OTHER_ESCAPE.finditer(rest):
        kinds[f"ESC {match.group()[1:].decode('latin-1')}"] += 1
    rest = _OTHER_ESCAPE.sub(b"", rest)
    for match in _C0.finditer(rest):
        kinds[f"C0 {ord(match.group()):#04x}"] += 1
    for match in _C1.finditer(rest.decode("utf-8", "replace")):
        kinds[f"C1 {ord(match.group()):#04x}"] += 1
    return kinds


# Kinds whose number, not only presence, is fixed by the flow: one more is a user's.
COUNTED = re.compile(r"^(OSC (?!22$)|CSI [^ ]* [hlJ]|CSI \?.*|C0|C1|ESC)")


def raw_count(output: bytes, baseline: Counter[str]) -> tuple[int, list[str]]:
    """Sequences and controls in ``output`` that the baseline flow never writes, or writes
    fewer times (for counted kinds); with their kinds."""
    found = sequence_kinds(output)
    raw = 0
    kinds = []
    for kind, count in found.items():
        excess = count if kind not in baseline else (
            count - baseline[kind] if COUNTED.match(kind) else 0)
        if excess > 0:
            raw += excess
            kinds.append(kind)
    return raw, sorted(kinds)


# ---------------------------------------------------------------------------- the flow


def _store_through_the_repository(store: Path, texts: list[str]) -> int:
    """Hostile names, titles and notes saved through the repository; how many placed."""
    from coop_tui.store.database import open_store
    from coop_tui.store.models import Actor, AgendaItem, Meeting

    repository = open_store(store)
    placed = 0
    try:
        pending = iter(texts)
        changed: list[Actor | Meeting] = []
        for actor in repository.all(Actor):
            text = next(pending, None)
            if text is None:
                break
            changed.append(actor.model_copy(update={"name": text}))
            placed += 1
        for meeting in sorted(repository.all(Meeting), key=lambda m: m.on, reverse=True):
            title = next(pending, None)
            if title is None:
                break
            agenda = [AgendaItem(title=next(pending, "Point"), notes=next(pending, "")),
                      *meeting.agenda]
            changed.append(meeting.model_copy(update={"title": title, "agenda": agenda}))
            placed += 3
        repository.save(*changed)
    finally:
        repository.close()
    return min(placed, len(texts))


def _visit(app: PtyApp, pasted: str) -> None:
    """Dashboard, the actors to the last, the meetings, one meeting with a paste, the
    palette; then quit."""
    app.wait_for(b"Dashboard")
    app.settle(0.3)
    app.send(b"2")
    app.wait_for(b"Last contact")
    app.send(b"\x1b[F")  # End: the last actor, so every row is drawn once
    app.settle(0.4)
    app.send(b"5")
    app.wait_for(b"Still open")
    app.settle(0.3)
    app.send(ENTER)
    app.wait_for(b"Captured in this item")
    app.send(b"\x1b[200~" + pasted.encode() + b"\x1b[201~")
    app.settle(0.5)
    app.send(ESCAPE)
    app.send(ESCAPE)
    app.wait_for(b"Still open")
    app.send(b"\x10")  # ctrl+p
    app.settle(0.3)
    app.send(b"Hostile")
    app.settle(0.6)
    app.send(ESCAPE)
    app.settle(0.2)
    app.send(CTRL_Q)


def _printable_only(store: Path) -> bool:
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for item in value.values() for s in strings(item)]
        if isinstance(value, list):
            return [s for item in value for s in strings(item)]
        return []

    data = json.loads(store.read_text(encoding="utf-8"))
    return not any(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", s) for s in strings(data))


def _run(store: Path, folder: Path, pasted: str) -> tuple[bytes, int | None]:
    with running(["--lang", "en", str(store)], app_environment(folder)) as app:
        _visit(app, pasted)
        code, _seconds = app.wait_exit(timeout=20.0)
        return bytes(app.output), code


def baseline_kinds() -> tuple[Counter[str], Counter[str]]:
    """The sequences the app writes on the plain demo store through the same keys, and
    those of the recovery screen in front of a plainly damaged file."""
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = Path(scratch)
        output, _code = _run(demo_store(folder, "small"), folder, "Hostile0 plain paste")
        (folder / "damaged").mkdir()
        recovery = _damaged_store_output(folder / "damaged", ["Hostile0 plain"] * 10)
    return sequence_kinds(output), sequence_kinds(recovery)


def _damaged_store_output(folder: Path, texts: list[str]) -> bytes:
    """A hand-damaged file whose records carry hostile names: the recovery screen."""
    store = demo_store(folder, "small")
    data = json.loads(store.read_text(encoding="utf-8"))
    for document, text in zip(data["meetings"].values(), texts, strict=False):
        document["title"] = text
        document["on"] = "2026-02-31"
    store.write_text(json.dumps(data), encoding="utf-8")
    with running(["--lang", "en", str(store)], app_environment(folder)) as app:
        app.wait_for(b"was not changed")
        app.settle(0.3)
        app.send(b"q")
        app.wait_exit(timeout=20.0)
        return bytes(app.output)


def hostile_text(strings: int, seed: int = 17) -> Row:
    """Many random hostile strings through the models and the app on a pty: the bytes
    reaching the terminal raw, crashes, and control characters left in the store."""
    rng = random.Random(seed)
    baseline, recovery_baseline = baseline_kinds()
    texts = [hostile(rng, number) for number in range(1, strings + 1)]
    raw = runs = crashes = dirty = placed = 0
    kinds: set[str] = set()
    markup_shown = True
    offset = 0
    while offset < len(texts):
        batch = texts[offset:offset + 60]
        with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
            folder = Path(scratch)
            plain = demo_store(folder, "small")
            # The store's own file name is hostile too (a name may not hold a slash).
            store = folder / f"terr\x1b]0;pwned{offset}\x07\x1b[2Jitoire[bold].json"
            shutil.move(plain, store)
            placed += _store_through_the_repository(store, batch[1:])
            output, code = _run(store, folder, batch[0])
            found, found_kinds = raw_count(output, baseline)
            (folder / "damaged").mkdir()
            found_damaged, damaged_kinds = raw_count(
                _damaged_store_output(folder / "damaged", batch), recovery_baseline)
            raw += found + found_damaged
            kinds.update(found_kinds + damaged_kinds)
            crashes += code != 0
            dirty += not _printable_only(store)
            markup_shown = markup_shown and (b"[/]" in output or b"[bold]" in output)
            runs += 1
            placed += 1
        offset += len(batch)
    outcome = (f"{runs} app runs over {placed} strings (names, titles, notes, a paste, the "
               f"file name, a damaged file): {raw} raw sequences"
               + (f" ({', '.join(sorted(kinds)[:6])})" if kinds else "")
               + f", {crashes} crashes, markup shown as text: {'yes' if markup_shown else 'no'}, "
               f"{dirty} stores holding control characters")
    ok = not raw and not crashes and not dirty and markup_shown
    return Row("hostile text on the terminal", strings, outcome,
               NOTHING_LOST if ok else f"{raw} raw sequences reached the terminal" if raw
               else "nothing lost, but see outcome")
