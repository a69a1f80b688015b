"""Answer a blockage: what was tried, by whom, on which day, at which meeting, and where
the blockage now stands (open, being addressed, lifted).

The blockage lives in the actor's private reading, so saving the answer saves the actor:
one write.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select

from coop_tui.core.i18n import _, format_date
from coop_tui.core.labels import choices
from coop_tui.store.models import Actor, Blockage, BlockageAnswer, BlockageState
from coop_tui.ui.forms import ActorField, DateField, RecordForm, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text_fields import TextInput

# How many of the latest meetings the form offers as where the blockage moved.
MEETINGS_OFFERED = 30


def with_answer(actor: Actor, blockage_id: str, state: BlockageState,
                answer: BlockageAnswer | None) -> Actor:
    """A copy of ``actor`` whose blockage has ``state`` and, if given, one more answer."""
    changed = actor.model_copy(deep=True)
    for blockage in changed.private.blockages:
        if blockage.id == blockage_id:
            blockage.state = state
            if answer is not None:
                blockage.answers = sorted([*blockage.answers, answer], key=lambda a: a.on)
    return changed


class BlockageForm(RecordForm[Blockage]):
    """Answer one of an actor's blockages, or change its state; dismisses with it."""

    CSS_PATH = Path(__file__).parent / "forms.tcss"

    def __init__(self, session: Session, actor: Actor) -> None:
        super().__init__(session)
        self.session = session
        self._actor = actor
        self._today = session.today()

    def form_title(self) -> str:
        return _("Answer a blockage of {name}").format(name=self._actor.name)

    def compose_fields(self) -> ComposeResult:
        blockages = self._actor.private.blockages
        first = next((b for b in blockages if b.state is not BlockageState.LIFTED),
                     blockages[0])
        yield form_row(_("Blockage"), Select(
            [(Text(b.text), b.id) for b in blockages], allow_blank=False, value=first.id,
            compact=True, id="f-blockage"), "blockage")
        yield form_row(_("What was tried"), TextInput(
            "", placeholder=_("empty: only change the state"), compact=True, id="f-answer"),
            "text")
        yield form_row(_("Date"), DateField(self._today, id="f-on"), "on")
        yield form_row(_("By"), ActorField(self.session.repository.actors,
                                           _("Who tried it"), None, id="f-by"), "by_id")
        meetings = sorted((m for m in self.session.repository.meetings if m.on <= self._today),
                          key=lambda m: m.on, reverse=True)[:MEETINGS_OFFERED]
        yield form_row(_("At the meeting"), Select(
            [(Text(f"{format_date(m.on, 'short')}  {m.title}"), m.id) for m in meetings],
            prompt=_("none"), compact=True, id="f-meeting"), "meeting_id")
        state = (BlockageState.ADDRESSING if first.state is BlockageState.OPEN
                 else first.state)
        yield form_row(_("State"), Select(choices(BlockageState), allow_blank=False,
                                          value=state.value, compact=True, id="f-state"),
                       "state")

    def on_mount(self) -> None:
        self.query_one("#f-answer", Input).focus()

    def save_record(self) -> Blockage | None:
        blockage_id = str(self.query_one("#f-blockage", Select).value)
        state = BlockageState(str(self.query_one("#f-state", Select).value))
        text = self.query_one("#f-answer", Input).value
        answer: BlockageAnswer | None = None
        if text.strip():
            on, problem = self.query_one("#f-on", DateField).read_required(self._today)
            if on is None:
                self.show_errors({"on": problem})
                return None
            meeting = self.query_one("#f-meeting", Select).value
            try:
                answer = BlockageAnswer(text=text, on=on,
                                        by_id=self.query_one("#f-by", ActorField).value,
                                        meeting_id=meeting if isinstance(meeting, str) else None)
            except ValidationError as error:
                self.validation_failed(error)
                return None
        current = self.session.repository.get(Actor, self._actor.id) or self._actor
        changed = with_answer(current, blockage_id, state, answer)
        refusal = self.session.save([changed])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return next(b for b in changed.private.blockages if b.id == blockage_id)
