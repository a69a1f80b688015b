"""Roadmap: the feuille de route over the mandate."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import DataTable

from coop_tui.i18n import _, format_date, language
from coop_tui.labels import label
from coop_tui.screen import CoopScreen
from coop_tui.store.models import Lever
from coop_tui.widgets.text import plain


class RoadmapScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "roadmap.tcss"

    @property
    def title_text(self) -> str:
        return _("Roadmap")

    def compose_content(self) -> ComposeResult:
        yield DataTable(id="roadmap", cursor_type="row", zebra_stripes=True)

    def refresh_data(self) -> None:
        repository = self.session.repository
        table = self.query_one("#roadmap", DataTable)
        table.clear(columns=True)
        table.add_columns(_("Objective"), _("Lever"), _("Due"), _("Status"), _("Progress"))
        lang = language()
        items = sorted(repository.roadmap, key=lambda item: (item.due is None, item.due))
        for item in items:
            lever = repository.get(Lever, item.lever_id)
            table.add_row(
                plain(item.objective),
                plain(lever.title.get(lang) if lever else ""),
                format_date(item.due) if item.due else "",
                label(item.status),
                f"{item.progress} %",
                key=item.id,
            )
