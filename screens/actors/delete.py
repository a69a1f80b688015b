"""Deleting an actor that others refer to: say where, then reassign or keep a name.

An actor can be a parent organisation, own levers and actions, own or partner roadmap
items, facilitate or take notes at meetings, attend them or hold a proxy there. Before it
goes, each of those references is moved to another actor or, when the user keeps the
actor as a name, kept as text where the model has a name for it (an action's owner) and
cleared or removed where it has none. Its relations go with it. Everything happens in one
``repository.replace``, so a refusal leaves the store as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from coop_tui.core.diagnostic import without_actor
from coop_tui.core.i18n import N_, _, joined, ngettext
from coop_tui.screens.actors.form import descendants
from coop_tui.store.models import Actor, Meeting, Presence, Record
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar

FORMS_CSS = Path(__file__).parent / "forms.tcss"


@dataclass
class Usage:
    """How many records refer to an actor, by the way they refer to it."""

    children: int = 0
    levers: int = 0
    roadmap_items: int = 0
    meeting_roles: int = 0
    attendance: int = 0
    proxies: int = 0
    actions: int = 0
    relations: int = 0
    diagnostic_lines: int = 0

    @property
    def referenced(self) -> bool:
        """Referred to by something other than its relations (which simply go with it)."""
        return any((self.children, self.levers, self.roadmap_items, self.meeting_roles,
                    self.attendance, self.proxies, self.actions))


def usage(repository: Repository, actor: Actor) -> Usage:
    gone = actor.id
    found = Usage()
    found.children = sum(other.parent_id == gone for other in repository.actors)
    found.levers = sum(lever.owner_id == gone for lever in repository.levers)
    found.roadmap_items = sum(gone in item.owner_ids or gone in item.partner_ids
                              for item in repository.roadmap)
    for meeting in repository.meetings:
        found.meeting_roles += gone in (meeting.facilitator_id, meeting.note_taker_id,
                                        meeting.secretary_id)
        found.attendance += any(row.actor_id == gone for row in meeting.attendance)
        found.proxies += sum(row.proxy_id == gone for row in meeting.attendance)
        found.actions += sum(action.owner_id == gone for action in meeting.actions)
    found.relations = sum(gone in (relation.source_id, relation.target_id)
                          for relation in repository.relations)
    found.diagnostic_lines = sum(len(record.missions) for record in repository.diagnostic
                                 if record.actor_id == gone)
    return found


def usage_lines(found: Usage) -> list[str]:
    """Where the actor is referred to, one line each, in words."""
    lines = [
        (found.children, ngettext("parent organisation of {count} actor",
                                  "parent organisation of {count} actors", found.children)),
        (found.levers, ngettext("owner of {count} lever", "owner of {count} levers",
                                found.levers)),
        (found.roadmap_items, ngettext("owner or partner of {count} roadmap item",
                                       "owner or partner of {count} roadmap items",
                                       found.roadmap_items)),
        (found.meeting_roles, ngettext("facilitator, note-taker or secretary of {count} meeting",
                                       "facilitator, note-taker or secretary of {count} meetings",
                                       found.meeting_roles)),
        (found.attendance, ngettext("on the attendance list of {count} meeting",
                                    "on the attendance list of {count} meetings",
                                    found.attendance)),
        (found.proxies, ngettext("holds {count} proxy at meetings",
                                 "holds {count} proxies at meetings", found.proxies)),
        (found.actions, ngettext("owner of {count} action", "owner of {count} actions",
                                 found.actions)),
        (found.relations, ngettext("{count} relation, deleted along with it",
                                   "{count} relations, deleted along with it",
                                   found.relations)),
        (found.diagnostic_lines, ngettext(
            "{count} mission in the shared diagnostic, deleted along with it",
            "{count} missions in the shared diagnostic, deleted along with it",
            found.diagnostic_lines)),
    ]
    return [text.format(count=count) for count, text in lines if count]


def keep_name_consequences(found: Usage) -> list[str]:
    """What "keep as a name" does to each kind of reference, for the ones present."""
    notes = []
    if found.actions:
        notes.append(_("actions keep the name as their owner"))
    if found.children:
        notes.append(_("the actors it contains move up to its own parent organisation"))
    if found.levers or found.meeting_roles:
        notes.append(_("lever owners, facilitators, note-takers and secretaries have no name "
                       "field: they are left empty"))
    if found.attendance or found.roadmap_items:
        notes.append(_("attendance lists and roadmap owners and partners have no name "
                       "field: the actor is removed from them"))
    if found.proxies:
        notes.append(_("members it held a proxy for are marked excused"))
    return notes


def _replace_in(ids: list[str], gone: str, new: str | None) -> list[str]:
    """``ids`` with ``gone`` replaced by ``new`` (or removed), never twice the same."""
    out: list[str] = []
    for ref in ids:
        kept = new if ref == gone else ref
        if kept is not None and kept not in out:
            out.append(kept)
    return out


def _meeting(meeting: Meeting, actor: Actor, new: str | None) -> Meeting | None:
    """The meeting with every reference to ``actor`` moved or dropped; None if untouched."""
    gone = actor.id
    changed = meeting.model_copy(deep=True)
    touched = False
    if changed.facilitator_id == gone:
        changed.facilitator_id, touched = new, True
    if changed.note_taker_id == gone:
        changed.note_taker_id, touched = new, True
    if changed.secretary_id == gone:
        changed.secretary_id, touched = new, True
    present = {row.actor_id for row in meeting.attendance}
    rows = []
    for row in changed.attendance:
        if row.proxy_id == gone:
            touched = True
            if new is None or new == row.actor_id:
                row.proxy_id = None
                if row.status is Presence.REPRESENTED:
                    row.status = Presence.EXCUSED
            else:
                row.proxy_id = new
        if row.actor_id == gone:
            touched = True
            if new is None or new in present:
                continue
            row.actor_id = new
        rows.append(row)
    changed.attendance = rows
    for action in changed.actions:
        if action.owner_id == gone:
            touched = True
            action.owner_id = new
            if new is None and not action.owner_name:
                action.owner_name = actor.name
    return changed if touched else None


@dataclass
class DeletionPlan:
    """The records to save and to delete, as one write."""

    saved: list[Record] = field(default_factory=list)
    deleted: list[Record] = field(default_factory=list)


def plan_deletion(repository: Repository, actor: Actor, new: str | None) -> DeletionPlan:
    """Delete ``actor``: references go to ``new``, or are kept as a name when it is None."""
    gone = actor.id
    plan = DeletionPlan(deleted=[actor])
    below = descendants(gone, repository.actors)
    new_parent = new if new is not None and new not in below else actor.parent_id
    for child in repository.actors:
        if child.parent_id == gone:
            moved = child.model_copy(deep=True)
            moved.parent_id = new_parent if new_parent != child.id else None
            plan.saved.append(moved)
    for lever in repository.levers:
        if lever.owner_id == gone:
            owned = lever.model_copy(deep=True)
            owned.owner_id = new
            plan.saved.append(owned)
    for item in repository.roadmap:
        if gone in item.owner_ids or gone in item.partner_ids:
            changed_item = item.model_copy(deep=True)
            changed_item.owner_ids = _replace_in(item.owner_ids, gone, new)
            changed_item.partner_ids = _replace_in(item.partner_ids, gone, new)
            plan.saved.append(changed_item)
    for meeting in repository.meetings:
        changed = _meeting(meeting, actor, new)
        if changed is not None:
            plan.saved.append(changed)
    plan.deleted += [relation for relation in repository.relations
                     if gone in (relation.source_id, relation.target_id)]
    saved, deleted = without_actor(repository.diagnostic, repository.living_areas, gone, new)
    plan.saved += saved
    plan.deleted += deleted
    return plan


Mode = Literal["delete", "reassign", "keep"]


@dataclass(frozen=True)
class DeleteChoice:
    """How to delete: plainly, reassigning to ``replacement_id``, or keeping a name."""

    mode: Mode
    replacement_id: str | None = None


class DeleteActorDialog(ModalScreen[DeleteChoice | None]):
    """Confirm a deletion; for an actor referred to elsewhere, choose what becomes of it."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="delete.cancel")]

    def __init__(self, repository: Repository, actor: Actor) -> None:
        super().__init__()
        translate_bindings(self)
        self._repository = repository
        self._actor = actor
        self._usage = usage(repository, actor)

    def compose(self) -> ComposeResult:
        found = self._usage
        with Vertical(id="delete", classes="dialog"):
            yield Static(Text(_("Delete « {name} »?").format(name=self._actor.name),
                              style="bold"), id="delete-question")
            lines = usage_lines(found)
            if found.referenced:
                yield Static(Text(_("This actor is referred to elsewhere:")))
            if lines:
                yield Static(Text("\n".join("• " + line for line in lines)), id="delete-usage")
            if found.referenced:
                notes = keep_name_consequences(found)
                text = Text()
                text.append(_("Keep as a name:"), style="bold")
                text.append(" " + joined(notes) + ".")
                yield Static(text, id="delete-keep-notes")
            with Horizontal(classes="buttons"):
                if found.referenced:
                    yield Button(_("Reassign to…"), variant="primary", compact=True,
                                 id="delete-reassign")
                    yield Button(_("Keep as a name"), variant="warning", compact=True,
                                 id="delete-keep")
                else:
                    yield Button(_("Delete"), variant="error", compact=True, id="delete-plain")
                yield Button(_("Cancel"), compact=True, id="delete-cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#delete-cancel", Button).focus()

    @on(Button.Pressed, "#delete-plain")
    def _plain(self) -> None:
        self.dismiss(DeleteChoice("delete"))

    @on(Button.Pressed, "#delete-keep")
    def _keep(self) -> None:
        self.dismiss(DeleteChoice("keep"))

    @on(Button.Pressed, "#delete-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#delete-reassign")
    def _reassign(self) -> None:
        def chosen(choice: ActorChoice | None) -> None:
            if choice is not None and choice.actor_id is not None:
                self.dismiss(DeleteChoice("reassign", choice.actor_id))

        title = _("Reassign what « {name} » holds to…").format(name=self._actor.name)
        self.app.push_screen(ActorPicker(self._repository.actors, title,
                                         exclude=[self._actor.id]), chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
