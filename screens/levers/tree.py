"""The checklist of the levers screen: categories, levers and their items in one tree.

Each line is drawn from a row (what a category, a lever or an item shows) at the width
the tree has, so long titles end with an ellipsis instead of running off the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from coop_tui.core.i18n import N_, _
from coop_tui.core.insights.levers import Progress, percent
from coop_tui.core.labels import label
from coop_tui.store.models import LeverCategory, LeverStatus
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder

STATUS_ICONS: dict[LeverStatus, str] = {
    LeverStatus.TODO: "○",
    LeverStatus.IN_PROGRESS: "◐",
    LeverStatus.DONE: "●",
    LeverStatus.NOT_APPLICABLE: "⊘",
}
ATTENTION = "⚠"
TICKED, UNTICKED = "☑", "☐"

# Below these widths (cells), a lever's line leaves out its status, then its bar.
STATUS_FROM_WIDTH = 58
BAR_FROM_WIDTH = 40
BAR_CELLS = 6


@dataclass(frozen=True)
class CategoryRow:
    """A category's line: its name and its progress, flagged when it lags."""

    category: LeverCategory
    progress: Progress
    lagging: bool

    @property
    def key(self) -> str:
        return self.category.value


@dataclass(frozen=True)
class LeverRow:
    """A lever's line: status, title, items ticked, and whether it needs attention."""

    lever_id: str
    category: LeverCategory
    title: str
    status: LeverStatus
    done: int
    total: int
    attention: bool

    @property
    def key(self) -> str:
        return self.lever_id


@dataclass(frozen=True)
class ItemRow:
    """A checklist item's line, muted when its lever is not applicable."""

    lever_id: str
    item_id: str
    category: LeverCategory
    text: str
    done: bool
    muted: bool

    @property
    def key(self) -> str:
        return self.item_id


Row = CategoryRow | LeverRow | ItemRow


@dataclass(frozen=True)
class Selection:
    """What the cursor is on: a category, a lever, or an item of a lever."""

    category: LeverCategory | None = None
    lever_id: str = ""
    item_id: str = ""

    @classmethod
    def of(cls, row: Row | None) -> Selection:
        if isinstance(row, CategoryRow):
            return cls(row.category)
        if isinstance(row, LeverRow):
            return cls(row.category, row.lever_id)
        if isinstance(row, ItemRow):
            return cls(row.category, row.lever_id, row.item_id)
        return cls()


def heading(text: str) -> str:
    """A label used as a heading: its first letter in capitals ("human levers" -> "Human…")."""
    return text[:1].upper() + text[1:]


def fit(text: str, width: int, style: Style | str = "") -> Text:
    """User text cut to ``width`` cells with an ellipsis, padded to exactly that width."""
    line = Text(text.replace("\n", " "), style=style, no_wrap=True, end="")
    line.truncate(max(width, 0), overflow="ellipsis", pad=True)
    return line


class LeverTree(KeysInOrder, Tree[Row]):
    """The checklist: space ticks an item, enter edits what is under the cursor.

    Labels are drawn at the width the tree has, so long titles end with an ellipsis
    instead of running off the edge; the full text is in the detail panel.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "lever-tree--attention", "lever-tree--muted", "lever-tree--done",
        "lever-tree--category", "lever-tree--bar-empty",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_node", N_("Tick"), id="levers.tick"),
        Binding("right", "open_node", N_("Open"), show=False, id="levers.open"),
        Binding("left", "close_node", N_("Close"), show=False, id="levers.close"),
    ]

    @dataclass
    class ItemToggled(Message):
        """Space on a checklist item."""

        row: ItemRow
        """The item to tick or untick."""

    @dataclass
    class EditRequested(Message):
        """Enter on a lever or an item."""

        row: LeverRow | ItemRow
        """The lever or the item to edit."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(_("Levers"), id=id)
        translate_bindings(self)
        self.show_root = False
        self.auto_expand = True

    @property
    def cursor_row(self) -> Row | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def action_toggle_node(self) -> None:
        row = self.cursor_row
        if isinstance(row, ItemRow):
            self.post_message(self.ItemToggled(row))
        else:
            super().action_toggle_node()

    def action_select_cursor(self) -> None:
        row = self.cursor_row
        if isinstance(row, LeverRow | ItemRow):
            self.post_message(self.EditRequested(row))
        else:
            super().action_select_cursor()

    def action_open_node(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_expanded and node.children:
            self.move_cursor(node.children[0])
        else:
            node.expand()

    def action_close_node(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    # ------------------------------------------------------------------ labels

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"lever-tree--{name}", partial=True)

    def _room(self, node: TreeNode[Row]) -> int:
        """Cells left for a label after the guides and the expand icon."""
        depth = 0
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        return self.scrollable_content_region.width - depth * self.guide_depth - 2

    def render_label(self, node: TreeNode[Row], base_style: Style, style: Style) -> Text:
        row = node.data
        if row is None:
            return super().render_label(node, base_style, style)
        width = max(self._room(node), 10)
        if isinstance(row, CategoryRow):
            text = self._category_label(row, width)
        elif isinstance(row, LeverRow):
            text = self._lever_label(row, width)
        else:
            text = self._item_label(row, width + 2)
        text.stylize(style)
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return Text.assemble((icon, base_style + Style(bold=True)), text)
        if isinstance(row, LeverRow):
            return Text.assemble("  ", text)
        return text

    def _category_label(self, row: CategoryRow, width: int) -> Text:
        figures = Text(no_wrap=True, end="")
        if row.lagging:
            figures.append(f" {ATTENTION}", style=self._style("attention"))
        if row.progress.total:
            figures.append(f"  {row.progress.done}/{row.progress.total} · "
                           f"{percent(row.progress.ratio)}", style=self._style("muted"))
        name = fit(heading(label(row.category)), width - figures.cell_len,
                   self._style("category"))
        return Text.assemble(name, figures)

    def _bar(self, done: int, total: int) -> Text:
        filled = round(BAR_CELLS * done / total) if total else 0
        return Text.assemble(("━" * filled, self._style("done")),
                             ("━" * (BAR_CELLS - filled), self._style("bar-empty")))

    def _lever_label(self, row: LeverRow, width: int) -> Text:
        muted = row.status is LeverStatus.NOT_APPLICABLE
        right = Text(no_wrap=True, end="")
        if row.attention:
            right.append(f" {ATTENTION}", style=self._style("attention"))
        if width >= STATUS_FROM_WIDTH:
            widest = max(cell_len(label(status)) for status in LeverStatus)
            right.append("  " + label(row.status).ljust(widest), style=self._style("muted"))
        if row.total:
            if width >= BAR_FROM_WIDTH and not muted:
                right.append("  ")
                right.append_text(self._bar(row.done, row.total))
            right.append(f" {row.done}/{row.total}".rjust(6), style=self._style("muted"))
        icon_style = self._style("done") if row.status is LeverStatus.DONE else Style()
        title_style = self._style("muted") if muted else Style()
        title = fit(row.title, width - 2 - right.cell_len, title_style)
        return Text.assemble((STATUS_ICONS[row.status] + " ", icon_style), title, right)

    def _item_label(self, row: ItemRow, width: int) -> Text:
        mark = (TICKED, self._style("done")) if row.done else (UNTICKED, Style())
        text_style = self._style("muted") if row.done or row.muted else Style()
        return Text.assemble(mark, " ", fit(row.text, width - 2, text_style))
