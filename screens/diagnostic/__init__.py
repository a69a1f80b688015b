"""Diagnostic & pacte: the shared diagnostic (missions matrix, candidates, bassins de vie)."""

from coop_tui.screens.diagnostic.screen import DiagnosticScreen

__all__ = ["DiagnosticScreen"]
