"""How the levers screen looks, at the smallest size it supports and on a large terminal,
in English and in French (review the SVGs before accepting a change)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from coop_tui.store.repository import Repository
from tests.helpers import AppFactory, settle

# The status bar shows the store's path: a fixed one keeps the pictures identical.
SNAPSHOT_FOLDER = Path(tempfile.gettempdir()) / "coop-tui-levers-snapshots"


def test_levers_80x24(snap_compare: Callable[..., bool], make_app: AppFactory,
                      fixed_repository: Repository) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "_"], run_before=settle)


def test_levers_160x48_french_with_a_lever_open(
    snap_compare: Callable[..., bool], make_app: AppFactory, fixed_repository: Repository,
    french: None,
) -> None:
    app = make_app(fixed_repository)
    keys = ["3", "_", "down", "space", "down", "_"]
    assert snap_compare(app, terminal_size=(160, 48), press=keys, run_before=settle)


def test_levers_human_category_120x36(
    snap_compare: Callable[..., bool], make_app: AppFactory, fixed_repository: Repository,
) -> None:
    app = make_app(fixed_repository)
    keys = ["3", "_", *["down"] * 8, "_"]
    assert snap_compare(app, terminal_size=(120, 36), press=keys, run_before=settle)


def test_lever_form_80x24_french(
    snap_compare: Callable[..., bool], make_app: AppFactory, fixed_repository: Repository,
    french: None,
) -> None:
    app = make_app(fixed_repository)
    assert snap_compare(app, terminal_size=(80, 24), press=["3", "_", "e", "_"], run_before=settle)


def test_thresholds_form_100x30(
    snap_compare: Callable[..., bool], make_app: AppFactory, fixed_repository: Repository,
) -> None:
    app = make_app(fixed_repository)
    keys = ["3", "_", "t", "_"]
    assert snap_compare(app, terminal_size=(100, 30), press=keys, run_before=settle)
