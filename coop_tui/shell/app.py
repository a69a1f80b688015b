"""The application: five modes over one store, the keys to move between them, and the
promises about saving (on quit, on a closed terminal, on SIGTERM).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.message import Message
from textual.screen import Screen

from coop_tui.core.i18n import N_, _, ngettext, translate_error
from coop_tui.core.target import Target
from coop_tui.shell import collector
from coop_tui.shell.syncing import SyncOutcome
from coop_tui.store.errors import SaveFailed
from coop_tui.store.text import clean_multiline
from coop_tui.ui.no_break import keep_no_break_spaces
from coop_tui.ui.save_state import SaveState, StoreStatus
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.widgets.bindings import translate_bindings

if TYPE_CHECKING:
    # Imported when the store is: the first frame may come before (shell/starting.py).
    from coop_tui.core.settings import Settings
    from coop_tui.store.repository import Repository
    from coop_tui.ui.session import Session

# Modes in the order of their keys (1 to 6), with their names in the command palette.
MODES: tuple[tuple[str, str, str], ...] = (
    ("dashboard", N_("Dashboard"), N_("Where the territory stands")),
    ("actors", N_("Actors"), N_("The actor map: who is who, who weighs what")),
    ("levers", N_("Levers"), N_("The levers of cooperation, as a checklist")),
    ("roadmap", N_("Roadmap"), N_("The feuille de route over the mandate")),
    ("meetings", N_("Meetings"), N_("Meetings, live notes and minutes")),
    ("diagnostic", N_("Diagnostic & pacte"),
     N_("The shared diagnostic: missions, staff, bassins de vie")),
)


# The mode keys, shown as "1 2 3 4 5 Screens" where the key bar is short of room.
SCREENS = Binding.Group(N_("Screens"), compact=True)

# After SIGTERM and a save, how long a normal exit may take before the process leaves.
EXIT_GRACE_SECONDS = 3.0
# How often the app checks that its terminal still exists.
TERMINAL_CHECK_SECONDS = 1.0


def _terminal_attached() -> bool:
    return os.isatty(0)


def _search_provider() -> type[Provider]:
    """Search over the store, imported when the palette first opens."""
    from coop_tui.ui.search import SearchProvider

    return SearchProvider


def _screen_factory(mode: str, session: Session) -> Callable[[], Screen[None]]:
    """Import a screen's module only when it is first shown (start-up stays fast)."""

    def build() -> CoopScreen:
        if mode == "dashboard":
            from coop_tui.screens.dashboard.screen import DashboardScreen

            return DashboardScreen(session)
        if mode == "actors":
            from coop_tui.screens.actors.screen import ActorsScreen

            return ActorsScreen(session)
        if mode == "levers":
            from coop_tui.screens.levers.screen import LeversScreen

            return LeversScreen(session)
        if mode == "roadmap":
            from coop_tui.screens.roadmap.screen import RoadmapScreen

            return RoadmapScreen(session)
        if mode == "diagnostic":
            from coop_tui.screens.diagnostic.screen import DiagnosticScreen

            return DiagnosticScreen(session)
        from coop_tui.screens.meetings.screen import MeetingsScreen

        return MeetingsScreen(session)

    return build


@dataclass
class SaveReported(Message):
    """The outcome of a save, sent by the writer's thread."""

    failure: SaveFailed | None
    """Why the save did not reach the disk; None when it did."""


