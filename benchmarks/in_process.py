"""Measures taken inside the benchmark's own process: saves, minutes, search.

Each times the code the app or the CLI runs, on a store opened as they open it, after one
untimed call (first calls pay imports and caches a running app has already paid).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from benchmarks.rows import Row, at_most, measured

if TYPE_CHECKING:
    from coop_tui.store.models import Meeting
    from coop_tui.store.repository import Repository

T = TypeVar("T")

# How many queries of each kind the search row runs.
QUERIES_PER_KIND = 4


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Seconds each of ``runs`` calls of ``action`` took."""
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        values.append(time.perf_counter() - start)
    return values


# ---------------------------------------------------------------------------- saves


def save_rows(path: Path, runs: int, label: str = "large") -> list[Row]:
    """One save as the app makes it: on the interface's thread, then until on disk, next to
    an orjson dump plus fsync of the same data."""
    from coop_tui.store.database import open_store
    from coop_tui.store.models import Actor
    from coop_tui.store.storage import atomic_write, serialise

    repository = open_store(path, background=True)
    repository.flush()  # the opening's backup, written on the writer's thread
    actor = repository.all(Actor)[0]
    counter = iter(range(10**6))

    def save() -> None:
        changed = actor.model_copy(deep=True)
        changed.name = f"Benchmark {next(counter)}"
        repository.save(changed)

    on_thread = timed(save, runs)
    repository.flush()  # those snapshots are not part of the next measure

    def save_and_flush() -> None:
        save()
        repository.flush()

    # Interleaved with the baseline, so both see the same disk (fsync times drift a lot).
    data = repository._storage.read()
    baseline_path = path.with_name("baseline.json")
    whole: list[float] = []
    baseline: list[float] = []
    for _ in range(runs):
        whole += timed(save_and_flush, 1)
        baseline += timed(lambda: atomic_write(baseline_path, serialise(data)), 1)
    repository.close()
    # Each save against the baseline timed just after it: the disk's state is shared.
    ratio = statistics.median(w / b for w, b in zip(whole, baseline, strict=True))
    return [
        measured(f"save, {label} store: time on the interface's thread", on_thread, "s"),
        measured(f"save, {label} store: until on disk", whole, "s",
                 "<= 1.5x orjson dump + fsync",
                 f"{ratio:.2f}x " + ("ok" if ratio <= 1.5 else "over")),
        measured(f"orjson dump + fsync of the same data ({label})", baseline, "s"),
    ]


# ---------------------------------------------------------------------------- minutes


def export_minutes(repository: Repository, meeting: Meeting, folder: Path) -> Path:
    """A meeting's full minutes in Markdown, written to a file, as the meeting screen's
    export does (the CLI builds the same source and renders the same way)."""
    from coop_tui.core.exports.files import write_export
    from coop_tui.core.exports.minutes import MinutesSource, file_name, render

    text = render(MinutesSource.from_repository(repository, meeting), "full", "md")
    path = folder / f"{meeting.id[:8]}-{file_name(meeting, 'md')}"
    write_export(path, text, force=True)
    return path


def export_rows(path: Path, scratch: Path, runs: int, label: str = "large") -> list[Row]:
    """Every meeting's minutes, each to its own file: the time of each meeting, and of all."""
    from coop_tui.core.i18n import set_language
    from coop_tui.store.database import open_store

    set_language("en")
    repository = open_store(path, read_only=True)
    try:
        meetings = repository.meetings
        out = scratch / "minutes"
        out.mkdir(exist_ok=True)
        export_minutes(repository, meetings[0], out)
        each: list[float] = []
        every: list[float] = []
        for run in range(max(1, runs // 2)):
            folder = out / f"all-{run}"
            folder.mkdir()
            start = time.perf_counter()
            for meeting in meetings:
                each += timed(partial(export_minutes, repository, meeting, folder), 1)
            every.append(time.perf_counter() - start)
    finally:
        repository.close()
    return [
        measured(f"minutes of one meeting (md, full), each of {len(meetings)}, {label} store",
                 each, "s", "<= 0.050 s", at_most(statistics.median(each), 0.050)),
        measured(f"minutes of all {len(meetings)} meetings, each to a file", every, "s",
                 "<= 5 s", at_most(statistics.median(every), 5.0)),
    ]


# ---------------------------------------------------------------------------- search


def _spaced(items: list[T], count: int) -> list[T]:
    """``count`` items spread evenly over ``items``."""
    if not items:
        return []
    step = max(1, len(items) // count)
    return items[::step][:count]


def realistic_queries(repository: Repository) -> list[str]:
    """What a person types in the palette: the start of an actor's name, a commune, a word
    of a decision."""
    from coop_tui.store.models import ActorKind

    people = sorted(actor.name for actor in repository.actors
                    if actor.kind != ActorKind.COMMUNE)
    prefixes = [name[:6] for name in _spaced(people, QUERIES_PER_KIND)]
    communes = _spaced(list(repository.territory.communes), QUERIES_PER_KIND)
    decisions = [decision.text for meeting in repository.meetings
                 for decision in meeting.decisions]
    words = [max(text.split(), key=len) for text in _spaced(decisions, QUERIES_PER_KIND)]
    return [query for query in (*prefixes, *communes, *words) if query.strip()]


def search_rows(path: Path, runs: int, label: str = "large") -> list[Row]:
    """The palette's index built once, then a query's time over realistic queries."""
    from coop_tui.core.i18n import set_language
    from coop_tui.store.database import open_store
    from coop_tui.ui.search import build_index, search_index

    set_language("en")
    repository = open_store(path, read_only=True)
    try:
        build_index(repository)
        builds = timed(lambda: build_index(repository), runs)
        index = build_index(repository)
        queries = realistic_queries(repository)
        if not queries:
            raise ValueError("the store gives no query to search for")
        search_index(index, queries[0])
        values: list[float] = []
        for _ in range(runs):
            for query in queries:
                values += timed(partial(search_index, index, query), 1)
    finally:
        repository.close()
    return [
        measured(f"search: index built as the palette opens, {label} store", builds, "s"),
        measured(f"search: one query, {label} store ({len(queries)} queries)", values, "s",
                 "< 0.100 s", "ok" if statistics.median(values) < 0.100 else "over"),
    ]
