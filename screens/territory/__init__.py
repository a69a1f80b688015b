"""The territory: its name, member communes and mandate."""

from coop_tui.screens.territory.form import TerritoryForm

__all__ = ["TerritoryForm"]
