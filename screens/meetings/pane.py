"""The base of the panes of the meeting screen (attendance, decisions and actions,
follow-up): they change the meeting through its editor and say so."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable

from coop_tui.core.i18n import _
from coop_tui.screens.meetings.editor import MeetingEditor, Mutator
from coop_tui.store.models import Record
from coop_tui.ui.widgets.bindings import translate_bindings


class MeetingPane(Vertical):
    """A part of the meeting screen, working on the meeting's editor."""

    class Changed(Message):
        """The meeting (or a record beside it) was saved: every view shows it again."""

    def __init__(self, editor: MeetingEditor, *, id: str) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.editor = editor

    def commit(self, mutate: Mutator, *others: Record) -> bool:
        """Save a change; tell the screen, or say why it was refused."""
        if self.editor.change(mutate, *others):
            self.post_message(self.Changed())
            return True
        self.notify(_("Not saved: {reason}").format(reason=self.editor.last_error),
                    severity="error", markup=False, timeout=8)
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Changes are off in a read-only store."""
        return not (self.editor.read_only and action in self.EDITING_ACTIONS)

    EDITING_ACTIONS: frozenset[str] = frozenset()

    def refresh_view(self) -> None:
        """Show the editor's meeting again."""

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_view()


# A column: its heading, its width (0: the room left), and whether a narrow screen keeps it.
Column = tuple[str, int, bool]
NARROW = 100


def fit_columns(table: DataTable[object], columns: list[Column], width: int) -> list[int]:
    """Set ``table``'s columns for ``width``; the indexes of the columns kept, for the rows."""
    kept = [index for index, (_h, _w, narrow) in enumerate(columns) if narrow or width >= NARROW]
    fixed = sum(columns[i][1] for i in kept) + 2 * len(kept) + 2
    table.clear(columns=True)
    for index in kept:
        heading, size, _narrow = columns[index]
        table.add_column(heading, width=size or max(12, width - fixed))
    return kept


def pick(cells: list[object], kept: list[int]) -> list[object]:
    return [cells[index] for index in kept]


def cell(value: str, style: str = "") -> Text:
    """User text for a one-line table cell: literal, cut with an ellipsis when too long."""
    return Text(value, style=style, no_wrap=True, overflow="ellipsis")
