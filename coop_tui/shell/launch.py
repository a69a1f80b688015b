"""Opening the app: find or create the store, recover from a damaged one, run, close."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from coop_tui.core.i18n import language, set_language
from coop_tui.store.errors import StoreCorrupt
from coop_tui.store.storage import Data, SaveRelay

if TYPE_CHECKING:
    # The store's models are imported once the first frame is drawn (shell/starting.py).
    from coop_tui.core.settings import Settings
    from coop_tui.shell.app import CoopApp
    from coop_tui.shell.starting import StartingApp
    from coop_tui.store.repository import Repository

# How long a thread still running after the app may take to end before the process leaves
# without it (seconds).
HELD_THREAD_GRACE = 0.5
MANDATE_YEARS = 6
MANDATE_REFERENCE = date(2026, 3, 15)  # French municipal elections


def current_mandate(today: date) -> tuple[date, date]:
    """The municipal mandate that contains ``today`` (elections every six years in March)."""
    offset = (today.year - MANDATE_REFERENCE.year) // MANDATE_YEARS * MANDATE_YEARS
    start = MANDATE_REFERENCE.replace(year=MANDATE_REFERENCE.year + offset)
    if today < start:
        start = start.replace(year=start.year - MANDATE_YEARS)
    return start, start.replace(year=start.year + MANDATE_YEARS)


def blank_store_factory() -> Callable[[], Data]:
    def build() -> Data:
        from coop_tui.store.catalogue import blank_store, default_territory_name

        lang = language()
        start, end = current_mandate(date.today())
        return blank_store(default_territory_name(lang), lang, start, end)

    return build


def demo_store(folder: Path) -> Path:
    from coop_tui.store.database import create
    from coop_tui.store.demo import demo_data

    path = folder / "demo.json"
    create(path, demo_data("small"))
    return path


def _open(path: Path, relay: SaveRelay, initial: Callable[[], Data] | None) -> Repository | None:
    """Open ``path``; on a damaged file, let the user restore or read a backup."""
    from coop_tui.store import backups
    from coop_tui.store.database import open_store

    read_only = False
    while True:
        try:
            return open_store(path, initial=initial, read_only=read_only, background=True,
                              on_save=relay)
        except StoreCorrupt as error:
            from coop_tui.ui.recovery import RecoveryApp

            choice = RecoveryApp(error).run()
            if choice == "restore" and error.backup is not None:
                backups.restore(path, error.backup)
            elif choice == "read_backup" and error.backup is not None:
                path, read_only = error.backup, True
            else:
                return None


def launch(store: Path | None, *, demo: bool = False, store_language: bool = False) -> int:
    """Run the app on ``store`` (or the default or demo store); the exit code.

    ``store_language``: speak the store's own language (neither ``--lang`` nor a locale
    said which)."""
    from coop_tui.core.locations import default_store_path, ensure_private_dir

    with tempfile.TemporaryDirectory(prefix="coop-tui-demo-") as scratch:
        initial: Callable[[], Data] | None = blank_store_factory()
        if demo:
            path, initial = demo_store(Path(scratch)), None
        elif store is None:
            path = default_store_path()
            ensure_private_dir(path.parent)
        else:
            path = store
        code: int | None = None
        if not demo and path.exists():
            code = _run_from_summary(path, store_language)
        if code is None:
            code = _run(path, initial, store_language, summarise=not demo)
    exit_if_held(code)
    return code


def _run(path: Path, initial: Callable[[], Data] | None, store_language: bool, *,
         summarise: bool) -> int:
    """The usual start: open the store, then show the app on it."""
    from coop_tui.core.locations import settings_path
    from coop_tui.core.settings import load_settings
    from coop_tui.shell.app import CoopApp

    relay = SaveRelay()
    repository = _open(path, relay, initial)
    if repository is None:
        return 1
    if store_language:
        set_language(repository.territory.language)
    app = CoopApp(repository, load_settings(settings_path()), settings_path=settings_path())
    relay.target = app.save_listener
    _run_and_close(app, repository, summarise)
    return app.return_code or 0


def _run_from_summary(path: Path, store_language: bool) -> int | None:
    """The start from the store's summary, when it matches the store (shell/starting.py);
    None when it does not, or when the store could not be loaded behind it: the usual start
    then takes over."""
    from coop_tui.store.summary import SummaryCheck

    check = SummaryCheck(path)  # reads and hashes the store while Textual is imported
    from coop_tui.core.locations import settings_path
    from coop_tui.shell.starting import StartingApp

    content = check.result()
    if content is None:
        return None
    if store_language and isinstance(content.get("territory_language"), str):
        set_language(content["territory_language"])
    relay = SaveRelay()
    app = StartingApp(content, path, partial(_load_behind, path, relay),
                      settings_path=settings_path())
    relay.target = app.save_listener
    try:
        app.run()
    finally:
        opened = app.wait_for_load()
    if opened.repository is None:
        return None if app.fell_back else app.return_code or 0
    _close(app, opened.repository, summarise=True)
    return app.return_code or 0


def _load_behind(path: Path, relay: SaveRelay) -> tuple[Repository, Settings]:
    """Open the store on the loader thread, as the usual start does (a damaged store
    raises: the usual start and its recovery take over)."""
    from coop_tui.core.locations import settings_path
    from coop_tui.core.settings import load_settings
    from coop_tui.store.database import open_store

    repository = open_store(path, background=True, on_save=relay)
    # Imported here rather than on the interface's thread when the dashboard is built.
    importlib.import_module("coop_tui.screens.dashboard.screen")
    return repository, load_settings(settings_path())


def _run_and_close(app: CoopApp, repository: Repository, summarise: bool) -> None:
    try:
        app.run()
    finally:
        _close(app, repository, summarise)


def _close(app: CoopApp | StartingApp, repository: Repository, summarise: bool) -> None:
    """Close the store (and the one a sync opened again); keep the first frame's summary
    of the store as saved for the next start."""
    current = app.session.repository if app.loaded else repository
    if summarise and not current.closed:
        from coop_tui.shell.starting import write_first_frame

        with contextlib.suppress(Exception):
            current.flush()
            write_first_frame(current, app.session.today() if app.loaded else date.today())
    repository.close()
    if current is not repository:  # opened again after a sync
        current.close()


def exit_if_held(code: int, grace: float = HELD_THREAD_GRACE) -> None:
    """Leave now if a thread would keep the finished app's process alive.

    When the terminal vanishes while the app shuts down, Textual's input thread can miss
    its stop and read end-of-file forever, at full CPU, and Python waits for it at exit.
    By now the store is written and closed: nothing is lost by not waiting for it.
    """
    held = [thread for thread in threading.enumerate()
            if thread is not threading.main_thread() and not thread.daemon]
    for thread in held:
        thread.join(grace)
    if any(thread.is_alive() for thread in held):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)
