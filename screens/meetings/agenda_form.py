"""The agenda item form: a title and a planned duration in minutes."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Input

from coop_tui.core.i18n import _
from coop_tui.store.models import AgendaItem
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.widgets.text_fields import TextInput


class AgendaItemForm(RecordForm[AgendaItem]):
    """Create or edit an agenda item; hands back a valid, unsaved item."""

    ENTER_SAVES = True

    def __init__(self, item: AgendaItem | None, *, heading: str = "") -> None:
        super().__init__()
        self._title = heading or (_("New agenda item") if item is None
                                  else _("Edit the agenda item"))
        self._original = item

    def form_title(self) -> str:
        return self._title

    def compose_fields(self) -> ComposeResult:
        item = self._original
        yield form_row(_("Title"), TextInput(item.title if item else "", id="title",
                                                  compact=True), "title")
        yield form_row(_("Planned minutes"), TextInput(
            str(item.planned_minutes if item else 15), id="minutes", compact=True,
            type="integer"), "minutes")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def save_record(self) -> AgendaItem | None:
        data = self._original.model_dump() if self._original else {}
        minutes = self.query_one("#minutes", Input).value.strip()
        data.update(title=self.query_one("#title", Input).value, planned_minutes=minutes or 0)
        try:
            return AgendaItem.model_validate(data)
        except ValidationError as error:
            errors = field_errors(error)
            self.show_errors({("minutes" if key == "planned_minutes" else "title"): message
                              for key, message in errors.items()})
            return None
