"""Add or edit a roadmap objective, with every field of the model and its errors in place.

The model validates the fields (an objective is required, the due date is not before the
start, progress stays from 0 to 100); the repository checks what spans records (owners and
partners exist, no dependency loop). Either way the message shows under its field, in the
current language, and nothing is saved until everything holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import (
    _,
    format_date,
    format_number,
    language,
    translate_template,
)
from coop_tui.core.insights.roadmap import find_cycle, possible_prerequisites
from coop_tui.core.labels import choices
from coop_tui.screens.roadmap.choices import ADD, ChoiceList, ItemPicker
from coop_tui.store.models import LeverCategory, RoadmapItem, RoadmapStatus
from coop_tui.ui.forms import RecordForm, typed_date
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

# Where a model or store error about a field is shown in the form.
FIELD_OF: dict[str, str] = {
    "objective": "objective",
    "description": "description",
    "lever_id": "lever",
    "owner_ids": "owners",
    "partner_ids": "partners",
    "start": "start",
    "due": "due",
    "status": "status",
    "progress": "progress",
    "milestone": "milestone",
    "depends_on": "depends",
    "indicator": "indicator",
    "meeting_id": "meeting",
    "means.budget_eur": "budget",
    "means.staff_fte": "staff",
    "means.text": "means",
}
FIELD_ORDER = ("objective", "lever", "owners", "partners", "start", "due", "status", "progress",
               "milestone", "budget", "staff", "means", "depends", "indicator", "meeting",
               "description")
# Whole-record errors and the field they are about.
RECORD_ERRORS: dict[str, str] = {"date_order": "due", "self_reference": "depends"}
# The pickers live in choices.py; they stay importable from here.
__all__ = [
    "ADD",
    "FIELD_OF",
    "FIELD_ORDER",
    "RECORD_ERRORS",
    "ChoiceList",
    "ItemPicker",
    "RoadmapItemForm",
    "number_text",
    "parse_number",
]


def parse_number(text: str) -> float | None:
    """A number as people type it: ``12 500``, ``12500,50``, ``0,5``, ``3 000 €``."""
    cleaned = "".join(char for char in text if not char.isspace()).rstrip("€%").replace(",", ".")
    if not cleaned:
        return None
    return float(cleaned)


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return format_number(value, 0 if value == int(value) else 2).replace("\u202f", " ")



class RoadmapItemForm(RecordForm[RoadmapItem]):
    """Every field of a roadmap item; ctrl+s saves it, escape leaves without saving."""

    CSS_PATH = Path(__file__).parent / "form.tcss"

    def __init__(
        self, session: Session, item: RoadmapItem | None, *, lever_id: str | None = None
    ) -> None:
        super().__init__(session)
        self.session = session
        # A new item exists before it is valid: its id lets the pickers rule out loops.
        self.item = item.model_copy(deep=True) if item else RoadmapItem.model_construct(
            objective="", lever_id=lever_id)
        self.is_new = item is None

    # ------------------------------------------------------------------ layout

    def _row(self, caption: str, field: str, *widgets: Widget) -> ComposeResult:
        with Horizontal(classes="form-row", id=f"row-{field}"):
            yield Label(caption, classes="field-label")
            with Vertical(classes="field-body"):
                yield from widgets
                yield Label("", id=f"error-{field}", classes="field-error")

    def _lever_options(self) -> list[tuple[Text, str]]:
        categories = list(LeverCategory)
        levers = sorted(self.session.repository.levers,
                        key=lambda lever: (categories.index(lever.category), lever.position,
                                           lever.id))
        return [(plain(lever.title.get(language())), lever.id) for lever in levers]

    def _meeting_options(self) -> list[tuple[Text, str]]:
        meetings = sorted(self.session.repository.meetings, key=lambda m: (m.on, m.id),
                          reverse=True)
        return [(plain(f"{format_date(meeting.on)} — {meeting.title}"), meeting.id)
                for meeting in meetings]

    def compose(self) -> ComposeResult:
        item = self.item
        repository = self.session.repository
        title = _("New objective") if self.is_new else _("Edit objective")
        if repository.read_only:
            title = _("Objective (read-only)")
        with Vertical(id="form"):
            yield Label(title, id="form-title")
            with VerticalScroll(id="form-fields", disabled=repository.read_only):
                yield from self._row(_("Objective"), "objective", TextInput(
                    "" if self.is_new else item.objective, id="f-objective", compact=True,
                    select_on_focus=False,
                    placeholder=_("What the territory wants to achieve")))
                yield from self._row(_("Lever"), "lever", Select(
                    self._lever_options(), prompt=_("No lever"), id="f-lever", compact=True,
                    value=item.lever_id or Select.NULL))
                yield from self._row(_("Owners"), "owners", ChoiceList(
                    item.owner_ids, self._actor_name, id="f-owners"))
                yield from self._row(_("Partners"), "partners", ChoiceList(
                    item.partner_ids, self._actor_name, id="f-partners"))
                yield from self._row(_("Start"), "start", TextInput(
                    typed_date(item.start), id="f-start", compact=True,
                    placeholder=_("e.g. 15/01/2027, mid-March")),
                    Label("", id="hint-start", classes="field-hint"))
                yield from self._row(_("Due date"), "due", TextInput(
                    typed_date(item.due), id="f-due", compact=True,
                    placeholder=_("e.g. 30/06/2027, end of June")),
                    Label("", id="hint-due", classes="field-hint"))
                yield from self._row(_("Status"), "status", Select(
                    choices(RoadmapStatus), id="f-status", compact=True, allow_blank=False,
                    value=item.status.value))
                yield from self._row(_("Progress (%)"), "progress", TextInput(
                    str(item.progress), id="f-progress", compact=True))
                yield from self._row(_("Milestone"), "milestone", Checkbox(
                    _("A single event (an adoption, a seminar, a report)"), item.milestone,
                    id="f-milestone", compact=True))
                yield from self._row(_("Budget (€)"), "budget", TextInput(
                    number_text(item.means.budget_eur), id="f-budget", compact=True))
                yield from self._row(_("Staff (FTE)"), "staff", TextInput(
                    number_text(item.means.staff_fte), id="f-staff", compact=True))
                yield from self._row(_("Other means"), "means", TextInput(
                    item.means.text, id="f-means", compact=True,
                    placeholder=_("A convention, a deliberation, a provider…")))
                yield from self._row(_("Depends on"), "depends", ChoiceList(
                    item.depends_on, self._objective, id="f-depends"))
                yield from self._row(_("Indicator"), "indicator", TextInput(
                    item.indicator, id="f-indicator", compact=True,
                    placeholder=_("How the evaluation will measure it")))
                yield from self._row(_("From meeting"), "meeting", Select(
                    self._meeting_options(), prompt=_("No meeting"), id="f-meeting", compact=True,
                    value=item.meeting_id or Select.NULL))
                yield from self._row(_("Description"), "description", TextEditor(
                    item.description, id="f-description", compact=True))
            yield Label("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(_("Save"), variant="primary", id="form-save", compact=True,
                             disabled=repository.read_only)
                yield Button(_("Cancel"), id="form-cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_hint("start")
        self._show_hint("due")
        objective = self.query_one("#f-objective", Input)
        objective.cursor_position = 0
        objective.focus()

    def _actor_name(self, ref: str) -> str:
        return self.session.repository.actor_name(ref, "?")

    def _objective(self, ref: str) -> str:
        other = self.session.repository.get(RoadmapItem, ref)
        return other.objective if other else "?"

    # ------------------------------------------------------------------ interaction

    @on(Input.Changed, "#f-start")
    @on(Input.Changed, "#f-due")
    def _date_typed(self, event: Input.Changed) -> None:
        self._show_hint("start" if event.input.id == "f-start" else "due")

    def _show_hint(self, field: str) -> None:
        text = self.query_one(f"#f-{field}", Input).value
        hint = self.query_one(f"#hint-{field}", Label)
        try:
            day = parse_date(text, self.session.today())
        except ValueError:
            day = None
        hint.update(format_date(day, "full") if day else "")
        hint.set_class(day is not None, "-shown")

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(ChoiceList.AddRequested)
    def _add_choice(self, event: ChoiceList.AddRequested) -> None:
        choices_list = event.choices
        repository = self.session.repository
        if choices_list.id == "f-depends":
            candidates = [other for other in possible_prerequisites(self.item.id,
                                                                    repository.roadmap)
                          if other.id not in choices_list.ids]

            def picked_item(ref: str | None) -> None:
                if ref is not None:
                    choices_list.add(ref)

            self.app.push_screen(ItemPicker(candidates, _("Depends on…")), picked_item)
            return
        caption = _("Owner…") if choices_list.id == "f-owners" else _("Partner…")

        def picked_actor(choice: ActorChoice | None) -> None:
            if choice is not None and choice.actor_id is not None:
                choices_list.add(choice.actor_id)

        self.app.push_screen(ActorPicker(repository.actors, caption, exclude=choices_list.ids),
                             picked_actor)

    def action_cancel(self) -> None:
        self.leave(_("Your changes to this objective will be lost."))

    # ------------------------------------------------------------------ saving

    def draft_snapshot(self) -> dict[str, Any]:
        """What the fields hold now, as typed."""
        def text(field: str) -> str:
            return self.query_one(f"#f-{field}", Input).value

        def selected(field: str) -> str | None:
            value = self.query_one(f"#f-{field}", Select).value
            return value if isinstance(value, str) else None

        return {
            "objective": text("objective"),
            "lever": selected("lever"),
            "owners": list(self.query_one("#f-owners", ChoiceList).ids),
            "partners": list(self.query_one("#f-partners", ChoiceList).ids),
            "start": text("start"),
            "due": text("due"),
            "status": selected("status"),
            "progress": text("progress"),
            "milestone": self.query_one("#f-milestone", Checkbox).value,
            "budget": text("budget"),
            "staff": text("staff"),
            "means": text("means"),
            "depends": list(self.query_one("#f-depends", ChoiceList).ids),
            "indicator": text("indicator"),
            "meeting": selected("meeting"),
            "description": self.query_one("#f-description", TextArea).text,
        }

    def _parsed(self, raw: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
        """The model's data from the fields; what cannot be read goes to ``errors``."""
        today = self.session.today()
        item = self.item

        def day(field: str, fallback: date | None) -> date | None:
            try:
                return parse_date(raw[field], today)
            except ValueError:
                errors[field] = _("is not a date: try 15/12/2026, 15 March or end of June")
                return fallback

        def number(field: str, fallback: float | None) -> float | None:
            try:
                return parse_number(raw[field])
            except ValueError:
                errors[field] = translate_template("float_parsing", "", {})
                return fallback

        start, due = day("start", item.start), day("due", item.due)
        progress: Any = raw["progress"].strip().rstrip("%").strip() or 0
        return {
            **item.model_dump(),
            "objective": raw["objective"],
            "description": raw["description"],
            "lever_id": raw["lever"],
            "owner_ids": raw["owners"],
            "partner_ids": raw["partners"],
            "start": start if "start" not in errors else None,
            "due": due if "due" not in errors else None,
            "status": raw["status"] or item.status.value,
            "progress": progress,
            "milestone": raw["milestone"],
            "depends_on": raw["depends"],
            "indicator": raw["indicator"],
            "meeting_id": raw["meeting"],
            "means": {
                "budget_eur": number("budget", item.means.budget_eur),
                "staff_fte": number("staff", item.means.staff_fte),
                "text": raw["means"],
            },
        }

    def _model_errors(self, error: ValidationError, errors: dict[str, str]) -> None:
        for detail in error.errors(include_url=False):
            location = [str(part) for part in detail["loc"]]
            dotted = ".".join(part for part in location if not part.isdigit())
            field = FIELD_OF.get(dotted) or RECORD_ERRORS.get(detail["type"]) or ""
            params = {key: str(value) for key, value in (detail.get("ctx") or {}).items()}
            for key in ("start", "due"):
                if key in params:
                    params[key] = format_date(date.fromisoformat(params[key]))
            errors.setdefault(field, translate_template(detail["type"], detail["msg"],
                                                        params))

    def _show_errors(self, errors: dict[str, str]) -> None:
        for label_widget in self.query(".field-error").results(Label):
            field = (label_widget.id or "").removeprefix("error-")
            message = errors.get(field, "")
            label_widget.update(message)
            label_widget.set_class(bool(message), "-shown")
        general = errors.get("", "")
        form_error = self.query_one("#form-error", Label)
        form_error.update(plain(general))
        form_error.set_class(bool(general), "-shown")
        first = next((field for field in FIELD_ORDER if field in errors), None)
        if first is not None:
            self.query_one(f"#row-{first}").scroll_visible(animate=False)
            target = self.query_one(f"#f-{first}")
            if target.focusable:
                target.focus()

    def _loop_message(self, path: Iterable[str]) -> str:
        names = [self._objective(ref) if ref != self.item.id else self.item.objective
                 for ref in path]
        return _("would make a loop: {path}").format(path=" → ".join(names))

    def action_save(self) -> None:
        item = self._write_item()
        if item is not None:
            self.dismiss(item)

    def save_draft(self) -> bool:
        return self._write_item() is not None

    def _write_item(self) -> RoadmapItem | None:
        """Validate the fields and save the item; None after showing what is wrong."""
        if self.session.repository.read_only:
            return None
        errors: dict[str, str] = {}
        data = self._parsed(self.draft_snapshot(), errors)
        try:
            item = RoadmapItem.model_validate(data)
        except ValidationError as error:
            self._model_errors(error, errors)
            self._show_errors(errors)
            return None
        loop = find_cycle(item.id, item.depends_on, self.session.repository.roadmap)
        if loop:
            errors["depends"] = self._loop_message(loop)
        if errors:
            self._show_errors(errors)
            return None
        refusal = self.session.save([item])
        if refusal is not None:
            self._show_errors({FIELD_OF.get(where, ""): message
                               for where, message in refusal.fields.items()})
            return None
        return item
