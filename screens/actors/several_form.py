"""Several actors at once, as people keep them in a list: one « Prénom Nom, rôle » per line
(or lines pasted from a spreadsheet, with a header row). Nothing is written until every
line reads; a line that does not says why, by its number.

A role « Maire de X » attaches its holder to the commune X when X is an actor, which then
names them as its mayor.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from coop_tui.core.actor_import import read_actors
from coop_tui.core.communes import attach_mayors
from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Actor
from coop_tui.ui.forms import RecordForm
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextEditor


class SeveralActorsForm(RecordForm[list[Actor]]):
    """One actor per line; ctrl+s adds them all, escape leaves."""

    CSS_PATH = Path(__file__).parent / "several_form.tcss"
    LOST = N_("The lines typed in this list will be lost.")

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", classes="dialog"):
            yield Static(Text(_("Add several actors"), style="bold"), id="form-title")
            yield Static(Text(_("One per line: « First Last, role » (« Anne Morel, Maire de "
                                "Lussac »), or lines pasted from a spreadsheet with their "
                                "header row. ctrl+s adds them.")), classes="hint")
            yield TextEditor("", id="f-actors", compact=True, soft_wrap=False)
            yield self.general_error()
            yield self.buttons()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#f-actors", TextArea).focus()

    def save_record(self) -> list[Actor] | None:
        repository = self.session.repository
        found = read_actors(self.query_one("#f-actors", TextArea).text, repository.actors)
        if found.rejected:
            self.show_errors({}, [_("line {line}: {reason}").format(line=row.line,
                                                                     reason=row.reason)
                                  for row in found.rejected])
            return None
        if not found.actors:
            self.show_errors({}, [_("No actor to add: type one per line.")])
            return None
        changed = attach_mayors(found.actors, repository.actors)
        refusal = self.session.save([*found.actors, *changed])
        if refusal is not None:
            self.show_errors({}, [refusal.message])
            return None
        return found.actors
