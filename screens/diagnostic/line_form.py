"""One line of an organisation's diagnostic: the mission, its staff in FTE, the agents by
category, and whether it is already shared, with whom.

The form writes the organisation's whole record (the line put in, or added) through the
session, so a refusal of the store shows in the form; it dismisses with that record.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input, Select, Static

from coop_tui.core.diagnostic import format_fte, mission_keys, mission_name
from coop_tui.core.diagnostic_import import organisations_by_name, parse_number, read_partners
from coop_tui.core.i18n import _
from coop_tui.store.models import Actor, MissionStaff, OrganisationMissions, new_id
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextInput

CATEGORIES = ("category_a", "category_b", "category_c")


def record_of(records: list[OrganisationMissions], actor_id: str) -> OrganisationMissions:
    """A copy of the organisation's diagnostic to change, or a new one."""
    found = next((record for record in records if record.actor_id == actor_id), None)
    return found.model_copy(deep=True) if found else OrganisationMissions(actor_id=actor_id)


def _count(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    if not value.isdigit() or not value.isascii():
        raise ValueError(_("« {value} » is not a whole number of agents").format(value=value))
    return int(value)


class MissionLineForm(RecordForm[OrganisationMissions]):
    """The form of one mission line of ``organisation``; ``line`` None adds one (with
    ``mission`` chosen in advance when given)."""

    CSS_PATH = Path(__file__).parent / "forms.tcss"

    def __init__(self, session: Session, organisation: Actor, line: MissionStaff | None = None,
                 mission: str = "") -> None:
        super().__init__(session)
        self.session = session
        self.organisation = organisation
        self.line = line
        self.mission = line.mission if line else mission

    def form_title(self) -> str:
        template = _("{organisation}: edit a mission") if self.line else _(
            "{organisation}: add a mission")
        return template.format(organisation=self.organisation.name)

    def _mission_choices(self) -> list[tuple[Text, str]]:
        repository = self.session.repository
        own = repository.missions
        carried = {line.mission for record in repository.diagnostic
                   if record.actor_id == self.organisation.id for line in record.missions}
        carried.discard(self.mission)
        return [(Text(mission_name(key, own)), key) for key in mission_keys(own)
                if key not in carried]

    def compose(self) -> ComposeResult:
        line = self.line
        repository = self.session.repository
        partners = " + ".join(repository.actor_name(ref, "?") for ref in
                              (line.shared_with if line else []))
        choices = self._mission_choices()
        with VerticalScroll(id="form", classes="dialog small"):
            yield Static(Text(self.form_title(), style="bold"), id="form-title")
            yield form_row(_("Mission"), Select(
                choices, value=self.mission if self.mission else Select.BLANK,
                prompt=_("choose a mission"), compact=True, id="f-mission"), "mission")
            yield form_row(_("Staff (FTE)"), TextInput(
                format_fte(line.fte) if line else "", compact=True, id="f-fte",
                placeholder=_("e.g. 0,5 for a half-time post")), "fte")
            with Horizontal(classes="field-row categories"):
                for field, caption in zip(CATEGORIES, ("A", "B", "C"), strict=True):
                    value = getattr(line, field) if line else None
                    yield form_row(_("Agents cat. {letter}").format(letter=caption), TextInput(
                        "" if value is None else str(value), compact=True, id=f"f-{field}"),
                        field)
            yield form_row(_("Already shared"), Checkbox(
                _("shared with other organisations"), line.shared if line else False,
                compact=True, id="f-shared"), "shared")
            yield form_row(_("Shared with"), TextInput(
                partners, compact=True, id="f-shared_with",
                placeholder=_("names separated by +")), "shared_with")
            yield form_row(_("Note"), TextInput(line.note if line else "", compact=True,
                                                id="f-note"), "note")
            yield Static(id="form-error", markup=False)
            yield self.buttons()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#f-fte" if self.mission else "#f-mission").focus()

    def save_record(self) -> OrganisationMissions | None:
        values = {name: self.query_one(f"#f-{name}", Input).value
                  for name in ("fte", *CATEGORIES, "shared_with", "note")}
        mission = self.query_one("#f-mission", Select).value
        errors: dict[str, str] = {}
        if not isinstance(mission, str):
            errors["mission"] = _("choose a mission")
        numbers: dict[str, float | int | None] = {}
        try:
            numbers["fte"] = parse_number(values["fte"]) if values["fte"].strip() else 0.0
        except ValueError as error:
            errors["fte"] = str(error)
        for field in CATEGORIES:
            try:
                numbers[field] = _count(values[field])
            except ValueError as error:
                errors[field] = str(error)
        repository = self.session.repository
        try:
            partners = read_partners(values["shared_with"], organisations_by_name(
                repository.actors), self.organisation.id)
        except ValueError as error:
            errors["shared_with"] = str(error)
            partners = []
        if errors:
            self.show_errors(errors)
            return None
        shared = self.query_one("#f-shared", Checkbox).value or bool(partners)
        try:
            line = MissionStaff(id=self.line.id if self.line else new_id(), mission=mission,
                                shared=shared, shared_with=partners, note=values["note"],
                                **numbers)
        except ValidationError as error:
            self.show_errors(field_errors(error))
            return None
        record = record_of(repository.diagnostic, self.organisation.id)
        index = next((i for i, old in enumerate(record.missions) if old.id == line.id), None)
        if index is None:
            record.missions.append(line)
        else:
            record.missions[index] = line
        refusal = self.session.save([record])
        if refusal is not None:
            self.show_errors(refusal.fields, [] if refusal.fields else [refusal.message])
            return None
        return record
