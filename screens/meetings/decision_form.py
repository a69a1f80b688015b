"""The decision form: what was decided, and under which agenda item."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input, Select

from coop_tui.core.i18n import _
from coop_tui.core.labels import choices
from coop_tui.store.models import AgendaItem, Decision, DeliberationResult
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.widgets.text_fields import TextInput


def agenda_item_select(agenda: Sequence[AgendaItem], item_id: str | None) -> Select[str]:
    """The agenda items to pick one from (``1. Title``), ``item_id`` chosen when it is one
    of them; no choice is allowed."""
    choices = [(f"{number}. {item.title}", item.id) for number, item in enumerate(agenda, 1)]
    known = {item.id for item in agenda}
    return Select(choices, prompt=_("(none)"), compact=True, id="item",
                  value=item_id if item_id in known else Select.NULL)


class DecisionForm(RecordForm[Decision]):
    """Create or edit a decision typed through a form (not one captured from the notes);
    its result, when the vote does not say it (a deliberation deferred, say)."""

    ENTER_SAVES = True

    def __init__(self, decision: Decision | None, agenda: Sequence[AgendaItem],
                 item_id: str | None) -> None:
        super().__init__()
        self._title = _("New decision") if decision is None else _("Edit the decision")
        self._original = decision
        self._agenda = agenda
        self._item_id = decision.agenda_item_id if decision else item_id

    def form_title(self) -> str:
        return self._title

    def compose_fields(self) -> ComposeResult:
        yield form_row(_("Decision"), TextInput(
            self._original.text if self._original else "", id="text", compact=True,
            placeholder=_("what was decided")), "text")
        yield form_row(_("Agenda item"), agenda_item_select(self._agenda, self._item_id),
                            "item")
        result = self._original.result if self._original else None
        yield form_row(_("Result"), Select(
            choices(DeliberationResult), value=result.value if result else Select.NULL,
            prompt=_("as the vote says"), id="result", compact=True), "result")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def save_record(self) -> Decision | None:
        data = self._original.model_dump() if self._original else {}
        item = self.query_one("#item", Select).value
        result = self.query_one("#result", Select).value
        data.update(text=self.query_one("#text", Input).value,
                    agenda_item_id=item if isinstance(item, str) else None,
                    result=result if isinstance(result, str) else None)
        try:
            return Decision.model_validate(data)
        except ValidationError as error:
            messages = list(field_errors(error).values())
            self.show_errors({"text": messages[0]} if messages else {})
            return None
