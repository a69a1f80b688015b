"""Dashboard: where the territory stands, in one glance — what is late, what is next, whom
to call — and every line one Enter away from its record.

The screen shows an :class:`~coop_tui.core.insights.dashboard.Overview` (the same reading as the
``coop-tui status`` report) in five panels laid out on a grid that follows the terminal's
width: one column on a small terminal (each panel scrolls, Tab moves between them), two on a
medium one, three on a large one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from coop_tui.core.dates import parse_date
from coop_tui.core.exports.deadlines import title
from coop_tui.core.exports.status import headline
from coop_tui.core.i18n import N_, _
from coop_tui.core.insights.dashboard import Overview, overview
from coop_tui.core.obligations import state_record
from coop_tui.core.target import Target
from coop_tui.screens.dashboard.deadlines import (
    DeadlineForm,
    DeadlinesPanelView,
    met_day_check,
    met_prompt_value,
    reason_check,
)
from coop_tui.screens.dashboard.human import HumanLeversPanelView
from coop_tui.screens.dashboard.panels import (
    ActionsPanelView,
    ActorsPanelView,
    DashboardPanel,
    LeversPanelView,
    MeetingsPanelView,
    RoadmapPanelView,
)
from coop_tui.store.models import Obligation
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.widgets.dialogs import TextPrompt

# A new store's first steps: what to do, and the keys that do it.
FIRST_STEPS: tuple[tuple[str, str], ...] = (
    (N_("name the territory and its communes"), "t"),
    (N_("add the actors"), N_("2 then a")),
    (N_("plan a meeting"), N_("5 then n")),
)


def first_steps(found: Overview) -> Text:
    """Where a newcomer starts, with the keys, in place of a headline of zeros; the first
    step is ticked once communes are listed."""
    text = Text(no_wrap=False, end="")
    text.append(_("Where to start:"), style="bold")
    for index, (step, keys) in enumerate(FIRST_STEPS):
        text.append(" · " if index else " ")
        if index == 0 and found.territory.communes:
            text.append("✓ ", style="bold")
        text.append(_(step))
        text.append(" (")
        text.append(_(keys), style="bold")
        text.append(")")
    return text


def headline_text(found: Overview, *, include_private: bool = True) -> Text:
    """The line above the panels: what is late, what is next (or where to start)."""
    if not found.started:
        return first_steps(found)
    text = Text(no_wrap=False, end="")
    parts = headline(found, include_private=include_private)
    late = bool(found.roadmap.late or found.actions.late_count or found.conflicts
                or (found.deadlines is not None and found.deadlines.missed))
    text.append("⚠ " if late else "✓ ", style="bold")
    for index, part in enumerate(parts):
        if index:
            text.append(" · ")
        text.append(part, style="bold" if index < 2 and late else "")
    return text


# The panels in the order of the grid (and of Tab).
PANELS: tuple[Callable[[], DashboardPanel], ...] = (
    RoadmapPanelView, ActionsPanelView, MeetingsPanelView, DeadlinesPanelView, LeversPanelView,
    ActorsPanelView, HumanLeversPanelView,
)


class DashboardScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "dashboard.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (150, "-wide")]
    BINDINGS = [
        Binding("t", "territory", N_("Territory"), id="dashboard.territory"),
        Binding("x", "export_minutes", N_("Export last minutes"), id="dashboard.export_minutes"),
        Binding("c", "conflicts", N_("Conflicts"), id="dashboard.conflicts"),
        Binding("r", "status_report", N_("Status report"), id="dashboard.status_report"),
    ]

    overview: Overview | None = None

    @property
    def title_text(self) -> str:
        return _("Dashboard")

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(id="dashboard"):
            yield Static(id="headline", markup=False)
            with Grid(id="panels"):
                for panel in PANELS:
                    yield panel()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#panel-roadmap", DashboardPanel).focus()

    def refresh_data(self) -> None:
        """Read the store once and fill every panel from that one reading."""
        self.overview = overview(self.session.repository, self.session.today())
        self._show_headline(self.overview)
        for panel in self.query(DashboardPanel):
            panel.fill(self.overview)
        self.refresh_bindings()

    def _show_headline(self, found: Overview) -> None:
        self.query_one("#headline", Static).update(headline_text(found))

    def action_territory(self) -> None:
        """Name the territory, list its communes, set the mandate (the form saves it)."""
        from coop_tui.screens.territory.form import TerritoryForm

        self.app.push_screen(TerritoryForm(self.session))

    @on(DashboardPanel.Chosen)
    def _open(self, event: DashboardPanel.Chosen) -> None:
        self.session.open(event.target)

    def action_status_report(self) -> None:
        """Write the status report (Word, PDF, Markdown…) for the COPIL or the secretariat."""
        from coop_tui.screens.dashboard.report import StatusReportForm
        from coop_tui.screens.meetings.export import default_folder, record_export

        repository = self.session.repository

        def written(path: Path | None) -> None:
            if path is not None:
                record_export(repository, "status_report")
                self.notify(_("Status report written to {path}").format(path=path),
                            timeout=6, markup=False)

        self.app.push_screen(StatusReportForm(self.session, default_folder(repository.path)),
                             written)

    def action_conflicts(self) -> None:
        """What merges left to settle (the headline counts them)."""
        from coop_tui.screens.sharing import ConflictsScreen

        self.app.push_screen(ConflictsScreen(self.session, self.session.open))

    # ------------------------------------------------------------------ deadlines

    @on(DeadlinesPanelView.SettleRequested)
    def _settle(self, event: DeadlinesPanelView.SettleRequested) -> None:
        due, today = event.due, self.session.today()
        name = title(due)
        if event.how == "met":
            def met(text: str | None) -> None:
                if text is not None:
                    day = parse_date(text, today)
                    self._save_state(state_record(due, met_on=day),
                                     _("« {title} » marked met.").format(title=name))

            self.app.push_screen(TextPrompt(name, _("Met on"), met_prompt_value(today),
                                            met_day_check(today), confirm=_("Mark met")), met)
            return

        def dismissed(reason: str | None) -> None:
            if reason is not None:
                self._save_state(state_record(due, dismissed=reason),
                                 _("« {title} » dismissed.").format(title=name))

        self.app.push_screen(TextPrompt(name, _("Why is it dismissed?"), "", reason_check,
                                        confirm=_("Dismiss")), dismissed)

    def _save_state(self, record: Obligation, done: str) -> None:
        refusal = self.session.save([record])
        if refusal is not None:
            self.notify(_("Not saved: {reason}").format(reason=refusal.message),
                        severity="error", markup=False)
            return
        self.refresh_data()
        self.notify(done, timeout=4, markup=False)

    @on(DeadlinesPanelView.SettingsRequested)
    def _calendar_settings(self) -> None:
        from coop_tui.screens.territory.calendar_form import CalendarSettingsForm

        self.app.push_screen(CalendarSettingsForm(self.session))

    @on(DeadlinesPanelView.AddRequested)
    def _add_deadline(self) -> None:
        self.app.push_screen(DeadlineForm(self.session), self._deadline_saved)

    def _deadline_saved(self, deadline: Obligation | None) -> None:
        if deadline is not None:
            self.refresh_data()
            self.notify(_("Saved « {title} ».").format(title=deadline.title), timeout=4,
                        markup=False)

    def show_record(self, target: Target) -> None:
        """The dashboard has no record of its own: a jump here shows it from the top."""
        self.query_one("#panel-roadmap", DashboardPanel).focus()

    # ------------------------------------------------------------------ minutes

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "conflicts":
            return self.overview is not None and self.overview.conflicts > 0
        if action == "export_minutes":
            return None if self.overview is None or self.overview.meetings.last is None \
                else True
        return True

    def action_export_minutes(self) -> None:
        """Export the last meeting's minutes with the meetings' own export dialog."""
        if self.overview is None or self.overview.meetings.last is None:
            return
        from coop_tui.screens.meetings.export import export_minutes
        from coop_tui.store.models import Meeting

        repository = self.session.repository
        meeting = repository.get(Meeting, self.overview.meetings.last.meeting.id)
        if meeting is not None:
            export_minutes(self, repository, meeting)
