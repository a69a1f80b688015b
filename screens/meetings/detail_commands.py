"""The meeting screen in the command palette: its actions, each where it applies."""

from __future__ import annotations

from functools import partial

from coop_tui.core.i18n import _
from coop_tui.ui.palette import PaletteCommand, ScreenCommands


class MeetingCommands(ScreenCommands):
    """The meeting screen's actions in the command palette."""

    def commands(self) -> list[PaletteCommand]:
        return [PaletteCommand(title, help_text, partial(self.screen.run_action, action))
                for title, help_text, action in self._actions()]

    @staticmethod
    def _actions() -> list[tuple[str, str, str]]:
        return [
            (_("Export the minutes"), _("Markdown or HTML, full, decisions or procès-verbal"),
             "export"),
            (_("Approve the previous minutes"),
             _("Record that this meeting approves the minutes of the previous one"),
             "approve_previous"),
            (_("Edit the meeting"), _("Title, date, times, place, people"), "edit_meeting"),
            (_("Start or stop the timer"), _("Time spent on the current agenda item"),
             "timer"),
            (_("New agenda item"), _("Add an item to the agenda"), "new_item"),
            (_("Add a decision"), _("Through a form, in the current item"), "add_decision"),
            (_("Add an action"), _("Through a form, in the current item"), "add_action"),
            (_("Show the notes"), _("Agenda and live notes"), "tab('notes')"),
            (_("Show the attendance"), _("Who attends, proxies, quorum"), "tab('attendance')"),
            (_("Show the decisions and actions"), _("Votes, statuses, roadmap"),
             "tab('records')"),
            (_("Show the follow-up"), _("Open actions of earlier meetings"), "tab('follow')"),
            (_("Show the private notes"), _("Never exported"), "tab('private')"),
            (_("Back to the list of meetings"), _("Every meeting, newest first"), "back"),
        ]

