"""The actor map's changes: the forms it opens (actor, contact, relation), the deletions
it confirms, and the scores moved on the map, each shown at once once saved."""

from __future__ import annotations

from textual import on

from coop_tui.core.i18n import _, format_date, ngettext
from coop_tui.core.labels import label
from coop_tui.screens.actors.blockage_form import BlockageForm
from coop_tui.screens.actors.contact_form import ContactForm
from coop_tui.screens.actors.counterweights import CounterweightsDialog
from coop_tui.screens.actors.delete import DeleteActorDialog, DeleteChoice, plan_deletion
from coop_tui.screens.actors.detail import (
    CONTACTS,
    RELATIONS,
    ActorDetail,
    ContactLog,
    Neighbourhood,
)
from coop_tui.screens.actors.filters import apply, sorted_actors
from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.listing import ActorListing
from coop_tui.screens.actors.relation_form import RelationForm
from coop_tui.screens.actors.several_form import SeveralActorsForm
from coop_tui.store.models import Actor, Blockage, ContactEntry, Relation
from coop_tui.ui.widgets.dialogs import ConfirmDialog
from coop_tui.ui.widgets.power_grid import PowerGrid
from coop_tui.ui.widgets.record_table import RecordTable


class ActorWriting(ActorListing):
    """The actor screen's changes to the store."""

    def _after_write(self, actor_id: str | None, message: str) -> None:
        """Show the store as it now is, with ``actor_id`` selected even if the filters
        would hide it (a new actor must not vanish from sight)."""
        self._reload(actor_id)
        if actor_id is not None and actor_id not in self._visible:
            self.show_actor(actor_id)
        if message:
            self.notify(message, timeout=3, markup=False)

    def action_add(self) -> None:
        def saved(actor: Actor | None) -> None:
            if actor is not None:
                self._after_write(actor.id, _("Added « {name} ».").format(name=actor.name))
                self.query_one("#actors", RecordTable).focus()

        self.app.push_screen(ActorForm(self.session), saved)

    def action_add_several(self) -> None:
        def saved(actors: list[Actor] | None) -> None:
            if actors:
                self._after_write(actors[0].id, ngettext(
                    "Added {count} actor.", "Added {count} actors.",
                    len(actors)).format(count=len(actors)))
                self.query_one("#actors", RecordTable).focus()

        self.app.push_screen(SeveralActorsForm(self.session), saved)

    def action_edit(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return

        def saved(result: Actor | None) -> None:
            if result is not None:
                self._after_write(result.id, _("Saved « {name} ».").format(name=result.name))

        self.app.push_screen(ActorForm(self.session, actor), saved)

    def action_delete(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return

        def chosen(choice: DeleteChoice | None) -> None:
            if choice is None:
                return
            replacement = choice.replacement_id if choice.mode == "reassign" else None
            plan = plan_deletion(self.session.repository, actor, replacement)
            refusal = self.session.save(plan.saved, plan.deleted)
            if refusal is not None:
                self.notify(refusal.message, severity="error", timeout=8, markup=False)
                return
            index = self._visible.index(actor.id) if actor.id in self._visible else 0
            rest = [ref for ref in self._visible if ref != actor.id]
            following = rest[min(index, len(rest) - 1)] if rest else None
            if replacement is not None:
                message = _("Deleted « {name} »; what it held now goes to « {other} ».").format(
                    name=actor.name, other=self.session.repository.actor_name(replacement))
            else:
                message = _("Deleted « {name} ».").format(name=actor.name)
            self._after_write(following, message)

        self.app.push_screen(DeleteActorDialog(self.session.repository, actor), chosen)

    def action_log_contact(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        self._contact_form(actor, None)

    def _contact_form(self, actor: Actor, entry: ContactEntry | None) -> None:
        def saved(result: ContactEntry | None) -> None:
            if result is not None:
                self._after_write(actor.id, _("Contact logged with « {name} ».").format(
                    name=actor.name))

        self.app.push_screen(ContactForm(self.session, actor, entry), saved)

    def action_answer_blockage(self) -> None:
        actor = self.selected_actor
        if actor is None or not actor.private.blockages:
            return

        def saved(result: Blockage | None) -> None:
            if result is not None:
                self._after_write(actor.id, _("Blockage « {text} » updated.").format(
                    text=result.text))

        self.app.push_screen(BlockageForm(self.session, actor), saved)

    def action_counterweights(self) -> None:
        def closed(_result: None) -> None:
            self._reload(self.selected)

        self.app.push_screen(CounterweightsDialog(self.session), closed)

    def action_add_relation(self) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        self._relation_form(actor, None)

    def _relation_form(self, actor: Actor, relation: Relation | None) -> None:
        def saved(result: Relation | None) -> None:
            if result is not None:
                self._after_write(actor.id, _("Relation saved."))
                self.query_one(ActorDetail).show_tab(RELATIONS)

        self.app.push_screen(RelationForm(self.session, actor, relation), saved)

    @on(PowerGrid.Moved)
    def _grid_moved(self, event: PowerGrid.Moved) -> None:
        """Save the scores given on the map: one write per move."""
        actor = self._by_id.get(event.actor_id)
        if actor is None or self.session.repository.read_only:
            return
        moved = actor.model_copy(deep=True)
        moved.private.influence = event.influence
        moved.private.interest = event.interest
        refusal = self.session.save([moved])
        if refusal is not None:
            self.notify(refusal.message, severity="error", timeout=8, markup=False)
            return
        self._scores_changed(actor.id)

    def _scores_changed(self, actor_id: str) -> None:
        """Show new scores without reading the whole store again: scores change no figure
        of the summary, only this actor's row, its place on the map and its detail."""
        saved = self.session.repository.get(Actor, actor_id)
        if saved is None:
            self._reload()
            return
        self._actors = [saved if actor.id == actor_id else actor for actor in self._actors]
        self._by_id[actor_id] = saved
        self._cells[actor_id] = self._row_cells(saved)
        self._shown_version = self.session.version
        shown = apply(self._filter, self._actors, self._figures)
        ordered = sorted_actors(shown, self._sort_column(), self._sort_reverse)
        visible = [actor.id for actor in ordered]
        self.query_one(PowerGrid).set_actors(ordered)
        if visible == self._visible:
            self.query_one("#actors", RecordTable).refresh_row(actor_id)
        else:
            self._visible = visible
            self._fill_table()
        self._show_selected()

    @on(ContactLog.EditRequested)
    def _edit_contact(self, event: ContactLog.EditRequested) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        entry = next((e for e in actor.contact_log if e.id == event.entry_id), None)
        if entry is not None:
            self._contact_form(actor, entry)

    @on(ContactLog.DeleteRequested)
    def _delete_contact(self, event: ContactLog.DeleteRequested) -> None:
        actor = self.selected_actor
        if actor is None:
            return
        entry = next((e for e in actor.contact_log if e.id == event.entry_id), None)
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes or actor is None:
                return
            changed = actor.model_copy(deep=True)
            changed.contact_log = [e for e in changed.contact_log if e.id != event.entry_id]
            refusal = self.session.save([changed])
            if refusal is not None:
                self.notify(refusal.message, severity="error", timeout=8, markup=False)
                return
            self._after_write(actor.id, _("Contact deleted."))
            self.query_one(ActorDetail).show_tab(CONTACTS)

        self.app.push_screen(ConfirmDialog(
            _("Delete this contact?"), subject=_contact_summary(entry), confirm=_("Delete")),
            answered)

    @on(Neighbourhood.JumpRequested)
    def _jump(self, event: Neighbourhood.JumpRequested) -> None:
        self.show_actor(event.actor_id)
        self.query_one(ActorDetail).show_tab(RELATIONS)

    @on(Neighbourhood.EditRequested)
    def _edit_relation(self, event: Neighbourhood.EditRequested) -> None:
        actor = self.selected_actor
        relation = self.session.repository.get(Relation, event.relation_id)
        if actor is not None and relation is not None:
            self._relation_form(actor, relation)

    @on(Neighbourhood.DeleteRequested)
    def _delete_relation(self, event: Neighbourhood.DeleteRequested) -> None:
        actor = self.selected_actor
        relation = self.session.repository.get(Relation, event.relation_id)
        if actor is None or relation is None:
            return
        other_id = relation.target_id if relation.source_id == actor.id else relation.source_id

        def answered(yes: bool | None) -> None:
            if not yes or actor is None or relation is None:
                return
            refusal = self.session.save([], [relation])
            if refusal is not None:
                self.notify(refusal.message, severity="error", timeout=8, markup=False)
                return
            self._after_write(actor.id, _("Relation deleted."))
            self.query_one(ActorDetail).show_tab(RELATIONS)

        self.app.push_screen(ConfirmDialog(
            _("Delete this relation?"),
            subject=f"{actor.name} — {label(relation.kind)} — "
                    f"{self.session.repository.actor_name(other_id)}",
            confirm=_("Delete")), answered)


def _contact_summary(entry: ContactEntry) -> str:
    return f"{format_date(entry.on, 'medium')} · {label(entry.channel)} · {entry.subject}"
