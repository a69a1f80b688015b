"""coop-tui's performance, measured against a bare Textual app in the same run.

    python -m benchmarks.run            # the whole table (several minutes)
    python -m benchmarks.run --quick    # fewer runs; 8x only for the first frame, the
                                        # first key and memory

Each row gives the median and the spread (min-max) of several runs, and where the goal is
a ratio, the ratio to the floor measured in the same run. The machine (cores, Python,
Textual, load average) is printed above the table. Results go to docs/performance.md by
hand.

Bytecode: every program the benchmark starts runs without ``PYTHONDONTWRITEBYTECODE`` and
with ``PYTHONPYCACHEPREFIX`` in the benchmark's temporary folder, and each program (the
floor, coop-tui, and a tour of coop-tui's screens and notes) runs once untimed first, so
no timed start compiles from source: an installed package has its ``.pyc`` files.

Start-up, screen switching and typing run the real programs on a pseudo-terminal (120x40,
see :mod:`benchmarks.startup`, :mod:`benchmarks.loading` and :mod:`benchmarks.interactive`);
saves, minutes and search are timed in this process (:mod:`benchmarks.in_process`).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import orjson

from benchmarks.in_process import export_rows, save_rows, search_rows
from benchmarks.interactive import (
    actor_map_rows,
    open_notes,
    screen_switch_rows,
    start,
    switch,
    typing_rows,
)
from benchmarks.keys import key_rows
from benchmarks.loading import first_frame_rows, first_key_rows, first_opening_rows, memory_rows
from benchmarks.pty_session import child_environment, coop_tui_argv, running
from benchmarks.rows import Row, load_average, machine, measured, table
from benchmarks.startup import time_to_marker
from coop_tui.store.summary import summary_path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "Val de Loubi"  # the demo territory's name, in the first frame's status bar
FLOOR = [sys.executable, str(ROOT / "benchmarks" / "floor_app.py")]


# ---------------------------------------------------------------------------- stores


def write_demo(path: Path, size: str) -> Path:
    """The demo store of ``size`` (small or large), written at ``path``."""
    from coop_tui.store.demo import demo_data
    from coop_tui.store.storage import atomic_write, serialise

    atomic_write(path, serialise(demo_data("large" if size == "large" else "small")))
    return path


_UUID = re.compile(rb'"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"')


def scaled(large: bytes, factor: int) -> bytes:
    """``factor`` copies of every record of the large store (one territory), with fresh ids
    in each copy so references stay inside their copy."""
    data = orjson.loads(large)
    out: dict[str, dict[str, object]] = {"territory": data["territory"]}
    for name, documents in data.items():
        if name == "territory":
            continue
        merged: dict[str, object] = {}
        raw = orjson.dumps(documents)
        for copy in range(factor):
            def fresh(match: re.Match[bytes], copy: int = copy) -> bytes:
                if copy == 0:
                    return match.group(0)
                new = uuid.uuid5(uuid.NAMESPACE_OID, f"{copy}:{match.group(1).decode()}")
                return b'"' + str(new).encode() + b'"'

            for document in orjson.loads(_UUID.sub(fresh, raw)).values():
                merged[str(document["id"])] = document  # tables are keyed by record id
        out[name] = merged
    territory = next(iter(data["territory"].values()))
    territory_id = territory["id"]
    text = orjson.dumps(out, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    # Copies of the territory id must point back at the one territory.
    for copy in range(1, factor):
        alias = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{copy}:{territory_id}"))
        text = text.replace(alias.encode(), territory_id.encode())
    return text


# ---------------------------------------------------------------------------- start-up


def warm_up(scratch: Path, demo: Path, large: Path) -> None:
    """One untimed run of each program, so the timed ones find their bytecode cached."""
    env = child_environment(scratch)
    time_to_marker(FLOOR, "floor-ready", env)
    time_to_marker([*coop_tui_argv(), "--lang", "en", str(demo)], MARKER, env)
    # The screens and the meeting's notes import modules start-up does not.
    tour = scratch / "tour"
    tour.mkdir()
    copy = tour / large.name
    copy.write_bytes(large.read_bytes())
    copy.chmod(0o600)
    with running([*coop_tui_argv(), "--lang", "en", str(copy)],
                 child_environment(scratch, home=tour)) as session:
        start(session)
        for key in "23451":
            switch(session, key)
        open_notes(session)


def startup_seconds(scratch: Path, store: Path, runs: int, timeout: float = 60.0) -> list[float]:
    """Seconds to the dashboard's first frame, for ``runs`` starts on ``store``."""
    env = child_environment(scratch)
    return [time_to_marker([*coop_tui_argv(), "--lang", "en", str(store)], MARKER, env,
                           timeout=timeout).seconds for _ in range(runs)]


