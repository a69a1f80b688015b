"""Meetings: the list, the live notes, attendance, decisions, actions and the minutes."""

from coop_tui.screens.meetings.screen import MeetingsScreen

__all__ = ["MeetingsScreen"]
