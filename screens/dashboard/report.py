"""The status report from the dashboard, as ``coop-tui status`` writes it: plain text,
Markdown, HTML, Word or PDF, in either language, with the readings of people only when
asked; the file is never overwritten without a yes.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from coop_tui.core.exports.files import write_export
from coop_tui.core.exports.status import Format, file_name, status_report
from coop_tui.core.i18n import N_, Language, _, language
from coop_tui.ui.forms import RecordForm, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.dialogs import ask_to_replace
from coop_tui.ui.widgets.text_fields import TextInput

FORMATS: tuple[tuple[str, Format], ...] = (
    (N_("Word (.docx)"), "docx"), (N_("PDF"), "pdf"), (N_("Markdown"), "md"),
    (N_("HTML"), "html"), (N_("Plain text"), "text"),
)


class StatusReportForm(RecordForm[Path]):
    """Where and how to write the status report; hands back the file written."""

    ENTER_SAVES = True

    def __init__(self, session: Session, folder: Path) -> None:
        super().__init__()
        self._session = session
        self._folder = folder
        self._default = self._default_path("docx")

    def form_title(self) -> str:
        return _("Status report")

    def _default_path(self, fmt: str) -> str:
        return str(self._folder / file_name(self._session.today(), fmt))

    def compose_fields(self) -> ComposeResult:
        yield form_row(_("Format"), Select([(_(name), value) for name, value in FORMATS],
                                           value="docx", allow_blank=False, id="format",
                                           compact=True), "format")
        yield form_row(_("Language"), Select([("Français", "fr"), ("English", "en")],
                                             value=language(), allow_blank=False, id="lang",
                                             compact=True), "lang")
        yield form_row(_("File"), TextInput(self._default, id="path",
                                            compact=True, select_on_focus=False), "path")
        yield form_row("", Checkbox(_("Include the readings of people (roles, followers to "
                                      "contact)"), False, id="private", compact=True),
                       "private")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format")
    def _format_chosen(self, event: Select.Changed) -> None:
        """The file follows the format, unless the user typed a file of their own."""
        path = self.query_one("#path", Input)
        if path.value == self._default and isinstance(event.value, str):
            self._default = self._default_path(event.value)
            path.value = self._default

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
        fmt = cast(Format, self.query_one("#format", Select).value)
        lang = cast(Language, self.query_one("#lang", Select).value)
        private = self.query_one("#private", Checkbox).value
        repository = self._session.repository
        try:
            payload = status_report(repository, self._session.today(), fmt, lang, private)
            write_export(path, payload, force=force, store=repository.path, private=private)
        except ValueError as error:
            self.show_errors({"path": str(error)})
            return None
        return path

    def _replace(self, path: Path) -> None:
        if self._write(force=True) is not None:
            self.dismiss(path)
