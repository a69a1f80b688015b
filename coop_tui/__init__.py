"""coop-tui: the terminal companion of cooperation inside an intercommunality."""

__version__ = "0.1.0"
