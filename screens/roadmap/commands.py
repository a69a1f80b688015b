"""The roadmap in the command palette: its actions, and every objective by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import Hit
from textual.content import Content
from textual.fuzzy import Matcher

from coop_tui.core.fuzzy import rank
from coop_tui.core.i18n import _
from coop_tui.core.insights.roadmap import When
from coop_tui.ui.palette import PaletteCommand, ScreenCommands


class RoadmapCommands(ScreenCommands):
    """The roadmap's actions and objectives in the command palette."""

    def commands(self) -> list[PaletteCommand]:
        from coop_tui.screens.roadmap.screen import RoadmapScreen  # the screen lists these

        screen = self.screen
        if not isinstance(screen, RoadmapScreen):
            return []
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (_("Roadmap: new objective"), _("Add an objective to the feuille de route"),
             screen.action_new),
            (_("Roadmap: show late objectives"), _("Only what is past its due date"),
             partial(screen.filter_when, When.LATE)),
            (_("Roadmap: show what is due this quarter"),
             _("Unfinished objectives due before the quarter ends"),
             partial(screen.filter_when, When.THIS_QUARTER)),
            (_("Roadmap: filters"), _("Filter by lever, owner, status and text"),
             screen.action_filters),
            (_("Roadmap: clear the filters"), _("Show every objective"),
             screen.action_clear_filters),
            (_("Roadmap: export the calendar (.ics)"),
             _("Meetings, deadlines and milestones for calendar software"),
             screen.action_export),
        ]
        if screen.session.repository.read_only:
            commands = [command for command in commands if command[2] != screen.action_new]
        return [PaletteCommand(*command) for command in commands]

    def records(self, matcher: Matcher) -> Iterator[Hit]:
        from coop_tui.screens.roadmap.screen import RoadmapScreen  # the screen lists these

        screen = self.screen
        if not isinstance(screen, RoadmapScreen):
            return
        # Objectives are found as people type them: accents and case folded.
        items = {item.id: item for item in screen.session.repository.roadmap}
        for item_id, score in rank(matcher.query, ((i.id, i.objective) for i in items.values()),
                                   limit=10):
            title = _("Roadmap: open « {objective} »").format(objective=items[item_id].objective)
            yield Hit(score / 100, Content(title), partial(screen.reveal, item_id), text=title)
