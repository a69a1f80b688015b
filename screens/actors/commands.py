"""The actor map in the command palette: its actions, and every actor by name."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit
from textual.fuzzy import Matcher

from coop_tui.core.i18n import _
from coop_tui.core.labels import label
from coop_tui.screens.actors.filters import Focus, focus_label
from coop_tui.ui.palette import PaletteCommand, ScreenCommands, matched

if TYPE_CHECKING:
    from coop_tui.screens.actors.screen import ActorsScreen


class ActorCommands(ScreenCommands):
    """The actor map in the command palette: its actions, and every actor by name."""

    def _screen(self) -> ActorsScreen | None:
        from coop_tui.screens.actors.screen import ActorsScreen  # the screen lists these

        screen = self.screen
        return screen if isinstance(screen, ActorsScreen) else None

    def _actions(self, screen: ActorsScreen) -> list[tuple[str, str, str]]:
        """(title, help, action) of the screen's commands."""
        actions = [
            (_("Actors: add an actor"), _("A new person or organisation"), "add"),
            (_("Actors: add several"), _("One « First Last, role » per line"), "add_several"),
            (_("Actors: power / interest map"), _("Show the map of influence and interest"),
             "show_map"),
            (_("Actors: clear the filters"), _("Show every actor"), "clear_filters"),
            (_("Actors: counterweights suggested"),
             _("Who could balance a tension: accept or dismiss"), "counterweights"),
        ]
        if screen.selected_actor is not None:
            actions += [
                (_("Actors: log a contact"), _("A call, a meeting, an e-mail…"), "log_contact"),
                (_("Actors: add a relation"), _("Cooperation, tension, funding…"),
                 "add_relation"),
                (_("Actors: answer a blockage"), _("What was tried, and its state"),
                 "answer_blockage"),
                (_("Actors: edit the selected actor"), "", "edit"),
                (_("Actors: missions in the diagnostic"),
                 _("The organisation's column of the missions matrix"), "diagnostic"),
                (_("Actors: delete the selected actor"), "", "delete"),
            ]
        for focus in Focus:
            actions.append((_("Actors: show {what}").format(what=focus_label(focus)), "",
                            f"figure('{focus.value}')"))
        return [(title, help_text, action) for title, help_text, action in actions
                if screen.check_action(action.split("(")[0], ()) is True]

    def commands(self) -> list[PaletteCommand]:
        screen = self._screen()
        if screen is None:
            return []
        return [PaletteCommand(title, help_text, partial(screen.run_action, action))
                for title, help_text, action in self._actions(screen)]

    def records(self, matcher: Matcher) -> Iterator[Hit]:
        screen = self._screen()
        if screen is None:
            return
        for actor in screen.session.repository.actors:
            hit = matched(matcher, PaletteCommand(
                _("Open actor: {name}").format(name=actor.name), label(actor.kind),
                partial(screen.show_actor, actor.id)))
            if hit is not None:
                yield hit
