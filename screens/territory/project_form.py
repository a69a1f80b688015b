"""The shared project: its statement, the common and crossed interests it rests on, its
« patte » (a name, a way of working, symbols), and who endorsed it.

The seed asks that the actors share the project's meaning and recognise themselves in a
culture of its own; the levers' evidence counts the communes that endorsed the statement.
Both forms write the one shared project record themselves (created on the first save).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.screen import Screen
from textual.widgets import Input, Select, TextArea

from coop_tui.core.i18n import N_, _, format_date
from coop_tui.store.models import Endorsement, SharedProject
from coop_tui.ui.forms import ActorField, DateField, RecordForm, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput

# The text fields of the project, with their labels, in the form's order.
PROJECT_FIELDS: tuple[tuple[str, str], ...] = (
    ("statement", N_("The project in a few lines")),
    ("common_interests", N_("Common interests")),
    ("crossed_interests", N_("Crossed interests")),
    ("patte_name", N_("Its name (« patte »)")),
    ("way_of_working", N_("Its way of working")),
    ("symbols", N_("Its symbols")),
)
ONE_LINE = frozenset({"patte_name"})
MEETINGS_OFFERED = 30


def current_project(session: Session) -> SharedProject:
    """The store's shared project, or a new empty one (saved with the first form)."""
    found = session.repository.shared_project
    return found.model_copy(deep=True) if found is not None else SharedProject()


class SharedProjectForm(RecordForm[SharedProject]):
    """Edit the statement, the interests and the « patte »; dismisses with the project."""

    CSS_PATH = Path(__file__).parent / "project_form.tcss"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self._project = current_project(session)

    def form_title(self) -> str:
        return _("Shared project")

    def compose_fields(self) -> ComposeResult:
        for field, title in PROJECT_FIELDS:
            value = getattr(self._project, field)
            widget = (TextInput(value, compact=True, id=f"f-{field}") if field in ONE_LINE
                      else TextEditor(value, compact=True, id=f"f-{field}"))
            yield form_row(_(title), widget, field)
        count = len(self._project.endorsements)
        yield form_row(_("Endorsements"), TextInput(
            _("{count} recorded: ctrl+p, « Shared project: record an endorsement »").format(
                count=count), compact=True, disabled=True, id="f-endorsements"))

    def on_mount(self) -> None:
        self.query_one("#f-statement", TextArea).focus()

    def save_record(self) -> SharedProject | None:
        data = self._project.model_dump()
        for field, _title in PROJECT_FIELDS:
            widget = self.query_one(f"#f-{field}")
            data[field] = widget.text if isinstance(widget, TextArea) else (
                widget.value if isinstance(widget, Input) else "")
        try:
            project = SharedProject.model_validate(data)
        except ValidationError as error:
            self.validation_failed(error)
            return None
        refusal = self.session.save([project])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return project


class EndorsementForm(RecordForm[Endorsement]):
    """Record that an actor endorsed the project's statement: who, on which day, at which
    meeting or how otherwise."""

    CSS_PATH = Path(__file__).parent / "project_form.tcss"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self._today = session.today()

    def form_title(self) -> str:
        return _("Record an endorsement of the shared project")

    def compose_fields(self) -> ComposeResult:
        repository = self.session.repository
        yield form_row(_("Who"), ActorField(repository.actors, _("Who endorsed it"), None,
                                            clearable=False, id="f-actor"), "actor_id")
        yield form_row(_("Date"), DateField(self._today, id="f-day"), "day")
        meetings = sorted((m for m in repository.meetings if m.on <= self._today),
                          key=lambda m: m.on, reverse=True)[:MEETINGS_OFFERED]
        yield form_row(_("At the meeting"), Select(
            [(Text(f"{format_date(m.on, 'short')}  {m.title}"), m.id) for m in meetings],
            prompt=_("none"), compact=True, id="f-meeting"), "meeting_id")
        yield form_row(_("How otherwise"), TextInput(
            "", placeholder=_("a council deliberation, a letter…"), compact=True,
            id="f-note"), "note")

    def save_record(self) -> Endorsement | None:
        actor_id = self.query_one("#f-actor", ActorField).value
        if actor_id is None:
            self.show_errors({"actor_id": _("choose who endorsed it")})
            return None
        day, problem = self.query_one("#f-day", DateField).read_required(self._today)
        if day is None:
            self.show_errors({"day": problem})
            return None
        meeting = self.query_one("#f-meeting", Select).value
        try:
            endorsement = Endorsement(actor_id=actor_id, day=day,
                                      meeting_id=meeting if isinstance(meeting, str) else None,
                                      note=self.query_one("#f-note", Input).value)
        except ValidationError as error:
            self.validation_failed(error)
            return None
        project = current_project(self.session)
        project.endorsements = [*(e for e in project.endorsements if e.actor_id != actor_id),
                                endorsement]
        refusal = self.session.save([project])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return endorsement


def project_commands(session: Session,
                     push: Callable[[Screen[Any]], object]) -> Iterator[SystemCommand]:
    """The palette's commands of the shared project and the counterweights."""
    from coop_tui.screens.actors.counterweights import CounterweightsDialog

    if session.repository.read_only:
        return
    yield SystemCommand(_("Shared project: edit"),
                        _("Its statement, the interests it rests on, its « patte »"),
                        lambda: push(SharedProjectForm(session)))
    yield SystemCommand(_("Shared project: record an endorsement"),
                        _("Who endorsed the statement, when, at which meeting"),
                        lambda: push(EndorsementForm(session)))
    yield SystemCommand(_("Counterweights: suggestions"),
                        _("Who could balance a tension: accept or dismiss"),
                        lambda: push(CounterweightsDialog(session)))


def project_screen(mode: str, session: Session) -> Screen[Any]:
    """What a dashboard line of the human levers opens: the project's form, or the
    counterweights suggested."""
    from coop_tui.screens.actors.counterweights import CounterweightsDialog

    if mode == "counterweights":
        return CounterweightsDialog(session)
    return SharedProjectForm(session)
