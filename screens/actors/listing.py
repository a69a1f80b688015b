"""The actor map's list: the actors read from the store, the filters and the sort that
pick and order them, the table that shows them, and the selection the table, the map and
the detail panel share."""

from __future__ import annotations

from functools import partial
from time import monotonic

from rich.text import Text
from textual import on
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Select, Static

from coop_tui.core.i18n import _
from coop_tui.core.insights.actors import actor_figures
from coop_tui.screens.actors.columns import MAX_COLUMN_WIDTH, header, row_cells, wanted_columns
from coop_tui.screens.actors.detail import ActorDetail, DetailContext
from coop_tui.screens.actors.filters import (
    ActorFilter,
    SortColumn,
    all_tags,
    apply,
    sort_columns,
    sorted_actors,
)
from coop_tui.screens.actors.summary import summary_line
from coop_tui.store.models import Actor, Role
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.power_grid import PowerGrid
from coop_tui.ui.widgets.record_table import Cell, Column, RecordTable

# How long typing may pause before the filter applies, and how often the detail panel
# follows a run of arrow keys (seconds).
FILTER_DELAY = 0.12
DETAIL_PAUSE = 0.08


class ActorListing(CoopScreen):
    """What the actor screen lists and which actor is selected; the screen lays it out."""

    selected: reactive[str | None] = reactive(None, init=False)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._actors: list[Actor] = []
        self._by_id: dict[str, Actor] = {}
        self._figures = actor_figures([], [], session.today(),
                                      session.repository.territory.thresholds)
        self._filter = ActorFilter()
        self._sort_key = "name"
        self._sort_reverse = False
        self._visible: list[str] = []
        self._cells: dict[str, dict[str, Text]] = {}
        self._widths: dict[str, int] = {}
        self._columns: list[str] = []
        self._filter_timer: Timer | None = None
        self._detail_timer: Timer | None = None
        self._detail_shown_at = 0.0

    # ------------------------------------------------------------------ data

    @property
    def selected_actor(self) -> Actor | None:
        return self._by_id.get(self.selected or "")

    @property
    def visible_ids(self) -> list[str]:
        """The actors the table and the map show, in the table's order."""
        return list(self._visible)

    def refresh_data(self) -> None:
        self._load()
        self._apply_filter(force=True)

    def _load(self) -> None:
        """Read the store: actors, figures, tags, and the table's cells."""
        repository = self.session.repository
        self._actors = list(repository.actors)
        self._by_id = {actor.id: actor for actor in self._actors}
        self._figures = actor_figures(self._actors, repository.relations, self.session.today(),
                                      repository.territory.thresholds)
        self._build_cells()
        self._update_tags()
        self._update_summary()

    def _reload(self, select: str | None = None) -> None:
        """Show the store again after this screen changed it."""
        self._load()
        if select is not None and select in self._by_id:
            self.selected = select
        self._apply_filter(force=True)
        self._shown_version = self.session.version

    def _detail_context(self) -> DetailContext:
        repository = self.session.repository
        return DetailContext(self._by_id, repository.relations, self.session.today(),
                             repository.territory.thresholds.follower_contact_days,
                             {m.id: m.title for m in repository.meetings},
                             repository.diagnostic, repository.missions)

    def _update_tags(self) -> None:
        select = self.query_one("#filter-tag", Select)
        current = select.value
        tags = all_tags(self._actors)
        with self.prevent(Select.Changed):
            select.set_options((Text(tag), tag) for tag in tags)
            if isinstance(current, str) and current in tags:
                select.value = current
        if isinstance(current, str) and current not in tags:
            self._filter = self._filter.with_(tag="")

    def _update_summary(self) -> None:
        """The figures of the whole map, each one a filter when clicked."""
        self.query_one("#actors-summary", Static).update(summary_line(self._figures,
                                                                      self._filter))

    def action_figure(self, name: str) -> None:
        """Filter on a figure of the summary line (again: show everyone)."""
        if name in {role.value for role in Role}:
            select = self.query_one("#filter-role", Select)
            select.value = Select.NULL if select.value == name else name
            return
        self._filter = self._filter.with_(focus="" if self._filter.focus == name else name)
        self._apply_filter()
        self._update_summary()
    # ------------------------------------------------------------------ table

    def _sort_column(self) -> SortColumn:
        columns = {column.key: column for column in sort_columns(self.session.today())}
        return columns.get(self._sort_key, columns["name"])

    def _row_cells(self, actor: Actor) -> dict[str, Text]:
        """The table's cells for one actor, by column key."""
        return row_cells(actor, self.session.today(),
                         self.session.repository.territory.thresholds.follower_contact_days)

    def _build_cells(self) -> None:
        """Every actor's cells, and each column's width from its widest cell."""
        cells = {actor.id: self._row_cells(actor) for actor in self._actors}
        self._cells = cells
        columns = {column.key: column for column in sort_columns(self.session.today())}
        self._widths = {
            key: min(MAX_COLUMN_WIDTH, max(
                [len(_(columns[key].title)),
                 *(cells_of[key].cell_len for cells_of in cells.values())]))
            for key in columns if key != "name"
        }

    def _column_width(self, key: str) -> int:
        """The name takes what is left (0); the others are as wide as their widest cell,
        or their title with the sort arrow."""
        if key == "name":
            return 0
        width = self._widths.get(key, 4)
        if key == self._sort_key:
            width = max(width, len(_(self._sort_column().title)) + 2)
        return width

    def _layout_columns(self) -> list[str]:
        """The columns the table's width allows (the table gives the name what is left)."""
        table = self.query_one("#actors", RecordTable)
        return wanted_columns(table.size.width or self.size.width, self._column_width)

    def _fit_columns(self) -> None:
        """Rebuild the table when its width calls for other columns."""
        if self._layout_columns() != self._columns:
            self._fill_table()

    def _header(self, column: SortColumn) -> Text:
        return header(column, _(column.title), self._sort_key, self._sort_reverse)

    def _fill_table(self) -> None:
        """Put the visible actors in the table, the selection's row under the cursor (the
        table builds a row's cells only when the row comes on screen)."""
        table = self.query_one("#actors", RecordTable)
        titles = {column.key: column for column in sort_columns(self.session.today())}
        self._columns = self._layout_columns()
        columns = [Column(self._header(titles[key]), self._column_width(key), key)
                   for key in self._columns]
        table.set_rows(columns, self._visible,
                       partial(self._table_cells, list(self._columns), list(self._visible)),
                       cursor_key=self.selected)
        self._show_empty()

    def _table_cells(self, columns: list[str], visible: list[str], index: int) -> list[Cell]:
        """The cells of the table's row ``index``, in the order of ``columns``."""
        cells = self._cells[visible[index]]
        return [cells[key] for key in columns]

    def _show_empty(self) -> None:
        empty = self.query_one("#actors-empty", Static)
        empty.display = not self._visible
        if not self._actors:
            empty.update(Text(_("No actor yet: press a to add the first one."), style="italic"))
        else:
            empty.update(Text(_("No actor matches these filters: press x to clear them."),
                              style="italic"))

    def _sync_cursor(self) -> None:
        if self.selected in self._visible:
            self.query_one("#actors", RecordTable).move_cursor(self.selected)

    @on(RecordTable.RowHighlighted, "#actors")
    def _row_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        """Follow the table's cursor as it is now: the message may be older than a
        selection made since (the two would then undo each other in turn)."""
        key = event.table.current_key
        if key is not None and key in self._by_id:
            self.selected = key

    @on(RecordTable.HeaderSelected, "#actors")
    def _header_selected(self, event: RecordTable.HeaderSelected) -> None:
        key = event.key or "name"
        if key == self._sort_key:
            self._sort_reverse = not self._sort_reverse
        else:
            self._sort_key, self._sort_reverse = key, False
        self._apply_filter(force=True)

    def action_sort(self) -> None:
        keys = self._columns or ["name"]
        index = keys.index(self._sort_key) if self._sort_key in keys else -1
        self._sort_key = keys[(index + 1) % len(keys)]
        self._sort_reverse = False
        self._apply_filter(force=True)
        self.notify(_("Sorted by {column}").format(column=_(self._sort_column().title)),
                    timeout=2, markup=False)

    def action_reverse_sort(self) -> None:
        self._sort_reverse = not self._sort_reverse
        self._apply_filter(force=True)

    # ------------------------------------------------------------------ filters

    def _apply_filter(self, force: bool = False) -> None:
        """Show the actors the filters let through; the table is rebuilt only if they
        changed (typing often keeps the same matches)."""
        shown = apply(self._filter, self._actors, self._figures)
        ordered = sorted_actors(shown, self._sort_column(), self._sort_reverse)
        visible = [actor.id for actor in ordered]
        count = self.query_one("#filter-count", Static)
        count.update(Text(_("{shown} of {total}").format(shown=len(visible),
                                                        total=len(self._actors))))
        grid = self.query_one(PowerGrid)
        if visible == self._visible and not force:
            return
        self._visible = visible
        if self.selected not in visible:
            self.selected = visible[0] if visible else None
        grid.set_actors(ordered)
        self._fill_table()
        self._show_selected()

    @on(Input.Changed, "#filter-text")
    def _text_changed(self, event: Input.Changed) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        value = event.value
        self._filter_timer = self.set_timer(FILTER_DELAY, partial(self._set_text, value))

    def _set_text(self, value: str) -> None:
        self._filter_timer = None
        if value != self._filter.text:
            self._filter = self._filter.with_(text=value)
            self._apply_filter()

    @on(Select.Changed, "#filter-kind")
    @on(Select.Changed, "#filter-role")
    @on(Select.Changed, "#filter-tag")
    @on(Select.Changed, "#filter-quadrant")
    def _select_changed(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, str) else ""
        field = (event.select.id or "").removeprefix("filter-")
        self._filter = self._filter.with_(**{field: value})
        self._apply_filter()
        if field == "role":
            self._update_summary()

    def action_filter(self) -> None:
        self.query_one("#filter-text", Input).focus()

    def action_clear_filters(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        with self.prevent(Select.Changed, Input.Changed):
            self.query_one("#filter-text", Input).value = ""
            for select in self.query("#actors-filters Select").results(Select):
                select.clear()
        self._filter = ActorFilter()
        self._apply_filter()
        self._update_summary()

    # ------------------------------------------------------------------ selection

    def _schedule_detail(self) -> None:
        """Fill the detail panel now, or once a run of arrow keys pauses: it takes a new
        layout each time, which key repeat on a long list would pile up."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if monotonic() - self._detail_shown_at >= DETAIL_PAUSE:
            self._show_selected()
        else:
            self._detail_timer = self.set_timer(DETAIL_PAUSE, self._show_selected)

    def _show_selected(self) -> None:
        self._detail_timer = None
        self._detail_shown_at = monotonic()
        self.query_one(ActorDetail).show(self.selected_actor, self._detail_context())

    @on(PowerGrid.Selected)
    def _grid_selected(self, event: PowerGrid.Selected) -> None:
        self.selected = event.actor_id

    def show_actor(self, actor_id: str) -> None:
        """Select an actor, clearing the filters if they hide it."""
        if actor_id not in self._by_id:
            self._reload()
        if actor_id not in self._by_id:
            return
        if actor_id not in self._visible:
            self.action_clear_filters()
        self.selected = actor_id
        self._sync_cursor()
