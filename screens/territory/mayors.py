"""The mayors of the member communes, typed as a list: one name per line, beside the commune
it is the mayor of. Offered once new communes are saved in the territory form, so the
whole territory (communes, their actors, their mayors) is set in two lists.

Each name becomes an elected actor whose role is « Maire de X », attached to the commune X
(« Part of »), and X's profile names them as its mayor.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, TextArea

from coop_tui.core.communes import attach_mayors, mayor_role
from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Actor, ActorKind
from coop_tui.ui.forms import RecordForm
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextEditor


class MayorsForm(RecordForm[list[Actor]]):
    """One line per commune: the name of its mayor; ctrl+s saves the mayors, escape skips."""

    CSS_PATH = Path(__file__).parent / "mayors.tcss"
    LOST = N_("The names typed in this list will be lost.")

    def __init__(self, session: Session, communes: list[Actor]) -> None:
        super().__init__(session)
        self.session = session
        self.communes = communes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", classes="dialog"):
            yield Static(Text(_("Mayors of the member communes"), style="bold"),
                         id="form-title")
            yield Static(Text(_("One name per line, beside its commune; a line left empty is "
                                "skipped. ctrl+s saves, escape skips.")), classes="hint")
            with Horizontal(id="mayors-columns"):
                yield Static(Text("\n".join(commune.name for commune in self.communes)),
                             id="mayors-communes")
                yield TextEditor("", id="f-mayors", compact=True, soft_wrap=False)
            yield self.general_error()
            yield self.buttons()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#f-mayors", TextArea).focus()

    def save_record(self) -> list[Actor] | None:
        lines = self.query_one("#f-mayors", TextArea).text.split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        if len(lines) > len(self.communes):
            self.show_errors({}, [_("More names than communes: one line per commune, "
                                    "{count} in all").format(count=len(self.communes))])
            return None
        mayors = [Actor(name=name.strip(), kind=ActorKind.ELECTED, parent_id=commune.id,
                        responsibilities=mayor_role(commune.name))
                  for commune, name in zip(self.communes, lines, strict=False) if name.strip()]
        changed = attach_mayors(mayors, self.session.repository.actors)
        refusal = self.session.save([*mayors, *changed])
        if refusal is not None:
            self.show_errors({}, [refusal.message])
            return None
        return mayors
