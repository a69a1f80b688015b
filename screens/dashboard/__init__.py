"""The dashboard: where the territory stands, in one glance."""

from coop_tui.screens.dashboard.screen import DashboardScreen

__all__ = ["DashboardScreen"]
