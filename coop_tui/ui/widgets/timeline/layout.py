"""The timeline's rows and columns: group headings and items, the links between rows, and
how the width is shared between the labels and the bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from coop_tui.store.models import RoadmapItem

MARKER_WIDTH = 2  # the late or broken mark and the link mark before each label


@dataclass(frozen=True)
class TimelineGroup:
    """A heading and the items under it."""

    title: str
    items: Sequence[RoadmapItem]


@dataclass(frozen=True)
class Row:
    """A line of the timeline: a group heading (``item`` None) or an item."""

    title: str
    item: RoadmapItem | None = None
    count: int = 0


@dataclass(frozen=True)
class Rows:
    """The lines of the timeline in order, with where each item is and what needs it."""

    lines: list[Row] = field(default_factory=list)
    rows_of: dict[str, list[int]] = field(default_factory=dict)  # item id -> its rows
    needed_by: dict[str, list[str]] = field(default_factory=dict)  # id -> dependents' ids

    @classmethod
    def of(cls, groups: Sequence[TimelineGroup]) -> Rows:
        rows = cls()
        for group in groups:
            rows.lines.append(Row(group.title, count=len(group.items)))
            rows.lines.extend(Row(item.objective, item) for item in group.items)
        for index, row in enumerate(rows.lines):
            if row.item is not None:
                rows.rows_of.setdefault(row.item.id, []).append(index)
                for ref in row.item.depends_on:
                    rows.needed_by.setdefault(ref, []).append(row.item.id)
        return rows

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, index: int) -> Row:
        return self.lines[index]

    def row_of(self, item_id: str | None) -> int | None:
        """The first row showing ``item_id``."""
        found = self.rows_of.get(item_id or "")
        return found[0] if found else None

    def related(self, index: int) -> set[int]:
        """The row at ``index`` and the rows its marks depend on (its links)."""
        if not 0 <= index < len(self.lines):
            return set()
        item = self.lines[index].item
        if item is None:
            return {index}
        related = {item.id, *item.depends_on, *self.needed_by.get(item.id, ())}
        return {row for ref in related for row in self.rows_of.get(ref, ())}

    def next_item(self, start: int, step: int) -> int:
        """The next row holding an item from ``start`` in direction ``step`` (or ``start``)."""
        index = start + step
        while 0 <= index < len(self.lines):
            if self.lines[index].item is not None:
                return index
            index += step
        return start if 0 <= start < len(self.lines) else -1


def label_width(content_width: int) -> int:
    """Two fifths of the width, capped so the bars keep room for the whole mandate."""
    return max(16, min(36 if content_width < 180 else 50, content_width * 2 // 5))


def bar_width(content_width: int) -> int:
    return max(1, content_width - MARKER_WIDTH - label_width(content_width) - 1)
