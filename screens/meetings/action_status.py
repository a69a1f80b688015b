"""The keys that give an action a status or a new due date, shared by the two panes that
list actions: this meeting's, and the earlier meetings' still to follow up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import _
from coop_tui.screens.meetings.pane import MeetingPane
from coop_tui.store.models import ActionStatus
from coop_tui.ui.widgets.dialogs import TextPrompt

# Gives the highlighted action a status, and with "postponed" a new due date.
StatusChange = Callable[[ActionStatus, date | None], object]


def due_check(reference: date) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            parse_date(text, reference)
        except ValueError:
            return _("is not a real date (such as 26/11/2026)")
        return ""

    return check


class ActionStatusPane(MeetingPane):
    """A pane whose highlighted action is marked done, reopened, cancelled or postponed."""

    def status_change(self) -> StatusChange | None:
        """How this pane changes its highlighted action, or None when none is highlighted."""
        raise NotImplementedError

    def action_status(self, status: str) -> None:
        change = self.status_change()
        if change is not None:
            change(ActionStatus(status), None)

    def action_postpone(self) -> None:
        change = self.status_change()
        if change is None:
            return
        reference = self.editor.session.today()

        def moved(text: str | None) -> None:
            if text is not None:
                change(ActionStatus.POSTPONED, parse_date(text, reference))

        self.app.push_screen(TextPrompt(_("Postpone the action"), _("New due date"), "",
                                        due_check(reference), keep=moved,
                                        session=self.editor.session), moved)
