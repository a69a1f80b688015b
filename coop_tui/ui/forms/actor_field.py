"""The one field that holds an actor in a form: the actor's name, chosen in the shared
picker by typing part of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Actor
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.bindings import translate_bindings


class ActorField(Static, can_focus=True):
    """A field holding one actor (``value`` is its id).

    Typing a letter opens the picker with that letter already typed, so "enter d u p
    enter" and "d u p enter" both pick Dupont; enter or space opens it empty; delete
    clears the field (unless it must hold someone).
    """

    BINDINGS = [
        Binding("enter,space", "choose", N_("Choose"), id="actor_field.choose"),
        Binding("delete,backspace", "clear", N_("Clear"), id="actor_field.clear"),
    ]

    @dataclass
    class Changed(Message):
        """The actor held by the field changed."""

        field: ActorField
        """The field that changed (handlers pick theirs by its id)."""
        actor_id: str | None
        """The actor it now holds; None once cleared."""

        @property
        def control(self) -> ActorField:
            return self.field

    def __init__(self, actors: Sequence[Actor], picker_title: str, value: str | None = None,
                 *, empty: str = "", exclude: Sequence[str] = (), clearable: bool = True,
                 id: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes="actor-field")
        translate_bindings(self)
        self._actors = list(actors)
        self._names = {actor.id: actor.name for actor in actors}
        self._picker_title = picker_title
        self._exclude = list(exclude)
        self._empty = empty or _("(none: type a name)")
        self._clearable = clearable
        self._picker: ActorPicker | None = None
        self.value = value

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, actor_id: str | None) -> None:
        self._value = actor_id
        name = self._names.get(actor_id or "")
        text = Text(name) if name else Text(self._empty, style="italic")
        text.append("  ▾", style="dim")
        self.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return self._clearable and self._value is not None
        return True

    def action_choose(self, query: str = "") -> None:
        """Open the picker (``query``: what was typed on the field to start it)."""
        def chosen(choice: ActorChoice | None) -> None:
            self._picker = None
            if choice is not None and choice.actor_id is not None:
                self._set(choice.actor_id)

        self._picker = ActorPicker(self._actors, self._picker_title, exclude=self._exclude,
                                   query=query)
        self.app.push_screen(self._picker, chosen)

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the field starts the search; keys that reach the field while
        the picker opens go on to it, in the order typed."""
        if self._picker is not None:
            event.stop()
            event.prevent_default()
            self._picker._forward_event(event.__class__(event.key, event.character))
            return
        if event.is_printable and event.character not in (None, " "):
            event.stop()
            event.prevent_default()
            self.action_choose(event.character or "")

    def action_clear(self) -> None:
        if self._clearable:
            self._set(None)

    def _set(self, actor_id: str | None) -> None:
        if actor_id != self._value:
            self.value = actor_id
            self.post_message(self.Changed(self, actor_id))
        self.refresh_bindings()

    def on_click(self) -> None:
        self.action_choose()
