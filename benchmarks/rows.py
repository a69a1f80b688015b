"""The benchmark's table: one row per measure, its median and spread, its goal, its verdict.

Kept apart from the measures so that every module of the benchmark builds rows the same
way, and a test can check the formatting without timing anything.
"""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata

# Decimals shown per unit: seconds to the millisecond, milliseconds to a tenth.
DECIMALS = {"s": 3, "ms": 1, "MiB": 1}


@dataclass(frozen=True)
class Row:
    what: str
    median: float
    low: float
    high: float
    unit: str
    goal: str = ""
    verdict: str = ""


def spread(values: Sequence[float]) -> tuple[float, float, float]:
    """Median, minimum and maximum of several runs."""
    if not values:
        raise ValueError("no value measured")
    return statistics.median(values), min(values), max(values)


def measured(what: str, values: Sequence[float], unit: str, goal: str = "",
             verdict: str = "") -> Row:
    """A row for ``values`` (several runs of one measure)."""
    return Row(what, *spread(values), unit, goal, verdict)


def at_most(value: float, limit: float) -> str:
    """The verdict of a measure against an absolute limit."""
    return "ok" if value <= limit else "over"


def ratio_verdict(value: float, floor: float, goal: float) -> str:
    """The verdict of a measure against ``goal`` times a floor measured in the same run."""
    ratio = value / floor
    return f"{ratio:.2f}x " + ("ok" if ratio <= goal else "over")


def _number(value: float, unit: str) -> str:
    return f"{value:.{DECIMALS.get(unit, 0)}f}"


def table(rows: Sequence[Row]) -> str:
    """The rows as a fixed-width text table, a rule under the header."""
    header = ("measure", "median", "min-max", "goal", "result")
    cells = [header] + [
        (row.what, f"{_number(row.median, row.unit)} {row.unit}".rstrip(),
         f"{_number(row.low, row.unit)}-{_number(row.high, row.unit)}", row.goal, row.verdict)
        for row in rows
    ]
    widths = [max(len(cell[i]) for cell in cells) for i in range(len(header))]
    lines = [" | ".join(cell[i].ljust(widths[i]) for i in range(len(header))).rstrip()
             for cell in cells]
    lines.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(lines)


def machine() -> str:
    """What the numbers were measured on: they mean little without it."""
    try:
        textual = metadata.version("textual")
    except metadata.PackageNotFoundError:
        textual = "not installed"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"machine: {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} "
            f"{platform.machine()}, Python {platform.python_version()}, Textual {textual}, "
            f"load average {load_average()}")


def load_average() -> str:
    """The load average over 1, 5 and 15 minutes (a busy machine makes noisy numbers)."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
