"""The wheel ships screens/ and store/ inside coop_tui, and nothing generic at the top."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from filelock import FileLock

import coop_tui.screens
import coop_tui.store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The wheel's file names. Built once per run: the build writes into the source tree,
    so workers running these tests at once take turns, and the later ones read the list."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    listing = shared / "coop-tui-wheel.json"
    with FileLock(shared / "coop-tui-wheel.lock"):
        if not listing.exists():
            out = shared / "coop-tui-wheel"
            out.mkdir(exist_ok=True)
            subprocess.run(
                [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "-q", "-w", str(out), str(ROOT)],
                check=True, capture_output=True, timeout=300,
            )
            (wheel,) = out.glob("coop_tui-*.whl")
            with zipfile.ZipFile(wheel) as archive:
                listing.write_text(json.dumps(archive.namelist()), encoding="utf-8")
        names: list[str] = json.loads(listing.read_text(encoding="utf-8"))
    return names


def test_no_generic_top_level_package(wheel_names: list[str]) -> None:
    top = {name.split("/", 1)[0] for name in wheel_names}
    assert "screens" not in top
    assert "store" not in top
    assert {t for t in top if not t.endswith(".dist-info")} == {"coop_tui"}


def test_mapped_packages_and_data_are_shipped(wheel_names: list[str]) -> None:
    names = set(wheel_names)
    for module in ("coop_tui/shell/app.py", "coop_tui/shell/cli.py",
                   "coop_tui/store/models/__init__.py", "coop_tui/store/repository.py",
                   "coop_tui/screens/dashboard/screen.py",
                   "coop_tui/screens/dashboard/dashboard.tcss", "coop_tui/shell/app.tcss",
                   "coop_tui/locale/fr/LC_MESSAGES/coop_tui.mo", "coop_tui/py.typed",
                   "coop_tui/ui/widgets/actor_picker.tcss"):
        assert module in names, module
    screens = {p.name for p in (ROOT / "screens").glob("*.tcss")}
    shipped = {n.rsplit("/", 1)[1] for n in names if n.startswith("coop_tui/screens/")}
    assert screens <= shipped


def test_every_source_file_is_shipped(wheel_names: list[str]) -> None:
    """Nothing the app imports is left out of the wheel (subpackages, styles)."""
    names = set(wheel_names)
    for folder, package in (("coop_tui", "coop_tui"), ("screens", "coop_tui/screens"),
                            ("store", "coop_tui/store")):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".tcss") and "__pycache__" not in path.parts:
                shipped = f"{package}/{path.relative_to(ROOT / folder).as_posix()}"
                assert shipped in names, shipped


def test_entry_point(wheel_names: list[str]) -> None:
    (entry_points,) = [n for n in wheel_names if n.endswith("entry_points.txt")]
    assert entry_points


def test_editable_install_maps_the_folders() -> None:
    assert Path(coop_tui.store.__file__).resolve().parent == ROOT / "store"
    assert Path(coop_tui.screens.__file__).resolve().parent == ROOT / "screens"
