"""Widgets and building blocks shared by the screens."""
