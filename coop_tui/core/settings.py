"""The user's preferences, kept in a small JSON file in the configuration folder.

A missing or unreadable file gives the defaults: preferences are never worth an error.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from coop_tui.core.locations import ensure_private_dir
from coop_tui.store.files import read_regular
from coop_tui.store.storage import atomic_write

SETTINGS_LIMIT = 64 * 1024  # a named pipe or a device in its place is read as no settings


class Settings(BaseModel):
    """What the app remembers between runs. The language is not among them: it follows
    ``--lang`` or the locale, as the command line promises."""

    model_config = ConfigDict(extra="ignore")

    theme: str = "textual-dark"


def load_settings(path: Path) -> Settings:
    try:
        return Settings.model_validate_json(read_regular(path, SETTINGS_LIMIT))
    except (OSError, ValidationError, ValueError):
        return Settings()


def save_settings(settings: Settings, path: Path) -> None:
    """Best effort: a preference that cannot be written is not worth interrupting work."""
    with contextlib.suppress(OSError):
        ensure_private_dir(path.parent)
        atomic_write(path, settings.model_dump_json(indent=2).encode())
