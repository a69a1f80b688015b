"""Keys that arrive together are handled in the order they were typed (KeysInOrder)."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget

from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput
from tests.helpers import burst


class Board(KeysInOrder, Widget, can_focus=True):
    """A focusable list-like widget with a key that sends the focus to a field."""

    BINDINGS = [Binding("slash", "app.search", "Search"), Binding("a", "add", "Add")]

    added = 0

    def action_add(self) -> None:
        self.added += 1


class Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield TextInput(id="first")
        yield TextInput(id="second")
        yield TextEditor(id="editor", tab_behavior="focus")
        yield Board(id="board")

    def action_search(self) -> None:
        self.query_one("#second", TextInput).focus()  # takes effect on the app's queue


async def typed(app: App[Any], pilot: Any, *keys: str) -> None:
    burst(app, *keys)
    await pilot.pause()
    await pilot.pause()


async def test_editing_keys_in_a_burst_keep_their_order() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        await typed(app, pilot, *"Wordx", "backspace", "s", "space", *"one",
                    "backspace", "backspace", "backspace", "k")
        assert app.query_one("#first", TextInput).value == "Words k"
        app.query_one("#editor", TextEditor).focus()
        await pilot.pause()
        await typed(app, pilot, *"abc", "left", "left", "backspace", "X", "end", "enter",
                    *"ok")
        assert app.query_one("#editor", TextEditor).text == "Xbc\nok"


async def test_keys_typed_after_tab_go_to_the_next_field() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        await typed(app, pilot, *"Lunel", "tab", *"Sète", "tab", *"Vernay")
        assert app.query_one("#first", TextInput).value == "Lunel"
        assert app.query_one("#second", TextInput).value == "Sète"
        assert app.query_one("#editor", TextEditor).text == "Vernay"


async def test_keys_after_a_key_that_focuses_a_field_are_typed_in_it() -> None:
    """``/`` then letters at once: the letters filter, they do not run the list's keys."""
    app = Fields()
    async with app.run_test() as pilot:
        board = app.query_one(Board)
        board.focus()
        await pilot.pause()
        await typed(app, pilot, "slash", *"la")
        assert app.query_one("#second", TextInput).value == "la"
        assert board.added == 0


async def test_bound_keys_still_run_once() -> None:
    app = Fields()
    async with app.run_test() as pilot:
        board = app.query_one(Board)
        board.focus()
        await pilot.pause()
        await typed(app, pilot, "a", "a")
        assert board.added == 2
