"""Sharing a territory: what a merge left to settle."""

from coop_tui.screens.sharing.conflicts import ConflictsScreen

__all__ = ["ConflictsScreen"]
