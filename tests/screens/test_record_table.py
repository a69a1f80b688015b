"""The virtualised record table on its own: drawing only what is seen, keys, clicks,
messages, the cursor kept on a record, cells and headings shown as text and cut to their
column, right-justified cells, and a row refreshed on its own."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult

from coop_tui.ui.widgets.record_table import Cell, Column, RecordTable

COLUMNS = [Column("Number", 8, "number"), Column("Name", key="name"), Column("Flag", 4, "flag")]
SIZE = (60, 12)  # a header and 11 rows on screen
VISIBLE = SIZE[1] - 1


class TableApp(App[None]):
    """A table of ``count`` records keyed ``r0``, ``r1``…, recording what it is asked."""

    def __init__(self, count: int = 1000) -> None:
        super().__init__()
        self.count = count
        self.asked: list[int] = []
        self.highlighted: list[str | None] = []
        self.selected: list[str] = []
        self.headers: list[tuple[int, str]] = []

    def cells(self, index: int) -> Sequence[Cell]:
        self.asked.append(index)
        return [str(index), Text(f"record number {index}", style="bold"), "x"]

    def compose(self) -> ComposeResult:
        yield RecordTable(id="table")

    def on_mount(self) -> None:
        self.table.set_rows(COLUMNS, [f"r{i}" for i in range(self.count)], self.cells)

    @property
    def table(self) -> RecordTable:
        return self.query_one(RecordTable)

    @on(RecordTable.RowHighlighted, "#table")
    def _highlighted(self, event: RecordTable.RowHighlighted) -> None:
        self.highlighted.append(event.key)

    @on(RecordTable.RowSelected, "#table")
    def _selected(self, event: RecordTable.RowSelected) -> None:
        self.selected.append(event.key)

    @on(RecordTable.HeaderSelected, "#table")
    def _header(self, event: RecordTable.HeaderSelected) -> None:
        self.headers.append((event.index, event.key))


def screen_text(app: App[None]) -> list[str]:
    """The table's lines as plain text."""
    table = app.query_one(RecordTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_only_the_rows_on_screen_are_built() -> None:
    app = TableApp(10_000)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.table.row_count == 10_000
        assert set(app.asked) == set(range(VISIBLE))
        await pilot.press("end")
        await pilot.pause()
        assert set(app.asked) == set(range(VISIBLE)) | set(range(10_000 - VISIBLE, 10_000))
        lines = screen_text(app)
        assert lines[0].split() == ["Number", "Name", "Flag"]
        assert lines[-1].split()[:2] == ["9999", "record"]


async def test_a_row_is_built_once_however_often_it_is_drawn() -> None:
    app = TableApp(50)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "up", "pagedown", "pageup")
        await pilot.pause()
        assert len(app.asked) == len(set(app.asked))


async def test_cursor_keys_move_and_scroll() -> None:
    app = TableApp(100)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        assert table.current_key == "r0"
        await pilot.press("down", "down")
        assert table.current_key == "r2"
        await pilot.press("up", "up", "up")
        assert table.current_key == "r0"
        await pilot.press("pagedown")
        assert table.cursor_row == VISIBLE
        await pilot.pause()
        assert table.scroll_offset.y == 1  # the cursor's row is the last one shown
        await pilot.press("pagedown", "pageup")
        assert table.cursor_row == VISIBLE
        await pilot.press("end")
        assert table.current_key == "r99"
        await pilot.press("down")
        assert table.current_key == "r99"
        await pilot.press("home")
        await pilot.pause()
        assert table.current_key == "r0"
        assert table.scroll_offset.y == 0


