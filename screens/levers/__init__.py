"""The levers of cooperation: the tree, the evidence panels and the lever forms."""

from coop_tui.screens.levers.screen import LeversScreen

__all__ = ["LeversScreen"]
