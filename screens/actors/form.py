"""Add or edit an actor: identity, channels and contact, tags, how a commune works, and the
facilitator's private reading. The model validates; errors show under their field and
nothing is saved until every field is right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from coop_tui.core.i18n import _
from coop_tui.core.labels import choices, label
from coop_tui.screens.actors.commitment import commitment_data, commitment_rows
from coop_tui.store.models import Actor, ActorKind, Blockage, Channel, Role
from coop_tui.ui.forms import ActorField, FieldError, RecordForm, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput


def split_list(text: str) -> list[str]:
    """Items typed with commas between them, trimmed, without empties or repeats."""
    items: list[str] = []
    for item in text.split(","):
        item = item.strip()
        if item and item not in items:
            items.append(item)
    return items


def descendants(actor_id: str, actors: Iterable[Actor]) -> set[str]:
    """Every actor under ``actor_id`` through parent links (they cannot be its parent)."""
    children: dict[str, list[str]] = {}
    for actor in actors:
        if actor.parent_id:
            children.setdefault(actor.parent_id, []).append(actor.id)
    found: set[str] = set()
    stack = list(children.get(actor_id, []))
    while stack:
        current = stack.pop()
        if current not in found:
            found.add(current)
            stack.extend(children.get(current, []))
    return found


def _score(text: str) -> str | None:
    return text.strip() or None


def _population(text: str) -> str | None:
    digits = "".join(text.split()).replace("\u202f", "").replace("\xa0", "")
    return digits or None


def ordered_channels(kept: Sequence[Channel], ticked: Iterable[Channel],
                     preferred: Channel | None) -> list[Channel]:
    """The ticked channels: those already known in their order, then the new ones, with
    the preferred one first."""
    ticked_set = set(ticked)
    ordered = [channel for channel in kept if channel in ticked_set]
    ordered += [channel for channel in Channel if channel in ticked_set and channel not in kept]
    if preferred is not None:
        ordered = [preferred, *[channel for channel in ordered if channel != preferred]]
    return ordered


class BlockageRow(Horizontal):
    """One blockage of the private reading: what holds the actor back, and why."""

    def __init__(self, blockage: Blockage | None = None, *, focus: bool = False) -> None:
        super().__init__(classes="blockage-row")
        self.blockage_id = blockage.id if blockage else None
        # Its state, day and answers are edited elsewhere (screens/actors/blockage_form.py).
        self._kept = blockage.model_dump() if blockage else {}
        self._original_reason = blockage.reason if blockage else ""
        self._text = blockage.text if blockage else ""
        self._focus = focus

    def compose(self) -> ComposeResult:
        yield TextInput(self._text, placeholder=_("Blockage"), compact=True,
                        classes="blockage-text")
        yield TextInput(self._original_reason.replace("\n", " "), placeholder=_("Its reason"),
                        compact=True, classes="blockage-reason")
        yield Button("✕", compact=True, classes="blockage-remove", tooltip=_("Remove"))

    def on_mount(self) -> None:
        if self._focus:
            self.query_one(".blockage-text", Input).focus()
            self.scroll_visible()

    def data(self) -> dict[str, Any] | None:
        """The blockage as the model takes it; None for a row left empty."""
        text = self.query_one(".blockage-text", Input).value
        reason = self.query_one(".blockage-reason", Input).value
        if not text.strip() and not reason.strip():
            return None
        if reason == self._original_reason.replace("\n", " "):
            reason = self._original_reason
        return {**self._kept, "text": text, "reason": reason}

    @on(Button.Pressed, ".blockage-remove")
    def _remove(self) -> None:
        self.remove()


class ActorForm(RecordForm[Actor]):
    """The form of one actor (new when ``actor`` is None); dismisses with the saved actor."""

    CSS_PATH = Path(__file__).parent / "forms.tcss"

    WHOLE_RECORD_FIELD = "parent_id"

    def __init__(self, session: Session, actor: Actor | None = None, name: str = "") -> None:
        super().__init__(session)
        self.session = session
        self._repository = session.repository
        self._original = actor
        self._new_name = name

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        actor = self._original
        reading = actor.private if actor else None
        title = _("Edit actor") if actor else _("New actor")
        with Vertical(id="form", classes="dialog tall"):
            yield Static(Text(title, style="bold"), id="form-title")
            with VerticalScroll(id="form-body"):
                yield from self._identity(actor)
                yield from self._reach(actor)
                yield from self._commune(actor)
                with Vertical(id="private-section", classes="private") as private:
                    private.border_title = _("Private reading")
                    private.border_subtitle = _("private · not exported unless asked")
                    yield form_row(_("Role"), Select(
                        choices(Role), prompt=_("not set"), compact=True, id="f-role",
                        value=reading.role.value if reading and reading.role else Select.NULL,
                    ), "private.role")
                    yield form_row(_("Influence (1-5)"), TextInput(
                        str(reading.influence or "") if reading else "", placeholder="1-5",
                        compact=True, id="f-influence"), "private.influence")
                    yield form_row(_("Interest (1-5)"), TextInput(
                        str(reading.interest or "") if reading else "", placeholder="1-5",
                        compact=True, id="f-interest"), "private.interest")
                    yield form_row(_("Stance"), TextEditor(
                        reading.stance if reading else "", compact=True, id="f-stance",
                        classes="short"), "private.stance")
                    yield from commitment_rows(reading)
                    yield Label(_("Blockages and their reasons"), classes="section-label")
                    with Vertical(id="blockages"):
                        for blockage in reading.blockages if reading else []:
                            yield BlockageRow(blockage)
                    yield FieldError("private.blockages")
                    yield Button(_("Add a blockage"), compact=True, id="add-blockage")
            yield Static(id="form-error", markup=False)
            yield self.buttons()
        yield KeyBar()

    def _identity(self, actor: Actor | None) -> ComposeResult:
        yield form_row(_("Name"), TextInput(actor.name if actor else self._new_name, compact=True,
                                            id="f-name"), "name")
        yield form_row(_("Kind"), Select(
            choices(ActorKind), allow_blank=False, compact=True, id="f-kind",
            value=actor.kind.value if actor else ActorKind.ELECTED.value), "kind")
        others = [a for a in self._repository.actors if actor is None or a.id != actor.id]
        exclude = descendants(actor.id, self._repository.actors) if actor else set()
        yield form_row(_("Part of"), ActorField(
            others, _("Parent organisation"), actor.parent_id if actor else None,
            exclude=sorted(exclude), empty=_("no parent organisation"), id="f-parent"),
            "parent_id")
        yield form_row(_("Responsibilities"), TextEditor(
            actor.responsibilities if actor else "", compact=True, id="f-responsibilities",
            classes="short"), "responsibilities")
        yield form_row(_("Competences"), TextEditor(
            actor.competences if actor else "", compact=True, id="f-competences",
            classes="short"), "competences")

    def _reach(self, actor: Actor | None) -> ComposeResult:
        known = set(actor.channels) if actor else set()
        with Vertical(classes="field"):
            with Horizontal(classes="field-row"):
                yield Label(_("Channels"), classes="field-label")
                with Grid(id="f-channels"):
                    for channel in Channel:
                        yield Checkbox(label(channel), channel in known, compact=True,
                                       id=f"channel-{channel.value}")
            yield FieldError("channels")
        preferred = actor.preferred_channel if actor else None
        yield form_row(_("Preferred channel"), Select(
            choices(Channel), prompt=_("no preferred channel"), compact=True, id="f-preferred",
            value=preferred.value if preferred else Select.NULL), "preferred_channel")
        contact = actor.contact if actor else None
        yield form_row(_("E-mail"), TextInput(contact.email if contact else "", compact=True,
                                              id="f-email"), "contact.email")
        yield form_row(_("Phone"), TextInput(contact.phone if contact else "", compact=True,
                                             id="f-phone"), "contact.phone")
        yield form_row(_("Address"), TextEditor(contact.address if contact else "", compact=True,
                                                id="f-address", classes="short"),
                       "contact.address")
        yield form_row(_("Tags"), TextInput(", ".join(actor.tags) if actor else "", compact=True,
                                            placeholder=_("separated by commas"), id="f-tags"),
                       "tags")

    def _commune(self, actor: Actor | None) -> ComposeResult:
        profile = actor.commune if actor else None
        with Vertical(id="commune-section", classes="section") as section:
            section.border_title = _("How the commune works")
            population = profile.population if profile else None
            yield form_row(_("Population"), TextInput(
                str(population) if population is not None else "", compact=True,
                id="f-population"), "commune.population")
            yield form_row(_("Council rhythm"), TextInput(
                profile.council_rhythm if profile else "", compact=True, id="f-council"),
                "commune.council_rhythm")
            yield form_row(_("Mayor"), TextInput(profile.mayor if profile else "", compact=True,
                                                 id="f-mayor"), "commune.mayor")
            yield form_row(_("Deputies"), TextInput(
                ", ".join(profile.deputies) if profile else "", compact=True,
                placeholder=_("separated by commas"), id="f-deputies"), "commune.deputies")
            yield form_row(_("Secretary / DGS"), TextInput(
                profile.secretary if profile else "", compact=True, id="f-secretary"),
                "commune.secretary")
            yield form_row(_("Shared services"), TextEditor(
                profile.shared_services if profile else "", compact=True, id="f-shared",
                classes="short"), "commune.shared_services")
        yield Static(Text(_("This actor is no longer a commune: its profile will be removed "
                            "when you save."), style="italic"), id="commune-dropped")

    def on_mount(self) -> None:
        self._show_commune()
        self.query_one("#f-name", Input).focus()

    # ------------------------------------------------------------------ behaviour

    def _kind(self) -> str:
        value = self.query_one("#f-kind", Select).value
        return value if isinstance(value, str) else ActorKind.ELECTED.value

    @on(Select.Changed, "#f-kind")
    def _show_commune(self) -> None:
        is_commune = self._kind() == ActorKind.COMMUNE.value
        self.query_one("#commune-section").display = is_commune
        had_profile = self._original is not None and self._original.commune is not None
        self.query_one("#commune-dropped").display = had_profile and not is_commune

    @on(Button.Pressed, "#add-blockage")
    def _add_blockage(self) -> None:
        self.query_one("#blockages").mount(BlockageRow(focus=True))

    def _value(self, selector: str) -> str:
        widget = self.query_one(selector)
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Input):
            return widget.value
        raise TypeError(selector)

    def _select(self, selector: str) -> str | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, str) else None

    def data(self) -> dict[str, Any]:
        """Every field as the model takes it, over the record being edited."""
        base = self._original.model_dump() if self._original else {}
        ticked = [channel for channel in Channel
                  if self.query_one(f"#channel-{channel.value}", Checkbox).value]
        preferred = self._select("#f-preferred")
        kept = self._original.channels if self._original else []
        today = self.session.today()
        blockages = [row.data() for row in self.query(BlockageRow)]
        blockages = [blockage if "id" in blockage else {**blockage, "noted_on": today}
                     for blockage in blockages if blockage is not None]
        commune = None
        if self._kind() == ActorKind.COMMUNE.value:
            commune = {
                "population": _population(self._value("#f-population")),
                "council_rhythm": self._value("#f-council"),
                "mayor": self._value("#f-mayor"),
                "deputies": split_list(self._value("#f-deputies")),
                "secretary": self._value("#f-secretary"),
                "shared_services": self._value("#f-shared"),
            }
        return {
            **base,
            "name": self._value("#f-name"),
            "kind": self._kind(),
            "parent_id": self.query_one("#f-parent", ActorField).value,
            "responsibilities": self._value("#f-responsibilities"),
            "competences": self._value("#f-competences"),
            "channels": ordered_channels(kept, ticked,
                                         Channel(preferred) if preferred else None),
            "preferred_channel": preferred,
            "contact": {"email": self._value("#f-email"), "phone": self._value("#f-phone"),
                        "address": self._value("#f-address")},
            "tags": split_list(self._value("#f-tags")),
            "commune": commune,
            "private": {
                **base.get("private", {}),
                **commitment_data(self),
                "role": self._select("#f-role"),
                "influence": _score(self._value("#f-influence")),
                "interest": _score(self._value("#f-interest")),
                "stance": self._value("#f-stance"),
                "blockages": blockages,
            },
        }

    def draft_snapshot(self) -> object:
        return self.data()

    def save_record(self) -> Actor | None:
        try:
            actor = Actor.model_validate(self.data())
        except ValidationError as error:
            self.validation_failed(error)
            return None
        refusal = self.session.save([actor])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return self._repository.get(Actor, actor.id) or actor
