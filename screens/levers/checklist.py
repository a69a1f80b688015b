"""The levers screen's view: the progress of each category, the checklist as a tree, and
beside it the detail of what the cursor is on, with the figures from the data."""

from __future__ import annotations

from collections.abc import Iterator

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

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
)
from coop_tui.core.labels import label
from coop_tui.core.target import Target
from coop_tui.screens.levers.changes import ordered
from coop_tui.screens.levers.detail import (
    category_evidence,
    category_head,
    due,
    item_detail,
    lever_head,
    lever_text,
    relative,
)
from coop_tui.screens.levers.panels import EvidenceRow, ProgressLine
from coop_tui.screens.levers.tree import (
    ATTENTION,
    CategoryRow,
    ItemRow,
    LeverRow,
    LeverTree,
    Row,
    Selection,
    heading,
)
from coop_tui.store.models import ChecklistItem, Lever, LeverCategory, LeverStatus
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text import plain

# Short names for the progress panel, where space is tight.
CATEGORY_SHORT: dict[LeverCategory, str] = {
    LeverCategory.REGULATORY: N_("Regulatory"),
    LeverCategory.METHODOLOGICAL: N_("Methodological"),
    LeverCategory.HUMAN: N_("Human"),
}


class LeverChecklist(CoopScreen):
    """The checklist of levers, its progress, and the evidence beside each lever; the
    screen adds the keys that change them."""

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
        self.refresh_if_stale()
        self.show_lever(target.record_id, target.part_id)

    # ------------------------------------------------------------------ the detail panel

    def _show_detail(self) -> None:
        lever = self.lever()
        item = self.item()
        item_panel = self.query_one("#detail-item", Static)
        item_panel.display = item is not None
        if item is not None:
            item_panel.update(item_detail(item))
        head = self.query_one("#detail-head", Static)
        text = self.query_one("#detail-text", Static)
        self.query_one("#detail-fields").display = lever is not None
        if lever is not None:
            head.update(lever_head(lever))
            self._show_fields(lever)
            text.update(lever_text(lever))
            evidence = self.figures_of(lever)
        elif self.selection.category is not None:
            head.update(category_head(self.selection.category, list(self._levers.values()),
                                      self._evidence))
            text.update("")
            evidence = category_evidence(self.selection.category,
                                          list(self._levers.values()), self._evidence)
        else:
            head.update(plain(_("No lever yet: press n to add one.")))
            text.update("")
            evidence = []
        self._show_evidence(evidence)

    def _show_fields(self, lever: Lever) -> None:
        """Owner, due date and last change, beside their names."""
        owner = self.session.repository.actor_name(lever.owner_id)
        self.query_one("#field-owner", Static).update(
            Content(owner) if owner else Content.styled(_("nobody yet"), "italic $text-muted"))
        self.query_one("#field-due", Static).update(due(lever, self.session.today()))
        changed = lever.updated.astimezone().date()
        text = format_date(changed, "medium")
        if changed <= self.session.today():
            text += f" ({relative(changed, self.session.today())})"
        self.query_one("#field-changed", Static).update(text)

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

