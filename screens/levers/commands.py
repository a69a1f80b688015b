"""The levers screen in the command palette: its actions, and every lever by name."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from coop_tui.core.i18n import N_, _, language
from coop_tui.core.labels import label
from coop_tui.ui.palette import PaletteCommand, ScreenCommands


class LeverCommands(ScreenCommands):
    """The levers screen's actions and its levers, by name, in the command palette."""

    def commands(self) -> Iterator[PaletteCommand]:
        from coop_tui.screens.levers.screen import LeversScreen  # the screen lists these

        screen = self.screen
        if not isinstance(screen, LeversScreen):
            return
        for action, name, help_text in PALETTE_ACTIONS:
            if screen.check_action(action, ()) is True:
                yield PaletteCommand(_(name), _(help_text), partial(screen.run_action, action))
        for lever in screen.levers_in_order():
            title = lever.title.get(language())
            yield PaletteCommand(_("Lever: {title}").format(title=title), label(lever.category),
                                 partial(screen.show_lever, lever.id))


# action, palette name, help
PALETTE_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("new_lever", N_("Levers: new lever"), N_("Add a lever of your own to the checklist")),
    ("add_item", N_("Levers: add a checklist item"), N_("Add an item to the lever selected")),
    ("cycle_status", N_("Levers: change the status"),
     N_("To do, in progress, done, not applicable")),
    ("edit", N_("Levers: edit the lever"),
     N_("Title, owner, due date, description, notes, evidence")),
    ("rename", N_("Levers: rename"), N_("A new title for the lever or item selected")),
    ("delete", N_("Levers: delete"),
     N_("Your own levers and items; a catalogue lever is set not applicable instead")),
    ("owner", N_("Levers: choose the owner"), N_("Who carries the lever selected")),
    ("restore", N_("Levers: restore the catalogue text"),
     N_("Bring back the seed document's wording of the lever selected")),
    ("thresholds", N_("Levers: thresholds of the evidence"),
     N_("Past which figure a lever needs attention")),
    ("focus_evidence", N_("Levers: evidence of the lever"),
     N_("The figures from the data about the lever selected")),
)

