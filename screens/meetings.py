"""Meetings: the list, newest first."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import DataTable

from coop_tui.i18n import _, format_date
from coop_tui.labels import label
from coop_tui.screen import CoopScreen
from coop_tui.widgets.text import plain


class MeetingsScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "meetings.tcss"

    @property
    def title_text(self) -> str:
        return _("Meetings")

    def compose_content(self) -> ComposeResult:
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)

    def refresh_data(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Date"), _("Title"), _("Kind"), _("Open actions"))
        meetings = sorted(self.session.repository.meetings, key=lambda m: m.on, reverse=True)
        for meeting in meetings:
            table.add_row(
                format_date(meeting.on),
                plain(meeting.title),
                label(meeting.kind),
                str(len(meeting.open_actions())),
                key=meeting.id,
            )
