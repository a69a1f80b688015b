"""Levers: the seed document's method as a living checklist, with evidence from the data.

A tree of the three categories of levers (regulatory, methodological, human), their
levers and checklist items; the progress of each category and of the whole, always in
view, with a note when one category lags far behind (the seed insists they work
together); and beside the tree the lever's detail with the figures the store gives about
it (``coop_tui.core.insights.levers``), each of which can open the record behind it.

Here, the keys that change the checklist; the view is in ``checklist``, what the detail
panel says in ``detail``, the palette's entries in ``commands``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType

from coop_tui.core.i18n import N_, _, language, ngettext
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.screens.levers.changes import (
    add_item,
    cycle_status,
    differs_from_catalogue,
    move_item,
    move_lever,
    next_position,
    ordered,
    remove_item,
    rename_item,
    rename_lever,
    restore_catalogue,
    serving,
    toggle_item,
    unlinked,
)
from coop_tui.screens.levers.checklist import LeverChecklist
from coop_tui.screens.levers.commands import LeverCommands
from coop_tui.screens.levers.form import LeverForm
from coop_tui.screens.levers.panels import EvidenceRow
from coop_tui.screens.levers.thresholds import ThresholdsForm
from coop_tui.screens.levers.tree import LeverTree, Selection
from coop_tui.store.models import (
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Record,
    Thresholds,
)
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.dialogs import ConfirmDialog, TextPrompt, check_name


class LeversScreen(LeverChecklist):
    """The checklist of levers, with the keys that tick, edit, move and delete."""

    CSS_PATH = Path(__file__).parent / "levers.tcss"
    AUTO_FOCUS = "#levers"
    COMMANDS = {LeverCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle_status", N_("Status"), id="levers.status"),
        Binding("v", "focus_evidence", N_("Evidence"), id="levers.evidence"),
        Binding("n", "new_lever", N_("New lever"), id="levers.new"),
        Binding("a", "add_item", N_("Add item"), id="levers.add_item"),
        Binding("e", "edit", N_("Edit"), id="levers.edit"),
        Binding("d,delete", "delete", N_("Delete"), id="levers.delete"),
        Binding("r", "rename", N_("Rename"), show=False, id="levers.rename"),
        Binding("ctrl+up", "move(-1)", N_("Move up"), show=False, id="levers.move_up"),
        Binding("ctrl+down", "move(1)", N_("Move down"), show=False, id="levers.move_down"),
        Binding("o", "owner", N_("Owner"), show=False, id="levers.owner"),
        Binding("g", "go_owner", N_("Go to the owner"), show=False, id="levers.go_owner"),
        Binding("x", "restore", N_("Restore catalogue text"), show=False, id="levers.restore"),
        Binding("t", "thresholds", N_("Thresholds"), show=False, id="levers.thresholds"),
        Binding("escape", "focus_tree", N_("Back to the checklist"), show=False,
                id="levers.back"),
    ]
    # Actions that change the store, refused in a read-only store.
    WRITING: ClassVar[frozenset[str]] = frozenset({
        "cycle_status", "edit", "new_lever", "add_item", "delete", "rename", "move", "owner",
        "restore", "thresholds",
    })
    # Actions about the lever under the cursor.
    ON_LEVER: ClassVar[frozenset[str]] = frozenset({
        "cycle_status", "edit", "add_item", "delete", "rename", "move", "owner", "restore",
        "go_owner",
    })
    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.WRITING and self.session.repository.read_only:
            return None
        lever = self.lever()
        if action in self.ON_LEVER and lever is None:
            return None
        if action == "restore":
            return lever is not None and differs_from_catalogue(lever)
        if action == "go_owner":
            return None if lever is None or lever.owner_id is None else True
        return True

    def action_focus_tree(self) -> None:
        self.query_one(LeverTree).focus()

    def action_focus_evidence(self) -> None:
        rows = [row for row in self.query(EvidenceRow) if row.display]
        if rows:
            rows[0].focus()
        else:
            self.notify(_("No figure from the data concerns this lever."), timeout=3)

    def _write(self, saved: Sequence[Record], deleted: Sequence[Record] = ()) -> bool:
        """Save (and delete) as one write; say why in a notification when refused."""
        refusal = self.session.save(saved, deleted)
        if refusal is not None:
            self.notify(_("Not saved: {reason}").format(reason=refusal.message),
                        severity="error", markup=False)
            return False
        self.refresh_if_stale()
        return True

    def _writable(self) -> bool:
        if self.session.repository.read_only:
            self.notify(_("The store is open read-only: nothing can be changed."),
                        severity="warning", timeout=4)
            return False
        return True

    @on(LeverTree.ItemToggled)
    def _item_toggled(self, event: LeverTree.ItemToggled) -> None:
        lever = self._levers.get(event.row.lever_id)
        if lever is None or not self._writable():
            return
        changed = toggle_item(lever, event.row.item_id, self.session.today())
        if self._write([changed]) and lever.status is not changed.status:
            self.notify(_("« {title} » is now {status}.").format(
                title=changed.title.get(language()), status=label(changed.status)),
                timeout=3, markup=False)

    @on(LeverTree.EditRequested)
    def _edit_requested(self) -> None:
        if self.check_action("edit", ()) is True:
            self.action_edit()

    def action_cycle_status(self) -> None:
        lever = self.lever()
        if lever is None:
            return
        changed = cycle_status(lever)
        if not self._write([changed]):
            return
        self.notify_change(_("« {title} »: {old} → {new}").format(
            title=changed.title.get(language()), old=label(lever.status),
            new=label(changed.status)))
        done, total = changed.progress()
        if changed.status is LeverStatus.DONE and done < total:
            self.notify(ngettext("Marked done with {count} item not ticked.",
                                 "Marked done with {count} items not ticked.",
                                 total - done).format(count=total - done),
                        severity="warning", timeout=4)

    def action_edit(self) -> None:
        lever = self.lever()
        if lever is None:
            return
        if self.item() is not None:
            self.action_rename()
            return
        self.app.push_screen(LeverForm(self.session, lever), self._lever_saved)

    def _lever_saved(self, lever: Lever | None) -> None:
        if lever is not None and self._write([lever]):
            self.show_lever(lever.id)

    def action_new_lever(self) -> None:
        category = self.selection.category or LeverCategory.REGULATORY
        lever = Lever(category=category, position=next_position(list(self._levers.values())),
                      title=LocalizedText())
        self.app.push_screen(LeverForm(self.session, lever, new=True), self._lever_saved)

    def action_rename(self) -> None:
        lever = self.lever()
        if lever is None:
            return
        item = self.item()
        lang = language()
        if item is None:
            renamed = partial(self._renamed, lever.id, "")
            prompt = TextPrompt(_("Rename the lever"), _("Title"), lever.title.get(lang),
                                check=check_name, keep=renamed, session=self.session)
        else:
            renamed = partial(self._renamed, lever.id, item.id)
            prompt = TextPrompt(_("Rename the item"), _("Checklist item"), item.text.get(lang),
                                check=check_name, keep=renamed, session=self.session)
        self.app.push_screen(prompt, renamed)

    def _renamed(self, lever_id: str, item_id: str, text: str | None) -> None:
        lever = self._levers.get(lever_id)
        if text is None or lever is None:
            return
        lang = language()
        changed = (rename_item(lever, item_id, lang, text) if item_id
                   else rename_lever(lever, lang, text))
        self._write([changed])

    def action_add_item(self) -> None:
        lever = self.lever()
        if lever is None:
            return
        added = partial(self._item_added, lever.id, self.selection.item_id or None)
        prompt = TextPrompt(_("New checklist item"),
                            _("Item of « {title} »").format(title=lever.title.get(language())),
                            check=check_name, keep=added, session=self.session)
        self.app.push_screen(prompt, added)

    def _item_added(self, lever_id: str, after: str | None, text: str | None) -> None:
        lever = self._levers.get(lever_id)
        if text is None or lever is None:
            return
        changed, item = add_item(lever, language(), text, after)
        if self._write([changed]):
            self.show_lever(lever_id, item.id)

    def action_delete(self) -> None:
        lever = self.lever()
        if lever is None:
            return
        item = self.item()
        lang = language()
        if item is not None:
            if item.key:
                self.notify(_("A catalogue item cannot be deleted; leave it unticked, or set "
                              "the lever not applicable (s)."), severity="warning", timeout=6)
                return
            dialog = ConfirmDialog(_("Delete the item?"), subject=item.text.get(lang),
                                   confirm=_("Delete"))
            self.app.push_screen(dialog, partial(self._delete_item, lever.id, item.id))
            return
        if lever.from_catalogue:
            self.notify(_("A catalogue lever cannot be deleted: set it to not applicable with "
                          "s."), severity="warning", timeout=6)
            return
        lines: list[str] = []
        if lever.items:
            lines.append(ngettext("Its {count} checklist item goes with it.",
                                  "Its {count} checklist items go with it.",
                                  len(lever.items)).format(count=len(lever.items)))
        linked = serving(self.session.repository.roadmap, lever.id)
        if linked:
            lines.append(ngettext("{count} roadmap item serves it: it will serve no lever.",
                                  "{count} roadmap items serve it: they will serve no lever.",
                                  len(linked)).format(count=len(linked)))
        dialog = ConfirmDialog(_("Delete the lever?"), lines, subject=lever.title.get(lang),
                               confirm=_("Delete"))
        self.app.push_screen(dialog, partial(self._delete_lever, lever.id))

    def _delete_item(self, lever_id: str, item_id: str, confirmed: bool | None) -> None:
        lever = self._levers.get(lever_id)
        if confirmed and lever is not None:
            self.selection = Selection(lever.category, lever.id)
            self._write([remove_item(lever, item_id)])

    def _delete_lever(self, lever_id: str, confirmed: bool | None) -> None:
        lever = self._levers.get(lever_id)
        if not confirmed or lever is None:
            return
        siblings = ordered(list(self._levers.values()), lever.category)
        index = siblings.index(lever)
        neighbour = (siblings[index + 1] if index + 1 < len(siblings)
                     else siblings[index - 1] if index else None)
        self.selection = Selection(lever.category, neighbour.id if neighbour else "")
        linked = unlinked(self.session.repository.roadmap, lever.id)
        if self._write(linked, [lever]):
            self.notify(_("Lever deleted."), timeout=3)

    def action_move(self, step: int) -> None:
        lever = self.lever()
        if lever is None:
            return
        item = self.item()
        if item is not None:
            changed = move_item(lever, item.id, step)
            if changed is not None:
                self._write([changed])
            return
        moved = move_lever(list(self._levers.values()), lever.id, step)
        if moved:
            self._write(moved)

    def action_owner(self) -> None:
        lever = self.lever()
        if lever is None:
            return
        actors = sorted(self.session.repository.actors,
                        key=lambda actor: (actor.name.casefold(), actor.id))
        picker = ActorPicker(actors, _("Owner of « {title} »").format(
            title=lever.title.get(language())))
        self.app.push_screen(picker, partial(self._owner_chosen, lever.id))

    def _owner_chosen(self, lever_id: str, choice: ActorChoice | None) -> None:
        lever = self._levers.get(lever_id)
        if lever is None or choice is None or choice.actor_id is None:
            return
        changed = lever.model_copy(deep=True)
        changed.owner_id = choice.actor_id
        self._write([changed])

    def action_go_owner(self) -> None:
        lever = self.lever()
        if lever is not None and lever.owner_id is not None:
            self.session.open(Target("actors", lever.owner_id))

    def action_restore(self) -> None:
        lever = self.lever()
        if lever is None or not differs_from_catalogue(lever):
            return
        dialog = ConfirmDialog(
            _("Restore the catalogue text?"),
            _("The title, description and item wording come back as the catalogue writes "
              "them, in both languages. Ticks, status, owner, dates, notes and your own items "
              "stay."),
            subject=lever.title.get(language()), confirm=_("Restore"))
        self.app.push_screen(dialog, partial(self._restored, lever.id))

    def _restored(self, lever_id: str, confirmed: bool | None) -> None:
        lever = self._levers.get(lever_id)
        if confirmed and lever is not None:
            self._write([restore_catalogue(lever)])

    def action_thresholds(self) -> None:
        form = ThresholdsForm(self.session.repository.territory.thresholds)
        form.keep_drafts(self.session, self._thresholds_saved)
        self.app.push_screen(form, self._thresholds_saved)

    def _thresholds_saved(self, thresholds: Thresholds | None) -> None:
        if thresholds is None:
            return
        territory = self.session.repository.territory.model_copy(deep=True)
        territory.thresholds = thresholds
        self._write([territory])
