"""The roadmap (feuille de route): the timeline, its filters, the detail and the item form."""

from coop_tui.screens.roadmap.screen import RoadmapScreen

__all__ = ["RoadmapScreen"]
