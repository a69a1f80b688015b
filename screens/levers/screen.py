"""Levers: the seed document's method as a living checklist, with evidence from the data.

A tree of the three categories of levers (regulatory, methodological, human), their
levers and checklist items; the progress of each category and of the whole, always in
view, with a note when one category lags far behind (the seed insists they work
together); and beside the tree the lever's detail with the figures the store gives about
it (``coop_tui.core.insights.levers``), each of which can open the record behind it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from coop_tui.core.exports.status import due_in
from coop_tui.core.i18n import N_, _, format_date, language, ngettext
from coop_tui.core.insights.levers import (
    Evidence,
    Facts,
    Lag,
    Progress,
    category_lag,
    category_progress,
    evidence_by_lever,
    needs_attention,
    overall_progress,
    percent,
)
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
from coop_tui.screens.levers.form import LeverForm
from coop_tui.screens.levers.panels import EvidenceRow, ProgressLine
from coop_tui.screens.levers.thresholds import ThresholdsForm
from coop_tui.screens.levers.tree import (
    ATTENTION,
    STATUS_ICONS,
    TICKED,
    UNTICKED,
    CategoryRow,
    ItemRow,
    LeverRow,
    LeverTree,
    Row,
    Selection,
    heading,
)
from coop_tui.store.models import (
    ChecklistItem,
    Lever,
    LeverCategory,
    LeverStatus,
    LocalizedText,
    Record,
    Thresholds,
)
from coop_tui.ui.palette import PaletteCommand, ScreenCommands
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.actor_picker import ActorChoice, ActorPicker
from coop_tui.ui.widgets.dialogs import ConfirmDialog, TextPrompt, check_name
from coop_tui.ui.widgets.text import plain

# What the seed says of each category, shown when a category is under the cursor.
CATEGORY_INTROS: dict[LeverCategory, str] = {
    LeverCategory.REGULATORY: N_(
        "The pooling scheme and the financial and fiscal pact organise the implementation of "
        "the territorial project over the mandate."),
    LeverCategory.METHODOLOGICAL: N_(
        "Work in 'project mode' needs cross-cutting, cooperative working methods, from which "
        "a culture of the intercommunal project grows."),
    LeverCategory.HUMAN: N_(
        "Power games, a common culture and a posture of coordination and facilitation: "
        "cooperation is supported, never rushed."),
}
# Short names for the progress panel, where space is tight.
CATEGORY_SHORT: dict[LeverCategory, str] = {
    LeverCategory.REGULATORY: N_("Regulatory"),
    LeverCategory.METHODOLOGICAL: N_("Methodological"),
    LeverCategory.HUMAN: N_("Human"),
}
# ---------------------------------------------------------------------------- palette


class LeverCommands(ScreenCommands):
    """The levers screen's actions and its levers, by name, in the command palette."""

    def commands(self) -> Iterator[PaletteCommand]:
        screen = self.screen
        if not isinstance(screen, LeversScreen):
            return
        for action, name, help_text in PALETTE_ACTIONS:
            if screen.check_action(action, ()) is True:
                yield PaletteCommand(_(name), _(help_text), partial(screen.run_action, action))
        for lever in screen.levers_in_order():
            title = lever.title.get(language())
            yield PaletteCommand(_("Lever: {title}").format(title=title), label(lever.category),
                                 partial(screen.show_lever, lever.id))


# action, palette name, help
PALETTE_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("new_lever", N_("Levers: new lever"), N_("Add a lever of your own to the checklist")),
    ("add_item", N_("Levers: add a checklist item"), N_("Add an item to the lever selected")),
    ("cycle_status", N_("Levers: change the status"),
     N_("To do, in progress, done, not applicable")),
    ("edit", N_("Levers: edit the lever"),
     N_("Title, owner, due date, description, notes, evidence")),
    ("rename", N_("Levers: rename"), N_("A new title for the lever or item selected")),
    ("delete", N_("Levers: delete"),
     N_("Your own levers and items; a catalogue lever is set not applicable instead")),
    ("owner", N_("Levers: choose the owner"), N_("Who carries the lever selected")),
    ("restore", N_("Levers: restore the catalogue text"),
     N_("Bring back the seed document's wording of the lever selected")),
    ("thresholds", N_("Levers: thresholds of the evidence"),
     N_("Past which figure a lever needs attention")),
    ("focus_evidence", N_("Levers: evidence of the lever"),
     N_("The figures from the data about the lever selected")),
)


# ---------------------------------------------------------------------------- the screen


