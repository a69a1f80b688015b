"""Dashboard: where the territory stands, in one glance."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coop_tui.i18n import _, format_date, ngettext
from coop_tui.screen import CoopScreen
from coop_tui.store.models import LeverStatus, Role
from coop_tui.widgets.text import plain


class DashboardScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "dashboard.tcss"

    @property
    def title_text(self) -> str:
        return _("Dashboard")

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(id="dashboard"):
            yield Static(id="summary", markup=False)

    def refresh_data(self) -> None:
        repository = self.session.repository
        today = self.session.today()
        levers = repository.levers
        done = sum(lever.status is LeverStatus.DONE for lever in levers)
        late = [item for item in repository.roadmap if item.is_late(today)]
        meetings = sorted(repository.meetings, key=lambda meeting: meeting.on)
        past = [meeting for meeting in meetings if meeting.on <= today]
        upcoming = [meeting for meeting in meetings if meeting.on > today]
        open_actions = sum(len(meeting.open_actions()) for meeting in meetings)
        drivers = sum(actor.private.role is Role.DRIVER for actor in repository.actors)
        lines = [
            _("Levers: {done} of {total} done").format(done=done, total=len(levers)),
            ngettext("Roadmap: {count} late item", "Roadmap: {count} late items",
                     len(late)).format(count=len(late)),
            ngettext("Actions: {count} open", "Actions: {count} open",
                     open_actions).format(count=open_actions),
            _("Actors: {count}, of whom {drivers} drivers").format(
                count=len(repository.actors), drivers=drivers),
        ]
        if past:
            lines.append(_("Last meeting: {title}, {date}").format(
                title=past[-1].title, date=format_date(past[-1].on)))
        if upcoming:
            lines.append(_("Next meeting: {title}, {date}").format(
                title=upcoming[0].title, date=format_date(upcoming[0].on)))
        self.query_one("#summary", Static).update(plain("\n".join(lines)))
