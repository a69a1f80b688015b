"""The bilan partagé or the charter written from the pacte's view, as ``coop-tui export
pacte`` writes it; the file is never overwritten without a yes."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select

from coop_tui.core.exports.files import write_export
from coop_tui.core.exports.formats import DocumentFormat
from coop_tui.core.exports.pacte import PactPart, pact_export, pact_file_name
from coop_tui.core.i18n import N_, Language, _, language
from coop_tui.core.pacte import PactRecords, read_pacte
from coop_tui.ui.forms import RecordForm, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.dialogs import ask_to_replace
from coop_tui.ui.widgets.text_fields import TextInput

FORMATS: tuple[tuple[str, DocumentFormat], ...] = (
    (N_("Word (.docx)"), "docx"), (N_("PDF"), "pdf"), (N_("Markdown"), "md"),
    (N_("HTML"), "html"),
)
PARTS: tuple[tuple[str, PactPart], ...] = ((N_("Bilan partagé"), "bilan"),
                                           (N_("Charter"), "charte"))


class PactExportForm(RecordForm[Path]):
    """What to write (the bilan or the charter), how and where; hands back the file."""

    ENTER_SAVES = True

    def __init__(self, session: Session, folder: Path) -> None:
        super().__init__()
        self._session = session
        self._folder = folder
        self._year = read_pacte(PactRecords.of(session.repository)).bilan.year
        self._default = self._default_path("bilan", "docx")

    def form_title(self) -> str:
        return _("Export the pacte")

    def _default_path(self, what: PactPart, fmt: str) -> str:
        return str(self._folder / pact_file_name(what, self._year, fmt))

    def compose_fields(self) -> ComposeResult:
        yield form_row(_("Document"), Select([(_(name), value) for name, value in PARTS],
                                             value="bilan", allow_blank=False, id="what",
                                             compact=True), "what")
        yield form_row(_("Format"), Select([(_(name), value) for name, value in FORMATS],
                                           value="docx", allow_blank=False, id="format",
                                           compact=True), "format")
        yield form_row(_("Language"), Select([("Français", "fr"), ("English", "en")],
                                             value=language(), allow_blank=False, id="lang",
                                             compact=True), "lang")
        yield form_row(_("File"), TextInput(self._default, id="path", compact=True,
                                            select_on_focus=False), "path")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format, #what")
    def _choice_changed(self) -> None:
        """The file follows the document and format, unless the user typed their own."""
        path = self.query_one("#path", Input)
        if path.value == self._default:
            self._default = self._default_path(self._what(), self._format())
            path.value = self._default

    def _what(self) -> PactPart:
        return cast(PactPart, self.query_one("#what", Select).value)

    def _format(self) -> DocumentFormat:
        return cast(DocumentFormat, self.query_one("#format", Select).value)

    def save_record(self) -> Path | None:
        return self._write(force=False)

    def _write(self, *, force: bool) -> Path | None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.show_errors({"path": _("must not be empty")})
            return None
        path = Path(text).expanduser()
        if path.exists() and not path.is_dir() and not force:
            ask_to_replace(self, path, lambda: self._replace(path))
            return None
        lang = cast(Language, self.query_one("#lang", Select).value)
        repository = self._session.repository
        try:
            payload = pact_export(repository, self._what(), self._format(), lang)
            write_export(path, payload, force=force, store=repository.path)
        except ValueError as error:
            self.show_errors({"path": str(error)})
            return None
        return path

    def _replace(self, path: Path) -> None:
        if self._write(force=True) is not None:
            self.dismiss(path)
