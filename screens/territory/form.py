"""The territory itself: the name of the intercommunality, its member communes and the
mandate, which a new store only has as placeholders.

Saving new communes creates an actor for each (a commune the actor map lacked), then offers
the list of their mayors (:class:`MayorsForm`), so « Part of » is never left empty.

The model says what holds (a name is required, a commune is listed once, the mandate ends
after it starts); the form only reads the typed text into dates and lines, shows each
message under its field and saves nothing until everything holds. The store's language is
not asked: nothing reads it (the interface follows ``--lang`` or the locale, and every export
asks for its own language).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from coop_tui.core.communes import missing_communes
from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import _, format_date, language
from coop_tui.screens.territory.mayors import MayorsForm
from coop_tui.store.catalogue import DEFAULT_TERRITORY_NAMES, catalogue_spec
from coop_tui.store.models import Territory
from coop_tui.ui.forms import RecordForm, field_errors, typed_date
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

# The form's fields, in order; each is also a model field and has an error line.
FIELDS = ("name", "communes", "mandate_start", "mandate_end", "address", "logo_path")
DATE_FIELDS = ("mandate_start", "mandate_end")
# Whole-record errors of the model and the field they are about.
RECORD_ERRORS = {"mandate_order": "mandate_end"}
# The catalogue lever whose evidence lists the communes missing from the actor map.
COMMUNES_LEVER = "knowing_communes"


def logo_file(text: str) -> str:
    """The logo's path as kept: ``~`` expanded, so that every export finds it."""
    return str(Path(text.strip()).expanduser()) if text.strip() else ""


def logo_refusal(text: str) -> str:
    """Why the logo typed cannot go on a letterhead ("" when it can, or when none)."""
    if not text:
        return ""
    path = Path(text).expanduser()
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return _("a logo is a PNG or JPEG file")
    if not path.is_file():
        return _("no such file: {path}").format(path=path)
    return ""


def commune_lines(text: str) -> list[tuple[int, str]]:
    """The communes typed, one per line, with their line numbers; blank lines are spacing."""
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()]


