"""The actor map: who is who, who weighs what, who works with whom.

A table of actors (type to filter, filters by kind, role, tag and quadrant, sort by any
column), the power / interest map, and a detail panel with the profile, the private
reading, the contact log and the neighbourhood. The table and the map share one
selection. The layout follows the terminal's size: everything side by side on a large
terminal, one part at a time (m, enter, escape) on a small one.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Input, Select, Static

from coop_tui.core.diagnostic import is_organisation
from coop_tui.core.i18n import N_, _
from coop_tui.core.insights.actors import Quadrant, quadrant_label
from coop_tui.core.labels import choices
from coop_tui.core.target import Target
from coop_tui.screens.actors.commands import ActorCommands
from coop_tui.screens.actors.detail import CONTACTS, PROFILE, RELATIONS, ActorDetail
from coop_tui.screens.actors.filters import NONE, NOT_ASSESSED
from coop_tui.screens.actors.writing import ActorWriting
from coop_tui.store.models import ActorKind, Role
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.power_grid import PowerGrid
from coop_tui.ui.widgets.record_table import RecordTable
from coop_tui.ui.widgets.text_fields import TextInput

TABLE, MAP, DETAIL = "table", "map", "detail"

# Terminal sizes where the layout changes.
WIDE_WIDTH, WIDE_HEIGHT = 140, 40
MEDIUM_WIDTH = 100


class ActorsScreen(ActorWriting):
    CSS_PATH = Path(__file__).parent / "actors.tcss"
    COMMANDS = {ActorCommands}
    AUTO_FOCUS = "#actors"
    BINDINGS = [
        Binding("slash", "filter", N_("Filter"), id="actors.filter"),
        Binding("a", "add", N_("Add"), id="actors.add"),
        Binding("A", "add_several", N_("Add several"), id="actors.add_several", show=False),
        Binding("e", "edit", N_("Edit"), id="actors.edit"),
        Binding("d", "delete", N_("Delete"), id="actors.delete"),
        Binding("c", "log_contact", N_("Log contact"), id="actors.log_contact"),
        Binding("l", "add_relation", N_("Link"), id="actors.add_relation"),
        Binding("m", "toggle_map", N_("Map"), id="actors.map"),
        Binding("r", "relations", N_("Relations"), id="actors.relations"),
        Binding("b", "answer_blockage", N_("Answer a blockage"), show=False,
                id="actors.answer_blockage"),
        Binding("w", "counterweights", N_("Counterweights suggested"), show=False,
                id="actors.counterweights"),
        Binding("h", "contacts", N_("Contact log"), show=False, id="actors.contacts"),
        Binding("p", "profile", N_("Profile"), show=False, id="actors.profile"),
        Binding("o", "parent", N_("Go to parent organisation"), show=False,
                id="actors.parent"),
        Binding("i", "diagnostic", N_("Missions in the diagnostic"), show=False,
                id="actors.diagnostic"),
        Binding("s", "sort", N_("Sort"), show=False, id="actors.sort"),
        Binding("S", "reverse_sort", N_("Reverse the order"), show=False,
                id="actors.reverse_sort"),
        Binding("x", "clear_filters", N_("Clear the filters"), show=False,
                id="actors.clear_filters"),
        Binding("escape", "back", N_("Back"), id="actors.back"),
    ]

    view: reactive[str] = reactive(TABLE, init=False)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._previous_view = TABLE
        self._availability: tuple[object, ...] = ()

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

    # ------------------------------------------------------------------ selection

    def watch_selected(self) -> None:
        self.query_one(PowerGrid).selected = self.selected
        self._sync_cursor()
        self._schedule_detail()
        self._refresh_availability()

    @on(Input.Submitted, "#filter-text")
    def _text_submitted(self, event: Input.Submitted) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._set_text(event.value)
        self._focus_main()

    @on(RecordTable.RowSelected, "#actors")
    def _row_selected(self) -> None:
        self.action_open()

    @on(PowerGrid.Opened)
    def _grid_opened(self, event: PowerGrid.Opened) -> None:
        self.selected = event.actor_id
        self.action_open()

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

    def action_diagnostic(self) -> None:
        """Open the diagnostic on the organisation's column, where its missions are edited."""
        actor = self.selected_actor
        if actor is not None:
            self.session.open(Target("diagnostic", actor.id))

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
        writes = {"add", "add_several", "edit", "delete", "log_contact", "add_relation",
                  "answer_blockage", "counterweights"}
        needs_actor = {"edit", "delete", "log_contact", "add_relation", "relations",
                       "contacts", "profile", "parent", "answer_blockage"}
        if action in needs_actor and self.selected_actor is None:
            return False
        actor = self.selected_actor
        if action == "answer_blockage" and actor is not None and not actor.private.blockages:
            return False
        if action == "diagnostic":
            actor = self.selected_actor
            return actor is not None and is_organisation(actor)
        if action in writes and self.session.repository.read_only:
            return None
        if action == "back":
            focused = self.focused
            return (self._narrow and self.view == DETAIL) or self._in_detail() or (
                focused is not None and focused.id == "filter-text")
        return True
