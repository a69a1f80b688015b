"""Readings of the store that several screens and exports share, as pure functions."""
