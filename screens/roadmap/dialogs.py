"""Small dialogs of the roadmap: what a deletion changes, where the calendar goes."""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from coop_tui.core.dates import fold
from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Record, RoadmapItem
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextInput

CSS = Path(__file__).parent / "dialogs.tcss"


def removal(item: RoadmapItem, repository: Repository) -> tuple[list[Record], list[str]]:
    """What must change for ``item`` to go, and those changes in words.

    Items that depend on it forget it, and a meeting action that led to it no longer points
    to it, so the store keeps no reference to nothing; all of it is one write.
    """
    saved: list[Record] = []
    words: list[str] = []
    for other in repository.roadmap:
        if item.id in other.depends_on:
            saved.append(RoadmapItem.model_validate(
                {**other.model_dump(), "depends_on": [r for r in other.depends_on
                                                      if r != item.id]}))
            words.append(_("« {objective} » will no longer depend on it.").format(
                objective=other.objective))
    for meeting in repository.meetings:
        if any(action.roadmap_item_id == item.id for action in meeting.actions):
            changed = meeting.model_copy(deep=True)
            for action in changed.actions:
                if action.roadmap_item_id == item.id:
                    action.roadmap_item_id = None
            saved.append(changed)
            words.append(_("The action decided at « {meeting} » will no longer link to it.")
                         .format(meeting=meeting.title))
    return saved, words


def default_calendar_path(repository: Repository) -> Path:
    """A file in the home folder named after the territory: calendrier-val-de-loubiere.ics."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(repository.territory.name)).strip("-")[:60]
    prefix = _("calendar")
    return Path.home() / f"{prefix}-{slug or 'coop-tui'}.ics"


def calendar_path_problem(path: Path) -> str:
    """Why the calendar cannot be written at ``path`` ("" when it can)."""
    if path.is_dir():
        return _("{path} is a folder, not a file").format(path=path)
    if not path.parent.is_dir():
        return _("the folder {folder} does not exist").format(folder=path.parent)
    return ""


class ExportCalendar(ModalScreen[Path | None]):
    """Ask where to write the calendar file; the screen writes it."""

    CSS_PATH = CSS
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="export.cancel")]

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        translate_bindings(self)
        self._suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("Export the calendar"), classes="dialog-title")
            yield Static(_("Meetings with their hours, roadmap deadlines and milestones as "
                           "all-day events. Importing the file again updates the events."),
                         classes="dialog-note")
            yield TextInput(str(self._suggested), id="export-path")
            yield Label("", id="export-error", classes="error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Export"), variant="primary", id="export-go", compact=True)
                yield Button(_("Cancel"), id="export-cancel", compact=True)
        yield KeyBar()

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def _export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Label)
        if not text:
            error.update(_("Give a file name."))
            return
        path = Path(text).expanduser()
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        problem = calendar_path_problem(path.absolute())
        if problem:
            error.update(plain(problem))
            return
        self.dismiss(path.absolute())

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

