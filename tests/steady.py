"""Snapshots that do not depend on the moment they are taken."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, TextArea


def stop_blinking(app: App[object]) -> None:
    """A blinking cursor is drawn or not depending on when the picture is taken."""
    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False
