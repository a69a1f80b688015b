"""Shared fixtures: an isolated environment, a demo store, an app on it, a fixed day.

Every test runs with its data and configuration folders in a temporary directory, no
animations, and English unless it asks for French.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from filelock import FileLock

from coop_tui.core.i18n import set_language
from coop_tui.store.database import create, open_store
from coop_tui.store.repository import Repository

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def isolated(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COOP_TUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("COOP_TUI_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("TEXTUAL_ANIMATION", "none")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def demo_bytes() -> bytes:
    from coop_tui.store.demo import demo_data
    from coop_tui.store.storage import serialise

    return serialise(demo_data("small", today=TODAY))


@pytest.fixture
def demo_path(tmp_path: Path, demo_bytes: bytes) -> Path:
    path = tmp_path / "demo.json"
    path.write_bytes(demo_bytes)
    path.chmod(0o600)
    return path


@pytest.fixture
def repository(demo_path: Path) -> Iterator[Repository]:
    repository = open_store(demo_path)
    yield repository
    repository.close()


@pytest.fixture
def empty_repository(tmp_path: Path) -> Iterator[Repository]:
    from coop_tui.store.catalogue import blank_store

    path = tmp_path / "blank.json"
    create(path, blank_store("Test territory", "en", date(2026, 3, 15), date(2032, 3, 15)))
    repository = open_store(path)
    yield repository
    repository.close()


@pytest.fixture
def fixed_repository(demo_bytes: bytes, request: pytest.FixtureRequest) -> Iterator[Repository]:
    """The demo store at the fixed path named by the test module's ``SNAPSHOT_FOLDER``: the
    status bar shows the store's path, so snapshots need it to stay the same.

    Tests of one module run on several workers at once (and two test runs may share the
    machine): they take turns with the path, or one would find the store locked by the
    other and draw it read-only.
    """
    folder: Path = request.module.SNAPSHOT_FOLDER
    with FileLock(folder.with_name(f"{folder.name}.lock")):
        folder.mkdir(exist_ok=True)
        for leftover in folder.iterdir():
            if leftover.is_file():
                leftover.unlink()
        path = folder / "val-de-loubiere.json"
        path.write_bytes(demo_bytes)
        repository = open_store(path)
        try:
            yield repository
        finally:
            repository.close()


@pytest.fixture
def make_app(repository: Repository):  # type: ignore[no-untyped-def]
    """Build the app on the demo store, with the day fixed."""
    from coop_tui.core.settings import Settings
    from coop_tui.shell.app import CoopApp

    def build(repo: Repository | None = None) -> CoopApp:
        return CoopApp(repo or repository, Settings(), today=lambda: TODAY)

    return build
