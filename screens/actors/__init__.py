"""The actor map: the table and its filters, the detail, the power grid and the actor forms."""

from coop_tui.screens.actors.screen import ActorsScreen

__all__ = ["ActorsScreen"]
