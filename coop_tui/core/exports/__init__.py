"""Exports: documents made from the models (never from widgets), for people and software."""
