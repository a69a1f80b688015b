"""The fault battery: what happens to a store when things go wrong, tried many times.

    python -m benchmarks.faults            # the full battery, prints the table
    python -m benchmarks.faults --quick    # fewer tries (what the test suite runs)

Each fault returns a row: the fault, how many tries, the outcome, and the data lost.
The test suite (tests/test_faults.py) runs the same functions with fewer tries.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.fault_common import Row, demo_store

ROOT = Path(__file__).resolve().parent.parent


# A child that renames one actor again and again, saving each time, and says which
# counter value it has completely saved.
_SAVE_LOOP = """
import sys
from pathlib import Path
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor
repository = open_store(Path(sys.argv[1]))
actor = repository.all(Actor)[0]
counter = 0
print("ready", flush=True)
while True:
    counter += 1
    changed = actor.model_copy(deep=True)
    changed.name = f"Saved {counter}"
    repository.save(changed)
    actor = changed
    print(counter, flush=True)
"""


def _saved_counter(path: Path) -> int:
    """The counter in the file; loading it validates the whole store (or raises)."""
    from coop_tui.store.database import parse
    from coop_tui.store.models import Actor

    loaded = parse(path, path.read_bytes())
    first = next(iter(loaded.records[Actor.table].values()))
    return int(first.name.split()[-1]) if first.name.startswith("Saved ") else 0


def sigkill_during_saves(tries: int, size: str = "large", seed: int = 7) -> Row:
    """Kill a saving process at random moments: the file is always the state before or
    after one save, never a mix, and never behind the last save the process finished."""
    rng = random.Random(seed)
    intact = 0
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        path = demo_store(Path(scratch), size)
        for _ in range(tries):
            child = subprocess.Popen([sys.executable, "-c", _SAVE_LOOP, str(path)],
                                     stdout=subprocess.PIPE, text=True)
            assert child.stdout is not None
            child.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.4))
            child.send_signal(signal.SIGKILL)
            reported = [int(line) for line in child.stdout.read().split()]
            child.wait()
            try:
                on_disk = _saved_counter(path)
            except Exception:
                continue
            last = reported[-1] if reported else 0
            if last <= on_disk <= last + 1 or (not reported and on_disk >= 0):
                intact += 1
    return Row(f"SIGKILL during saves ({size} store)", tries,
               f"{intact}/{tries} files load whole, at the last save or the one after",
               "nothing lost" if intact == tries else f"{tries - intact} damaged")


# A child whose files may not grow past a limit (a full disk, as the process sees it).
_DISK_FULL = """
import json, resource, signal, sys, time
from pathlib import Path
from coop_tui.store.database import open_store
from coop_tui.store.models import Actor
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
path = Path(sys.argv[1])
before = path.read_bytes()
outcomes = []
repository = open_store(path, background=True, on_save=lambda failure: outcomes.append(
    str(failure) if failure else "saved"))
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size // 2, hard))
actor = repository.all(Actor)[0].model_copy(deep=True)
actor.name = "Kept in memory"
repository.save(actor)
time.sleep(0.5)
before_retry = list(outcomes)
unchanged = path.read_bytes() == before
in_memory = repository.get(Actor, actor.id).name
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
repository.flush()
print(json.dumps({"failures": before_retry, "unchanged": unchanged, "in_memory": in_memory}))
repository.close()
"""


def disk_full(tries: int) -> Row:
    """A save that cannot be written: the file is unchanged, the user is told why, the
    edit stays in memory and is written once the disk has room again."""
    good = 0
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        for _ in range(tries):
            path = demo_store(Path(scratch), "small")
            result = subprocess.run([sys.executable, "-c", _DISK_FULL, str(path)],
                                    capture_output=True, text=True, timeout=120, check=False)
            if result.returncode != 0:
                continue
            report = json.loads(result.stdout.strip().splitlines()[-1])
            told = any("not saved" in failure for failure in report["failures"])
            kept = report["in_memory"] == "Kept in memory"
            saved_later = "Kept in memory" in path.read_text(encoding="utf-8")
            if told and report["unchanged"] and kept and saved_later:
                good += 1
    return Row("disk full during a save", tries,
               f"{good}/{tries}: reported, kept in memory, saved once possible",
               "nothing lost" if good == tries else f"{tries - good} not recovered")


def private_modes(tries: int) -> Row:
    """After the first save and after every save: the store and its backups are 0600 in
    0700 folders."""
    from coop_tui.core.locations import ensure_private_dir
    from coop_tui.store import backups
    from coop_tui.store.database import open_store
    from coop_tui.store.models import Actor

    wrong: list[str] = []
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        folder = ensure_private_dir(Path(scratch) / "data")
        path = demo_store(folder, "small")
        for attempt in range(tries):
            repository = open_store(path)
            actor = repository.all(Actor)[0].model_copy(deep=True)
            actor.name = f"Mode check {attempt}"
            repository.save(actor)
            repository.close()
            files = [path, *backups.backups(path)]
            folders = [folder, backups.backup_folder(path)]
            wrong += [f"{p.name}:{p.stat().st_mode & 0o777:o}" for p in files
                      if p.stat().st_mode & 0o777 != 0o600]
            wrong += [f"{p.name}:{p.stat().st_mode & 0o777:o}" for p in folders
                      if p.stat().st_mode & 0o777 != 0o700]
    return Row("file modes after every save", tries,
               "all 0600 in 0700 folders" if not wrong else "wrong: " + ", ".join(wrong[:3]),
               "nothing lost" if not wrong else "exposed")


def big_store(meetings: int, note_bytes: int) -> Row:
    """A 1 MB note and thousands of meetings: saved and read back exactly."""
    from datetime import date, timedelta

    from coop_tui.store.database import create, data_from_records, open_store
    from coop_tui.store.models import AgendaItem, Meeting, Territory

    note = ("Compte rendu détaillé — acteur.rice.s impliqué·e·s | *gras* `code`\n" * (
        note_bytes // 70 + 1))[:note_bytes]
    territory = Territory(name="Grand territoire", mandate_start=date(2020, 3, 15),
                          mandate_end=date(2026, 3, 15))
    records = [territory] + [
        Meeting(title=f"Réunion {number}", on=date(2020, 3, 16) + timedelta(days=number % 2000))
        for number in range(meetings)
    ]
    with tempfile.TemporaryDirectory(prefix="coop-tui-faults-") as scratch:
        path = Path(scratch) / "big.json"
        create(path, data_from_records(records))
        repository = open_store(path)
        first = repository.all(Meeting)[0].model_copy(deep=True)
        first.agenda.append(AgendaItem(title="Point unique", notes=note))
        repository.save(first)
        repository.close()
        reopened = open_store(path, read_only=True)
        stored = reopened.get(Meeting, first.id)
        same = stored is not None and stored.agenda[0].notes == note
        count = reopened.count(Meeting)
        reopened.close()
    ok = same and count == meetings
    return Row(f"{note_bytes // 1000} kB note, {meetings} meetings", 1,
               "saved and read back exactly" if ok else "differs after reload",
               "nothing lost" if ok else "lost")


def battery(quick: bool) -> list[Row]:
    from benchmarks import (
        fault_exports,
        fault_files,
        fault_stores,
        fault_summary,
        fault_terminal,
        fault_text,
        fault_ui,
    )

    rows = [
        sigkill_during_saves(20 if quick else 200, "small" if quick else "large"),
        disk_full(2 if quick else 10),
    ]
    rows += fault_terminal.typing_faults(3 if quick else 20)
    rows.append(fault_terminal.keys_in_a_burst(3 if quick else 20))
    rows += [
        fault_terminal.crash_in_a_screen(3 if quick else 12),
        fault_stores.broken_stores(),
        fault_stores.unusable_paths(),
        fault_stores.second_instance(2 if quick else 10),
        fault_summary.stale_summaries(1 if quick else 5),
        big_store(1000 if quick else 10_000, 1_000_000),
        fault_ui.ui_responsiveness(1000 if quick else 10_000, 5 if quick else 20),
        fault_text.hostile_text(60 if quick else 240),
        fault_exports.export_round_trips(10 if quick else 100),
        fault_exports.private_canary(),
        private_modes(3 if quick else 20),
        fault_files.planted_links(2 if quick else 20),
        fault_files.special_stores(),
        fault_files.modes_under_umasks(),
        fault_files.export_onto_the_store(),
        fault_files.untimed_meetings_and_date_limits(),
    ]
    return rows


def table(rows: list[Row]) -> str:
    header = ("fault", "tries", "outcome", "data lost")
    cells = [header, *((r.fault, str(r.tries), r.outcome, r.lost) for r in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(4)]
    lines = [" | ".join(value.ljust(widths[i]) for i, value in enumerate(row)) for row in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer tries")
    parser.add_argument("--json", action="store_true", help="rows as JSON")
    arguments = parser.parse_args()
    rows = battery(arguments.quick)
    print(json.dumps([row.__dict__ for row in rows], indent=2) if arguments.json else table(rows))
    return 0 if all(row.nothing_lost for row in rows) else 1


if __name__ == "__main__":
    os.environ.setdefault("TEXTUAL_ANIMATION", "none")
    sys.exit(main())
