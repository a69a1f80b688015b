"""Actor map: who is who, who weighs what."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import DataTable

from coop_tui.i18n import _, format_date
from coop_tui.labels import label
from coop_tui.screen import CoopScreen
from coop_tui.widgets.text import plain


class ActorsScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "actors.tcss"

    @property
    def title_text(self) -> str:
        return _("Actors")

    def compose_content(self) -> ComposeResult:
        yield DataTable(id="actors", cursor_type="row", zebra_stripes=True)

    def refresh_data(self) -> None:
        table = self.query_one("#actors", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Name"), _("Kind"), _("Role"), _("Influence"), _("Interest"),
                          _("Last contact"))
        for actor in sorted(self.session.repository.actors, key=lambda a: a.name.casefold()):
            reading = actor.private
            last = actor.last_contact()
            table.add_row(
                plain(actor.name),
                label(actor.kind),
                label(reading.role) if reading.role else "",
                str(reading.influence or ""),
                str(reading.interest or ""),
                format_date(last) if last else "",
                key=actor.id,
            )
