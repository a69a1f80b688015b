"""Add or edit a relation from one actor: with whom, what kind, which way, how strong.

Cooperation and tension read the same both ways; the other kinds go from one actor to the
other (who funds whom), so the form offers the direction with both names written out.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Select, Static, TextArea

from coop_tui.core.i18n import N_, _
from coop_tui.core.insights.actors import SYMMETRIC
from coop_tui.core.labels import choices
from coop_tui.screens.actors.detail import STRENGTHS
from coop_tui.store.models import Actor, Relation, RelationKind
from coop_tui.ui.forms import ActorField, RecordForm, field_errors, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextEditor

OUTGOING, INCOMING = "out", "in"

# A directed relation as a sentence, source first.
DIRECTED: dict[RelationKind, str] = {
    RelationKind.HIERARCHY: N_("{source} has authority over {target}"),
    RelationKind.FUNDING: N_("{source} funds {target}"),
    RelationKind.COUNTERWEIGHT: N_("{source} is a counterweight to {target}"),
    RelationKind.INFORMATION: N_("{source} informs {target}"),
}


def direction_choices(kind: RelationKind, this: str, other: str) -> list[tuple[Text, str]]:
    """The two ways a directed relation can go, written with the actors' names."""
    sentence = _(DIRECTED.get(kind, N_("{source} informs {target}")))
    return [(Text(sentence.format(source=this, target=other)), OUTGOING),
            (Text(sentence.format(source=other, target=this)), INCOMING)]


def same_relation(relation: Relation, relations: Sequence[Relation]) -> Relation | None:
    """Another relation of the same kind between the same two actors (either way for the
    symmetric kinds)."""
    pair = (relation.source_id, relation.target_id)
    for other in relations:
        if other.id == relation.id or other.kind is not relation.kind:
            continue
        other_pair = (other.source_id, other.target_id)
        if other_pair == pair or (relation.kind in SYMMETRIC and other_pair == pair[::-1]):
            return other
    return None


class RelationForm(RecordForm[Relation]):
    """The form of one relation seen from ``actor``; dismisses with the saved relation."""

    CSS_PATH = Path(__file__).parent / "forms.tcss"

    def __init__(self, session: Session, actor: Actor,
                 relation: Relation | None = None) -> None:
        super().__init__(session)
        self.session = session
        self._repository = session.repository
        self._actor = actor
        self._relation = relation
        other = None
        outgoing = True
        if relation is not None:
            outgoing = relation.source_id == actor.id
            other = relation.target_id if outgoing else relation.source_id
        self._other_id = other
        self._outgoing = outgoing

    def compose(self) -> ComposeResult:
        relation = self._relation
        title = _("Edit a relation of {name}") if relation else _("New relation of {name}")
        kind = relation.kind if relation else RelationKind.COOPERATION
        others = [actor for actor in self._repository.actors if actor.id != self._actor.id]
        with Vertical(id="form", classes="dialog small"):
            yield Static(Text(title.format(name=self._actor.name), style="bold"),
                         id="form-title")
            yield form_row(_("With"), ActorField(
                others, _("Relation with…"), self._other_id, empty=_("choose an actor"),
                clearable=False, id="f-other"), "other")
            yield form_row(_("Kind"), Select(choices(RelationKind), allow_blank=False,
                                             value=kind.value, compact=True, id="f-kind"),
                           "kind")
            yield form_row(_("Direction"), Select(
                direction_choices(kind, self._actor.name, _("the other actor")),
                allow_blank=False, value=OUTGOING if self._outgoing else INCOMING,
                compact=True, id="f-direction"), "direction", id="direction-row")
            yield form_row(_("Strength"), Select(
                [(_(name), str(value)) for value, name in STRENGTHS.items()],
                allow_blank=False, value=str(relation.strength if relation else 2),
                compact=True, id="f-strength"), "strength")
            yield form_row(_("Note"), TextEditor(relation.note if relation else "", compact=True,
                                                 id="f-note", classes="short"), "note")
            yield Static(id="form-error", markup=False)
            yield self.buttons()
        yield KeyBar()

    def on_mount(self) -> None:
        self._update_direction()
        other = self.query_one("#f-other", ActorField)
        if self._relation is None:
            other.focus()
            self.call_after_refresh(other.action_choose)
        else:
            self.query_one("#f-kind", Select).focus()

    def _kind(self) -> RelationKind:
        value = self.query_one("#f-kind", Select).value
        return RelationKind(value) if isinstance(value, str) else RelationKind.COOPERATION

    @on(Select.Changed, "#f-kind")
    @on(ActorField.Changed, "#f-other")
    def _update_direction(self) -> None:
        kind = self._kind()
        direction = self.query_one("#f-direction", Select)
        self.query_one("#direction-row").display = kind not in SYMMETRIC
        other_id = self.query_one("#f-other", ActorField).value
        other = self._repository.actor_name(other_id, _("the other actor"))
        current = direction.value
        direction.set_options(direction_choices(kind, self._actor.name, other))
        direction.value = current if current in (OUTGOING, INCOMING) else OUTGOING

    def draft_snapshot(self) -> object:
        return (self.query_one("#f-kind", Select).value,
                self.query_one("#f-other", ActorField).value,
                self.query_one("#f-direction", Select).value,
                self.query_one("#f-strength", Select).value,
                self.query_one("#f-note", TextArea).text)

    def save_record(self) -> Relation | None:
        other = self.query_one("#f-other", ActorField).value
        if other is None:
            self.show_errors({"other": _("choose the other actor")})
            return None
        kind = self._kind()
        outgoing = kind in SYMMETRIC or self.query_one("#f-direction", Select).value == OUTGOING
        if kind in SYMMETRIC and self._relation is not None:
            outgoing = self._outgoing
        source, target = (self._actor.id, other) if outgoing else (other, self._actor.id)
        data = {
            **(self._relation.model_dump() if self._relation else {}),
            "source_id": source,
            "target_id": target,
            "kind": kind.value,
            "strength": self.query_one("#f-strength", Select).value,
            "note": self.query_one("#f-note", TextArea).text,
        }
        try:
            relation = Relation.model_validate(data)
        except ValidationError as error:
            errors = field_errors(error)
            for location in ("", "source_id", "target_id"):
                if location in errors:
                    errors["other"] = errors.pop(location)
            self.show_errors(errors)
            return None
        twin = same_relation(relation, self._repository.relations)
        if twin is not None:
            self.show_errors({"other": _("this relation is already recorded")})
            return None
        refusal = self.session.save([relation])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return relation
