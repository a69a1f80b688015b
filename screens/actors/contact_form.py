"""Log an exchange with an actor (when, by which channel, about what), or correct one.

The entry lives in the actor's contact log, so saving it saves the actor: one write.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from coop_tui.core.i18n import _
from coop_tui.core.labels import choices
from coop_tui.store.models import Actor, Channel, ContactEntry
from coop_tui.ui.forms import DateField, RecordForm, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextInput


def with_entry(actor: Actor, entry: ContactEntry) -> Actor:
    """A copy of ``actor`` whose log holds ``entry`` (replacing the one with its id)."""
    changed = actor.model_copy(deep=True)
    entries = [old for old in changed.contact_log if old.id != entry.id]
    changed.contact_log = sorted([*entries, entry], key=lambda item: item.on)
    return changed


class ContactForm(RecordForm[ContactEntry]):
    """The form of one contact entry; dismisses with the saved entry."""

    CSS_PATH = Path(__file__).parent / "forms.tcss"

    def __init__(self, session: Session, actor: Actor,
                 entry: ContactEntry | None = None) -> None:
        super().__init__(session)
        self.session = session
        self._repository = session.repository
        self._actor = actor
        self._today = session.today()
        self._entry = entry

    def compose(self) -> ComposeResult:
        entry = self._entry
        title = _("Edit a contact with {name}") if entry else _("Log a contact with {name}")
        channel = entry.channel if entry else (self._actor.known_channel() or Channel.PHONE)
        with Vertical(id="form", classes="dialog small"):
            yield Static(Text(title.format(name=self._actor.name), style="bold"),
                         id="form-title")
            yield form_row(_("Date"), DateField(entry.on if entry else self._today,
                                                placeholder=_("15/03/2027, today, 2 March…"),
                                                id="f-on"), "on")
            yield form_row(_("Channel"), Select(choices(Channel), allow_blank=False,
                                                value=channel.value, compact=True,
                                                id="f-channel"), "channel")
            yield form_row(_("Subject"), TextInput(entry.subject if entry else "", compact=True,
                                                   id="f-subject"), "subject")
            yield Static(id="form-error", markup=False)
            yield self.buttons()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#f-subject" if self._entry is None else "#f-on", Input).focus()

    def draft_snapshot(self) -> object:
        return (self.query_one("#f-on", Input).value,
                self.query_one("#f-channel", Select).value,
                self.query_one("#f-subject", Input).value)

    def save_record(self) -> ContactEntry | None:
        on, problem = self.query_one("#f-on", DateField).read_required(self._today)
        if on is None:
            self.show_errors({"on": problem})
            return None
        data = {
            "on": on,
            "channel": self.query_one("#f-channel", Select).value,
            "subject": self.query_one("#f-subject", Input).value,
        }
        if self._entry is not None:
            data["id"] = self._entry.id
        try:
            entry = ContactEntry.model_validate(data)
        except ValidationError as error:
            self.validation_failed(error)
            return None
        current = self._repository.get(Actor, self._actor.id) or self._actor
        refusal = self.session.save([with_entry(current, entry)])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return entry
