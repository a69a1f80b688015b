"""The actor map: who is who, who weighs what, who works with whom.

A table of actors (type to filter, filters by kind, role, tag and quadrant, sort by any
column), the power / interest map, and a detail panel with the profile, the private
reading, the contact log and the neighbourhood. The table and the map share one
selection. The layout follows the terminal's size: everything side by side on a large
terminal, one part at a time (m, enter, escape) on a small one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from time import monotonic

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.fuzzy import Matcher
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Select, Static

from coop_tui.core.i18n import N_, _, format_date, ngettext
from coop_tui.core.insights.actors import (
    Quadrant,
    actor_figures,
    needs_contact,
    quadrant_label,
)
from coop_tui.core.labels import choices, label
from coop_tui.core.target import Target
from coop_tui.screens.actors.contact_form import ContactForm
from coop_tui.screens.actors.delete import DeleteActorDialog, DeleteChoice, plan_deletion
from coop_tui.screens.actors.detail import (
    CONTACTS,
    PROFILE,
    RELATIONS,
    ActorDetail,
    ContactLog,
    DetailContext,
    Neighbourhood,
)
from coop_tui.screens.actors.filters import (
    NONE,
    NOT_ASSESSED,
    ActorFilter,
    Focus,
    SortColumn,
    all_tags,
    apply,
    focus_label,
    last_contact_text,
    sort_columns,
    sorted_actors,
)
from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.relation_form import RelationForm
from coop_tui.store.models import Actor, ActorKind, ContactEntry, Relation, Role
from coop_tui.ui.palette import PaletteCommand, ScreenCommands, matched
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.dialogs import ConfirmDialog
from coop_tui.ui.widgets.power_grid import (
    PowerGrid,
    role_name,
    role_rich_style,
    role_style,
    theme_style,
)
from coop_tui.ui.widgets.record_table import MIN_FLEX_WIDTH, PADDING, Cell, Column, RecordTable
from coop_tui.ui.widgets.text_fields import TextInput

TABLE, MAP, DETAIL = "table", "map", "detail"

# Terminal sizes where the layout changes.
WIDE_WIDTH, WIDE_HEIGHT = 140, 40
MEDIUM_WIDTH = 100

# How long typing may pause before the filter applies, and how often the detail panel
# follows a run of arrow keys (seconds).
FILTER_DELAY = 0.12
DETAIL_PAUSE = 0.08

MAX_COLUMN_WIDTH = 20
# The table's columns from left to right.
COLUMN_ORDER = ("name", "kind", "role", "influence", "interest", "contact", "channel")
# Which columns a narrow table keeps first, each group with the room it must leave the
# names: the role, the last contact and the scores (together or not at all) before the
# kind and the channel, shown only where names stay readable.
COLUMNS_BY_PRIORITY: tuple[tuple[tuple[str, ...], int], ...] = (
    (("role",), MIN_FLEX_WIDTH), (("contact",), MIN_FLEX_WIDTH),
    (("influence", "interest"), MIN_FLEX_WIDTH), (("kind",), 24), (("channel",), 24))
# Cells a vertical scroll bar takes at the table's right.
SCROLLBAR_WIDTH = 2
# The columns of the private reading, titled in the colour that marks it private.
PRIVATE_COLUMNS = frozenset({"role", "influence", "interest"})


class ActorCommands(ScreenCommands):
    """The actor map in the command palette: its actions, and every actor by name."""

    def _screen(self) -> ActorsScreen | None:
        screen = self.screen
        return screen if isinstance(screen, ActorsScreen) else None

    def _actions(self, screen: ActorsScreen) -> list[tuple[str, str, str]]:
        """(title, help, action) of the screen's commands."""
        actions = [
            (_("Actors: add an actor"), _("A new person or organisation"), "add"),
            (_("Actors: power / interest map"), _("Show the map of influence and interest"),
             "show_map"),
            (_("Actors: clear the filters"), _("Show every actor"), "clear_filters"),
        ]
        if screen.selected_actor is not None:
            actions += [
                (_("Actors: log a contact"), _("A call, a meeting, an e-mail…"), "log_contact"),
                (_("Actors: add a relation"), _("Cooperation, tension, funding…"),
                 "add_relation"),
                (_("Actors: edit the selected actor"), "", "edit"),
                (_("Actors: delete the selected actor"), "", "delete"),
            ]
        for focus in Focus:
            actions.append((_("Actors: show {what}").format(what=focus_label(focus)), "",
                            f"figure('{focus.value}')"))
        return [(title, help_text, action) for title, help_text, action in actions
                if screen.check_action(action.split("(")[0], ()) is True]

    def commands(self) -> list[PaletteCommand]:
        screen = self._screen()
        if screen is None:
            return []
        return [PaletteCommand(title, help_text, partial(screen.run_action, action))
                for title, help_text, action in self._actions(screen)]

    def records(self, matcher: Matcher) -> Iterator[Hit]:
        screen = self._screen()
        if screen is None:
            return
        for actor in screen.session.repository.actors:
            hit = matched(matcher, PaletteCommand(
                _("Open actor: {name}").format(name=actor.name), label(actor.kind),
                partial(screen.show_actor, actor.id)))
            if hit is not None:
                yield hit


class ActorsScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "actors.tcss"
    COMMANDS = {ActorCommands}
    AUTO_FOCUS = "#actors"
    BINDINGS = [
        Binding("slash", "filter", N_("Filter"), id="actors.filter"),
        Binding("a", "add", N_("Add"), id="actors.add"),
        Binding("e", "edit", N_("Edit"), id="actors.edit"),
        Binding("d", "delete", N_("Delete"), id="actors.delete"),
        Binding("c", "log_contact", N_("Log contact"), id="actors.log_contact"),
        Binding("l", "add_relation", N_("Link"), id="actors.add_relation"),
        Binding("m", "toggle_map", N_("Map"), id="actors.map"),
        Binding("r", "relations", N_("Relations"), id="actors.relations"),
        Binding("h", "contacts", N_("Contact log"), show=False, id="actors.contacts"),
        Binding("p", "profile", N_("Profile"), show=False, id="actors.profile"),
        Binding("o", "parent", N_("Go to parent organisation"), show=False,
                id="actors.parent"),
        Binding("s", "sort", N_("Sort"), show=False, id="actors.sort"),
        Binding("S", "reverse_sort", N_("Reverse the order"), show=False,
                id="actors.reverse_sort"),
        Binding("x", "clear_filters", N_("Clear the filters"), show=False,
                id="actors.clear_filters"),
        Binding("escape", "back", N_("Back"), id="actors.back"),
    ]

    selected: reactive[str | None] = reactive(None, init=False)
    view: reactive[str] = reactive(TABLE, init=False)

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
        self._previous_view = TABLE
        self._availability: tuple[object, ...] = ()
        self._detail_timer: Timer | None = None
        self._detail_shown_at = 0.0

    @property
    def title_text(self) -> str:
        return _("Actors")

    # ------------------------------------------------------------------ layout

    def compose_content(self) -> ComposeResult:
        with Horizontal(id="actors-filters"):
            yield TextInput(placeholder=_("Filter…"), compact=True, id="filter-text")
            yield Select(choices(ActorKind), prompt=_("Kind"), compact=True, id="filter-kind")
            yield Select([*choices(Role), (_("no role"), NONE)], prompt=_("Role"),
                         compact=True, id="filter-role")
            yield Select([], prompt=_("Tag"), compact=True, id="filter-tag")
            yield Select([*((quadrant_label(q), q.value) for q in Quadrant),
                          (_("not assessed"), NOT_ASSESSED)],
                         prompt=_("Quadrant"), compact=True, id="filter-quadrant")
            yield Static(id="filter-count", markup=False)
        yield Static(id="actors-summary")
        with Horizontal(id="actors-body"):
            with Vertical(id="actors-main"):
                yield RecordTable(id="actors")
                yield Static(id="actors-empty", markup=False)
                grid = PowerGrid(id="actors-grid")
                grid.border_title = _("Power / interest map")
                grid.border_subtitle = _("private")
                yield grid
            yield ActorDetail(id="actors-detail")

    def on_mount(self) -> None:
        read_only = self.session.repository.read_only
        self.query_one(PowerGrid).read_only = read_only
        self.query_one(ActorDetail).read_only = read_only
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._set_layout(self.size.width, self.size.height)
        super().on_mount()

    def on_unmount(self) -> None:
        self.app.theme_changed_signal.unsubscribe(self)

    def _theme_changed(self, _theme: object) -> None:
        """Role colours are resolved when cells are built: build them again."""
        self._build_cells()
        self._fill_table()
        self._show_selected()

    def on_resize(self, event: Resize) -> None:
        self._set_layout(event.size.width, event.size.height)

    def _set_layout(self, width: int, height: int) -> None:
        wide = width >= WIDE_WIDTH and height >= WIDE_HEIGHT
        layout = "-wide" if wide else ("-medium" if width >= MEDIUM_WIDTH else "-narrow")
        if layout != "-narrow" and self.view == DETAIL:
            self.view = self._previous_view
        self._update_classes(layout)
        self.call_after_refresh(self._fit_columns)

    def watch_view(self, old: str, new: str) -> None:
        if old != DETAIL:
            self._previous_view = old
        self._update_classes()

    def _update_classes(self, layout: str = "") -> None:
        """Set the layout and view classes in one go: each change restyles the screen."""
        layouts = {"-wide", "-medium", "-narrow"}
        layout = layout or next(iter(layouts & self.classes), "-narrow")
        views = {f"-view-{view}" for view in (TABLE, MAP, DETAIL)}
        wanted = (set(self.classes) - layouts - views) | {layout, f"-view-{self.view}"}
        if wanted != set(self.classes):
            self.set_classes(" ".join(sorted(wanted)))
        self._refresh_availability()

    def _refresh_availability(self) -> None:
        """Redraw the footer only when what the keys can do changed (it is not free)."""
        state = (self.selected_actor is not None, self.view, self._narrow)
        if state != self._availability:
            self._availability = state
            self.refresh_bindings()

    @property
    def _narrow(self) -> bool:
        return self.has_class("-narrow")

    @property
    def _wide(self) -> bool:
        return self.has_class("-wide")

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
        self._shown_revision = self.session.repository.revision

    def _detail_context(self) -> DetailContext:
        repository = self.session.repository
        return DetailContext(self._by_id, repository.relations, self.session.today(),
                             repository.territory.thresholds.follower_contact_days)

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

    # ------------------------------------------------------------------ summary line

    def _figure(self, text: str, action: str, active: bool) -> Content:
        """One figure of the summary line; a click filters on it."""
        style = f"@click=screen.figure('{action}')"
        if active:
            style += " reverse"
        return Content.styled(text, style)

    def _update_summary(self) -> None:
        """The figures of the whole map, each one a filter when clicked."""
        figures = self._figures
        wanted = self._filter
        roles = (
            (Role.DRIVER, ngettext("{count} driver", "{count} drivers", len(figures.drivers))
             .format(count=len(figures.drivers))),
            (Role.FOLLOWER, ngettext("{count} follower", "{count} followers",
                                     len(figures.followers)).format(count=len(figures.followers))),
            (Role.COUNTERWEIGHT, ngettext("{count} counterweight", "{count} counterweights",
                                          len(figures.counterweights))
             .format(count=len(figures.counterweights))),
            (Role.RELUCTANT, ngettext("{count} reluctant", "{count} reluctant",
                                      len(figures.reluctant)).format(count=len(figures.reluctant))),
        )
        parts = [Content.styled("■ ", role_style(role))
                 + self._figure(text, role.value, wanted.role == role.value)
                 for role, text in roles]
        alerts = (
            (Focus.NO_CHANNEL, len(figures.without_channel),
             ngettext("{count} with no channel", "{count} with no channel",
                      len(figures.without_channel))),
            (Focus.TENSION, len(figures.unbalanced_tensions),
             ngettext("{count} unbalanced tension", "{count} unbalanced tensions",
                      len(figures.unbalanced_tensions))),
            (Focus.TO_CONTACT, len(figures.followers_to_contact),
             ngettext("{count} follower to contact", "{count} followers to contact",
                      len(figures.followers_to_contact))),
        )
        for focus, count, text in alerts:
            figure = self._figure(text.format(count=count), focus.value,
                                  wanted.focus == focus.value)
            parts.append(Content.styled("! ", "bold $text-warning") + figure if count
                         else figure)
        self.query_one("#actors-summary", Static).update(Content(" · ").join(parts))

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
        days = self.session.repository.territory.thresholds.follower_contact_days
        reading = actor.private
        contact = Text(last_contact_text(actor), no_wrap=True)
        if needs_contact(actor, self.session.today(), days):
            contact = Text("! " + contact.plain, no_wrap=True,
                           style=theme_style("$text-warning bold").rich_style)
        channel = actor.known_channel()
        return {
            "name": Text(actor.name, no_wrap=True, overflow="ellipsis"),
            "kind": Text(label(actor.kind), no_wrap=True, overflow="ellipsis"),
            "role": Text(role_name(reading.role), style=role_rich_style(reading.role),
                         no_wrap=True),
            "influence": Text(str(reading.influence or "·"), justify="right"),
            "interest": Text(str(reading.interest or "·"), justify="right"),
            "contact": contact,
            "channel": Text(label(channel), no_wrap=True) if channel
            else Text("—", style=theme_style("$foreground-darken-2").rich_style),
        }

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

    def _wanted_columns(self, width: int) -> list[str]:
        """The columns that fit in ``width`` cells, in their order on screen: each group
        is taken in :data:`COLUMNS_BY_PRIORITY` if it leaves the names the room it asks."""
        room = width - SCROLLBAR_WIDTH - 2 * PADDING
        kept: set[str] = set()
        for keys, name_room in COLUMNS_BY_PRIORITY:
            needed = sum(self._column_width(key) + 2 * PADDING for key in keys)
            if room - needed >= name_room:
                kept.update(keys)
                room -= needed
        return [key for key in COLUMN_ORDER if key == "name" or key in kept]

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
        return self._wanted_columns(table.size.width or self.size.width)

    def _fit_columns(self) -> None:
        """Rebuild the table when its width calls for other columns."""
        if self._layout_columns() != self._columns:
            self._fill_table()

    def _header(self, column: SortColumn) -> Text:
        title = Text(_(column.title))
        if column.key == self._sort_key:
            descending = column.descending != self._sort_reverse
            title.append(" ▼" if descending else " ▲", style="bold")
        if column.key in PRIVATE_COLUMNS:
            title.stylize(theme_style("$text-warning italic").rich_style)
        return title

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

    @on(RecordTable.RowSelected, "#actors")
    def _row_selected(self) -> None:
        self.action_open()

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

    @on(Input.Submitted, "#filter-text")
    def _text_submitted(self, event: Input.Submitted) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._set_text(event.value)
        self._focus_main()

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

    def watch_selected(self) -> None:
        self.query_one(PowerGrid).selected = self.selected
        self._sync_cursor()
        self._schedule_detail()
        self._refresh_availability()

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

    @on(PowerGrid.Opened)
    def _grid_opened(self, event: PowerGrid.Opened) -> None:
        self.selected = event.actor_id
        self.action_open()

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

    def show_record(self, target: Target) -> None:
        self.show_actor(target.record_id)
        if self._narrow:
            self.view = DETAIL
        self._focus_main()

    def _focus_main(self) -> None:
        if self._narrow and self.view == DETAIL:
            self.query_one(ActorDetail).show_tab(self.query_one(ActorDetail).active_tab)
        elif self.view == MAP and not self._wide:
            self.query_one(PowerGrid).focus()
        else:
            self.query_one("#actors", RecordTable).focus()

    # ------------------------------------------------------------------ views

    def action_toggle_map(self) -> None:
        if self._wide:
            grid = self.query_one(PowerGrid)
            if grid.has_focus:
                self.query_one("#actors", RecordTable).focus()
            else:
                grid.focus()
            return
        self.view = TABLE if self.view == MAP else MAP
        self._focus_main()

    def action_show_map(self) -> None:
        if self._wide:
            self.query_one(PowerGrid).focus()
        else:
            self.view = MAP
            self._focus_main()

    def action_open(self) -> None:
        """Show the selected actor's detail (the whole screen on a small terminal)."""
        self._open_tab(self.query_one(ActorDetail).active_tab)

    def _open_tab(self, tab: str) -> None:
        if self.selected_actor is None:
            return
        if self._narrow:
            self.view = DETAIL
        self.query_one(ActorDetail).show_tab(tab)

    def action_relations(self) -> None:
        self._open_tab(RELATIONS)

    def action_contacts(self) -> None:
        self._open_tab(CONTACTS)

    def action_profile(self) -> None:
        self._open_tab(PROFILE)

    def action_parent(self) -> None:
        actor = self.selected_actor
        if actor is not None and actor.parent_id in self._by_id:
            self.show_actor(actor.parent_id or "")
        else:
            self.notify(_("This actor is not part of another organisation."), timeout=3)

    def action_back(self) -> None:
        """Leave the detail or the filter for the list or the map."""
        if self._narrow and self.view == DETAIL:
            self.view = self._previous_view
        self._focus_main()

    def _in_detail(self) -> bool:
        focused = self.focused
        detail = self.query_one(ActorDetail)
        return focused is not None and (focused is detail or detail in focused.ancestors)

    # ------------------------------------------------------------------ availability

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        writes = {"add", "edit", "delete", "log_contact", "add_relation"}
        needs_actor = {"edit", "delete", "log_contact", "add_relation", "relations",
                       "contacts", "profile", "parent"}
        if action in needs_actor and self.selected_actor is None:
            return False
        if action in writes and self.session.repository.read_only:
            return None
        if action == "back":
            focused = self.focused
            return (self._narrow and self.view == DETAIL) or self._in_detail() or (
                focused is not None and focused.id == "filter-text")
        return True

    # ------------------------------------------------------------------ writing

    def _after_write(self, actor_id: str | None, message: str) -> None:
        """Show the store as it now is, with ``actor_id`` selected even if the filters
        would hide it (a new actor must not vanish from sight)."""
        self._reload(actor_id)
        if actor_id is not None and actor_id not in self._visible:
            self.show_actor(actor_id)
        if message:
            self.notify(message, timeout=3, markup=False)

    def action_add(self) -> None:
        def saved(actor: Actor | None) -> None:
            if actor is not None:
                self._after_write(actor.id, _("Added « {name} ».").format(name=actor.name))
                self.query_one("#actors", RecordTable).focus()

        self.app.push_screen(ActorForm(self.session), saved)

    def action_edit(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return

        def saved(result: Actor | None) -> None:
            if result is not None:
                self._after_write(result.id, _("Saved « {name} ».").format(name=result.name))

        self.app.push_screen(ActorForm(self.session, actor), saved)

    def action_delete(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return

        def chosen(choice: DeleteChoice | None) -> None:
            if choice is None:
                return
            replacement = choice.replacement_id if choice.mode == "reassign" else None
            plan = plan_deletion(self.session.repository, actor, replacement)
            problem = self.session.save(plan.saved, plan.deleted)
            if problem is not None:
                self.notify(problem, severity="error", timeout=8, markup=False)
                return
            index = self._visible.index(actor.id) if actor.id in self._visible else 0
            rest = [ref for ref in self._visible if ref != actor.id]
            following = rest[min(index, len(rest) - 1)] if rest else None
            if replacement is not None:
                message = _("Deleted « {name} »; what it held now goes to « {other} ».").format(
                    name=actor.name, other=self.session.repository.actor_name(replacement))
            else:
                message = _("Deleted « {name} ».").format(name=actor.name)
            self._after_write(following, message)

        self.app.push_screen(DeleteActorDialog(self.session.repository, actor), chosen)

    def action_log_contact(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        self._contact_form(actor, None)

    def _contact_form(self, actor: Actor, entry: ContactEntry | None) -> None:
        def saved(result: ContactEntry | None) -> None:
            if result is not None:
                self._after_write(actor.id, _("Contact logged with « {name} ».").format(
                    name=actor.name))

        self.app.push_screen(ContactForm(self.session, actor, entry), saved)

    def action_add_relation(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        self._relation_form(actor, None)

    def _relation_form(self, actor: Actor, relation: Relation | None) -> None:
        def saved(result: Relation | None) -> None:
            if result is not None:
                self._after_write(actor.id, _("Relation saved."))
                self.query_one(ActorDetail).show_tab(RELATIONS)

        self.app.push_screen(RelationForm(self.session, actor, relation), saved)

    @on(PowerGrid.Moved)
    def _grid_moved(self, event: PowerGrid.Moved) -> None:
        """Save the scores given on the map: one write per move."""
        actor = self._by_id.get(event.actor_id)
        if actor is None or self.session.repository.read_only:
            return
        moved = actor.model_copy(deep=True)
        moved.private.influence = event.influence
        moved.private.interest = event.interest
        problem = self.session.save([moved])
        if problem is not None:
            self.notify(problem, severity="error", timeout=8, markup=False)
            return
        self._scores_changed(actor.id)

    def _scores_changed(self, actor_id: str) -> None:
        """Show new scores without reading the whole store again: scores change no figure
        of the summary, only this actor's row, its place on the map and its detail."""
        saved = self.session.repository.get(Actor, actor_id)
        if saved is None:
            self._reload()
            return
        self._actors = [saved if actor.id == actor_id else actor for actor in self._actors]
        self._by_id[actor_id] = saved
        self._cells[actor_id] = self._row_cells(saved)
        self._shown_revision = self.session.repository.revision
        shown = apply(self._filter, self._actors, self._figures)
        ordered = sorted_actors(shown, self._sort_column(), self._sort_reverse)
        visible = [actor.id for actor in ordered]
        self.query_one(PowerGrid).set_actors(ordered)
        if visible == self._visible:
            self.query_one("#actors", RecordTable).refresh_row(actor_id)
        else:
            self._visible = visible
            self._fill_table()
        self._show_selected()

    @on(ContactLog.EditRequested)
    def _edit_contact(self, event: ContactLog.EditRequested) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        entry = next((e for e in actor.contact_log if e.id == event.entry_id), None)
        if entry is not None:
            self._contact_form(actor, entry)

    @on(ContactLog.DeleteRequested)
    def _delete_contact(self, event: ContactLog.DeleteRequested) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        entry = next((e for e in actor.contact_log if e.id == event.entry_id), None)
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes or actor is None:
                return
            changed = actor.model_copy(deep=True)
            changed.contact_log = [e for e in changed.contact_log if e.id != event.entry_id]
            problem = self.session.save([changed])
            if problem is not None:
                self.notify(problem, severity="error", timeout=8, markup=False)
                return
            self._after_write(actor.id, _("Contact deleted."))
            self.query_one(ActorDetail).show_tab(CONTACTS)

        self.app.push_screen(ConfirmDialog(
            _("Delete this contact?"), subject=_contact_summary(entry), confirm=_("Delete")),
            answered)

    @on(Neighbourhood.JumpRequested)
    def _jump(self, event: Neighbourhood.JumpRequested) -> None:
        self.show_actor(event.actor_id)
        self.query_one(ActorDetail).show_tab(RELATIONS)

    @on(Neighbourhood.EditRequested)
    def _edit_relation(self, event: Neighbourhood.EditRequested) -> None:
        actor = self.selected_actor
        relation = self.session.repository.get(Relation, event.relation_id)
        if actor is not None and relation is not None:
            self._relation_form(actor, relation)

    @on(Neighbourhood.DeleteRequested)
    def _delete_relation(self, event: Neighbourhood.DeleteRequested) -> None:
        actor = self.selected_actor
        relation = self.session.repository.get(Relation, event.relation_id)
        if actor is None or relation is None:
            return
        other_id = relation.target_id if relation.source_id == actor.id else relation.source_id

        def answered(yes: bool | None) -> None:
            if not yes or actor is None or relation is None:
                return
            problem = self.session.save([], [relation])
            if problem is not None:
                self.notify(problem, severity="error", timeout=8, markup=False)
                return
            self._after_write(actor.id, _("Relation deleted."))
            self.query_one(ActorDetail).show_tab(RELATIONS)

        self.app.push_screen(ConfirmDialog(
            _("Delete this relation?"),
            subject=f"{actor.name} — {label(relation.kind)} — "
                    f"{self.session.repository.actor_name(other_id)}",
            confirm=_("Delete")), answered)


def _contact_summary(entry: ContactEntry) -> str:
    return f"{format_date(entry.on, 'medium')} · {label(entry.channel)} · {entry.subject}"
