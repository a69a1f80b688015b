"""The panels of the dashboard: one scrolling list per area, every line one Enter away from
its record.

Each panel is an :class:`~textual.widgets.OptionList`: headings are disabled options the
cursor skips; a line is a grid of the record's text (cut with an ellipsis when the panel
is narrow) and its figure on the right, always shown whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style as RichStyle
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from coop_tui.core.exports.status import (
    bar_cells,
    capitalised,
    due_in,
    late_by,
    lever_status,
    lever_title,
    meeting_summary,
    meeting_when,
    progress_figures,
    role_counts,
    since_contact,
)
from coop_tui.core.i18n import N_, _, format_date, ngettext
from coop_tui.core.insights.dashboard import Overview, RoadmapLine
from coop_tui.core.insights.levers import Progress
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.screens.dashboard.lines import ATTENTION, BAR_CELLS, MILESTONE, Row, prompt
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder

if TYPE_CHECKING:
    from coop_tui.core.pacte import PactRecords

__all__ = ["ATTENTION", "MILESTONE", "DashboardPanel", "Row"]


class DashboardPanel(KeysInOrder, OptionList):
    """A titled list of lines; Enter on a line posts :class:`Chosen` with its target."""

    BINDINGS = [Binding("enter", "select", N_("Open"), id="dashboard.open")]
    COMPONENT_CLASSES = {
        "dashboard--heading", "dashboard--muted", "dashboard--late", "dashboard--soon",
        "dashboard--bar", "dashboard--bar-empty",
    }

    @dataclass
    class Chosen(Message):
        """The user chose a line: open its record on its own screen."""

        target: Target
        """The record behind the line."""

    def __init__(self, title: str, *, id: str) -> None:
        super().__init__(id=id, classes="dashboard-panel")
        translate_bindings(self)
        self.border_title = title
        self._targets: dict[str, Target] = {}

    # ------------------------------------------------------------------ styles and rows

    def style(self, name: str) -> RichStyle:
        return self.get_component_rich_style(f"dashboard--{name}", partial=True)

    def heading(self, text: str) -> Row:
        return Row(Text(text, style=self.style("heading")))

    def note(self, text: str) -> Row:
        return Row(Text(text, style=self.style("muted")))

    def line(self, main: str | Text, detail: str | Text, target: Target, *,
             detail_style: str = "muted", below: str = "") -> Row:
        main_text = main if isinstance(main, Text) else Text(main)
        detail_text = detail if isinstance(detail, Text) else Text(
            detail, style=self.style(detail_style))
        return Row(main_text, detail_text, target,
                   Text(below, style=self.style("muted")) if below else None)

    def bar(self, filled: int) -> Text:
        return Text.assemble(("━" * filled, self.style("bar")),
                             ("━" * (BAR_CELLS - filled), self.style("bar-empty")))

    # ------------------------------------------------------------------ filling

    def show_rows(self, rows: Iterable[Row]) -> None:
        """Replace the lines, keeping the cursor on the same record when it is still there."""
        kept, kept_key = self._highlighted_target(), self.highlighted_key
        self._targets = {}
        options: list[Option] = []
        for index, row in enumerate(rows):
            if row.target is None:
                options.append(Option(row.main, disabled=True))
                continue
            key = row.key if row.key is not None else f"line-{index}"
            self._targets[key] = row.target
            options.append(Option(prompt(row), id=key))
        self.set_options(options)
        again = kept_key if kept_key is not None and not kept_key.startswith("line-") \
            and kept_key in self._targets else None
        again = again or next((key for key, target in self._targets.items()
                               if target == kept), None)
        if again is not None:
            self.highlighted = self.get_option_index(again)
        elif self._targets:
            self.highlighted = self.get_option_index(next(iter(self._targets)))

    def _highlighted_target(self) -> Target | None:
        return self._targets.get(self.highlighted_key or "")

    @property
    def highlighted_key(self) -> str | None:
        """The key of the line under the cursor (a row's own key, else its place)."""
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    @property
    def targets(self) -> list[Target]:
        """The targets of the lines, in order (what Enter can open)."""
        return list(self._targets.values())

    def fill(self, overview: Overview) -> None:
        """Show ``overview``'s lines for this panel."""
        raise NotImplementedError

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.post_message(self.Chosen(target))


# ---------------------------------------------------------------------------- panels


class RoadmapPanelView(DashboardPanel):
    """Late items, items due within 30 days, the next milestones."""

    def __init__(self) -> None:
        super().__init__(_("Roadmap"), id="panel-roadmap")

    def _item(self, found: RoadmapLine, *, milestone: bool = False) -> Row:
        main = Text(found.item.objective)
        if milestone:
            main = Text.assemble((MILESTONE + " ", self.style("soon")), main)
        if found.days_late:
            return self.line(main, late_by(found.days_late), found.target, detail_style="late")
        due = found.item.due
        when = due_in(found.days_left)
        if due is not None and found.days_left > 1:
            when = f"{format_date(due)} · {when}"
        return self.line(main, when, found.target, detail_style="soon" if found.days_left <= 7
                         else "muted")

    def fill(self, overview: Overview) -> None:
        roadmap = overview.roadmap
        self.border_subtitle = ngettext("{count} open", "{count} open", roadmap.open_count
                                        ).format(count=roadmap.open_count)
        rows = [self.heading(f"{ATTENTION} " + _("Late ({count})").format(
            count=len(roadmap.late)))]
        rows += [self._item(found) for found in roadmap.late] or [self.note(
            _("Nothing is late."))]
        rows.append(self.heading(_("Due within 30 days ({count})").format(
            count=len(roadmap.due_soon))))
        rows += [self._item(found) for found in roadmap.due_soon] or [self.note(
            _("Nothing is due within 30 days."))]
        rows.append(self.heading(_("Next milestones")))
        rows += [self._item(found, milestone=True) for found in roadmap.milestones] or [
            self.note(_("No milestone ahead."))]
        self.show_rows(rows)


class ActionsPanelView(DashboardPanel):
    """Open actions by owner (the owner leads to the actor), oldest first."""

    def __init__(self) -> None:
        super().__init__(_("Open actions"), id="panel-actions")

    def fill(self, overview: Overview) -> None:
        actions = overview.actions
        self.border_subtitle = _("{count} open · {late} late").format(
            count=actions.open_count, late=actions.late_count)
        rows: list[Row] = []
        for group in actions.owners:
            figure = str(len(group.actions))
            if group.late:
                figure = _("{count} · {late} late").format(count=len(group.actions),
                                                          late=group.late)
            name = Text(group.name or _("No owner"), style=self.style("heading"))
            rows.append(self.line(name, figure, group.target,
                                  detail_style="late" if group.late else "muted"))
            for found in group.actions:
                detail = (late_by(found.days_late) if found.days_late else
                          format_date(found.action.due) if found.action.due else
                          _("no due date"))
                rows.append(self.line(Text.assemble("\u00a0\u00a0", found.action.text), detail,
                                      found.target,
                                      detail_style="late" if found.days_late else "muted"))
        self.show_rows(rows or [self.note(_("No open action."))])


class MeetingsPanelView(DashboardPanel):
    """The last meeting (its minutes one key away) and the next ones."""

    def __init__(self) -> None:
        super().__init__(_("Meetings"), id="panel-meetings")

    def fill(self, overview: Overview) -> None:
        meetings = overview.meetings
        self.border_subtitle = ngettext("{count} held", "{count} held", meetings.held).format(
            count=meetings.held)
        rows = [self.heading(_("Last meeting"))]
        last = meetings.last
        if last is None:
            rows.append(self.note(_("No meeting held yet.")))
        else:
            rows.append(self.line(last.meeting.title, meeting_when(last), last.target,
                                  below=f"{capitalised(label(last.meeting.kind))} · "
                                        f"{meeting_summary(last)}"))
        rows.append(self.heading(_("Next meetings")))
        rows += [self.line(found.meeting.title, meeting_when(found), found.target,
                           detail_style="soon" if found.days <= 7 else "muted",
                           below=capitalised(label(found.meeting.kind)))
                 for found in meetings.upcoming] or [self.note(_("No meeting planned."))]
        self.show_rows(rows)


class LeversPanelView(DashboardPanel):
    """Checklist progress as bars, then the levers whose figures call for attention."""

    def __init__(self) -> None:
        super().__init__(_("Levers"), id="panel-levers")

    def _progress(self, name: str, progress: Progress, lagging: bool, target: Target) -> Row:
        figures = progress_figures(progress)
        detail = Text.assemble(self.bar(bar_cells(progress, BAR_CELLS)), " ",
                               (figures.rjust(14), self.style("late" if lagging
                                                              else "muted")))
        main = Text(name)
        if lagging:
            main = Text.assemble(main, (f" {ATTENTION}", self.style("late")))
        return Row(main, detail, target)

    def fill(self, overview: Overview) -> None:
        levers = overview.levers
        self.border_subtitle = ngettext("{count} lever", "{count} levers", levers.total).format(
            count=levers.total)
        rows = [self._progress(_("All levers"), levers.overall, False, levers.target)]
        rows += [self._progress(capitalised(label(line.category)), line.progress, line.lagging,
                                line.target)
                 for line in levers.categories]
        if overview.diagnostic is not None:
            diagnostic = overview.diagnostic
            rows.append(self.line(diagnostic.coverage_text(), diagnostic.candidates_text(),
                                  Target("diagnostic", "matrix")))
        pact = overview.pact
        if pact is not None and (pact.finances or pact.charter or pact.projects):
            rows.append(self._pact_line(pact))
        rows.append(self.heading(f"{ATTENTION} " + _("Need attention ({count})").format(
            count=len(levers.attention))))
        rows += [self.line(lever_title(line), lever_status(line), line.target,
                           below=line.reason.figure if line.reason else "")
                 for line in levers.attention] or [self.note(_("No lever needs attention."))]
        self.show_rows(rows)


    def _pact_line(self, pact: PactRecords) -> Row:
        """The pacte financier et fiscal in one line: the bilan's year, the charter's
        endorsements and the projects ranked; Enter opens the pacte's tab."""
        from coop_tui.core.pacte import read_pacte

        reading = read_pacte(pact)
        year = reading.bilan.year
        main = _("Pacte: bilan {year}").format(year=year) if year is not None \
            else _("Pacte: no bilan yet")
        detail = _("{endorsed}/{total} endorsed · {ranked} ranked").format(
            endorsed=len(reading.endorsed), total=len(pact.charter),
            ranked=len(reading.ranking))
        return self.line(main, detail, Target("diagnostic", "pacte"))


class ActorsPanelView(DashboardPanel):
    """The roles counted, the followers to contact, the actors with no known channel."""

    def __init__(self) -> None:
        super().__init__(_("Actors"), id="panel-actors")

    def fill(self, overview: Overview) -> None:
        actors = overview.actors
        self.border_subtitle = ngettext("{count} actor", "{count} actors",
                                        actors.figures.total).format(count=actors.figures.total)
        targets = (actors.drivers.target, actors.followers.target,
                   actors.counterweights.target, actors.reluctant.target)
        rows = [self.line(name, str(count), target)
                for (name, count), target in zip(role_counts(overview), targets, strict=True)]
        rows.append(self.heading(_("Followers to contact ({count})").format(
            count=len(actors.to_contact))))
        rows += [self.line(line.actor.name, since_contact(line.since_contact), line.target,
                           detail_style="soon")
                 for line in actors.to_contact] or [self.note(_("Every follower was "
                                                                "contacted recently."))]
        rows.append(self.heading(_("No known channel ({count})").format(
            count=len(actors.without_channel))))
        rows += [self.line(line.actor.name, label(line.actor.kind), line.target)
                 for line in actors.without_channel] or [self.note(
            _("Every actor has a known channel."))]
        self.show_rows(rows)
