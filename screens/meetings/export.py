"""Export a meeting's minutes from the screen: choose the file, the format, the document and
the language; an existing file is replaced only after asking.

The question comes at once: nothing is rendered before the answer, and the look of the
question is loaded with the dialog (a first question would otherwise restyle the whole
app). The minutes are rendered and written on a worker thread, since a PDF takes seconds,
while the dialog says it is writing.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Select, Static

from coop_tui.core.exports.document import Document
from coop_tui.core.exports.files import write_export
from coop_tui.core.exports.formats import document_bytes
from coop_tui.core.exports.minutes import (
    FORMATS,
    TEMPLATES,
    Format,
    MinutesSource,
    Template,
    file_name,
    minutes_for,
)
from coop_tui.core.i18n import N_, Language, _, language
from coop_tui.store.export_journal import ExportKind
from coop_tui.store.export_journal import record_export as record_journal
from coop_tui.store.models import Meeting
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.dialogs import CSS as QUESTION_CSS
from coop_tui.ui.widgets.dialogs import ask_to_replace
from coop_tui.ui.widgets.text_fields import TextInput

_FORMATS = (("Markdown (.md)", "md"), ("HTML (.html)", "html"), ("Word (.docx)", "docx"),
            ("PDF (.pdf)", "pdf"))


def default_folder(store: Path) -> Path:
    """~/Documents when there is one, else the store's own folder — unless that is a
    temporary folder (the demo's), which goes away with the app: then the home folder."""
    documents = Path.home() / "Documents"
    if documents.is_dir():
        return documents
    folder = store.absolute().parent
    if folder.is_relative_to(Path(tempfile.gettempdir()).resolve()):
        return Path.home()
    return folder


def record_export(repository: Repository, kind: ExportKind = "minutes") -> None:
    """Remember when minutes (or a status report) were last exported, in the journal beside
    the store that the lever evidence reads: also when this app only reads the store."""
    with contextlib.suppress(OSError):
        record_journal(repository.path.absolute(), kind, {"via": "app"})


def export_minutes(screen: Screen[object], repository: Repository, meeting: Meeting) -> None:
    """The one way to export a meeting's minutes from a screen: the dialog, then a line
    saying where they went, and the export recorded for the lever evidence."""

    def written(path: Path | None) -> None:
        if path is None:
            return
        screen.notify(_("Minutes written to {path}").format(path=path), markup=False,
                      timeout=6)
        record_export(repository)

    screen.app.push_screen(ExportDialog(MinutesSource.from_repository(repository, meeting),
                                        default_folder(repository.path)), written)


class ExportDialog(ModalScreen[Path | None]):
    """Hands back the path written, or None when nothing was."""

    CSS_PATH = [Path(__file__).parent / "forms.tcss", QUESTION_CSS]
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="export.cancel"),
        Binding("ctrl+s", "export", N_("Export"), id="export.write"),
    ]

    def __init__(self, source: MinutesSource, folder: Path) -> None:
        super().__init__()
        translate_bindings(self)
        self._source = source
        self._folder = folder
        self.writing = False

    def compose(self) -> ComposeResult:
        meeting = self._source.meeting
        templates = [(_("Full minutes (compte rendu)"), "full"),
                     (_("Record of decisions (relevé de décisions)"), "decisions"),
                     (_("Procès-verbal (community council)"), "pv"),
                     (_("List of deliberations"), "deliberations")]
        with Vertical(classes="form-box"):
            yield Label(_("Export the minutes"), classes="form-title")
            with Horizontal(classes="field-row", id="row-path"):
                yield Label(_("File"), classes="field-label")
                yield TextInput(str(self._folder / file_name(meeting, "md")), id="path",
                                compact=True)
            yield Static("", classes="field-error", id="error-path")
            with Horizontal(classes="field-row"):
                yield Label(_("Format"), classes="field-label")
                yield Select(_FORMATS, value="md", allow_blank=False, id="format", compact=True)
            with Horizontal(classes="field-row"):
                yield Label(_("Document"), classes="field-label")
                yield Select(templates, allow_blank=False, id="template", compact=True,
                             value="pv" if meeting.kind.value == "council" else "full")
            with Horizontal(classes="field-row"):
                yield Label(_("Language"), classes="field-label")
                yield Select([("Français", "fr"), ("English", "en")], value=language(),
                             allow_blank=False, id="language", compact=True)
            yield Static("", classes="written", id="written")
            with Horizontal(classes="form-buttons"):
                yield Button(_("Export"), variant="primary", id="export-write", compact=True)
                yield Button(_("Cancel"), id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#error-path", Static).display = False
        self.query_one("#path", Input).focus()

    def _choice(self, name: str) -> str:
        value = self.query_one(f"#{name}", Select).value
        return value if isinstance(value, str) else ""

    @on(Select.Changed, "#format")
    def _format_changed(self) -> None:
        """Follow the format in the file's extension, when it is one of ours."""
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if path.suffix in (".md", ".html", ".docx", ".pdf"):
            path_input.value = str(path.with_suffix("." + self._choice("format")))

    def _path(self) -> Path | None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            self._error(_("is required"))
            return None
        return Path(typed).expanduser()

    def _error(self, message: str) -> None:
        error = self.query_one("#error-path", Static)
        error.update(Text(message))
        error.display = bool(message)

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-write")
    def action_export(self) -> None:
        if self.writing:
            return
        path = self._path()
        if path is None:
            return
        if path.exists() and not path.is_dir():
            ask_to_replace(self, path, lambda: self._write(path, force=True))
            return
        self._write(path, force=False)

    def _write(self, path: Path, *, force: bool) -> None:
        template: Template = next(
            (t for t in TEMPLATES if t == self._choice("template")), "full")
        fmt: Format = next((f for f in FORMATS if f == self._choice("format")), "md")
        self.writing = True
        self._error("")
        self.query_one("#written", Static).update(
            Text(_("Writing {path}…").format(path=path)))
        lang: Language = "en" if self._choice("language") == "en" else "fr"
        self._render_and_write(path, minutes_for(self._source, template, fmt, lang), fmt, force)

    @work(thread=True, exclusive=True, group="minutes-export")
    def _render_and_write(self, path: Path, document: Document, fmt: Format,
                          force: bool) -> None:
        try:
            write_export(path, document_bytes(document, fmt), force=force)
        except ValueError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self.dismiss, path.absolute())

    def _failed(self, message: str) -> None:
        self.writing = False
        self.query_one("#written", Static).update("")
        self._error(message)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if not self.writing:  # the file is being written: it will be there
            self.dismiss(None)
