"""The lever form: title, category, owner, due date, description, notes and evidence.

The form works on a copy of the lever and hands back a validated record, or None when
cancelled: what the model refuses is shown under its field and nothing is saved half
done. While it is open, a quit or a signal saves what was typed if it is valid.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, Static, TextArea

from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import N_, _, format_date, language
from coop_tui.core.labels import choices
from coop_tui.screens.levers.changes import with_text
from coop_tui.store.models import Lever, LeverCategory
from coop_tui.ui.forms import RecordForm, field_errors, typed_date
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.dialogs import check_name
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

# Form fields, in the order they are shown; a model error lands under the first match.
FIELDS = ("title", "category", "owner", "due", "description", "notes", "evidence")
_MODEL_FIELDS = {"owner_id": "owner"}


def _field_of(location: str) -> str:
    """The form field for a model error's location (``title.fr`` -> ``title``)."""
    head = location.split(".", 1)[0]
    head = _MODEL_FIELDS.get(head, head)
    return head if head in FIELDS else ""


class LeverForm(RecordForm[Lever]):
    """Edit a lever (or fill in a new one) and hand back the record to save."""

    CSS_PATH = Path(__file__).parent / "form.tcss"
    BINDINGS = [
        Binding("ctrl+o", "pick_owner", N_("Owner"), id="lever_form.owner"),
    ]

    def __init__(self, session: Session, lever: Lever, *, new: bool = False) -> None:
        super().__init__(session)
        self.session = session
        self.lever = lever.model_copy(deep=True)
        self.new = new
        self.owner_id = lever.owner_id

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        lang = language()
        lever = self.lever
        heading = _("New lever") if self.new else _("Edit the lever")
        with VerticalScroll(id="lever-form", classes="stacked"):
            yield Static(plain(heading), classes="form-title")
            yield from self._label("title", _("Title"))
            yield TextInput(lever.title.get(lang), id="title")
            yield from self._error("title")
            yield from self._label("category", _("Category"))
            yield Select(choices(LeverCategory), value=lever.category.value, allow_blank=False,
                         id="category", disabled=lever.from_catalogue)
            if lever.from_catalogue:
                yield Static(plain(_("A catalogue lever keeps its category.")), classes="hint")
            yield from self._error("category")
            yield from self._label("owner", _("Owner"))
            with Horizontal(classes="owner-row"):
                yield Static("", id="owner-name", markup=False)
                yield Button(_("Choose…"), id="owner-pick")
                yield Button(_("None"), id="owner-clear")
            yield from self._error("owner")
            yield from self._label("due", _("Due date"))
            yield TextInput(typed_date(lever.due), id="due",
                            placeholder=_("15/12/2026, 15/12, 2026-12-15, end of January…"))
            yield Static("", id="due-hint", classes="hint", markup=False)
            yield from self._error("due")
            yield from self._label("description", _("Description"))
            yield TextEditor(lever.description.get(lang), id="description", soft_wrap=True)
            yield from self._error("description")
            yield from self._label("notes", _("Notes"))
            yield TextEditor(lever.notes, id="notes", soft_wrap=True)
            yield from self._error("notes")
            yield from self._label("evidence", _("Evidence: links or file paths, one per line"))
            yield TextEditor("\n".join(lever.evidence), id="evidence", soft_wrap=True)
            yield from self._error("evidence")
            yield Static("", id="error-form", classes="field-error", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button(_("Save"), variant="primary", id="form-save")
                yield Button(_("Cancel"), id="form-cancel")
        yield KeyBar()

    def _label(self, field: str, text: str) -> ComposeResult:
        yield Static(plain(text), id=f"label-{field}", classes="field-label")

    def _error(self, field: str) -> ComposeResult:
        yield Static("", id=f"error-{field}", classes="field-error", markup=False)

    def on_mount(self) -> None:
        self._show_owner()
        self._show_due(self.query_one("#due", Input).value)
        self.query_one("#title", Input).focus()

    # ------------------------------------------------------------------ owner and date

    def _show_owner(self) -> None:
        name = self.session.repository.actor_name(self.owner_id)
        shown = plain(name) if name else plain(_("nobody yet"), style="italic")
        self.query_one("#owner-name", Static).update(shown)

    @on(Button.Pressed, "#owner-pick")
    def action_pick_owner(self) -> None:
        actors = sorted(self.session.repository.actors, key=lambda a: (a.name.casefold(), a.id))
        self.app.push_screen(ActorPicker(actors, _("Owner of the lever")), self._owner_chosen)

    def _owner_chosen(self, choice: ActorChoice | None) -> None:
        if choice is not None and choice.actor_id is not None:
            self.owner_id = choice.actor_id
            self._show_owner()

    @on(Button.Pressed, "#owner-clear")
    def _clear_owner(self) -> None:
        self.owner_id = None
        self._show_owner()

    @on(Input.Changed, "#due")
    def _due_changed(self, event: Input.Changed) -> None:
        self._show_due(event.value)

    def _show_due(self, text: str) -> None:
        hint = self.query_one("#due-hint", Static)
        try:
            due = parse_date(text, self.session.today())
        except ValueError:
            hint.update("")
            return
        hint.update(plain(format_date(due, "full")) if due else "")

    # ------------------------------------------------------------------ saving

    def draft_snapshot(self) -> tuple[object, ...]:
        return (
            self.query_one("#title", Input).value,
            self.query_one("#category", Select).value,
            self.owner_id,
            self.query_one("#due", Input).value,
            self.query_one("#description", TextArea).text,
            self.query_one("#notes", TextArea).text,
            self.query_one("#evidence", TextArea).text,
        )

    def build(self) -> tuple[Lever | None, dict[str, str]]:
        """The lever as typed, or the errors to show per field (``""``: the whole form)."""
        lang = language()
        errors: dict[str, str] = {}
        title = self.query_one("#title", Input).value.strip()
        title_error = check_name(title)
        if title_error:
            errors["title"] = title_error
        due_text = self.query_one("#due", Input).value
        try:
            due = parse_date(due_text, self.session.today())
        except ValueError:
            due = None
            errors["due"] = _("not a date: type 15/12/2026, 15/12, 2026-12-15 or end of "
                              "January")
        evidence = [line.strip() for line in self.query_one("#evidence", TextArea).text
                    .splitlines() if line.strip()]
        data = self.lever.model_dump()
        data.update(
            title=with_text(self.lever.title, lang, title).model_dump(),
            description=with_text(self.lever.description, lang,
                                  self.query_one("#description", TextArea).text.strip())
            .model_dump(),
            category=self.query_one("#category", Select).value,
            owner_id=self.owner_id,
            due=due,
            notes=self.query_one("#notes", TextArea).text.strip(),
            evidence=evidence,
        )
        try:
            lever = Lever.model_validate(data)
        except ValidationError as error:
            for location, message in field_errors(error).items():
                errors.setdefault(_field_of(location), message)
            return None, errors
        return (None, errors) if errors else (lever, errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in (*FIELDS, "form"):
            message = errors.get("" if field == "form" else field, "")
            widget = self.query_one(f"#error-{field}", Static)
            widget.update(plain(message))
            widget.display = bool(message)
        first = next((field for field in FIELDS if field in errors), None)
        if first is not None:
            self.query_one(f"#label-{first}").scroll_visible()

    def action_save(self) -> None:
        lever, errors = self.build()
        self._show_errors(errors)
        if lever is not None:
            self.dismiss(lever)

    def action_cancel(self) -> None:
        """Leave; typed changes are dropped only once the user says so."""
        self.leave(_("Your changes to this lever will be lost."))

    def save_draft(self) -> bool:
        lever, _errors = self.build()
        if lever is None:
            return False
        return self.session.save([lever]) is None