async def test_highlight_and_selection_messages_carry_the_key() -> None:
    app = TableApp(20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.highlighted == ["r0", "r1"]
        assert app.selected == ["r1"]


async def test_a_click_moves_the_cursor_a_second_click_selects() -> None:
    app = TableApp(20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(RecordTable, offset=(3, 4))  # the header, then rows 0, 1, 2, 3
        await pilot.pause()
        assert app.table.current_key == "r3"
        assert app.selected == []
        await pilot.click(RecordTable, offset=(3, 4))
        await pilot.pause()
        assert app.selected == ["r3"]
        await pilot.click(RecordTable, offset=(3, 0))
        await pilot.pause()
        assert app.table.current_key == "r3"
        assert app.selected == ["r3"]


async def test_move_cursor_to_a_key_scrolls_to_it() -> None:
    app = TableApp(1000)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.table.move_cursor("r500")
        await pilot.pause()
        assert app.table.current_key == "r500"
        assert app.table.scroll_offset.y <= 500 < app.table.scroll_offset.y + VISIBLE
        assert "500" in screen_text(app)[500 - int(app.table.scroll_offset.y) + 1]
        assert not app.table.move_cursor("elsewhere")
        assert app.table.current_key == "r500"


async def test_new_rows_keep_the_cursor_on_its_record() -> None:
    app = TableApp(30)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.table.move_cursor("r7")
        keys = [f"r{i}" for i in range(0, 30, 7)]  # r0 r7 r14 r21 r28
        app.table.set_rows(COLUMNS, keys, lambda index: [keys[index], "", ""],
                           cursor_key="r7")
        assert app.table.current_key == "r7"
        assert app.table.cursor_row == 1
        app.table.set_rows(COLUMNS, keys[2:], lambda index: ["", "", ""], cursor_key="r7")
        assert app.table.current_key == "r14"
        app.table.set_rows(COLUMNS, [], lambda index: [], cursor_key="r7")
        await pilot.pause()
        assert app.table.current_key is None
        assert app.highlighted[-1] is None
        await pilot.press("down", "end", "enter")
        assert app.selected == []


async def test_cells_are_text_on_one_line_cut_with_an_ellipsis() -> None:
    keys = ["a", "b", "c"]
    cells: list[list[Cell]] = [["[b]x[/b]", "a title\nover two lines", "wide"],
                               ["1", "é" * 80, "ok"],
                               ["\x1b[2J", Text("a\tb", style="bold"), "\x9b"]]
    app = TableApp(0)
    async with app.run_test(size=SIZE) as pilot:
        app.table.set_rows(COLUMNS, keys, lambda index: cells[index])
        await pilot.pause()
        lines = screen_text(app)
        width = app.table.scrollable_content_region.width
        name_width = width - 8 - 4 - 2 * 3
        assert app.table.column_widths(width) == [8, name_width, 4]
        assert lines[1] == (" [b]x[/b] " + " " + "a title over two lines".ljust(name_width)
                            + " " + " wide ")
        assert lines[2] == (" " + "1".ljust(8) + " " + " " + "é" * (name_width - 1) + "…"
                            + " " + " ok   ")
        assert lines[3] == (" " + " [2J".ljust(8) + " " + " " + "a   b".ljust(name_width)
                            + " " + "      ")
        assert all(len(line) == width for line in lines)


async def test_the_cursor_is_drawn_brighter_with_the_focus() -> None:
    app = TableApp(5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.table
        assert table.has_focus

        def backgrounds(y: int) -> set[object]:
            return {segment.style.bgcolor for segment in table.render_line(y)
                    if segment.style is not None}

        focused = backgrounds(1)
        assert focused != backgrounds(2) != backgrounds(3)  # cursor, zebra, plain rows
        table.blur()
        await pilot.pause()
        assert backgrounds(1) != focused
        assert len(backgrounds(1)) == 1


async def test_a_click_on_a_heading_reports_its_column() -> None:
    app = TableApp(20)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        width = app.table.scrollable_content_region.width
        name_end = 10 + app.table.column_widths(width)[1] + 2
        for x in (0, 9, 10, name_end - 1, name_end, name_end + 5):
            await pilot.click(RecordTable, offset=(x, 0))
        await pilot.pause()
        assert app.headers == [(0, "number"), (0, "number"), (1, "name"), (1, "name"),
                               (2, "flag"), (2, "flag")]
        assert app.table.current_key == "r0"
        assert app.selected == []


async def test_headings_may_be_styled_text_never_markup() -> None:
    columns = [Column(Text("Number ▲", style="italic"), 8), Column("[b]Name[/b]"),
               Column("Flag", 4)]
    app = TableApp(3)
    async with app.run_test(size=SIZE) as pilot:
        app.table.set_rows(columns, ["r0"], app.cells)
        await pilot.pause()
        header = app.table.render_line(0)
        assert header.text.split() == ["Number", "▲", "[b]Name[/b]", "Flag"]
        assert any(segment.style is not None and segment.style.italic
                   and segment.text.strip() == "Number ▲" for segment in header)


async def test_a_text_justified_right_is_drawn_against_the_right_edge() -> None:
    cells: list[Cell] = [Text("42", justify="right"), Text("right", justify="right"),
                         Text("toolong", justify="right")]
    app = TableApp(0)
    async with app.run_test(size=SIZE) as pilot:
        app.table.set_rows(COLUMNS, ["a"], lambda index: cells)
        await pilot.pause()
        width = app.table.scrollable_content_region.width
        name_width = app.table.column_widths(width)[1]
        assert app.table.render_line(1).text == (" " + "42".rjust(8) + " "
                                                 + " " + "right".rjust(name_width) + " "
                                                 + " " + "too…" + " ")


async def test_refresh_row_builds_that_row_again_and_no_other() -> None:
    values = {"r0": "before", "r1": "other", "r2": "third"}
    keys = list(values)
    app = TableApp(0)
    async with app.run_test(size=SIZE) as pilot:
        asked: list[int] = []

        def cells(index: int) -> list[Cell]:
            asked.append(index)
            return [str(index), values[keys[index]], ""]

        app.table.set_rows(COLUMNS, keys, cells)
        await pilot.pause()
        assert sorted(asked) == [0, 1, 2]
        values["r0"] = "after"
        values["r1"] = "changed"
        app.table.refresh_row("r0")
        app.table.refresh_row("elsewhere")
        await pilot.pause()
        assert sorted(asked) == [0, 0, 1, 2]
        assert "after" in app.table.render_line(1).text
        assert "other" in app.table.render_line(2).text
        assert app.table.row_cells(0)[1] == "after"
