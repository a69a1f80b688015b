"""The benchmark's cheap pieces, at the small demo's size, so ``python -m benchmarks.run``
cannot rot between runs: the table, the child's environment, the patterns that stop the
clocks, and the minutes and search rows. Nothing here asserts a time."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from benchmarks.in_process import export_rows, realistic_queries, search_rows
from benchmarks.interactive import (
    LETTERS,
    SEPARATOR,
    Typing,
    folder_state,
    title_pattern,
    typing_table,
)
from benchmarks.pty_session import child_environment
from benchmarks.rows import Row, at_most, machine, ratio_verdict, table
from coop_tui.store.database import open_store
from coop_tui.store.repository import Repository


def test_the_table_lines_up_its_columns_with_each_unit_s_decimals() -> None:
    rows = [Row("floor", 0.1774, 0.176, 0.18, "s"),
            Row("typing", 12.345, 4.2, 80.81, "ms", "< 16 ms median", "ok"),
            Row("writes", 0, 0, 0, "writes", "0", "ok")]
    lines = table(rows).splitlines()
    assert lines[0].split(" | ")[0].rstrip() == "measure"
    assert set(lines[1]) <= {"-", "+"}
    assert "0.177 s" in lines[2] and "0.176-0.180" in lines[2]
    assert "12.3 ms" in lines[3] and "4.2-80.8" in lines[3] and lines[3].endswith("ok")
    assert "0 writes" in lines[4] and "0-0" in lines[4]
    assert len({line.index("|") for line in lines if "|" in line}) == 1


def test_verdicts_against_a_limit_and_against_the_floor() -> None:
    assert at_most(0.05, 0.05) == "ok"
    assert at_most(0.051, 0.05) == "over"
    assert ratio_verdict(0.3, 0.2, 1.5) == "1.50x ok"
    assert ratio_verdict(0.7, 0.2, 2.0) == "3.50x over"


def test_the_machine_line_names_cores_python_textual_and_load() -> None:
    line = machine()
    assert f"{os.cpu_count()} cores" in line
    assert "Python 3." in line and "Textual " in line and "load average" in line


def test_children_write_their_bytecode_to_the_benchmark_s_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = child_environment(tmp_path, home=tmp_path / "home")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PYTHONPYCACHEPREFIX"] == str(tmp_path / "pycache")
    assert env["COOP_TUI_DATA_DIR"] == str(tmp_path / "home")


def test_a_title_is_found_in_the_status_bar_and_not_in_the_key_bar() -> None:
    status = (b"\x1b[1;38;5;231;48;5;17mActors\x1b[0m\x1b[38;5;248;48;5;17m" + SEPARATOR
              + "Communauté de communes".encode())
    keys = b"\x1b[1m2\x1b[0m Actors  \x1b[1m3\x1b[0m Levers  "
    assert title_pattern("Actors").search(status)
    assert not title_pattern("Actors").search(keys)
    assert not title_pattern("Levers").search(status)


def test_a_replaced_file_changes_the_folder_s_state(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    store.write_text("{}")
    before = folder_state(tmp_path)
    assert folder_state(tmp_path) == before
    replacement = tmp_path / "store.json.tmp"
    replacement.write_text("{}")
    os.replace(replacement, store)
    assert folder_state(tmp_path) != before


def test_typing_rows_say_when_the_watch_saw_no_autosave() -> None:
    typed = Typing([0.004, 0.006, 0.020], writes_while_typing=0, saves_in_pauses=0)
    floor = Typing([0.004, 0.005])
    latency, writes = typing_table(typed, floor)[1:]
    assert latency.median == pytest.approx(6.0) and latency.high == pytest.approx(20.0)
    assert latency.verdict == "ok"
    assert writes.verdict == "no autosave seen"
    typed.saves_in_pauses = 3
    assert typing_table(typed, floor)[2].verdict == "ok"
    typed.writes_while_typing = 1
    assert typing_table(typed, floor)[2].verdict == "over"
    assert len(set(LETTERS)) == len(LETTERS)


def test_queries_are_a_name_s_start_a_commune_and_a_word_of_a_decision(
        repository: Repository) -> None:
    queries = realistic_queries(repository)
    communes = set(repository.territory.communes)
    assert any(query in communes for query in queries)
    assert any(actor.name.startswith(query) for query in queries for actor in repository.actors
               if query not in communes)
    decisions = " ".join(d.text for m in repository.meetings for d in m.decisions).split()
    assert any(query in decisions for query in queries)


def test_search_rows_run_on_the_small_demo(demo_path: Path) -> None:
    build, query = search_rows(demo_path, runs=1, label="demo")
    assert build.what.startswith("search: index built") and build.unit == "s"
    assert re.fullmatch(r"search: one query, demo store \(\d+ queries\)", query.what)
    assert query.verdict in {"ok", "over"} and query.low <= query.median <= query.high


def test_export_rows_write_every_meeting_s_minutes(demo_path: Path, tmp_path: Path) -> None:
    one, every = export_rows(demo_path, tmp_path, runs=1, label="demo")
    assert one.verdict in {"ok", "over"} and every.verdict in {"ok", "over"}
    repository = open_store(demo_path, read_only=True)
    meetings = len(repository.meetings)
    repository.close()
    written = list((tmp_path / "minutes" / "all-0").iterdir())
    assert len(written) == meetings == int(every.what.split()[3])
    assert all(path.suffix == ".md" and path.stat().st_size > 0 for path in written)


def test_a_scaled_store_is_a_valid_store(tmp_path: Path, demo_bytes: bytes) -> None:
    """Twice the records, each filed under its own id, and nothing a check finds."""
    from benchmarks.run import scaled
    from coop_tui.store.database import inspect

    doubled = tmp_path / "x2.json"
    doubled.write_bytes(scaled(demo_bytes, 2))
    problems, _version = inspect(doubled)
    assert problems == []
    single = tmp_path / "x1.json"
    single.write_bytes(demo_bytes)
    once, twice = open_store(single, read_only=True), open_store(doubled, read_only=True)
    try:
        assert len(twice.actors) == 2 * len(once.actors)
        assert len(twice.meetings) == 2 * len(once.meetings)
    finally:
        once.close()
        twice.close()


def test_the_store_is_loaded_once_the_status_bar_says_saved() -> None:
    from benchmarks.interactive import LOADED

    loaded = "Dashboard\x1b[0m  ·  Val\x1b[1m  ·  saved\x1b[0m  ·  /tmp/s.json".encode()
    first_frame = "Dashboard\x1b[0m  ·  Val  ·  \x1b[1mloading…\x1b[0m  ·  /tmp".encode()
    assert LOADED.search(loaded)
    assert not LOADED.search(first_frame)
