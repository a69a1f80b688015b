"""The bassins de vie: a list (name, communes, needs) and, under it, the bassin under the
cursor in full: its communes with their INSEE codes, its needs, what the roadmap answers."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from coop_tui.core.diagnostic import need_text
from coop_tui.core.i18n import _, ngettext
from coop_tui.store.models import LivingArea, RoadmapItem
from coop_tui.ui.widgets.text import plain


class AreasTable(DataTable[Text]):
    """One row per bassin de vie."""

    def __init__(self) -> None:
        super().__init__(id="areas", cursor_type="row", zebra_stripes=True)

    def fill(self, areas: Sequence[LivingArea]) -> None:
        row = self.cursor_row
        self.clear(columns=True)
        self.add_column(Text(_("Bassin de vie")), key="name", width=30)
        self.add_column(Text(_("Communes"), justify="right"), key="communes", width=9)
        self.add_column(Text(_("Needs"), justify="right"), key="needs", width=8)
        self.add_column(Text(_("First need")), key="first")
        for area in areas:
            self.add_row(Text(area.name), Text(str(len(area.communes)), justify="right"),
                         Text(str(len(area.needs)), justify="right"),
                         Text(need_text(area.needs[0]) if area.needs else ""), key=area.id)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def current(self) -> str | None:
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def place(self, area_id: str) -> None:
        keys = [key.value for key in self.rows]
        if area_id in keys:
            self.move_cursor(row=keys.index(area_id))


def area_words(area: LivingArea, names: dict[str, str],
               roadmap: Sequence[RoadmapItem]) -> Text:
    """A bassin in full, as the pane under the list shows it."""
    text = Text()
    text.append(area.name, style="bold")
    communes = [f"{names.get(c.actor_id, '?')}" + (f" ({c.insee})" if c.insee else "")
                for c in area.communes]
    text.append("\n" + ngettext("{count} commune: {names}", "{count} communes: {names}",
                                len(communes)).format(count=len(communes),
                                                      names=", ".join(communes) or "—"))
    if area.needs:
        text.append("\n" + _("Service needs:"))
        for need in area.needs:
            answering = [item.objective for item in roadmap if need.id in item.answers]
            text.append(f"\n  • {need_text(need)}")
            if answering:
                text.append("  → " + ", ".join(answering), style="italic")
    else:
        text.append("\n" + _("No service need recorded: e edits the bassin."))
    if area.note:
        text.append("\n" + area.note)
    return text


class AreasPane(Vertical):
    """The list of bassins de vie and the one under the cursor."""

    def compose(self) -> ComposeResult:
        yield AreasTable()
        with VerticalScroll(id="area-detail-box"):
            yield Static(id="area-detail", markup=False)

    def detail(self, area: LivingArea | None, names: dict[str, str],
               roadmap: Sequence[RoadmapItem]) -> None:
        text = (area_words(area, names, roadmap) if area is not None else plain(_(
            "No bassin de vie yet: n adds one, with its communes and the service needs of the "
            "people who live there.")))
        self.query_one("#area-detail", Static).update(text)
