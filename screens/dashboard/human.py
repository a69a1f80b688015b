"""The dashboard's panel of the human levers: the shared project and its endorsements, the
blockages left without an answer, the counterweights suggested, the communes staying away."""

from __future__ import annotations

from coop_tui.core.i18n import _, ngettext
from coop_tui.core.insights.dashboard import Overview
from coop_tui.core.insights.levers.meeting_conditions import ABSENT_MEETINGS
from coop_tui.core.insights.levers.wording import _names
from coop_tui.core.target import Target
from coop_tui.screens.dashboard.panels import DashboardPanel, Row


class HumanLeversPanelView(DashboardPanel):
    """Shared project, blockages, counterweights, communes away: Enter opens each."""

    def __init__(self) -> None:
        super().__init__(_("Shared project and human levers"), id="panel-human")

    def fill(self, overview: Overview) -> None:
        found = overview.human
        if found is None:
            self.show_rows([])
            return
        rows: list[Row] = []
        if found.statement:
            first = found.statement.splitlines()[0]
            rows.append(self.line(first, "", found.target, below=_(
                "Endorsed by {count} of {total} member communes").format(
                count=found.endorsed, total=found.communes)))
        else:
            rows.append(self.line(_("No shared project statement yet"), _("write it"),
                                  found.target, detail_style="soon"))
        if found.tensions:
            rows.append(self.line(
                ngettext("{count} tension without a counterweight",
                         "{count} tensions without a counterweight",
                         found.tensions).format(count=found.tensions),
                ngettext("{count} suggestion", "{count} suggestions",
                         found.suggestions).format(count=found.suggestions),
                Target("counterweights", "")))
        if found.absent:
            rows.append(self.line(
                _("Absent from the last {count} meetings").format(count=ABSENT_MEETINGS),
                _names(list(found.absent)), Target("levers", "")))
        rows.append(self.heading(ngettext(
            "Blockage without an answer for {weeks} weeks ({count})",
            "Blockages without an answer for {weeks} weeks ({count})",
            found.quiet_count).format(weeks=found.quiet_weeks, count=found.quiet_count)))
        rows += [self.line(line.actor_name, line.text, line.target, detail_style="soon")
                 for line in found.quiet] or [self.note(_("Every blockage has moved "
                                                          "recently."))]
        self.show_rows(rows)
