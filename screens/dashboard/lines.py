"""A dashboard line as the panels draw it, apart from the panels themselves: the first
frame drawn from the store's summary (``first_frame.py``) draws the same lines before the
store and its models are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from coop_tui.core.target import Target

ATTENTION = "⚠"
MILESTONE = "◆"
BAR_CELLS = 12


@dataclass(frozen=True)
class Row:
    """One line of a panel: a heading (no target), a note (no target) or a line."""

    main: Text
    detail: Text | None = None
    target: Target | None = None
    below: Text | None = None  # a second, muted line
    key: str | None = None  # what names the line's record across refills, if not its target


class PanelLine(Visual):
    """A line of a panel: the text on the left, cut to fit, the figure on the right, whole,
    and an optional muted line below.

    The option list asks every line its height and width, for hundreds of lines on a large
    territory; a panel line knows both without rendering, and renders only when shown.
    """

    def __init__(self, main: Text, detail: Text, below: Text | None = None) -> None:
        self.main = main
        self.detail = detail
        self.below = below

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        below = self.below.cell_len + 2 if self.below is not None else 0
        return max(self.main.cell_len + self.detail.cell_len + 2, below)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1 if self.below is None else 2

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if width <= 0:
            return []
        main = self.main.copy()
        main.truncate(max(0, width - self.detail.cell_len - 2), overflow="ellipsis", pad=True)
        lines = [Text.assemble(" ", main, " ", self.detail)]
        if self.below is not None:
            lines.append(Text.assemble("  ", self.below))
        return [
            Content.from_rich_text(line).truncate(width, ellipsis=True)
            .render_strips(width, 1, style, options)[0]
            for line in lines[:height]
        ]


def prompt(row: Row) -> PanelLine:
    """The option list's prompt for ``row``."""
    return PanelLine(row.main, row.detail or Text(), row.below)