class CoopApp(App[int]):
    """coop-tui: actors, levers, roadmap and meetings of one territory."""

    TITLE = "coop-tui"
    DEFAULT_MODE = "dashboard"  # the first frame is the dashboard, not a blank screen
    CSS_PATH = Path(__file__).parent / "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_search_provider}
    BINDINGS = [
        *(
            Binding(str(number), f"show_mode('{mode}')", name, id=f"mode.{mode}",
                    group=SCREENS)
            for number, (mode, name, _help) in enumerate(MODES, start=1)
        ),
        Binding("question_mark,f1", "help", N_("Help"), id="help"),
        Binding("ctrl+p", "command_palette", N_("Commands"), id="command_palette",
                priority=True),
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
        # F1 reaches the help from forms and dialogs too (modal screens hide the app's
        # other keys); ? stays a character there.
        Binding("f1", "help", N_("Help"), id="help.anywhere", priority=True),
    ]

    session: Session

    def __init__(
        self,
        repository: Repository | None,
        settings: Settings | None = None,
        *,
        settings_path: Path | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        """``repository`` None: the store is still loading; :meth:`attach` brings it."""
        super().__init__()
        keep_no_break_spaces()
        translate_bindings(self)
        self.crash_message = ""
        self._shown_modes = {self.DEFAULT_MODE}
        self._hold_switch = True
        if repository is not None:
            self.attach(repository, settings, settings_path, today)

    def _styled_now(self, build: Callable[[], Screen[None]]) -> Callable[[], Screen[None]]:
        """A new screen counts as styled with the current theme: Textual otherwise parses
        every stylesheet again and restyles the whole app on each screen's first showing
        (a screen starts with no theme of its own), a third of a first visit. Its styles
        are applied as it is mounted; a later theme change restyles it as before."""

        def build_styled() -> Screen[None]:
            screen = build()
            screen._css_update_count = self._css_update_count
            return screen

        return build_styled

    @property
    def loaded(self) -> bool:
        """The store is open (false only while a start loads it, see shell/starting.py)."""
        return "session" in self.__dict__

    def attach(self, repository: Repository, settings: Settings | None,
               settings_path: Path | None, today: Callable[[], date] = date.today) -> None:
        """Open the session on ``repository`` and the screens over it."""
        from coop_tui.core.settings import Settings
        from coop_tui.ui.session import Session

        self.session = Session(repository, settings or Settings(), settings_path, today)
        for mode, _name, _help in MODES:
            self.add_mode(mode, self._styled_now(_screen_factory(mode, self.session)))
        self.session.navigator = self.open_target

    # ------------------------------------------------------------------ start and stop

    def on_mount(self) -> None:
        if self.loaded:
            self.session_opened()
        self._install_signal_handlers()
        if not self.is_headless and _terminal_attached():
            self.set_interval(TERMINAL_CHECK_SECONDS, self._check_terminal)
        self.call_after_refresh(collector.resume)

    def session_opened(self) -> None:
        """The user's theme, and a notice when the store opened read-only."""
        if self.session.settings.theme in self.available_themes:
            self.theme = self.session.settings.theme
        if self.session.repository.read_only:
            repository = self.session.repository
            reason = _(repository.read_only_reason).format(**repository.read_only_params)
            self.session.set_status(StoreStatus(SaveState.READ_ONLY, reason))
            self.notify(_("Opened read-only: {reason}").format(reason=reason),
                        severity="warning", timeout=10, markup=False)

    def _check_terminal(self) -> None:
        """A closed terminal does not always send SIGHUP to the app (a shell between them
        may take it); Textual then reads end-of-file forever, at full CPU. Leave as on a
        hang-up as soon as the terminal is gone."""
        if not _terminal_attached():
            self._on_hangup()

    def _install_signal_handlers(self) -> None:
        """Textual runs no clean-up on a closed terminal or SIGTERM: save first, then exit."""
        try:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self._on_hangup)
            loop.add_signal_handler(signal.SIGTERM, self._on_terminate)
        except (NotImplementedError, RuntimeError, AttributeError, ValueError):
            return

    def _on_hangup(self) -> None:
        """The terminal is gone: save, release the store, and leave at once.

        Textual's shutdown writes to the terminal to restore it; with no terminal those
        writes never drain and the process would hang.
        """
        self.save_everything()
        if self.loaded:
            self.session.repository.close()
        os._exit(0)

    def _on_terminate(self) -> None:
        """Asked to stop: save, then exit normally, or at once if the exit stalls."""
        self.save_everything()
        watchdog = threading.Timer(EXIT_GRACE_SECONDS, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        self.exit(0)

    def save_everything(self) -> None:
        """Move drafts into the store and wait until the store is on disk."""
        if not self.loaded:  # nothing was typed into a store still loading
            return
        repository = self.session.repository
        if repository.read_only:
            return
        self.session.save_drafts()
        try:
            repository.flush()
        except SaveFailed as failure:
            self.report_save(failure)

    async def on_event(self, event: events.Event) -> None:
        """Pasted text is cleaned before any field sees it: Textual's inputs and text areas
        would draw an escape sequence in it straight to the terminal."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            event.text = clean_multiline(event.text)
        await super().on_event(event)

    async def action_quit(self) -> None:
        self.save_everything()
        self.exit(0)

    def on_unmount(self) -> None:
        self.save_everything()

    def _handle_exception(self, error: Exception) -> None:
        """A bug: save what was typed, write a crash report, leave with one clear line.

        Textual would print a traceback with local variables (which can hold the user's
        notes); the report written here holds neither.
        """
        from coop_tui.shell.crash import write_crash_report

        with contextlib.suppress(Exception):
            self.save_everything()
        report = write_crash_report(error)
        self.crash_message = (
            _("coop-tui stopped on an unexpected error; your work was saved. "
              "Crash report: {path}").format(path=report)
            if report else
            _("coop-tui stopped on an unexpected error; your work was saved.")
        )
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        self.bell()
        # One line, never folded by Rich: the report's path must stay whole to be copied.
        self.error_console.soft_wrap = True
        self._exit_renderables.append(Text(self.crash_message, style="bold red"))
        self._close_messages_no_wait()

    # ------------------------------------------------------------------ saving

    def report_save(self, failure: SaveFailed | None) -> None:
        """Show the outcome of a save (called on the interface's thread)."""
        if failure is None:
            if self.session.status.state is SaveState.FAILED:
                self.notify(_("Saved again."), timeout=4)
            self.session.set_status(StoreStatus(SaveState.SAVED))
            return
        message = translate_error(failure)
        if self.session.status.state is not SaveState.FAILED:
            self.notify(message + "\n" + _("Your changes are kept and will be saved when "
                                           "possible."),
                        severity="error", timeout=15, markup=False)
        self.session.set_status(StoreStatus(SaveState.FAILED, message))

    def save_listener(self, failure: SaveFailed | None) -> None:
        """For the writer thread: post the outcome to the interface's thread, never wait
        for it there (that thread may be waiting for the writer: a hang-up closes the store
        and joins the writer)."""
        if self.is_running:
            self.post_message(SaveReported(failure))

    def on_save_reported(self, message: SaveReported) -> None:
        self.report_save(message.failure)

    # ------------------------------------------------------------------ navigation

    def action_show_mode(self, mode: str) -> None:
        if self.current_mode != mode:
            self._hold_switch = mode not in self._shown_modes
            self._shown_modes.add(mode)
            self.switch_mode(mode)

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual holds the screen 50 ms on each switch of modes, to hide a screen being
        built; ours are built once and kept, so only their first showing is held."""
        if self._hold_switch:
            super().delay_update(delay)

    def open_target(self, target: Target) -> None:
        """Switch to the target's screen, then let that screen select the record. The
        territory and a deadline of the user's own have a form, not a screen: it opens
        over the current one."""
        self._say_conflicts(target)
        if target.mode == "territory":
            self.action_edit_territory()
            return
        if target.mode in ("project", "counterweights"):
            from coop_tui.screens.territory.project_form import project_screen

            self.push_screen(project_screen(target.mode, self.session))
            return
        if target.mode == "deadlines":
            from coop_tui.screens.dashboard.deadlines import DeadlineForm
            from coop_tui.store.models import Obligation

            deadline = self.session.repository.get(Obligation, target.record_id)
            if deadline is not None:
                self.push_screen(DeadlineForm(self.session, deadline))
            return

        def select() -> None:
            if isinstance(self.screen, CoopScreen):
                self.screen.show_record(target)

        self.action_show_mode(target.mode)
        self.call_after_refresh(select)

    def action_sync(self) -> None:
        """Run ``coop-tui sync`` on the store: written and let go first, read again after."""
        from coop_tui.shell.syncing import SyncingScreen

        repository = self.session.repository
        if repository.read_only:
            return
        self.save_everything()
        path = repository.path
        repository.close()
        self.push_screen(SyncingScreen(path.name))
        self.run_worker(partial(self._sync_in_thread, path), thread=True, exclusive=True,
                        group="sync")

    def _sync_in_thread(self, path: Path) -> None:
        from coop_tui.shell.syncing import run_sync

        outcome = run_sync(path)
        self.call_from_thread(self._synced, path, outcome)

    def _synced(self, path: Path, outcome: SyncOutcome) -> None:
        """Open the store again (merged work included) and show every screen afresh."""
        from coop_tui.shell.syncing import SyncingScreen
        from coop_tui.store.database import open_store
        from coop_tui.store.errors import StoreError

        if isinstance(self.screen, SyncingScreen):
            self.pop_screen()
        try:
            repository = open_store(path, background=True, on_save=self.save_listener)
        except StoreError as error:
            self.crash_message = translate_error(error)
            self.notify(translate_error(error), severity="error", markup=False)
            self.exit(1)
            return
        self.session.reopened(repository)
        if isinstance(self.screen, CoopScreen):
            self.screen.refresh_if_stale()
        self.notify(outcome.line or (_("In sync.") if outcome.ok else _("Sync failed.")),
                    severity="information" if outcome.ok else "error",
                    timeout=8, markup=False)

    def action_conflicts(self) -> None:
        """What merges left to settle: keep mine, keep theirs, or edit."""
        from coop_tui.screens.sharing import ConflictsScreen

        self.push_screen(ConflictsScreen(self.session, self.open_target))

    def _say_conflicts(self, target: Target) -> None:
        """A record opened with a conflict left on it says so, with the way to settle it."""
        repository = self.session.repository
        count = sum(1 for conflict in repository.conflicts
                    if conflict.record_id == target.record_id)
        if count:
            self.notify(ngettext("{count} conflict left on this record by a merge: ctrl+p, "
                                 "then « Conflicts »",
                                 "{count} conflicts left on this record by a merge: ctrl+p, "
                                 "then « Conflicts »", count).format(count=count),
                        severity="warning", timeout=6, markup=False)

    def action_edit_territory(self) -> None:
        """Open the territory form over the current screen (it saves the territory itself;
        the screen below shows the change when the form closes)."""
        from coop_tui.screens.territory.form import TerritoryForm

        self.push_screen(TerritoryForm(self.session))

    def action_help(self) -> None:
        from coop_tui.ui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen())

    def get_css_variables(self) -> dict[str, str]:
        """The theme's colours, with the text ones made readable on every background
        (coop_tui/ui/contrast.py)."""
        from coop_tui.ui.contrast import readable

        self.theme_variables = readable(super().get_css_variables())
        return self.theme_variables

    def watch_theme(self, theme: str) -> None:
        if not self.loaded:
            return
        settings = self.session.settings
        if settings.theme != theme:
            settings.theme = theme
            self.session.save_settings()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from coop_tui.screens.territory.project_form import project_commands

        for mode, name, help_text in MODES:
            yield SystemCommand(
                _("Go to: {screen}").format(screen=_(name)),
                _(help_text),
                partial(self.action_show_mode, mode),
            )
        from coop_tui.screens.diagnostic.commands import TAB_ENTRIES

        for tab, name, help_text in TAB_ENTRIES:
            yield SystemCommand(_(name), _(help_text),
                                partial(self.open_target, Target("diagnostic", tab)))
        if isinstance(screen, CoopScreen):
            history = self.session.history
            if history.undoable:
                yield SystemCommand(
                    _("Undo: {change}").format(change=history.undoable[-1].description),
                    _("The last change since the app opened (ctrl+z)"), screen.action_undo)
            if history.redoable:
                yield SystemCommand(
                    _("Redo: {change}").format(change=history.redoable[-1].description),
                    _("The change the last undo took back (ctrl+y)"), screen.action_redo)
            yield SystemCommand(_("Territory: edit"),
                                _("Name, member communes and mandate of the territory"),
                                self.action_edit_territory)
            yield from project_commands(self.session, self.push_screen)
            if not self.session.repository.read_only:
                yield SystemCommand(_("Sync with colleagues"),
                                    _("Commit the store, merge what colleagues pushed, push "
                                      "(coop-tui sync)"), self.action_sync)
            if self.session.repository.conflicts:
                yield SystemCommand(_("Conflicts: settle"),
                                    _("Values two copies of the store changed two ways"),
                                    self.action_conflicts)
        yield SystemCommand(_("Help: keys"), _("Every key of this screen"), self.action_help)
        yield SystemCommand(_("Theme"), _("Change the colours"), self.action_change_theme)
        yield SystemCommand(_("Screenshot"), _("Save an SVG picture of the screen"),
                            lambda: self.set_timer(0.1, self.deliver_screenshot))
        yield SystemCommand(_("Quit"), _("Save and leave coop-tui"), self.action_quit)

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder=_("Search for a screen or an action…")))
