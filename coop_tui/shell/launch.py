"""Opening the app: find or create the store, recover from a damaged one, run, close."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from coop_tui.core.i18n import language, set_language
from coop_tui.store.errors import StoreCorrupt
from coop_tui.store.repository import Repository
from coop_tui.store.storage import Data
from coop_tui.ui.session import SaveRelay

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
    from coop_tui.core.locations import default_store_path, ensure_private_dir, settings_path
    from coop_tui.core.settings import load_settings
    from coop_tui.shell.app import CoopApp

    with tempfile.TemporaryDirectory(prefix="coop-tui-demo-") as scratch:
        initial: Callable[[], Data] | None = blank_store_factory()
        if demo:
            path, initial = demo_store(Path(scratch)), None
        elif store is None:
            path = default_store_path()
            ensure_private_dir(path.parent)
        else:
            path = store
        relay = SaveRelay()
        repository = _open(path, relay, initial)
        if repository is None:
            return 1
        if store_language:
            set_language(repository.territory.language)
        app = CoopApp(repository, load_settings(settings_path()), settings_path=settings_path())
        relay.target = app.save_listener
        try:
            app.run()
        finally:
            repository.close()
            if app.session.repository is not repository:  # opened again after a sync
                app.session.repository.close()
        code = app.return_code or 0
    exit_if_held(code)
    return code


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
