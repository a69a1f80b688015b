"""Steps the screen tests all take: open a screen by its number, answer a confirmation,
type keys in one burst, wait until the app reaches a state, settle with still cursors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

from coop_tui.shell.app import CoopApp
from coop_tui.ui.widgets.dialogs import ConfirmDialog

AppFactory = Callable[..., CoopApp]

S = TypeVar("S", bound=Screen[Any])


async def open_screen(pilot: Pilot[int], key: str, kind: type[S]) -> S:
    """Press the screen's number key; the screen, checked to be of ``kind``."""
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, kind), screen
    return screen


async def answer(pilot: Pilot[int], yes: bool) -> ConfirmDialog:
    """Answer the confirmation on top with its key (y or n); the dialog answered."""
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog), dialog
    await pilot.press("y" if yes else "n")
    await pilot.pause()
    assert pilot.app.screen is not dialog
    return dialog


def burst(app: App[Any], *keys: str) -> None:
    """Queue ``keys`` for the app all at once, as a terminal delivers keys that arrive
    together (a slow link, a busy app); ``Pilot.press`` lets each key settle first."""
    for key in keys:
        character = key if len(key) == 1 else {"space": " "}.get(key)
        app.post_message(events.Key(key, character))


async def until(pilot: Pilot[int], condition: Callable[[], bool]) -> None:
    """Let the app handle its messages until ``condition`` holds (a loaded machine is slow)."""
    for _attempt in range(50):
        await pilot.pause()
        if condition():
            return
    raise AssertionError("the app never reached the state expected")


async def push_form(pilot: Pilot[int], form: Screen[Any]) -> list[Any]:
    """Show ``form`` over the app; the list it returns receives what the form hands back."""
    handed: list[Any] = []
    pilot.app.push_screen(form, handed.append)
    await until(pilot, lambda: pilot.app.screen is form)
    return handed


def stop_blinking(app: App[Any]) -> None:
    """A blinking cursor is drawn or not depending on when the picture is taken."""
    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False


async def settle(pilot: Pilot[int], wait: float | None = None) -> None:
    """Let the app handle what is pending (and its timers run for ``wait`` seconds), stop
    the cursors blinking, then let it draw: what is seen does not depend on the moment."""
    await pilot.pause(wait)
    stop_blinking(pilot.app)
    await pilot.pause()
