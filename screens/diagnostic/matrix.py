"""The missions x organisations matrix as a table of cells, and the words about the cell
under the cursor; the candidates as a list of reasons."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from coop_tui.core.diagnostic import (
    Candidate,
    Matrix,
    SortKey,
    format_fte,
    mission_name,
)
from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Mission, MissionStaff, RoadmapItem
from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.text import plain

TOTAL = "total"
COUNT = "count"
# How each sort order is named on the screen.
SORT_NAMES: dict[SortKey, str] = {
    "total": N_("by total FTE"),
    "name": N_("by name"),
    "organisations": N_("by number of organisations"),
}
# The width of an organisation's column: its name is cut to fit.
ORGANISATION_WIDTH = 10
MISSION_WIDTH = 30


def _short(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


class MatrixTable(DataTable[Text]):
    """The matrix: one row per mission, one column per organisation, FTE in the cells."""

    def __init__(self) -> None:
        super().__init__(id="matrix", cursor_type="cell", zebra_stripes=True)
        self.fixed_columns = 3  # the mission, its total and its count stay in view

    def fill(self, matrix: Matrix, order: Sequence[str], own: Sequence[Mission],
             candidates: set[str]) -> None:
        """Show ``matrix`` with its missions in ``order``; ``candidates`` marked ◆."""
        where = self.cursor_coordinate
        self.clear(columns=True)
        self.add_column(Text(_("Mission")), key="mission", width=MISSION_WIDTH)
        self.add_column(Text(_("Total"), justify="right"), key=TOTAL, width=7)
        self.add_column(Text(_("Orgs"), justify="right"), key=COUNT, width=5)
        for actor in matrix.organisations:
            self.add_column(Text(_short(actor.name, ORGANISATION_WIDTH), justify="right"),
                            key=actor.id, width=ORGANISATION_WIDTH)
        for mission in order:
            mark = "◆ " if mission in candidates else "  "
            cells = [Text(_short(mark + mission_name(mission, own), MISSION_WIDTH)),
                     Text(format_fte(matrix.row_total(mission)), justify="right",
                          style="bold"),
                     Text(str(matrix.carriers(mission)), justify="right")]
            for actor in matrix.organisations:
                cell = matrix.cell(mission, actor.id)
                cells.append(Text("") if cell is None else Text(
                    format_fte(cell.fte) + ("*" if cell.shared else " "), justify="right"))
            self.add_row(*cells, key=mission)
        totals = [Text(_("Total"), style="bold"),
                  Text(format_fte(matrix.total), justify="right", style="bold"),
                  Text(str(len(matrix.organisations)), justify="right")]
        totals += [Text(format_fte(matrix.column_total(actor.id)), justify="right",
                        style="bold") for actor in matrix.organisations]
        self.add_row(*totals, key=TOTAL)
        if self.row_count:
            self.cursor_coordinate = self.validate_cursor_coordinate(where)

    def place(self, mission: str | None, actor_id: str | None) -> None:
        """Put the cursor on a mission's row and an organisation's column, where known."""
        row = self.cursor_coordinate.row
        column = self.cursor_coordinate.column
        keys = [key.value for key in self.rows]
        columns = [key.value for key in self.columns]
        if mission in keys:
            row = keys.index(mission)
        if actor_id in columns:
            column = columns.index(actor_id)
        self.move_cursor(row=row, column=column)

    def current(self) -> tuple[str | None, str | None]:
        """The mission and the organisation (actor id) under the cursor, each None on the
        totals or the mission names."""
        if not self.row_count:
            return None, None
        keys = self.coordinate_to_cell_key(self.cursor_coordinate)
        mission = keys.row_key.value
        column = keys.column_key.value
        return (None if mission == TOTAL else mission,
                None if column in ("mission", TOTAL, COUNT) else column)


def line_words(line: MissionStaff, organisation: str, mission: str,
               partners: Sequence[str]) -> str:
    """One cell in words: « Vernay · État civil : 0,4 ETP · cat. C 1 · partagée avec … »."""
    parts = [_("{organisation} · {mission}: {fte} FTE").format(
        organisation=organisation, mission=mission, fte=format_fte(line.fte))]
    categories = [f"{letter} {count}" for letter, count in
                  (("A", line.category_a), ("B", line.category_b), ("C", line.category_c))
                  if count is not None]
    if categories:
        parts.append(_("agents by category: {counts}").format(counts=", ".join(categories)))
    if partners:
        parts.append(_("shared with {names}").format(names=", ".join(partners)))
    elif line.shared:
        parts.append(_("already shared"))
    if line.note:
        parts.append(line.note)
    return " · ".join(parts)


class MatrixPane(Vertical):
    """The matrix with a line above (what is shown, how it is sorted) and a line below
    (the cell under the cursor)."""

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-caption", markup=False)
        yield MatrixTable()
        yield Static(id="matrix-detail", markup=False)

    def caption(self, matrix: Matrix, by: SortKey) -> None:
        text = _("{organisations} organisations · {missions} missions · {total} FTE · sorted "
                 "{order} (s) · ◆ candidate · * already shared").format(
            organisations=len(matrix.organisations), missions=len(matrix.missions),
            total=format_fte(matrix.total), order=_(SORT_NAMES[by]))
        if not matrix.missions:
            text = _("No mission recorded yet: o adds an organisation's first mission, or "
                     "coop-tui import diagnostic reads a spreadsheet.")
        self.query_one("#matrix-caption", Static).update(plain(text))

    def detail(self, text: str) -> None:
        self.query_one("#matrix-detail", Static).update(plain(text))


class CandidatesPane(KeysInOrder, OptionList):
    """Each mutualisation candidate: the mission, then its reason, and the roadmap items
    that already answer it; r has an objective of the roadmap answer the one selected."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.found: list[Candidate] = []

    def show(self, found: Sequence[Candidate], own: Sequence[Mission],
             roadmap: Sequence[RoadmapItem]) -> None:
        highlighted = self.highlighted
        self.found = list(found)
        self.clear_options()
        if not found:
            self.add_option(Option(plain(_(
                "No candidate yet. A mission becomes one when at least 3 organisations carry "
                "it with under one FTE each, or when some share it and others do not.")),
                disabled=True))
            return
        for candidate in found:
            text = Text()
            rule = (_("scattered in small fractions of posts") if candidate.rule == "scattered"
                    else _("shared by some, not all"))
            text.append(f"◆ {mission_name(candidate.mission, own)}", style="bold")
            text.append(f" · {rule}\n")
            text.append(candidate.reason)
            answering = [item.objective for item in roadmap
                         if set(item.answers) & set(candidate.line_ids)]
            if answering:
                text.append("\n" + _("Answered by the roadmap: {objectives}").format(
                    objectives=", ".join(answering)), style="italic")
            self.add_option(Option(text))
            self.add_option(None)  # a divider under it, not an option
        self.highlighted = min(highlighted or 0, self.option_count - 1)

    def current(self) -> Candidate | None:
        """The candidate highlighted, if any."""
        index = self.highlighted
        if index is None or index >= len(self.found):
            return None
        return self.found[index]
