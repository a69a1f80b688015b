"""A new actor named on the spot (an attendee, an owner), without leaving the meeting: the
name typed in the picker, and what kind of actor it is."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Select

from coop_tui.core.i18n import _
from coop_tui.core.labels import choices
from coop_tui.store.models import Actor, ActorKind
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.widgets.text_fields import TextInput


class QuickActorForm(RecordForm[Actor]):
    """Name and kind of a new actor; the rest is filled in later on the actors screen."""

    ENTER_SAVES = True

    def __init__(self, name: str) -> None:
        super().__init__()
        self._title = _("New actor")
        self._name = name

    def form_title(self) -> str:
        return self._title

    def compose_fields(self) -> ComposeResult:
        yield form_row(_("Name"), TextInput(self._name, id="name", compact=True), "name")
        yield form_row(_("Kind"), Select(choices(ActorKind), value=ActorKind.ELECTED.value,
                                              allow_blank=False, id="kind", compact=True),
                            "kind")

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()

    def draft_baseline(self) -> object:
        """The name was typed in the picker just before: it counts as typed here."""
        return None

    def save_record(self) -> Actor | None:
        kind = self.query_one("#kind", Select).value
        try:
            return Actor(name=self.query_one("#name", Input).value,
                         kind=ActorKind(kind) if isinstance(kind, str) else ActorKind.ELECTED)
        except ValidationError as error:
            messages = field_errors(error)
            self.show_errors({"name": messages.get("name", next(iter(messages.values()), ""))})
            return None
