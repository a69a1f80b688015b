"""coop-tui's performance, measured against a bare Textual app in the same run.

    python -m benchmarks.run            # the whole table (a few minutes)
    python -m benchmarks.run --quick    # fewer runs, no 8x store

Each row gives the median and the spread (min-max) of several runs, and where the goal is
a ratio, the ratio to the floor measured in the same run. Results go to
docs/performance.md by hand, with the machine described.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from benchmarks.startup import Run, time_to_marker

ROOT = Path(__file__).resolve().parent.parent
MARKER = "Val de Loubi"  # the demo territory's name, in the first frame's status bar


@dataclass(frozen=True)
class Row:
    what: str
    median: float
    low: float
    high: float
    unit: str
    goal: str = ""
    verdict: str = ""


def _spread(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def _environment(folder: Path) -> dict[str, str]:
    return {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATION": "none",
            "COOP_TUI_DATA_DIR": str(folder), "COOP_TUI_CONFIG_DIR": str(folder),
            "LANG": "en_US.UTF-8"}


def coop_tui_argv() -> list[str]:
    script = Path(sys.executable).parent / "coop-tui"
    return [str(script)] if script.exists() else [sys.executable, "-m", "coop_tui"]


# ---------------------------------------------------------------------------- stores


def write_demo(path: Path, size: str) -> Path:
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
    for table, documents in data.items():
        if table == "territory":
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
                merged[str(len(merged) + 1)] = document
        out[table] = merged
    territory = next(iter(data["territory"].values()))
    territory_id = territory["id"]
    text = orjson.dumps(out, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    # Copies of the territory id must point back at the one territory.
    for copy in range(1, factor):
        alias = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{copy}:{territory_id}"))
        text = text.replace(alias.encode(), territory_id.encode())
    return text


# ---------------------------------------------------------------------------- start-up


def startup_rows(folder: Path, stores: dict[str, Path], runs: int) -> tuple[list[Row], Run]:
    env = _environment(folder)
    floor_runs = [time_to_marker([sys.executable, str(ROOT / "benchmarks" / "floor_app.py")],
                                 "floor-ready", env) for _ in range(runs)]
    floor, low, high = _spread([run.seconds for run in floor_runs])
    rows = [Row("floor: hello-world Textual app to first frame", floor, low, high, "s")]
    for name, path in stores.items():
        results = [time_to_marker([*coop_tui_argv(), "--lang", "en", str(path)], MARKER, env)
                   for _ in range(runs)]
        median, low, high = _spread([run.seconds for run in results])
        goal = 1.5 if name == "demo" else 2.0
        ratio = median / floor
        rows.append(Row(f"start-up to the dashboard, {name} store", median, low, high, "s",
                        f"<= {goal}x floor", f"{ratio:.2f}x " + ("ok" if ratio <= goal else
                                                                  "over")))
        if name == "large":
            peak = max(run.peak_kib for run in results) / 1024
            floor_peak = max(run.peak_kib for run in floor_runs) / 1024
            rows.append(Row("peak memory, large store", peak, peak, peak, "MiB",
                            "<= 2x floor", f"{peak / floor_peak:.2f}x " + (
                                "ok" if peak <= 2 * floor_peak else "over")))
    return rows, floor_runs[0]


# ---------------------------------------------------------------------------- in-process


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        values.append(time.perf_counter() - start)
    return values


def save_rows(path: Path, runs: int, label: str = "large") -> list[Row]:
    from coop_tui.store.database import open_store
    from coop_tui.store.models import Actor
    from coop_tui.store.storage import atomic_write, serialise

    repository = open_store(path, background=True)
    actor = repository.all(Actor)[0]
    counter = iter(range(10**6))

    def save() -> None:
        changed = actor.model_copy(deep=True)
        changed.name = f"Benchmark {next(counter)}"
        repository.save(changed)

    on_thread = _timed(save, runs)

    def save_and_flush() -> None:
        save()
        repository.flush()

    whole = _timed(save_and_flush, runs)
    data = repository._storage.read()
    baseline_path = path.with_name("baseline.json")
    baseline = _timed(lambda: atomic_write(baseline_path, serialise(data)), runs)
    repository.close()
    ratio = statistics.median(whole) / statistics.median(baseline)
    return [
        Row(f"save, {label} store: time on the interface's thread", *_spread(on_thread), "s"),
        Row(f"save, {label} store: until on disk", *_spread(whole), "s",
            "<= 1.5x orjson dump + fsync", f"{ratio:.2f}x " + ("ok" if ratio <= 1.5 else "over")),
        Row(f"orjson dump + fsync of the same data ({label})", *_spread(baseline), "s"),
    ]


def screen_switch_rows(path: Path, runs: int) -> list[Row]:
    from coop_tui.app import CoopApp
    from coop_tui.store.database import open_store

    repository = open_store(path, read_only=True)
    values: list[float] = []

    async def drive() -> None:
        app = CoopApp(repository)
        async with app.run_test(size=(160, 48)) as pilot:
            for key in "23451" * 2:  # first visits build the screens
                await pilot.press(key)
                await pilot.pause()
            for _ in range(runs):
                for key in "23451":
                    start = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    values.append(time.perf_counter() - start)

    asyncio.run(drive())
    repository.close()
    median, low, high = _spread(values)
    return [Row("switch between screens, large store", median, low, high, "s", "<= 0.050 s",
                "ok" if median <= 0.05 else "over")]


# ---------------------------------------------------------------------------- table


def table(rows: list[Row]) -> str:
    header = ("measure", "median", "min-max", "goal", "result")
    cells = [header] + [
        (row.what, f"{row.median:.3f} {row.unit}", f"{row.low:.3f}-{row.high:.3f}", row.goal,
         row.verdict) for row in rows
    ]
    widths = [max(len(cell[i]) for cell in cells) for i in range(len(header))]
    lines = [" | ".join(cell[i].ljust(widths[i]) for i in range(len(header))) for cell in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 8x store")
    arguments = parser.parse_args()
    runs = 3 if arguments.quick else 7
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="coop-tui-bench-") as scratch:
        folder = Path(scratch)
        demo = write_demo(folder / "demo.json", "small")
        large = write_demo(folder / "large.json", "large")
        startup, _floor = startup_rows(folder, {"demo": demo, "large": large}, runs)
        rows += startup
        rows += screen_switch_rows(large, runs)
        rows += save_rows(large, runs)
        factors = (2, 4) if arguments.quick else (2, 4, 8)
        for factor in factors:
            bigger = folder / f"large-x{factor}.json"
            bigger.write_bytes(scaled(large.read_bytes(), factor))
            env = _environment(folder)
            results = [time_to_marker([*coop_tui_argv(), "--lang", "en", str(bigger)], MARKER,
                                      env, timeout=120) for _ in range(max(1, runs // 2))]
            rows.append(Row(f"start-up, {factor}x the large store", *_spread(
                [run.seconds for run in results]), "s"))
            rows += save_rows(bigger, max(1, runs // 2), f"{factor}x large")[1:2]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