def floor_rows(scratch: Path, runs: int) -> tuple[Row, float]:
    """The floor's start-up, and its peak memory (MiB)."""
    env = child_environment(scratch)
    floor_runs = [time_to_marker(FLOOR, "floor-ready", env) for _ in range(runs)]
    floor = measured("floor: hello-world Textual app to first frame",
                     [run.seconds for run in floor_runs], "s")
    peak = max(run.peak_kib for run in floor_runs) / 1024
    return floor, peak


def growth_rows(scratch: Path, large: Path, factors: tuple[int, ...], runs: int) -> list[Row]:
    """The load without a summary and one save at several multiples of the large store.
    Starts are long at 8x, so half as many; saves are short but their fsync varies a lot,
    so as many."""
    env = child_environment(scratch)
    rows: list[Row] = []
    for factor in factors:
        bigger = scaled_store(scratch, large, factor)
        starts = []
        for _ in range(max(1, runs // 2)):
            summary_path(bigger).unlink(missing_ok=True)
            starts.append(time_to_marker([*coop_tui_argv(), "--lang", "en", str(bigger)],
                                         MARKER, env, timeout=120).seconds)
        rows.append(measured(f"start-up without a summary, {factor}x the large store",
                             starts, "s"))
        rows += save_rows(bigger, runs, f"{factor}x large")[1:2]
    return rows


def scaled_store(scratch: Path, large: Path, factor: int) -> Path:
    """``factor`` times the large store, written by a child process: the peak memory of
    every program started later counts the memory this process held when it started it
    (``ru_maxrss`` is kept across ``exec``), so this process must stay small."""
    bigger = scratch / f"large-x{factor}.json"
    if not bigger.exists():
        code = ("import sys; from pathlib import Path; from benchmarks.run import scaled; "
                "Path(sys.argv[2]).write_bytes(scaled(Path(sys.argv[1]).read_bytes(), "
                "int(sys.argv[3])))")
        subprocess.run([sys.executable, "-c", code, str(large), str(bigger), str(factor)],
                       check=True, cwd=ROOT)
    return bigger


# ---------------------------------------------------------------------------- main


def measure(scratch: Path, quick: bool) -> list[Row]:
    """Every row of the table, in the table's order."""
    runs = 3 if quick else 7
    demo = write_demo(scratch / "demo.json", "small")
    large = write_demo(scratch / "large.json", "large")
    eight = scaled_store(scratch, large, 8)
    warm_up(scratch, demo, large)
    floor, floor_peak = floor_rows(scratch, runs)
    rows = [floor]
    rows += first_frame_rows(scratch, {"demo": demo, "large": large, "8x large": eight},
                             floor.median, MARKER, runs)
    rows += first_key_rows(scratch, {"large": large, "8x large": eight}, MARKER, runs)
    rows += memory_rows(scratch, {1: large, 8: eight}, floor_peak)
    rows += first_opening_rows(scratch, large)
    rows += screen_switch_rows(scratch, large, cycles=runs)
    rows += actor_map_rows(scratch, large, rounds=max(1, runs // 3))
    rows += typing_rows(scratch, large, lines=6 if quick else 12)
    rows += save_rows(large, runs)
    rows += export_rows(large, scratch, runs)
    rows += search_rows(large, runs)
    rows += growth_rows(scratch, large, (2, 4) if quick else (2, 4, 8), runs)
    rows += key_rows(scratch)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs, 8x only for the first frame, first key, memory")
    arguments = parser.parse_args()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="coop-tui-bench-") as scratch:
        rows = measure(Path(scratch), arguments.quick)
    print(f"load average after the run: {load_average()}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
