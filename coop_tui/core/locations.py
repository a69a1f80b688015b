"""Every path coop-tui uses, in one place; nothing is created at import time.

The data folder (default store, crash reports) and the configuration folder (settings)
follow the platform's conventions, and can be moved with ``COOP_TUI_DATA_DIR`` and
``COOP_TUI_CONFIG_DIR`` (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "coop-tui"
DEFAULT_STORE_NAME = "territoire.json"


def data_dir() -> Path:
    override = os.environ.get("COOP_TUI_DATA_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    override = os.environ.get("COOP_TUI_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def default_store_path() -> Path:
    return data_dir() / DEFAULT_STORE_NAME


def settings_path() -> Path:
    return config_dir() / "settings.json"


def crash_reports_dir() -> Path:
    return data_dir() / "crash-reports"


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` and its missing parents readable by their owner only (0700, even
    under umask 000): the data folder holds the private readings."""
    from coop_tui.store.files import make_private_folder

    return make_private_folder(folder)
