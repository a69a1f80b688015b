"""The action form: what to do, who does it (an actor, or a name not in the map), by when,
its status and its agenda item."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Select

from coop_tui.core.i18n import _
from coop_tui.core.labels import choices
from coop_tui.screens.meetings.decision_form import agenda_item_select
from coop_tui.store.models import Action, ActionStatus, Actor, AgendaItem
from coop_tui.ui.forms import ActorField, DateField, RecordForm, field_errors, form_row
from coop_tui.ui.widgets.text_fields import TextInput

_FIELDS = {"text": "text", "owner_name": "owner_name", "due": "due", "status": "status"}


class ActionForm(RecordForm[Action]):
    """Create or edit an action typed through a form (not one captured from the notes)."""

    ENTER_SAVES = True

    def __init__(self, action: Action | None, agenda: Sequence[AgendaItem],
                 actors: Sequence[Actor], item_id: str | None, reference: date) -> None:
        super().__init__()
        self._title = _("New action") if action is None else _("Edit the action")
        self._original = action
        self._agenda = agenda
        self._actors = actors
        self._item_id = action.agenda_item_id if action else item_id
        self._reference = reference

    def form_title(self) -> str:
        return self._title

    def compose_fields(self) -> ComposeResult:
        action = self._original
        yield form_row(_("Action"), TextInput(action.text if action else "", id="text",
                                                   compact=True, placeholder=_("what to do")),
                            "text")
        yield form_row(_("Owner"), ActorField(
            self._actors, _("Who does it?"), action.owner_id if action else None,
            id="owner"), "owner")
        yield form_row(_("Or a name"), TextInput(
            action.owner_name if action else "", id="owner_name", compact=True,
            placeholder=_("someone not in the actor map")), "owner_name")
        yield form_row(_("Due"), DateField(action.due if action else None, id="due",
                                           placeholder=_("15/12, fin janvier, 2027-01-31")),
                       "due")
        status = action.status if action else ActionStatus.OPEN
        yield form_row(_("Status"), Select(choices(ActionStatus), value=status.value,
                                                allow_blank=False, id="status", compact=True),
                            "status")
        yield form_row(_("Agenda item"), agenda_item_select(self._agenda, self._item_id),
                            "item")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def save_record(self) -> Action | None:
        errors: dict[str, str] = {}
        data = self._original.model_dump() if self._original else {}
        try:
            data["due"] = self.query_one("#due", DateField).read(self._reference)
        except ValueError:
            errors["due"] = _("is not a real date (such as 26/11/2026)")
        owner_id = self.query_one("#owner", ActorField).value
        item = self.query_one("#item", Select).value
        status = self.query_one("#status", Select).value
        data.update(text=self.query_one("#text", Input).value, owner_id=owner_id,
                    owner_name="" if owner_id else self.query_one("#owner_name", Input).value,
                    agenda_item_id=item if isinstance(item, str) else None,
                    status=status if isinstance(status, str) else ActionStatus.OPEN)
        if data["status"] == ActionStatus.DONE and not data.get("done_on"):
            data["done_on"] = self._reference
        elif data["status"] != ActionStatus.DONE:
            data["done_on"] = None
        action: Action | None = None
        if not errors:
            try:
                action = Action.model_validate(data)
            except ValidationError as error:
                for field, message in field_errors(error).items():
                    errors.setdefault(_FIELDS.get(field, "text"), message)
        if errors or action is None:
            self.show_errors(errors)
            return None
        return action