class TerritoryForm(RecordForm[Territory]):
    """Name, member communes and mandate of the territory; ctrl+s saves, escape leaves.

    The form writes the territory itself (so a refusal of the store shows in the form) and
    hands it back once saved; None when left without saving.
    """

    CSS_PATH = Path(__file__).parent / "form.tcss"
    ENTER_MOVES_ON = True

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.territory = session.repository.territory

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        territory = self.territory
        read_only = self.session.repository.read_only
        title = _("Territory (read-only)") if read_only else _("Territory")
        with Vertical(id="territory-form", classes="stacked"):
            yield Label(plain(title), id="form-title")
            with VerticalScroll(id="form-fields", disabled=read_only):
                yield Label(plain(_("Name of the intercommunality")), classes="field-label")
                yield TextInput(territory.name, id="f-name", compact=True, select_on_focus=False,
                                placeholder=_("Communauté de communes du…"))
                yield Static("", id="error-name", classes="field-error", markup=False)
                yield Label(plain(_("Member communes, one per line")), classes="field-label")
                yield Static(plain(self._communes_hint()), classes="hint")
                yield TextEditor("\n".join(territory.communes), id="f-communes", compact=True,
                                 soft_wrap=False)
                yield Static("", id="error-communes", classes="field-error", markup=False)
                with Horizontal(id="mandate"):
                    for field, caption in (("mandate_start", _("Mandate starts")),
                                           ("mandate_end", _("Mandate ends"))):
                        with Vertical(classes="date-field",
                                      id=f"{field.replace('_', '-')}-field"):
                            yield Label(plain(caption), classes="field-label")
                            yield TextInput(typed_date(getattr(territory, field)), id=f"f-{field}",
                                            compact=True, placeholder=_("e.g. 15/03/2026"))
                            yield Static("", id=f"hint-{field}", classes="date-hint",
                                         markup=False)
                            yield Static("", id=f"error-{field}", classes="field-error",
                                         markup=False)
                yield Label(plain(_("Postal address, for the letterhead of Word and PDF "
                                    "documents")), classes="field-label")
                yield TextEditor(territory.address, id="f-address", compact=True,
                                 soft_wrap=False)
                yield Static("", id="error-address", classes="field-error", markup=False)
                yield Label(plain(_("Logo for the letterhead (a PNG or JPEG file, optional)")),
                            classes="field-label")
                yield TextInput(territory.logo_path, id="f-logo_path", compact=True,
                                placeholder=_("e.g. ~/Documents/logo.png"))
                yield Static("", id="error-logo_path", classes="field-error", markup=False)
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(_("Save"), variant="primary", id="form-save", compact=True,
                             disabled=read_only)
                yield Button(_("Cancel"), id="form-cancel", compact=True)
        yield KeyBar()

    def _communes_hint(self) -> str:
        spec = catalogue_spec(COMMUNES_LEVER)
        lever = spec.title.get(language()) if spec else ""
        return _("A commune listed here and missing from the actor map is pointed out by "
                 "the lever « {lever} ».").format(lever=lever)

    def on_mount(self) -> None:
        for field in DATE_FIELDS:
            self._show_date_hint(field)
        name = self.query_one("#f-name", Input)
        name.cursor_position = len(name.value)
        name.focus()
        if name.value in DEFAULT_TERRITORY_NAMES.values():
            name.select_all()  # a new store's placeholder: the name typed replaces it

    # ------------------------------------------------------------------ interaction

    @on(Input.Changed, "#f-mandate_start")
    @on(Input.Changed, "#f-mandate_end")
    def _date_typed(self, event: Input.Changed) -> None:
        self._show_date_hint((event.input.id or "").removeprefix("f-"))

    def _show_date_hint(self, field: str) -> None:
        """The date as read, in full, so a typing slip shows before saving."""
        try:
            day = parse_date(self.query_one(f"#f-{field}", Input).value, self.session.today())
        except ValueError:
            day = None
        self.query_one(f"#hint-{field}", Static).update(
            plain(format_date(day, "full") if day else ""))

    def action_cancel(self) -> None:
        """Leave; typed changes are dropped only once the user says so."""
        self.leave(_("Your changes to the territory will be lost."))

    def action_save(self) -> None:
        if self.session.repository.read_only:
            return
        if not self.form_changed():
            self.dismiss(None)
            return
        territory = self._write()
        if territory is None:
            return
        created = missing_communes(territory.communes, self.session.repository.actors)
        if created and self.session.save(created) is not None:
            created = []  # the status bar says why; the territory itself is saved
        self.dismiss(territory)
        if created:
            self.app.push_screen(MayorsForm(self.session, created))

    # ------------------------------------------------------------------ saving

    def draft_snapshot(self) -> dict[str, str]:
        """The fields as typed."""
        snapshot = {field: self.query_one(f"#f-{field}", Input).value
                    for field in ("name", *DATE_FIELDS)}
        snapshot["communes"] = self.query_one("#f-communes", TextArea).text
        snapshot["address"] = self.query_one("#f-address", TextArea).text
        snapshot["logo_path"] = self.query_one("#f-logo_path", Input).value
        return snapshot

    def save_draft(self) -> bool:
        return self._write() is not None

    def _dates(self, raw: dict[str, str], errors: dict[str, str]) -> dict[str, date]:
        """The mandate's dates read from the typed text. A date left empty is absent (the
        model says it is required); one that does not read goes to ``errors``."""
        days: dict[str, date] = {}
        for field in DATE_FIELDS:
            try:
                day = parse_date(raw[field], self.session.today())
            except ValueError:
                errors[field] = _("is not a real date (such as 26/11/2026)")
                continue
            if day is not None:
                days[field] = day
        return days

    def build(self) -> tuple[Territory | None, dict[str, str]]:
        """The territory the fields make by the model's rules, or the messages per field."""
        raw = self.draft_snapshot()
        errors: dict[str, str] = {}
        lines = commune_lines(raw["communes"])
        data = self.territory.model_dump(exclude=set(DATE_FIELDS))
        data.update(name=raw["name"], communes=[line for _number, line in lines],
                    address=raw["address"].strip(), logo_path=logo_file(raw["logo_path"]),
                    **self._dates(raw, errors))
        logo_problem = logo_refusal(raw["logo_path"].strip())
        if logo_problem:
            errors["logo_path"] = logo_problem
        try:
            territory = Territory.model_validate(data)
        except ValidationError as error:
            self._model_errors(error, [number for number, _line in lines], errors)
            return None, errors
        return (None, errors) if errors else (territory, {})

    def _model_errors(self, error: ValidationError, numbers: list[int],
                      errors: dict[str, str]) -> None:
        """Each message of the model under its field; a commune's names its line."""
        kinds = {".".join(str(part) for part in detail["loc"]): detail["type"]
                 for detail in error.errors(include_url=False)}
        for location, message in field_errors(error).items():
            field, _dot, index = location.partition(".")
            if not field:
                field = RECORD_ERRORS.get(kinds.get(location, ""), "")
            if field == "communes" and index.isdigit() and int(index) < len(numbers):
                message = _("line {line}: {message}").format(line=numbers[int(index)],
                                                              message=message)
            errors.setdefault(field if field in FIELDS else "", message)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field in FIELDS:
            widget = self.query_one(f"#error-{field}", Static)
            widget.update(plain(errors.get(field, "")))
            widget.display = field in errors
        general = self.query_one("#form-error", Static)
        general.update(plain(errors.get("", "")))
        general.display = "" in errors
        first = next((field for field in FIELDS if field in errors), None)
        if first is not None:
            self.query_one(f"#f-{first}").focus()

    def _write(self) -> Territory | None:
        """Validate the fields and save the territory; None after showing what is wrong."""
        repository = self.session.repository
        if repository.read_only:
            return None
        territory, errors = self.build()
        if territory is None:
            self._show_errors(errors)
            return None
        refusal = self.session.save([territory])
        if refusal is not None:
            self._show_errors({"": refusal.message})
            return None
        self._show_errors({})
        # Every screen's status bar names the territory: have them say it again.
        self.session.set_status(self.session.status)
        self.territory = repository.territory
        return self.territory
