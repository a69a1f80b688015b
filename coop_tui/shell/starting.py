"""A start that does not wait for the store: the first frame from the summary kept beside
it, the store loaded behind it.

``coop-tui STORE`` checks, on a thread of its own while Textual is imported, whether the
store's summary (``store/summary.py``) matches the store's bytes. When it does, the app
starts as a :class:`StartingApp`: its first frame is the dashboard drawn from the summary
(``screens/dashboard/first_frame.py``), with neither pydantic nor the store loaded. Once
that frame is on the terminal, a loader thread opens the store as the usual start does
(lock, backup, validation) and hands it to the app, which opens the real dashboard.

Keys typed (and text pasted) meanwhile are held, and the status bar counts them; once the
dashboard is shown they are handed on in the order they came, before any key typed after,
as if typed at that moment. When the load fails (the store became unreadable in between),
the app leaves and the usual start takes over, with its recovery.

After the app, the summary is written again for the store as saved, on the day it was
closed (:func:`write_first_frame`); a summary that cannot be written costs the next start
its speed, never a save.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events
from textual.message import Message
from textual.screen import Screen

from coop_tui.screens.dashboard.first_frame import FirstFrameScreen
from coop_tui.shell.app import CoopApp

if TYPE_CHECKING:
    from coop_tui.core.settings import Settings
    from coop_tui.store.repository import Repository

FIRST_FRAME_MODE = "first-frame"
# Longest wait for the first frame before the store is loaded anyway (seconds).
LOAD_ANYWAY_SECONDS = 0.5

Load = Callable[[], tuple["Repository", "Settings"]]


@dataclass
class Opened:
    """What the loader thread brought: the store and the settings, or why not."""

    repository: Repository | None = None
    settings: Settings | None = None
    failure: BaseException | None = None


class StoreLoaded(Message):
    """The loader thread is done (see :attr:`StartingApp.opened`)."""


class StartingApp(CoopApp):
    """coop-tui shown from the store's summary while the store loads (see the module)."""

    DEFAULT_MODE = FIRST_FRAME_MODE

    def __init__(self, content: dict[str, Any], path: Path, load: Load, *,
                 settings_path: Path | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(None, settings_path=settings_path, today=today)
        self.add_mode(FIRST_FRAME_MODE, partial(FirstFrameScreen, content, path, today()))
        self._load = load
        self._settings_path = settings_path
        self._today = today
        self._held: list[events.Key | events.Paste] | None = []
        self.opened = Opened()
        self.fell_back = False
        self._loader = threading.Thread(target=self._run_load, name="coop-tui-loader",
                                        daemon=True)

    # ------------------------------------------------------------------ loading

    def on_mount(self) -> None:
        # In case no frame is ever drawn (a terminal that shows nothing yet).
        self.set_timer(LOAD_ANYWAY_SECONDS, self._start_loading)

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        """The loader starts once the first frame is written: it holds the interpreter
        most of the time, and would delay that frame by as long as the load."""
        super()._display(screen, renderable)
        if renderable is not None and isinstance(screen, FirstFrameScreen):
            self._start_loading()

    def _start_loading(self) -> None:
        if self._loader.ident is None:
            self._loader.start()

    def _run_load(self) -> None:
        try:
            self.opened.repository, self.opened.settings = self._load()
        except BaseException as failure:  # handed to the app, which starts again
            self.opened.failure = failure
        self.post_message(StoreLoaded())

    def wait_for_load(self) -> Opened:
        """What the loader brought (after the app: the store to close)."""
        if self._loader.is_alive():
            self._loader.join()
        return self.opened

    async def on_store_loaded(self, _message: StoreLoaded) -> None:
        opened = self.opened
        if opened.repository is None:
            self.fell_back = True
            self.exit(0)
            return
        self.attach(opened.repository, opened.settings, self._settings_path, self._today)
        self.session_opened()
        self._shown_modes.add("dashboard")
        self._hold_switch = True
        await self.switch_mode("dashboard")
        await self.remove_mode(FIRST_FRAME_MODE)
        await self._hand_on_held_keys()

    # ------------------------------------------------------------------ keys

    async def on_event(self, event: events.Event) -> None:
        if self._held is not None and isinstance(event, events.Key | events.Paste):
            self._held.append(event)
            if isinstance(self.screen, FirstFrameScreen):
                self.screen.show_waiting(len(self._held))
            return
        await super().on_event(event)

    async def _hand_on_held_keys(self) -> None:
        """Each key held, in order, as if typed now; keys still queued behind come after
        (they are handled once this returns)."""
        held, self._held = self._held or [], None
        for event in held:
            copy: events.Event = (events.Key(event.key, event.character)
                                  if isinstance(event, events.Key) else events.Paste(event.text))
            await super().on_event(copy)


def write_first_frame(repository: Repository, today: date) -> bool:
    """Write the summary of ``repository``'s store as saved: what the dashboard shows on
    ``today``. False when it was not written; never raises (a start without a summary
    only loads the store first, as it always did)."""
    stamps = repository.stamps()
    if stamps is None:
        return False
    from coop_tui.screens.dashboard.summary import first_frame
    from coop_tui.store.summary import write_summary

    # The summary is a shortcut: whatever keeps it from being written or built (a full
    # disk, an unsafe folder, a panel that cannot be read off screen) must not turn a
    # saved, closed store into a failed exit.
    with contextlib.suppress(Exception):
        write_summary(repository.path, stamps, first_frame(repository, today))
        return True
    return False
