"""The pacte financier et fiscal in the terminal: the bilan partagé (each commune against
the median, its flows with the community), the charter (commitments and endorsements),
and the projects ranked (each score explained, whether it fits the capacity).

A widget, not a screen: the « Diagnostic & pacte » screen mounts it as its « Pacte » tab,
hands it the :class:`Session`, and calls :meth:`PactView.refresh_if_stale` when it is
shown again. Its keys work from anywhere inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TabbedContent, TabPane

from coop_tui.core.i18n import N_, _, format_date, ngettext
from coop_tui.core.pacte import PactReading, PactRecords, read_pacte
from coop_tui.core.pacte.bilan import BilanFigure
from coop_tui.core.pacte.wording import (
    euros,
    fit_text,
    number,
    pact_label,
    score_part,
    with_index,
)
from coop_tui.store.models import CharterCommitment, PactProject, Record
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.record_table import Cell, Column, RecordTable


def right(text: str) -> Text:
    return Text(text, justify="right")


class PactView(Vertical):
    """The pacte's three tabs, read from the session's store."""

    DEFAULT_CSS = """
    PactView { height: 1fr; }
    PactView #pact-summary { height: auto; padding: 0 1; }
    PactView RecordTable { height: 1fr; }
    PactView .pact-detail { height: auto; max-height: 10; padding: 0 1; }
    """

    BINDINGS = [
        Binding("c", "new_commitment", N_("Commitment"), id="pacte.new_commitment"),
        Binding("e", "endorse", N_("Endorse"), id="pacte.endorse"),
        Binding("k", "new_criterion", N_("Criterion"), id="pacte.new_criterion"),
        Binding("p", "new_project", N_("Project"), id="pacte.new_project"),
        Binding("s", "score", N_("Score"), id="pacte.score"),
        Binding("d", "decide", N_("Decision"), id="pacte.decide"),
        Binding("x", "export_bilan", N_("Export bilan"), id="pacte.export_bilan"),
    ]

    def __init__(self, session: Session, *, id: str | None = "pact-view") -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.session = session
        self.reading: PactReading | None = None
        self._shown_version: tuple[int, int] = (-1, -1)

    def compose(self) -> ComposeResult:
        yield Static(id="pact-summary", markup=False)
        with TabbedContent(id="pact-tabs"):
            with TabPane(_("Bilan partagé"), id="pact-bilan"):
                yield RecordTable(id="bilan-table")
                yield Static(id="bilan-notes", classes="pact-detail", markup=False)
            with TabPane(_("Charter"), id="pact-charter"):
                yield RecordTable(id="charter-table")
                yield Static(id="charter-detail", classes="pact-detail", markup=False)
            with TabPane(_("Projects"), id="pact-projects"):
                yield RecordTable(id="projects-table")
                yield Static(id="project-detail", classes="pact-detail", markup=False)

    def on_mount(self) -> None:
        self.refresh_if_stale()

    # ------------------------------------------------------------------ reading

    def refresh_if_stale(self) -> None:
        """Read the store again when it changed since it was last shown."""
        if self.session.version != self._shown_version:
            self.refresh_data()

    def refresh_data(self) -> None:
        self._shown_version = self.session.version
        self.reading = reading = read_pacte(PactRecords.of(self.session.repository))
        self._fill_summary(reading)
        self._fill_bilan(reading)
        self._fill_charter(reading)
        self._fill_projects(reading)

    def _names(self) -> dict[str, str]:
        return {actor.id: actor.name for actor in self.session.repository.actors}

    def _fill_summary(self, reading: PactReading) -> None:
        bilan = reading.bilan
        parts = [_("Bilan partagé {year}").format(year=bilan.year) if bilan.year
                 else _("No figures yet: coop-tui import finances")]
        if bilan.year:
            parts.append(_("{count} of {total} communes with figures").format(
                count=len(bilan.with_figures), total=len(bilan.communes)))
        parts.append(_("charter: {endorsed} of {total} endorsed").format(
            endorsed=len(reading.endorsed), total=len(reading.records.charter)))
        parts.append(ngettext("{count} project ranked", "{count} projects ranked",
                              len(reading.ranking)).format(count=len(reading.ranking)))
        self.query_one("#pact-summary", Static).update(" · ".join(parts))

    def _fill_bilan(self, reading: PactReading) -> None:
        bilan = reading.bilan
        figures = list(BilanFigure)
        columns = [Column(_("Commune"), 0), Column(right(_("Pop.")), 8),
                   *(Column(right(pact_label(f)), 15) for f in figures),
                   Column(right(_("Net flow")), 13)]
        lines = bilan.communes

        def cells(index: int) -> list[Cell]:
            line = lines[index]
            return [line.name, right(number(line.population)),
                    *(right(with_index(line.per_inhabitant[f], line.index[f])) for f in figures),
                    right(euros(line.flows.net))]

        self.query_one("#bilan-table", RecordTable).set_rows(
            columns, [line.actor_id for line in lines], cells)
        notes = []
        if bilan.year is not None:
            notes.append(_("€ per inhabitant, (index: 100 = the median). Median: {medians}.")
                         .format(medians=" · ".join(
                             f"{pact_label(f)} {number(bilan.medians[f])}" for f in figures)))
            community = bilan.community
            found = reading.capacity.get(community.actor_id) if community else None
            if found is not None:
                notes.append(_("Capacity of {name} over the mandate: {net} a year × {years} "
                               "years = {total}.").format(
                    name=bilan.community_name, net=euros(found.net_savings),
                    years=found.years, total=euros(found.total)))
            if bilan.without_figures:
                notes.append(_("No figures for {year}: {names}.").format(
                    year=bilan.year,
                    names=", ".join(line.name for line in bilan.without_figures)))
        self.query_one("#bilan-notes", Static).update("\n".join(notes))

    def _fill_charter(self, reading: PactReading) -> None:
        names = self._names()
        commitments = reading.charter
        columns = [Column(_("Who"), 26), Column(_("Commitment"), 0), Column(_("Level"), 18),
                   Column(right(_("Endorsed")), 9)]

        def cells(index: int) -> list[Cell]:
            commitment = commitments[index]
            return [names.get(commitment.actor_id, _("(unknown actor)")), commitment.text,
                    pact_label(commitment.level), right(str(len(commitment.endorsements)))]

        table = self.query_one("#charter-table", RecordTable)
        table.set_rows(columns, [c.id for c in commitments], cells, table.current_key)
        self._show_commitment(table.current_key)

    def _fill_projects(self, reading: PactReading) -> None:
        names = self._names()
        ranked = reading.ranking
        columns = [Column(right(_("No.")), 4), Column(_("Project"), 0),
                   Column(_("Carried by"), 22), Column(right(_("Cost")), 13),
                   Column(right(_("Score")), 6), Column(_("Decision"), 10),
                   Column(_("Capacity"), 22)]

        def cells(index: int) -> list[Cell]:
            entry = ranked[index]
            project = entry.project
            return [right(str(entry.rank)), project.title,
                    names.get(project.carrier_id or "", ""), right(euros(project.cost)),
                    right(number(entry.score)), pact_label(project.selection),
                    fit_text(entry, names)]

        table = self.query_one("#projects-table", RecordTable)
        table.set_rows(columns, [e.project.id for e in ranked], cells, table.current_key)
        self._show_project(table.current_key)

    @on(RecordTable.RowHighlighted, "#charter-table")
    def _commitment_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        self._show_commitment(event.key)

    @on(RecordTable.RowHighlighted, "#projects-table")
    def _project_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        self._show_project(event.key)

    def _show_commitment(self, key: str | None) -> None:
        commitment = self.selected_commitment(key)
        lines: list[str] = []
        if commitment is not None:
            names = self._names()
            meetings = {m.id: m.title for m in self.session.repository.meetings}
            if commitment.detail:
                lines.append(commitment.detail)
            for endorsement in commitment.endorsements:
                said = _("Endorsed by {name} on {day}").format(
                    name=names.get(endorsement.actor_id, _("(unknown actor)")),
                    day=format_date(endorsement.day))
                if endorsement.meeting_id in meetings:
                    said += " " + _("at « {meeting} »").format(
                        meeting=meetings[endorsement.meeting_id])
                lines.append(said)
            if not commitment.endorsements:
                lines.append(_("Not endorsed yet: e records who endorsed it."))
        self.query_one("#charter-detail", Static).update("\n".join(lines))

    def _show_project(self, key: str | None) -> None:
        entry = next((e for e in self.reading.ranking if e.project.id == key), None) \
            if self.reading else None
        lines: list[str] = []
        if entry is not None:
            lines.append(_("{title}: {score}/100").format(title=entry.project.title,
                                                          score=number(entry.score)))
            lines += [f"  {score_part(part)}" for part in entry.parts]
            financing = " · ".join(f"{line.source} {euros(line.amount)}"
                                   for line in entry.project.financing)
            if financing:
                lines.append(_("Financing: {lines}").format(lines=financing))
        self.query_one("#project-detail", Static).update("\n".join(lines))

    def selected_commitment(self, key: str | None = None) -> CharterCommitment | None:
        key = key or self.query_one("#charter-table", RecordTable).current_key
        return next((c for c in self.session.repository.charter if c.id == key), None)

    def selected_project(self) -> PactProject | None:
        key = self.query_one("#projects-table", RecordTable).current_key
        return next((p for p in self.session.repository.pact_projects if p.id == key), None)

    # ------------------------------------------------------------------ actions

    def show_tab(self, tab: str) -> None:
        self.query_one("#pact-tabs", TabbedContent).active = tab

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing that writes on a store open read-only; no endorsement, score or
        decision without a record selected."""
        if action == "export_bilan":
            return True
        if self.session.repository.read_only:
            return False
        if action == "endorse":
            return self.selected_commitment() is not None
        if action in ("score", "decide"):
            return self.selected_project() is not None
        return True

    def _open(self, form: object, tab: str) -> None:
        from textual.screen import Screen

        def saved(record: Record | None) -> None:
            if record is not None:
                self.refresh_data()
                self.show_tab(tab)

        assert isinstance(form, Screen)
        self.app.push_screen(form, saved)

    def action_new_commitment(self) -> None:
        from coop_tui.screens.pacte.forms import CommitmentForm

        self._open(CommitmentForm(self.session), "pact-charter")

    def action_endorse(self) -> None:
        from coop_tui.screens.pacte.forms import EndorsementForm

        commitment = self.selected_commitment()
        if commitment is not None:
            self._open(EndorsementForm(self.session, commitment), "pact-charter")

    def action_new_criterion(self) -> None:
        from coop_tui.screens.pacte.forms import CriterionForm

        self._open(CriterionForm(self.session), "pact-projects")

    def action_new_project(self) -> None:
        from coop_tui.screens.pacte.forms import ProjectForm

        self._open(ProjectForm(self.session), "pact-projects")

    def action_score(self) -> None:
        from coop_tui.screens.pacte.forms import ScoreForm

        project = self.selected_project()
        if project is None:
            return
        criteria = sorted(self.session.repository.pact_criteria,
                          key=lambda c: (-c.weight, c.name.casefold(), c.id))
        if not criteria:
            self.notify(_("Add the council's criteria first (k)."), markup=False)
            return
        self._open(ScoreForm(self.session, project, criteria), "pact-projects")

    def action_decide(self) -> None:
        from coop_tui.screens.pacte.forms import SelectionForm

        project = self.selected_project()
        if project is not None:
            self._open(SelectionForm(self.session, project), "pact-projects")

    def action_export_bilan(self) -> None:
        """Write the bilan partagé (Word, PDF, Markdown, HTML) on the letterhead."""
        from coop_tui.screens.meetings.export import default_folder
        from coop_tui.screens.pacte.export import PactExportForm

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(_("Written to {path}").format(path=path),
                            timeout=6, markup=False)

        folder = default_folder(self.session.repository.path)
        self.app.push_screen(PactExportForm(self.session, folder), written)


# The view's actions in the palette: action, name, help.
PALETTE_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("new_commitment", N_("Pacte: new commitment of the charter"),
     N_("What a commune or the community commits to, and how firmly")),
    ("endorse", N_("Pacte: endorse the commitment selected"),
     N_("Who endorsed it, on which day, at which meeting")),
    ("new_criterion", N_("Pacte: new criterion of the council"),
     N_("A criterion projects are ranked by, with its weight")),
    ("new_project", N_("Pacte: new project"), N_("Cost, carrier and financing plan")),
    ("score", N_("Pacte: score the project selected"), N_("0 to 5 on each criterion")),
    ("decide", N_("Pacte: record the decision on the project selected"),
     N_("Selected, deferred or rejected, at which meeting")),
    ("export_bilan", N_("Pacte: export the bilan partagé"),
     N_("Word, PDF, Markdown or HTML, on the letterhead")),
)


def palette_actions(view: PactView) -> list[tuple[str, str, Callable[[], object]]]:
    """(title, help, run) of each action the view offers now."""
    return [(_(name), _(help_text), partial(view.run_action, action))
            for action, name, help_text in PALETTE_ACTIONS
            if view.check_action(action, ()) is True]
