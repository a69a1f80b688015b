"""The key bar: how the keys are laid out for a width, and that a click presses a key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from coop_tui.ui.widgets.key_bar import ELLIPSIS, Entry, Key, KeyBar, arrange


def _key(display: str, description: str) -> Key:
    return Key(display, description, display)


LOCAL = [Entry((_key("n", "New"),)), Entry((_key("e", "Edit"),)),
         Entry((_key("del", "Delete"),))]
MODES = Entry(tuple(_key(str(n), name) for n, name in enumerate(
    ("Dashboard", "Actors", "Levers", "Roadmap", "Meetings"), start=1)), "Screens")
COMMON = [MODES, Entry((_key("?", "Help"),)), Entry((_key("^q", "Quit"),))]


def _text(lines: list[list[Key]]) -> list[str]:
    return ["  ".join(f"{key.display} {key.description}".strip() for key in line)
            for line in lines]


def test_everything_on_one_line_when_it_fits() -> None:
    lines = arrange(LOCAL, COMMON, 200)
    assert _text(lines) == ["n New  e Edit  del Delete  1 Dashboard  2 Actors  3 Levers  "
                            "4 Roadmap  5 Meetings  ? Help  ^q Quit"]


def test_groups_shrink_to_their_keys_before_a_second_line() -> None:
    lines = arrange(LOCAL, COMMON, 70)
    assert _text(lines) == ["n New  e Edit  del Delete  1 2 3 4 5 Screens  ? Help  ^q Quit"]


def test_two_lines_keep_the_app_keys_whole_at_the_end() -> None:
    lines = arrange(LOCAL, COMMON, 40)
    assert _text(lines) == ["n New  e Edit  del Delete",
                            "1 2 3 4 5 Screens  ? Help  ^q Quit"]
    assert all(sum(key.width for key in line) + 2 * (len(line) - 1) <= 40 for line in lines)


def test_what_does_not_fit_ends_in_an_ellipsis() -> None:
    many = [Entry((_key(letter, "Something long"),)) for letter in "abcdefgh"]
    first, second = arrange(many, COMMON, 60)
    assert second[-1].display == "^q"
    assert any(key.display == ELLIPSIS for key in second)
    assert sum(key.width for key in second) + 2 * (len(second) - 1) <= 60
    assert first[0].display == "a"


class _Host(App[None]):
    BINDINGS = [Binding("z", "press_z", "Press z"), Binding("y", "press_y", "Say y")]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("[bold]not markup[/]", markup=False)
        yield KeyBar()

    def action_press_z(self) -> None:
        self.pressed.append("z")

    def action_press_y(self) -> None:
        self.pressed.append("y")


async def test_a_click_on_a_key_presses_it() -> None:
    app = _Host()
    async with app.run_test(size=(60, 10)) as pilot:
        bar = app.query_one(KeyBar)
        text = str(bar.render())
        assert "z Press z" in text and "y Say y" in text
        column = text.index("y Say y")
        await pilot.click(KeyBar, offset=(bar.styles.padding.left + column, 0))
        await pilot.pause()
        assert app.pressed == ["y"]


@given(width=st.integers(min_value=1, max_value=200),
       count=st.integers(min_value=0, max_value=12))
def test_no_line_is_wider_than_the_bar(width: int, count: int) -> None:
    local = [Entry((_key(str(index), "Action " * (index % 3 + 1)),)) for index in range(count)]
    lines = arrange(local, COMMON, width)
    assert 1 <= len(lines) <= 2
    assert all(sum(key.width for key in line) + 2 * (len(line) - 1) <= width
               for line in lines)
