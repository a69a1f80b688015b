"""Counterweights suggested: for each tension with no counterweight, the actors who could
be one, each with its reason. Accepting records a relation of kind counterweight; dismissing
keeps the suggestion away (in the candidate's private reading)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coop_tui.core.i18n import N_, _
from coop_tui.core.insights.levers.counterweight_suggestions import (
    Suggestion,
    counterweight_suggestions,
    tension_words,
)
from coop_tui.store.models import Actor
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar


def dismissed(suggestion: Suggestion) -> Actor:
    """A copy of the candidate that keeps the tension's key among its dismissed ones."""
    candidate = suggestion.candidate.model_copy(deep=True)
    candidate.private.dismissed_counterweights.append(suggestion.tension.key)
    return candidate


class CounterweightsDialog(ModalScreen[None]):
    """The suggestions, tension by tension: a or enter accepts, d dismisses."""

    CSS_PATH = Path(__file__).parent / "counterweights.tcss"
    BINDINGS = [
        Binding("a,enter", "accept", N_("Accept"), id="counterweights.accept"),
        Binding("d", "dismiss_suggestion", N_("Dismiss"), id="counterweights.dismiss"),
        Binding("escape", "close", N_("Close"), id="counterweights.close"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        translate_bindings(self)
        self.session = session
        self._suggestions: dict[str, Suggestion] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="counterweights", classes="dialog"):
            yield Static(Text(_("Counterweights suggested"), style="bold"))
            yield Static(_("Actors who could balance a tension with no counterweight: "
                           "comparable influence, working with a party, from another "
                           "commune or level."), classes="hint", markup=False)
            yield OptionList(id="suggestions")
            yield Static(id="counterweights-empty", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        repository = self.session.repository
        found = counterweight_suggestions(list(repository.actors), list(repository.relations))
        options: list[Option] = []
        self._suggestions = {}
        heading = ""
        for index, suggestion in enumerate(found):
            words = tension_words(suggestion.tension)
            if words != heading:
                heading = words
                options.append(Option(Text(words[:1].upper() + words[1:],
                                           style="bold underline"), disabled=True))
            key = f"s{index}"
            self._suggestions[key] = suggestion
            options.append(Option(Text("  " + suggestion.reason), id=key))
        listing = self.query_one(OptionList)
        listing.set_options(options)
        listing.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)
        empty = self.query_one("#counterweights-empty", Static)
        empty.display = not found
        empty.update(Text(_("No suggestion: every tension has a counterweight, or no actor "
                            "fits yet."), style="italic"))
        self.refresh_bindings()

    def _current(self) -> Suggestion | None:
        option = self.query_one(OptionList).highlighted_option
        return self._suggestions.get(option.id or "") if option is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "dismiss_suggestion"):
            if self.session.repository.read_only:
                return None
            return self._current() is not None
        return True

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        suggestion = self._current()
        if suggestion is None:
            return
        if self.session.save([suggestion.relation()]) is None:
            self.notify(_("{name} recorded as a counterweight.").format(
                name=suggestion.candidate.name), markup=False)
            self._fill()

    def action_dismiss_suggestion(self) -> None:
        suggestion = self._current()
        if suggestion is None:
            return
        if self.session.save([dismissed(suggestion)]) is None:
            self._fill()

    def action_close(self) -> None:
        self.dismiss(None)
