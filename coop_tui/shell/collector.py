"""The garbage collector during start-up.

Start-up builds many objects (modules, classes, the store's records) and frees few of
them: a collection then only walks what will live as long as the app. So the ``coop-tui``
command pauses the collector while it starts, and resumes it once there is nothing left
to start (the app's first frame, or a command that is not the app); the objects made so
far are frozen out of every later collection, which keeps the pauses short while typing.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume() -> None:
    """Collect again (no effect when the collector was not paused: tests, embedding)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
