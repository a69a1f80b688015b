"""Pick an actor by typing part of their name, or name a new one on the spot.

Shared by every form that needs a person or an organisation (attendance, owners,
partners, parent organisation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from coop_tui.core.fuzzy import rank
from coop_tui.core.i18n import N_, _
from coop_tui.core.labels import label
from coop_tui.store.models import Actor
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysHeldForFocus
from coop_tui.ui.widgets.text_fields import TextInput

NEW_ACTOR = "\0new"


@dataclass(frozen=True)
class ActorChoice:
    """The actor picked, or the name of an actor to create (``actor_id`` is None)."""

    actor_id: str | None
    new_name: str = ""


class ActorPicker(KeysHeldForFocus, ModalScreen[ActorChoice | None]):
    """Keys typed as it opens wait for its query field, in the order typed."""

    CSS_PATH = Path(__file__).parent / "actor_picker.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="picker.cancel"),
        Binding("down", "move(1)", show=False, id="picker.down"),
        Binding("up", "move(-1)", show=False, id="picker.up"),
    ]

    def __init__(
        self, actors: Sequence[Actor], title: str, *, allow_new: bool = False,
        exclude: Sequence[str] = (), query: str = "",
    ) -> None:
        """``query`` is what was already typed to find the actor (the field's first key)."""
        super().__init__()
        translate_bindings(self)
        excluded = set(exclude)
        self._actors = [actor for actor in actors if actor.id not in excluded]
        self._title = title
        self._allow_new = allow_new
        self._query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(self._title), id="picker-title")
            yield TextInput(self._query, placeholder=_("Type part of a name…"),
                            select_on_focus=False, id="picker-query")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._fill(self._query)

    @on(Input.Changed, "#picker-query")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        options = self.query_one("#picker-options", OptionList)
        options.clear_options()
        by_id = {actor.id: actor for actor in self._actors}
        found = rank(query, ((actor.id, actor.name) for actor in self._actors), limit=50)
        for actor_id, _score in found:
            actor = by_id[actor_id]
            line = Text(actor.name)
            line.append(f"  {label(actor.kind)}", style="dim")
            options.add_option(Option(line, id=actor_id))
        if self._allow_new and query.strip():
            options.add_option(Option(
                Text(_("+ New actor: {name}").format(name=query.strip()), style="italic"),
                id=NEW_ACTOR))
        if options.option_count:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-options", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#picker-query")
    def _submit(self) -> None:
        options = self.query_one("#picker-options", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#picker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW_ACTOR:
            name = self.query_one("#picker-query", Input).value.strip()
            self.dismiss(ActorChoice(None, name))
        elif option_id is not None:
            self.dismiss(ActorChoice(option_id))

    def action_cancel(self) -> None:
        self.dismiss(None)
