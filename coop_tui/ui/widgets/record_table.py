"""A virtualised table of records: one row per record, cells computed on demand.

Textual's DataTable measures every cell of every row as rows are added (about 100 µs a
row, nearly two seconds for 10,000 meetings). This Line API widget takes the records'
keys and a callable giving the cells of row ``index``: it draws only the lines on screen
and asks for a row's cells the first time the row is shown, so filling it with 10,000
records costs nothing beyond building the list of keys.

Columns have fixed widths, one of them (width 0) takes the rest; a click on a heading
posts :class:`RecordTable.HeaderSelected` with the column's key. Cells and headings are
``str`` or ``rich.text.Text``, shown as text (never markup) on one line, cut with an
ellipsis; a ``Text`` justified right is drawn against the right edge of its column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from coop_tui.ui.widgets.key_order import KeysInOrder

Cell = str | Text
RowCells = Callable[[int], Sequence[Cell]]

# Spaces on each side of a cell, as in a DataTable.
PADDING = 1
HEADER_HEIGHT = 1
# The narrowest the flexible column gets when the fixed ones take the whole width.
MIN_FLEX_WIDTH = 16
# Drawn rows kept; beyond this the cache starts again (a screenful is redrawn cheaply).
MAX_CACHED_LINES = 2000


@dataclass(frozen=True)
class Column:
    """A column heading, its width in cells (0: the width left by the others), and the
    key a click on its heading reports."""

    heading: Cell
    width: int = 0
    key: str = ""


@dataclass(frozen=True)
class _Palette:
    base: Style
    header: Style
    zebra: Style
    cursor: Style


# Control characters a terminal would act on (escape sequences, ...) drawn as a space.
_CONTROLS = {code: " " for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}


def _one_line(cell: Cell) -> Text:
    """``cell`` as a single line of text (a str is never read as markup), tabs expanded
    and control characters blanked so the columns stay aligned."""
    text = Text(cell) if isinstance(cell, str) else cell.copy()
    if "\n" in text.plain:
        text = Text(" ").join(text.split("\n", allow_blank=True))
    if "\t" in text.plain:
        text.expand_tabs(4)
    plain = text.plain.translate(_CONTROLS)
    if plain != text.plain:
        text = Text(plain, style=text.style, spans=text.spans)
    return text


def _fitted(cell: Cell, width: int) -> Text:
    """``cell`` cut to ``width`` cells with an ellipsis and padded (on the left when it is
    a ``Text`` justified right), with its margins."""
    right = isinstance(cell, Text) and cell.justify == "right"
    text = _one_line(cell)
    text.no_wrap = True
    text.truncate(width, overflow="ellipsis")
    text.align("right" if right else "left", width)
    return Text(" " * PADDING).append_text(text).append(" " * PADDING)


@dataclass
class RecordTableMessage(Message):
    """About a row or a column of a table."""

    table: RecordTable
    """The table it happened in (handlers pick their table by its id)."""
    index: int
    """The row's or the column's index."""
    key: str | None
    """The record's or the column's key."""

    @property
    def control(self) -> RecordTable:
        return self.table


class RecordTable(KeysInOrder, ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of records under a header line, with a row cursor; only visible rows are drawn."""

    COMPONENT_CLASSES = {
        "record-table--header",
        "record-table--zebra",
        "record-table--cursor",
    }

    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .record-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .record-table--header { background-tint: $foreground 5%; }
        }
        &:dark > .record-table--zebra { background: $surface-darken-1 40%; }
        & > .record-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .record-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .record-table--zebra { background: $surface-lighten-1 50%; }
        & > .record-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS = [
        Binding("up", "move(-1)", show=False, id="record_table.up"),
        Binding("down", "move(1)", show=False, id="record_table.down"),
        Binding("pageup", "page(-1)", show=False, id="record_table.page_up"),
        Binding("pagedown", "page(1)", show=False, id="record_table.page_down"),
        Binding("home", "edge(-1)", show=False, id="record_table.first"),
        Binding("end", "edge(1)", show=False, id="record_table.last"),
        Binding("enter", "select", show=False, id="record_table.select"),
    ]

    cursor_row: reactive[int] = reactive(-1, always_update=False, init=False)

    class RowHighlighted(RecordTableMessage):
        """The cursor is on another record (``key`` None: the table is empty)."""

    class RowSelected(RecordTableMessage):
        """Enter, or a click on the cursor's row: the record ``key`` is chosen."""

        key: str

    class HeaderSelected(RecordTableMessage):
        """A click on the heading of column ``index``, whose key is ``key``."""

        key: str

    def __init__(self, *, zebra_stripes: bool = True, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.zebra_stripes = zebra_stripes
        self._columns: tuple[Column, ...] = ()
        self._keys: list[str] = []
        self._index: dict[str, int] | None = None
        self._row_cells: RowCells = lambda _index: ()
        self._cells: dict[int, Sequence[Cell]] = {}
        self._lines: dict[tuple[int, bool], Strip] = {}
        self._palette: _Palette | None = None
        self._palette_state: object = None
        self._drawn_width = -1
        self._highlighted: str | None = None

    # ------------------------------------------------------------------ the data

    def set_rows(self, columns: Sequence[Column], keys: Sequence[str], row_cells: RowCells,
                 cursor_key: str | None = None) -> None:
        """Show ``keys`` (one row each, cells from ``row_cells(index)``), the cursor on
        ``cursor_key`` when it is among them, else on the first row."""
        self._columns = tuple(columns)
        self._keys = list(keys)
        self._index = None
        self._row_cells = row_cells
        self._cells.clear()
        self._invalidate()
        self._update_virtual_size()
        index = self.index_of(cursor_key) if cursor_key is not None else None
        self.set_reactive(RecordTable.cursor_row, self._clamped(index or 0))
        self._cursor_moved()

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def keys(self) -> Sequence[str]:
        """The records' keys in the order of the rows."""
        return self._keys

    @property
    def columns(self) -> Sequence[Column]:
        return self._columns

    @property
    def current_key(self) -> str | None:
        """The key of the record under the cursor, None when the table is empty."""
        return self._keys[self.cursor_row] if 0 <= self.cursor_row < len(self._keys) else None

    def index_of(self, key: str) -> int | None:
        """The row of ``key``, None when it is not shown."""
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self._keys)}
        return self._index.get(key)

    def row_cells(self, index: int) -> Sequence[Cell]:
        """The cells of row ``index``, computed once per :meth:`set_rows`."""
        cells = self._cells.get(index)
        if cells is None:
            cells = self._cells[index] = self._row_cells(index)
        return cells

    def refresh_row(self, key: str) -> None:
        """Ask ``row_cells`` again for the cells of the record ``key`` and redraw its row
        (its data changed); nothing happens when it is not shown."""
        index = self.index_of(key)
        if index is None:
            return
        self._cells.pop(index, None)
        self._lines.pop((index, True), None)
        self._lines.pop((index, False), None)
        self.refresh_line(index + HEADER_HEIGHT)

    def move_cursor(self, key: str) -> bool:
        """Put the cursor on the record ``key``; False when it is not shown."""
        index = self.index_of(key)
        if index is None:
            return False
        self.cursor_row = index
        return True

    # ------------------------------------------------------------------ cursor

    def _clamped(self, value: int) -> int:
        return max(0, min(len(self._keys) - 1, value)) if self._keys else -1

    def validate_cursor_row(self, value: int) -> int:
        return self._clamped(value)

    def watch_cursor_row(self, old: int, new: int) -> None:
        for index in (old, new):
            self._lines.pop((index, True), None)
            self._lines.pop((index, False), None)
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        self._keep_cursor_visible()
        self.refresh()
        key = self.current_key
        if key != self._highlighted:
            self._highlighted = key
            self.post_message(self.RowHighlighted(self, self.cursor_row, key))

    @property
    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_HEIGHT)

    def _keep_cursor_visible(self) -> None:
        if self.cursor_row < 0:
            return
        top = int(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._body_height:
            self.scroll_to(y=self.cursor_row - self._body_height + 1, animate=False,
                           immediate=True)

    def action_move(self, step: int) -> None:
        self.cursor_row = self._clamped(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.cursor_row = self._clamped(self.cursor_row + direction * self._body_height)

    def action_edge(self, direction: int) -> None:
        self.cursor_row = self._clamped(-1 if direction < 0 else len(self._keys))

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.RowSelected(self, self.cursor_row, key))

    def on_click(self, event: events.Click) -> None:
        if event.y < HEADER_HEIGHT:
            self._header_clicked(event.x)
            return
        index = int(self.scroll_offset.y) + event.y - HEADER_HEIGHT
        if not 0 <= index < len(self._keys):
            return
        if index == self.cursor_row:
            self.action_select()
        else:
            self.cursor_row = index

    def column_at(self, x: int) -> int | None:
        """The column drawn at ``x`` (its margins included), None past the last one."""
        right = 0
        for index, width in enumerate(self.column_widths(self.scrollable_content_region.width)):
            right += width + 2 * PADDING
            if x < right:
                return index
        return None

    def _header_clicked(self, x: int) -> None:
        index = self.column_at(x)
        if index is not None:
            self.post_message(self.HeaderSelected(self, index, self._columns[index].key))

    # ------------------------------------------------------------------ size and styles

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width,
                                 len(self._keys) + HEADER_HEIGHT)

    def on_resize(self, _event: events.Resize) -> None:
        self._update_virtual_size()
        self._keep_cursor_visible()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._invalidate()

    def _invalidate(self) -> None:
        """Forget every drawn line (the rows, the width or the styles changed)."""
        self._lines.clear()
        self.refresh()

    @property
    def palette(self) -> _Palette:
        """The component styles, resolved again when focus or the theme changes them."""
        state = self.get_pseudo_class_state()
        if self._palette is None or state != self._palette_state:
            self._palette_state = state
            self._lines.clear()
            self._palette = _Palette(
                base=self.rich_style,
                header=self.get_component_rich_style("record-table--header"),
                zebra=self.get_component_rich_style("record-table--zebra"),
                cursor=self.get_component_rich_style("record-table--cursor"),
            )
        return self._palette

    def column_widths(self, width: int) -> list[int]:
        """Each column's text width (without its margins) in a table ``width`` cells wide."""
        margins = 2 * PADDING * len(self._columns)
        rest = width - margins - sum(column.width for column in self._columns)
        return [column.width or max(MIN_FLEX_WIDTH, rest) for column in self._columns]

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        palette = self.palette
        if width != self._drawn_width:
            self._drawn_width = width
            self._lines.clear()
        index = int(self.scroll_offset.y) + y - HEADER_HEIGHT if y >= HEADER_HEIGHT else -1
        if y >= HEADER_HEIGHT and not 0 <= index < len(self._keys):
            return Strip.blank(width, palette.base)
        on_cursor = index == self.cursor_row
        strip = self._lines.get((index, on_cursor))
        if strip is None:
            if len(self._lines) >= MAX_CACHED_LINES:
                self._lines.clear()
            strip = self._lines[index, on_cursor] = self._row_line(index, width, palette,
                                                                   on_cursor)
        return strip

    def _row_line(self, index: int, width: int, palette: _Palette, on_cursor: bool) -> Strip:
        """Row ``index`` drawn (-1: the header)."""
        if index < 0:
            return self._line([column.heading for column in self._columns], width,
                              palette.base + palette.header, None)
        row_style = palette.base
        if self.zebra_stripes and index % 2 == 0:
            row_style = palette.base + palette.zebra
        return self._line(self.row_cells(index), width, row_style,
                          palette.cursor if on_cursor else None)

    def _line(self, cells: Sequence[Cell], width: int, style: Style,
              cursor: Style | None) -> Strip:
        line = Text(no_wrap=True, end="")
        for cell, cell_width in zip(cells, self.column_widths(width), strict=False):
            line.append_text(_fitted(cell, cell_width))
        line.truncate(width, pad=True)
        segments = Segment.apply_style(line.render(self.app.console), style, cursor)
        return Strip(Segment.simplify(segments), width)
