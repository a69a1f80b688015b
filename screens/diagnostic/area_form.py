"""A bassin de vie: its name, its communes one per line (with the INSEE code if known),
the service needs of the people who live there one per line, and a note.

The form writes the bassin through the session and dismisses with it once saved.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static, TextArea

from coop_tui.core.i18n import _
from coop_tui.core.living_areas import area_text, read_communes, read_needs
from coop_tui.store.models import LivingArea
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput


class LivingAreaForm(RecordForm[LivingArea]):
    """The form of one bassin de vie; ``area`` None adds one."""

    CSS_PATH = Path(__file__).parent / "forms.tcss"

    def __init__(self, session: Session, area: LivingArea | None = None) -> None:
        super().__init__(session)
        self.session = session
        self.area = area

    def form_title(self) -> str:
        return _("Edit the bassin de vie") if self.area else _("New bassin de vie")

    def compose(self) -> ComposeResult:
        area = self.area
        communes, needs = area_text(area, self.session.repository.actors) if area else ("", "")
        with VerticalScroll(id="form", classes="dialog"):
            yield Static(Text(self.form_title(), style="bold"), id="form-title")
            yield form_row(_("Name"), TextInput(area.name if area else "", compact=True,
                                                id="f-name"), "name")
            yield form_row(_("Communes, one per line, INSEE code optional"), TextEditor(
                communes, compact=True, soft_wrap=False, id="f-communes", classes="lines"),
                "communes")
            yield form_row(_("Service needs, one per line: « need: figure unit »"), TextEditor(
                needs, compact=True, soft_wrap=False, id="f-needs", classes="lines"), "needs")
            yield form_row(_("Note"), TextEditor(area.note if area else "", compact=True,
                                                 id="f-note", classes="short"), "note")
            yield Static(id="form-error", markup=False)
            yield self.buttons()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#f-name").focus()

    def save_record(self) -> LivingArea | None:
        repository = self.session.repository
        communes, commune_errors = read_communes(
            self.query_one("#f-communes", TextArea).text, repository.actors)
        needs, need_errors = read_needs(self.query_one("#f-needs", TextArea).text,
                                        self.area.needs if self.area else [])
        errors = {field: "\n".join(found) for field, found in
                  (("communes", commune_errors), ("needs", need_errors)) if found}
        data = {**(self.area.model_dump() if self.area else {}),
                "name": self.query_one("#f-name", Input).value,
                "communes": [commune.model_dump() for commune in communes],
                "needs": [need.model_dump() for need in needs],
                "note": self.query_one("#f-note", TextArea).text}
        try:
            area = LivingArea.model_validate(data)
        except ValidationError as error:
            errors = {**field_errors(error), **errors}
            area = None
        if errors or area is None:
            self.show_errors(errors)
            return None
        refusal = self.session.save([area])
        if refusal is not None:
            self.show_errors(refusal.fields, [] if refusal.fields else [refusal.message])
            return None
        return area
