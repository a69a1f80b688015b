"""Diagnostic & pacte: the shared diagnostic of the schéma de mutualisation in tabs.

The missions x organisations matrix (FTE in each cell, totals, three sort orders), the
mutualisation candidates with their reasons, and the bassins de vie with their needs. The
figures come from ``coop_tui.core.diagnostic``; a line or a bassin is edited in a form that
writes it. The tabs sit in a ``TabbedContent`` so that the pacte's tab joins them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, TabbedContent, TabPane

from coop_tui.core.diagnostic import (
    SORT_KEYS,
    Matrix,
    SortKey,
    build_matrix,
    candidates,
    is_organisation,
    mission_keys,
    mission_name,
    sorted_missions,
)
from coop_tui.core.i18n import N_, _
from coop_tui.core.target import Target
from coop_tui.screens.diagnostic.area_form import LivingAreaForm
from coop_tui.screens.diagnostic.areas import AreasPane, AreasTable
from coop_tui.screens.diagnostic.commands import DiagnosticCommands
from coop_tui.screens.diagnostic.line_form import MissionLineForm, record_of
from coop_tui.screens.diagnostic.matrix import (
    CandidatesPane,
    MatrixPane,
    MatrixTable,
    line_words,
)
from coop_tui.screens.pacte import PactCommands, PactView
from coop_tui.store.models import (
    Actor,
    LivingArea,
    Mission,
    MissionStaff,
    OrganisationMissions,
    Record,
    RoadmapItem,
)
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.dialogs import ConfirmDialog, TextPrompt, check_name

# The tabs, in order, each with the widget that takes the focus there; a tab's pane is
# "<tab>-tab", and a jump names the tab (Target("diagnostic", "<tab>")). A tab joins by
# a TabPane in compose_content and a line here.
TABS: dict[str, str] = {
    "matrix": "#matrix", "candidates": "#candidates", "areas": "#areas", "pacte": "#bilan-table"}


class DiagnosticScreen(CoopScreen):
    """The shared diagnostic: matrix, candidates, bassins de vie."""

    CSS_PATH = Path(__file__).parent / "diagnostic.tcss"
    AUTO_FOCUS = "#matrix"
    COMMANDS = {DiagnosticCommands, PactCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "next_tab", N_("Next tab"), id="diagnostic.next_tab"),
        Binding("s", "sort", N_("Sort"), id="diagnostic.sort"),
        Binding("e", "edit", N_("Edit"), id="diagnostic.edit"),
        Binding("a", "add_line", N_("Add mission"), id="diagnostic.add_line"),
        Binding("o", "add_organisation", N_("Add organisation"),
                id="diagnostic.add_organisation"),
        Binding("n", "new_area", N_("New bassin"), id="diagnostic.new_area"),
        Binding("r", "answer", N_("Answer in the roadmap"), id="diagnostic.answer"),
        Binding("d,delete", "delete", N_("Delete"), id="diagnostic.delete"),
        Binding("m", "new_mission", N_("New mission of your own"), show=False,
                id="diagnostic.new_mission"),
        Binding("g", "go_actor", N_("Go to the organisation"), show=False,
                id="diagnostic.go_actor"),
    ]
    WRITING: ClassVar[frozenset[str]] = frozenset({
        "edit", "add_line", "add_organisation", "new_area", "delete", "new_mission", "answer"})
    # The tab each action works in.
    TAB_OF: ClassVar[dict[str, tuple[str, ...]]] = {
        "sort": ("matrix",), "add_line": ("matrix",), "add_organisation": ("matrix",),
        "new_mission": ("matrix",), "go_actor": ("matrix",), "new_area": ("areas",),
        "edit": ("matrix", "areas"), "delete": ("matrix", "areas"), "answer": ("candidates",),
    }

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.sort_by: SortKey = "total"
        self.matrix = Matrix()

    @property
    def title_text(self) -> str:
        return _("Diagnostic & pacte")

    def compose_content(self) -> ComposeResult:
        with TabbedContent(id="diagnostic-tabs"):
            with TabPane(_("Missions matrix"), id="matrix-tab"):
                yield MatrixPane(id="matrix-pane")
            with TabPane(_("Candidates"), id="candidates-tab"):
                yield CandidatesPane(id="candidates")
            with TabPane(_("Bassins de vie"), id="areas-tab"):
                yield AreasPane(id="areas-pane")
            with TabPane(_("Pacte"), id="pacte-tab"):
                yield PactView(self.session)

    # ------------------------------------------------------------------ showing

    @property
    def own(self) -> list[Mission]:
        return self.session.repository.missions

    def refresh_data(self) -> None:
        repository = self.session.repository
        self.matrix = build_matrix(repository.diagnostic, repository.actors, self.own)
        found = candidates(self.matrix, self.own)
        table = self.query_one(MatrixTable)
        table.fill(self.matrix, sorted_missions(self.matrix, self.sort_by, self.own), self.own,
                   {candidate.mission for candidate in found})
        self.query_one(MatrixPane).caption(self.matrix, self.sort_by)
        self.query_one(CandidatesPane).show(found, self.own, repository.roadmap)
        self.query_one(PactView).refresh_if_stale()
        self.query_one(AreasTable).fill(self._areas())
        self._show_cell()
        self._show_area()
        self.refresh_bindings()

    def _areas(self) -> list[LivingArea]:
        return sorted(self.session.repository.living_areas,
                      key=lambda area: (area.name.casefold(), area.id))

    def _line(self, mission: str | None, actor_id: str | None) -> MissionStaff | None:
        if mission is None or actor_id is None:
            return None
        return next((line for record in self.session.repository.diagnostic
                     if record.actor_id == actor_id for line in record.missions
                     if line.mission == mission), None)

    def _show_cell(self) -> None:
        mission, actor_id = self.query_one(MatrixTable).current()
        repository = self.session.repository
        pane = self.query_one(MatrixPane)
        line = self._line(mission, actor_id)
        organisation = repository.actor_name(actor_id)
        if line is not None and mission is not None:
            partners = [repository.actor_name(ref, "?") for ref in line.shared_with]
            pane.detail(line_words(line, organisation, mission_name(mission, self.own),
                                   partners))
        elif mission is not None and actor_id is not None:
            pane.detail(_("{organisation} does not carry {mission} (e adds it).").format(
                organisation=organisation, mission=mission_name(mission, self.own)))
        else:
            pane.detail("")

    def _show_area(self) -> None:
        repository = self.session.repository
        area = repository.get(LivingArea, self.query_one(AreasTable).current())
        names = {actor.id: actor.name for actor in repository.actors}
        self.query_one(AreasPane).detail(area, names, repository.roadmap)

    @on(DataTable.CellHighlighted, "#matrix")
    def _cell_moved(self) -> None:
        self._show_cell()
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#areas")
    def _area_moved(self) -> None:
        self._show_area()

    @on(DataTable.CellSelected, "#matrix")
    @on(DataTable.RowSelected, "#areas")
    def _selected(self) -> None:
        if self.check_action("edit", ()) is True:
            self.action_edit()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    def show_record(self, target: Target) -> None:
        """A tab by its name, an organisation's column of the matrix, or a bassin."""
        record_id = target.record_id
        tabs = self.query_one("#diagnostic-tabs", TabbedContent)
        if record_id in TABS:
            self.show_tab(record_id)
        elif self.session.repository.get(LivingArea, record_id) is not None:
            tabs.active = "areas-tab"
            self.query_one(AreasTable).place(record_id)
            self.query_one(AreasTable).focus()
        elif self.session.repository.get(Actor, record_id) is not None:
            tabs.active = "matrix-tab"
            self.query_one(MatrixTable).place(None, record_id)
            self.query_one(MatrixTable).focus()

    def show_tab(self, tab: str) -> None:
        self.query_one("#diagnostic-tabs", TabbedContent).active = f"{tab}-tab"
        self.query_one(TABS[tab]).focus()

    @property
    def tab(self) -> str:
        """The tab on show (the first one while the screen is being built)."""
        tabs = self.query(TabbedContent)
        active = tabs.first().active if tabs else ""
        return (active or "matrix-tab").removesuffix("-tab")

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.WRITING and self.session.repository.read_only:
            return None
        tabs = self.TAB_OF.get(action)
        if tabs is not None and self.tab not in tabs:
            return False  # another tab's key: not shown here
        if action == "go_actor":
            tables = self.query(MatrixTable)
            return True if tables and tables.first().current()[1] else None
        return True

    def action_next_tab(self) -> None:
        tabs = list(TABS)
        index = tabs.index(self.tab) if self.tab in tabs else -1
        self.show_tab(tabs[(index + 1) % len(tabs)])

    def action_sort(self) -> None:
        self.sort_by = SORT_KEYS[(SORT_KEYS.index(self.sort_by) + 1) % len(SORT_KEYS)]
        mission, actor_id = self.query_one(MatrixTable).current()
        self.refresh_data()
        self.query_one(MatrixTable).place(mission, actor_id)

    def _saved(self, record: Record | None) -> None:
        if record is not None:
            self.refresh_if_stale()

    def action_edit(self) -> None:
        if self.tab == "areas":
            area = self.session.repository.get(LivingArea, self.query_one(AreasTable).current())
            if area is not None:
                self.app.push_screen(LivingAreaForm(self.session, area), self._area_saved)
            return
        mission, actor_id = self.query_one(MatrixTable).current()
        organisation = self.session.repository.get(Actor, actor_id)
        if organisation is None:
            self.notify(_("Put the cursor on an organisation's column."), timeout=3)
            return
        line = self._line(mission, actor_id)
        self.app.push_screen(MissionLineForm(self.session, organisation, line, mission or ""),
                             partial(self._line_saved, mission))

    def _line_saved(self, mission: str | None, record: OrganisationMissions | None) -> None:
        if record is None:
            return
        self.refresh_if_stale()
        last = record.missions[-1].mission if record.missions else mission
        self.query_one(MatrixTable).place(mission or last, record.actor_id)

    def action_add_line(self) -> None:
        actor_id = self.query_one(MatrixTable).current()[1]
        organisation = self.session.repository.get(Actor, actor_id)
        if organisation is None:
            self.notify(_("Put the cursor on an organisation's column, or add one with o."),
                        timeout=3)
            return
        self.app.push_screen(MissionLineForm(self.session, organisation),
                             partial(self._line_saved, None))

    def action_add_organisation(self) -> None:
        shown = {actor.id for actor in self.matrix.organisations}
        choices = sorted((a for a in self.session.repository.actors
                          if is_organisation(a) and a.id not in shown),
                         key=lambda actor: (actor.name.casefold(), actor.id))
        if not choices:
            self.notify(_("Every organisation of the actor map is in the matrix."), timeout=3)
            return
        self.app.push_screen(ActorPicker(choices, _("Organisation to add to the diagnostic")),
                             self._organisation_chosen)

    def _organisation_chosen(self, choice: ActorChoice | None) -> None:
        organisation = self.session.repository.get(
            Actor, choice.actor_id if choice is not None else None)
        if organisation is not None:
            self.app.push_screen(MissionLineForm(self.session, organisation),
                                 partial(self._line_saved, None))

    def action_new_area(self) -> None:
        self.app.push_screen(LivingAreaForm(self.session), self._area_saved)

    def _area_saved(self, area: LivingArea | None) -> None:
        if area is not None:
            self.refresh_if_stale()
            self.query_one(AreasTable).place(area.id)

    def action_new_mission(self) -> None:
        prompt = TextPrompt(_("New mission of your own"), _("Mission"), check=check_name,
                            session=self.session, keep=self._mission_named)
        self.app.push_screen(prompt, self._mission_named)

    def _mission_named(self, name: str | None) -> None:
        if name is None:
            return
        if any(mission_name(key, self.own).casefold() == name.casefold()
               for key in mission_keys(self.own)):
            self.notify(_("« {name} » is already a mission.").format(name=name), timeout=3,
                        markup=False)
            return
        if self._write([Mission(name=name)]):
            self.notify(_("« {name} » can now be added to an organisation (a).").format(
                name=name), timeout=4, markup=False)

    def action_delete(self) -> None:
        if self.tab == "areas":
            area = self.session.repository.get(LivingArea, self.query_one(AreasTable).current())
            if area is not None:
                self.app.push_screen(ConfirmDialog(_("Delete the bassin de vie?"),
                                                   subject=area.name, confirm=_("Delete")),
                                     partial(self._delete_area, area.id))
            return
        mission, actor_id = self.query_one(MatrixTable).current()
        line = self._line(mission, actor_id)
        if line is None or mission is None:
            self.notify(_("No mission line under the cursor."), timeout=3)
            return
        subject = f"{self.session.repository.actor_name(actor_id)} · " \
                  f"{mission_name(mission, self.own)}"
        self.app.push_screen(ConfirmDialog(_("Delete this line of the diagnostic?"),
                                           subject=subject, confirm=_("Delete")),
                             partial(self._delete_line, actor_id, line.id))

    def _delete_line(self, actor_id: str | None, line_id: str, confirmed: bool | None) -> None:
        if not confirmed or actor_id is None:
            return
        record = record_of(self.session.repository.diagnostic, actor_id)
        record.missions = [line for line in record.missions if line.id != line_id]
        if record.missions:
            self._write([record])
        else:
            self._write([], [record])

    def _delete_area(self, area_id: str, confirmed: bool | None) -> None:
        area = self.session.repository.get(LivingArea, area_id)
        if confirmed and area is not None:
            self._write([], [area])

    def action_answer(self) -> None:
        """Have an objective of the roadmap cite the lines of the candidate selected."""
        from coop_tui.screens.roadmap.choices import ItemPicker

        candidate = self.query_one(CandidatesPane).current()
        roadmap = self.session.repository.roadmap
        if candidate is None or not roadmap:
            self.notify(_("Select a candidate; the roadmap needs an objective to answer it."),
                        timeout=4)
            return
        picker = ItemPicker(roadmap, _("Objective that answers « {mission} »").format(
            mission=mission_name(candidate.mission, self.own)))
        self.app.push_screen(picker, partial(self._answered, candidate.line_ids))

    def _answered(self, line_ids: tuple[str, ...], item_id: str | None) -> None:
        item = self.session.repository.get(RoadmapItem, item_id)
        if item is None:
            return
        changed = item.model_copy(deep=True)
        changed.answers = list(dict.fromkeys([*item.answers, *line_ids]))
        if self._write([changed]):
            self.notify(_("« {objective} » now answers this candidate.").format(
                objective=item.objective), timeout=4, markup=False)

    def action_go_actor(self) -> None:
        actor_id = self.query_one(MatrixTable).current()[1]
        if actor_id is not None:
            self.session.open(Target("actors", actor_id))

    def _write(self, saved: list[Record], deleted: list[Record] | None = None) -> bool:
        refusal = self.session.save(saved, deleted or [])
        if refusal is not None:
            self.notify(_("Not saved: {reason}").format(reason=refusal.message),
                        severity="error", markup=False)
            return False
        self.refresh_if_stale()
        return True