class LeversScreen(CoopScreen):
    """The checklist of levers, its progress, and the evidence beside each lever."""

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

    selection: var[Selection] = var(Selection(), init=False)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._levers: dict[str, Lever] = {}
        self._evidence: dict[str, list[Evidence]] = {}
        self._node_of: dict[str, TreeNode[Row]] = {}
        self._expanded: set[str] | None = None

    @property
    def title_text(self) -> str:
        return _("Levers")

    def compose_content(self) -> ComposeResult:
        with Grid(id="progress"):
            yield ProgressLine(_("Overall"), id="progress-overall")
            for category in LeverCategory:
                yield ProgressLine(_(CATEGORY_SHORT[category]), id=f"progress-{category.value}")
        yield Static("", id="lag-note", markup=False)
        with Horizontal(id="levers-main"):
            yield LeverTree(id="levers")
            with VerticalScroll(id="lever-detail"):
                yield Static("", id="detail-item", markup=False)
                yield Static("", id="detail-head", markup=False)
                with Grid(id="detail-fields"):
                    for field, name in ((_("Owner"), "owner"), (_("Due date"), "due"),
                                        (_("Last change"), "changed")):
                        yield Static(plain(field), classes="field-name")
                        yield Static("", id=f"field-{name}", markup=False)
                yield Static("", id="evidence-title", markup=False)
                yield Vertical(id="evidence")
                yield Static("", id="evidence-empty", markup=False)
                yield Static("", id="detail-text", markup=False)

    # ------------------------------------------------------------------ reading the store

    def levers_in_order(self) -> list[Lever]:
        return [lever for category in LeverCategory
                for lever in ordered(list(self._levers.values()), category)]

    def lever(self) -> Lever | None:
        """The lever under the cursor (or whose item is under it)."""
        return self._levers.get(self.selection.lever_id)

    def figures_of(self, lever: Lever) -> list[Evidence]:
        """The figures from the data about a lever, as shown beside it."""
        return self._evidence.get(lever.id, [])

    def item(self) -> ChecklistItem | None:
        lever = self.lever()
        if lever is None or not self.selection.item_id:
            return None
        return next((item for item in lever.items if item.id == self.selection.item_id), None)

    def refresh_data(self) -> None:
        repository = self.session.repository
        levers = repository.levers
        self._levers = {lever.id: lever for lever in levers}
        facts = Facts.of(repository, self.session.today())
        self._evidence = evidence_by_lever(levers, facts)
        progress = category_progress(levers)
        lag = category_lag(progress, repository.territory.thresholds)
        self._show_progress(progress, overall_progress(levers), lag)
        self._rebuild_tree(progress, lag)
        self._show_detail()
        self.refresh_bindings()

    def _show_progress(self, progress: dict[LeverCategory, Progress], overall: Progress,
                       lag: Lag | None) -> None:
        self.query_one("#progress-overall", ProgressLine).show(overall)
        lagging = lag.lagging if lag else ()
        for category, figures in progress.items():
            line = self.query_one(f"#progress-{category.value}", ProgressLine)
            line.show(figures, lagging=category in lagging)
        note = self.query_one("#lag-note", Static)
        note.display = lag is not None
        if lag is not None:
            names = heading(", ".join(label(category) for category in lag.lagging))
            note.update(Content.assemble(
                (f"{ATTENTION} ", "$warning bold"),
                ngettext("{names} lag far behind {leader} ({points} points).",
                         "{names} lag far behind {leader} ({points} points).",
                         len(lag.lagging)).format(names=names, leader=label(lag.leader),
                                                  points=lag.gap_points),
                " ",
                (_("The levers work best used together."), "$text-muted"),
            ))

    # ------------------------------------------------------------------ the tree

    def _walk(self, node: TreeNode[Row]) -> Iterator[TreeNode[Row]]:
        for child in node.children:
            yield child
            yield from self._walk(child)

    def _rebuild_tree(self, progress: dict[LeverCategory, Progress], lag: Lag | None) -> None:
        """Rebuild the checklist, keeping what was open and where the cursor was."""
        tree = self.query_one(LeverTree)
        if self._node_of:
            self._expanded = {node.data.key for node in self._walk(tree.root)
                              if node.data is not None and node.is_expanded}
        expanded = self._expanded
        tree.clear()
        self._node_of = {}
        lagging = lag.lagging if lag else ()
        lang = language()
        for category in LeverCategory:
            row = CategoryRow(category, progress[category], category in lagging)
            open_category = expanded is None or row.key in expanded
            branch = tree.root.add(plain(heading(label(category))), row,
                                   expand=open_category)
            self._node_of[row.key] = branch
            for lever in ordered(list(self._levers.values()), category):
                self._add_lever(branch, lever, lang, expanded)
        self._restore_cursor(tree)

    def _add_lever(self, branch: TreeNode[Row], lever: Lever, lang: str,
                   expanded: set[str] | None) -> None:
        done, total = lever.progress()
        row = LeverRow(lever.id, lever.category, lever.title.get(lang), lever.status, done,
                       total, needs_attention(lever, self._evidence.get(lever.id, ())))
        title = plain(row.title)
        if not lever.items:
            self._node_of[lever.id] = branch.add_leaf(title, row)
            return
        node = branch.add(title, row, expand=expanded is not None and lever.id in expanded)
        self._node_of[lever.id] = node
        muted = lever.status is LeverStatus.NOT_APPLICABLE
        for item in lever.items:
            item_row = ItemRow(lever.id, item.id, lever.category, item.text.get(lang),
                               item.done, muted)
            self._node_of[item.id] = node.add_leaf(plain(item_row.text), item_row)

    def _restore_cursor(self, tree: LeverTree) -> None:
        selection = self.selection
        node = (self._node_of.get(selection.item_id) or self._node_of.get(selection.lever_id)
                or (self._node_of.get(selection.category.value) if selection.category else None))
        if node is None:
            node = next((n for n in self._walk(tree.root) if isinstance(n.data, LeverRow)),
                        None)
        if node is None:
            return
        self._reveal(tree, node)
        tree.move_cursor(node)
        self.selection = Selection.of(node.data)

    def _reveal(self, tree: LeverTree, node: TreeNode[Row]) -> None:
        """Open the branches above a node, then let the tree place its lines."""
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        tree.last_line  # noqa: B018 - builds the tree's lines so nodes know where they are

    @on(Tree.NodeHighlighted, "#levers")
    def _highlighted(self, event: Tree.NodeHighlighted[Row]) -> None:
        if event.node is self.query_one(LeverTree).cursor_node:
            self.selection = Selection.of(event.node.data)

    def watch_selection(self) -> None:
        self._show_detail()
        self.refresh_bindings()

    def show_lever(self, lever_id: str, item_id: str = "") -> None:
        """Put the cursor on a lever (or one of its items) and bring the checklist forward."""
        node = self._node_of.get(item_id) or self._node_of.get(lever_id)
        if node is None:
            return
        tree = self.query_one(LeverTree)
        self._reveal(tree, node)
        tree.move_cursor(node)
        self.selection = Selection.of(node.data)
        tree.focus()

    def show_record(self, target: Target) -> None:
        self._refresh_if_stale()
        self.show_lever(target.record_id, target.part_id)

    # ------------------------------------------------------------------ the detail panel

    def _show_detail(self) -> None:
        lever = self.lever()
        item = self.item()
        item_panel = self.query_one("#detail-item", Static)
        item_panel.display = item is not None
        if item is not None:
            item_panel.update(self._item_detail(item))
        head = self.query_one("#detail-head", Static)
        text = self.query_one("#detail-text", Static)
        self.query_one("#detail-fields").display = lever is not None
        if lever is not None:
            head.update(self._lever_head(lever))
            self._show_fields(lever)
            text.update(self._lever_text(lever))
            evidence = self.figures_of(lever)
        elif self.selection.category is not None:
            head.update(self._category_head(self.selection.category))
            text.update("")
            evidence = self._category_evidence(self.selection.category)
        else:
            head.update(plain(_("No lever yet: press n to add one.")))
            text.update("")
            evidence = []
        self._show_evidence(evidence)

    def _item_detail(self, item: ChecklistItem) -> Content:
        text = item.text.get(language())
        if item.done:
            state = (_("Ticked on {date}").format(date=format_date(item.done_on, "medium"))
                     if item.done_on else _("Ticked"))
        else:
            state = _("Not ticked yet: space to tick")
        return Content.assemble(
            (f"{TICKED if item.done else UNTICKED} ", "$success" if item.done else ""),
            (text, "bold"), "\n", (state, "$text-muted"),
        )

    def _relative(self, day: date) -> str:
        return due_in((day - self.session.today()).days)

    def _due(self, lever: Lever) -> Content:
        if lever.due is None:
            return Content.styled(_("none"), "italic $text-muted")
        text = f"{format_date(lever.due, 'medium')} ({self._relative(lever.due)})"
        late = (lever.due < self.session.today()
                and lever.status in (LeverStatus.TODO, LeverStatus.IN_PROGRESS))
        return Content.styled(text, "$error bold" if late else "")

    def _lever_head(self, lever: Lever) -> Content:
        lang = language()
        done, total = lever.progress()
        meta = [label(lever.category), f"{STATUS_ICONS[lever.status]} {label(lever.status)}"]
        if total:
            meta.append(ngettext("{done}/{total} item", "{done}/{total} items", total).format(
                done=done, total=total))
        meta.append(_("catalogue lever") if lever.from_catalogue else _("your own lever"))
        if differs_from_catalogue(lever):
            meta.append(_("text edited (x restores it)"))
        return Content.assemble((lever.title.get(lang), "bold"), "\n",
                                (" · ".join(meta), "$text-muted"))

    def _show_fields(self, lever: Lever) -> None:
        """Owner, due date and last change, beside their names."""
        owner = self.session.repository.actor_name(lever.owner_id)
        self.query_one("#field-owner", Static).update(
            Content(owner) if owner else Content.styled(_("nobody yet"), "italic $text-muted"))
        self.query_one("#field-due", Static).update(self._due(lever))
        changed = lever.updated.astimezone().date()
        text = format_date(changed, "medium")
        if changed <= self.session.today():
            text += f" ({self._relative(changed)})"
        self.query_one("#field-changed", Static).update(text)

    def _lever_text(self, lever: Lever) -> Content:
        """What the lever is and what the facilitator wrote about it."""
        parts: list[Content | str | tuple[str, str]] = ["\n"]
        description = lever.description.get(language())
        parts.append(description if description
                     else (_("No description."), "italic $text-muted"))
        if lever.notes:
            parts += ["\n\n", (_("Notes"), "bold"), "\n", lever.notes]
        if lever.evidence:
            parts += ["\n\n", (_("Evidence (links and files)"), "bold")]
            for line in lever.evidence:
                parts += ["\n", ("• ", "$text-muted"), line]
        return Content.assemble(*parts)

    def _category_head(self, category: LeverCategory) -> Content:
        levers = [lever for lever in self._levers.values() if lever.category is category]
        progress = category_progress(levers)[category]
        attention = [lever.title.get(language()) for lever in ordered(levers)
                     if needs_attention(lever, self._evidence.get(lever.id, ()))]
        counts = ngettext("{count} lever", "{count} levers", len(levers)).format(
            count=len(levers))
        if progress.total:
            counts += " · " + _("{done}/{total} steps done ({percent})").format(
                done=progress.done, total=progress.total, percent=percent(progress.ratio))
        parts: list[Content | str | tuple[str, str]] = [
            (heading(label(category)), "bold"), "\n", (counts, "$text-muted"), "\n\n",
            _(CATEGORY_INTROS[category]),
        ]
        if attention:
            parts += ["\n\n", (f"{ATTENTION} " + _("Needing attention:"), "$warning bold")]
            for title in attention:
                parts += ["\n", ("• ", "$text-muted"), title]
        return Content.assemble(*parts)

    def _category_evidence(self, category: LeverCategory) -> list[Evidence]:
        """The figures about a category's levers, each once, those calling for attention first."""
        seen: set[tuple[str, str]] = set()
        found: list[Evidence] = []
        for lever in ordered(list(self._levers.values()), category):
            for evidence in self._evidence.get(lever.id, []):
                key = (evidence.rule, evidence.figure)
                if evidence.levers and key not in seen:
                    seen.add(key)
                    found.append(evidence)
        return sorted(found, key=lambda evidence: not evidence.attention)

    def _show_evidence(self, evidence: list[Evidence]) -> None:
        calling = sum(e.attention for e in evidence)
        title = Content.assemble((_("Evidence from the data"), "bold"), "\n",
                                 (_("v, then enter: open the record behind a figure"),
                                  "$text-muted"))
        if calling:
            title = Content.assemble(title, "\n", (f"{ATTENTION} " + ngettext(
                "{count} figure calls for attention", "{count} figures call for attention",
                calling).format(count=calling), "$warning"))
        self.query_one("#evidence-title", Static).update(title)
        # Rows are kept and reused (hidden when not needed): a key typed right after the
        # cursor moved must find them there, not halfway through a mount or a removal.
        container = self.query_one("#evidence", Vertical)
        rows = list(container.query_children(EvidenceRow))
        for index, row in enumerate(rows):
            row.display = index < len(evidence)
            if row.display:
                row.show(evidence[index])
        if len(evidence) > len(rows):
            container.mount_all(EvidenceRow(figure) for figure in evidence[len(rows):])
        empty = self.query_one("#evidence-empty", Static)
        empty.display = not evidence
        empty.update(Content.styled(_("No figure from the data concerns this lever."),
                                    "italic $text-muted"))

    @on(EvidenceRow.Opened)
    def _evidence_opened(self, event: EvidenceRow.Opened) -> None:
        if event.evidence.target is not None:
            self.session.open(event.evidence.target)

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
        problem = self.session.save(saved, deleted)
        if problem is not None:
            self.notify(_("Not saved: {reason}").format(reason=problem), severity="error",
                        markup=False)
            return False
        self._refresh_if_stale()
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
        actors = sorted(self.session.repository.actors, key=lambda actor: actor.name.casefold())
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
