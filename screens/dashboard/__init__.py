"""The dashboard: where the territory stands, in one glance.

The screen is imported when first asked for: the first frame drawn from the store's
summary (``first_frame.py``) uses this package's lines without the store's models.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DashboardScreen"]


def __getattr__(name: str) -> Any:
    if name == "DashboardScreen":
        from coop_tui.screens.dashboard.screen import DashboardScreen

        return DashboardScreen
    raise AttributeError(name)
