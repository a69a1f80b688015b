"""The diagnostic screen in the command palette: its tabs and its actions."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from coop_tui.core.i18n import N_, _
from coop_tui.ui.palette import PaletteCommand, ScreenCommands

# The tabs as the palette names them everywhere (the app lists these on every screen).
TAB_ENTRIES: tuple[tuple[str, str, str], ...] = (
    ("matrix", N_("Diagnostic: missions matrix"),
     N_("Missions x organisations, FTE in each cell, totals")),
    ("candidates", N_("Diagnostic: mutualisation candidates"),
     N_("Missions worth pooling, each with its reason")),
    ("areas", N_("Bassins de vie"), N_("Groups of communes and the service needs found there")),
)

# action, palette name, help
PALETTE_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("sort", N_("Diagnostic: sort the matrix"),
     N_("By total FTE, by name, by number of organisations")),
    ("edit", N_("Diagnostic: edit"), N_("The mission line under the cursor, or the bassin")),
    ("add_line", N_("Diagnostic: add a mission"),
     N_("A mission of the organisation under the cursor, with its staff")),
    ("add_organisation", N_("Diagnostic: add an organisation"),
     N_("An organisation of the actor map and its first mission")),
    ("new_mission", N_("Diagnostic: new mission of your own"),
     N_("A mission beside the reference list")),
    ("new_area", N_("Diagnostic: new bassin de vie"),
     N_("A group of communes and their service needs")),
    ("delete", N_("Diagnostic: delete"), N_("The mission line under the cursor, or the bassin")),
    ("answer", N_("Diagnostic: answer a candidate in the roadmap"),
     N_("An objective of the roadmap cites the lines of the candidate selected")),
)


class DiagnosticCommands(ScreenCommands):
    """The diagnostic screen's actions in the command palette."""

    def commands(self) -> Iterator[PaletteCommand]:
        from coop_tui.screens.diagnostic.screen import DiagnosticScreen  # lists these

        screen = self.screen
        if not isinstance(screen, DiagnosticScreen):
            return
        for action, name, help_text in PALETTE_ACTIONS:
            if screen.check_action(action, ()) is True:
                yield PaletteCommand(_(name), _(help_text), partial(screen.run_action, action))
