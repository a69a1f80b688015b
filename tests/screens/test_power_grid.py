"""The power / interest map: placement, navigation, score moves, drawing, and the widget."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from coop_tui.store.models import Actor, ActorKind, PrivateReading, Role
from coop_tui.ui.widgets.power_grid import (
    ROLE_GLYPHS,
    Direction,
    Geometry,
    PowerGrid,
    draw,
    moved_scores,
    place,
    role_name,
    step,
)


def actor(name: str, influence: int | None, interest: int | None,
          role: Role | None = Role.FOLLOWER) -> Actor:
    return Actor(name=name, kind=ActorKind.ELECTED,
                 private=PrivateReading(role=role, influence=influence, interest=interest))


def test_actors_are_placed_by_their_scores() -> None:
    b, a = actor("Bernard", 4, 2), actor("Anne", 4, 2)
    c = actor("Chloé", 1, 5)
    missing = actor("Denis", None, 3)
    placement = place([b, a, c, missing])
    assert placement.cells == {(4, 2): (a, b), (1, 5): (c,)}
    assert placement.not_assessed == (missing,)
    assert placement.cell_of(a.id) == (4, 2)
    assert placement.cell_of(missing.id) is None
    assert placement.find(missing.id) is missing


def test_up_and_down_walk_a_stack_then_leave_it() -> None:
    top, first, second = actor("Top", 5, 3), actor("A", 3, 3), actor("B", 3, 3)
    low = actor("Low", 1, 3)
    placement = place([top, first, second, low])
    assert step(placement, first.id, Direction.DOWN) == second.id
    assert step(placement, second.id, Direction.UP) == first.id
    assert step(placement, first.id, Direction.UP) == top.id
    assert step(placement, second.id, Direction.DOWN) == low.id
    assert step(placement, low.id, Direction.UP) == second.id  # enters from below: bottom name
    assert step(placement, top.id, Direction.UP) is None


def test_left_and_right_prefer_the_same_row() -> None:
    here = actor("Here", 3, 3)
    same_row_far = actor("Same row", 3, 5)
    near_above = actor("Above", 5, 4)
    placement = place([here, same_row_far, near_above])
    assert step(placement, here.id, Direction.RIGHT) == same_row_far.id
    assert step(placement, here.id, Direction.LEFT) is None
    assert step(placement, same_row_far.id, Direction.LEFT) == here.id
    assert step(placement, near_above.id, Direction.RIGHT) == same_row_far.id


def test_from_off_the_map_an_arrow_goes_to_the_top_right() -> None:
    corner, other = actor("Corner", 5, 5), actor("Other", 1, 1)
    missing = actor("Missing", None, None)
    placement = place([corner, other, missing])
    assert step(placement, missing.id, Direction.LEFT) == corner.id
    assert step(placement, None, Direction.DOWN) == corner.id
    assert step(place([missing]), missing.id, Direction.UP) is None


def test_score_moves_stay_on_the_map() -> None:
    assert moved_scores(3, 3, Direction.UP) == (4, 3)
    assert moved_scores(3, 3, Direction.DOWN) == (2, 3)
    assert moved_scores(3, 3, Direction.RIGHT) == (3, 4)
    assert moved_scores(3, 3, Direction.LEFT) == (3, 2)
    assert moved_scores(5, 3, Direction.UP) is None
    assert moved_scores(3, 1, Direction.LEFT) is None
    assert moved_scores(None, None, Direction.UP) == (3, 3)
    assert moved_scores(4, None, Direction.UP) == (4, 3)


def test_geometry_fits_the_widget() -> None:
    small = Geometry.fit(78, 17)
    assert small.width <= 78
    assert small.cell_lines == 2
    large = Geometry.fit(94, 22)
    assert large.cell_lines == 3
    assert large.width <= 94
    tiny = Geometry.fit(40, 8)
    assert tiny.cell_lines == 1
    assert tiny.cell_width >= 4


def plain_lines(actors: list[Actor], selected: str | None = None, width: int = 78,
                height: int = 17) -> list[str]:
    return [line.plain for line in draw(place(actors), selected, width, height).lines]


def test_drawing_names_the_quadrants_and_axes() -> None:
    lines = plain_lines([actor("Anne", 4, 4)])
    text = "\n".join(lines)
    for label in ("keep satisfied", "manage closely", "monitor", "keep informed",
                  "influence", "interest"):
        assert label in text
    assert all(len(line) <= 78 for line in lines)


def test_drawing_in_french(french: None) -> None:
    text = "\n".join(plain_lines([actor("Anne", 4, 4, Role.DRIVER)]))
    for label in ("associer étroitement", "satisfaire", "informer", "surveiller", "moteur"):
        assert label in text


def test_actor_is_drawn_in_its_cell() -> None:
    anne = actor("Anne", 5, 5)
    drawing = draw(place([anne]), None, 78, 17)
    geometry = Geometry.fit(78, 17)
    line = drawing.lines[geometry.row_top(5)].plain
    x = geometry.cell_x(5)
    assert line[x:x + geometry.cell_width].strip() == "○\u00a0Anne"
    assert [hit.actor_id for hit in drawing.hits] == [anne.id]


def test_a_crowded_cell_counts_the_others_and_shows_the_selected() -> None:
    crowd = [actor(f"Member {index}", 2, 2) for index in range(6)]
    lines = "\n".join(plain_lines(crowd))
    assert "Member 0" in lines
    assert "+5 more" in lines
    assert "Member 5" not in lines.split("▸")[0]
    chosen = "\n".join(plain_lines(crowd, selected=crowd[5].id))
    assert "Member 5" in chosen.split("▸")[0]


def test_not_assessed_are_listed_below() -> None:
    lines = plain_lines([actor("Anne", 3, 3), actor("Zoé", None, None)])
    assert any("Not assessed (1): ○\u00a0Zoé" in line for line in lines)


def test_selected_line_names_the_cell() -> None:
    anne = actor("Anne", 4, 2, Role.DRIVER)
    lines = plain_lines([anne, actor("Bob", 4, 2)], selected=anne.id)
    selected = next(line for line in lines if line.startswith("▸"))
    assert "Anne" in selected and "influence 4, interest 2" in selected and "Bob" in selected


def test_long_names_are_cut_inside_their_cell() -> None:
    long_name = actor("Communauté de communes du Val de Loubière", 3, 1)
    lines = plain_lines([long_name])
    geometry = Geometry.fit(78, 17)
    row = lines[geometry.row_top(3)]
    assert "…" in row
    assert row.index("┆") == geometry.cell_x(2) - 1


class GridApp(App[None]):
    def __init__(self, actors: list[Actor]) -> None:
        super().__init__()
        self.actors = actors
        self.events: list[tuple[str, str, tuple[int, int] | None]] = []

    def compose(self) -> ComposeResult:
        yield PowerGrid(id="grid")

    def on_mount(self) -> None:
        grid = self.query_one(PowerGrid)
        grid.set_actors(self.actors)
        grid.focus()

    def on_power_grid_selected(self, event: PowerGrid.Selected) -> None:
        self.events.append(("selected", event.actor_id, None))

    def on_power_grid_opened(self, event: PowerGrid.Opened) -> None:
        self.events.append(("opened", event.actor_id, None))

    def on_power_grid_moved(self, event: PowerGrid.Moved) -> None:
        self.events.append(("moved", event.actor_id, (event.influence, event.interest)))


async def test_widget_keys_post_messages() -> None:
    top, low = actor("Top", 5, 5), actor("Low", 1, 5)
    app = GridApp([top, low])
    async with app.run_test(size=(90, 30)) as pilot:
        await pilot.press("down")
        await pilot.press("down", "enter", "shift+left", "shift+up")
        await pilot.pause()
        assert app.events == [
            ("selected", top.id, None),
            ("selected", low.id, None),
            ("opened", low.id, None),
            ("moved", low.id, (1, 4)),
            ("moved", low.id, (2, 5)),
        ]


async def test_widget_refuses_moves_when_read_only() -> None:
    only = actor("Only", 3, 3)
    app = GridApp([only])
    async with app.run_test(size=(90, 30)) as pilot:
        grid = app.query_one(PowerGrid)
        grid.read_only = True
        await pilot.press("up", "shift+up")
        await pilot.pause()
        assert app.events == [("selected", only.id, None)]


async def test_clicking_a_name_selects_it() -> None:
    anne = actor("Anne", 5, 5)
    app = GridApp([anne, actor("Bob", 1, 1)])
    async with app.run_test(size=(90, 30)) as pilot:
        grid = app.query_one(PowerGrid)
        await pilot.pause()
        hit = next(h for h in grid._hits if h.actor_id == anne.id)
        await pilot.click(PowerGrid, offset=(hit.start + 1 + grid.styles.padding.left, hit.y))
        await pilot.pause()
        assert grid.selected == anne.id
        assert ("selected", anne.id, None) in app.events


def test_each_role_reads_without_colour() -> None:
    """Issue 21, defect 11: under NO_COLOR a role was a colour only. Each role has its own
    glyph, before the name on the map and in the legend, in one cell."""
    assert len(set(ROLE_GLYPHS.values())) == len(ROLE_GLYPHS)
    assert all(cell_len(glyph) == 1 for glyph in ROLE_GLYPHS.values())
    people = [actor(role.value.title(), 5, index + 1, role) for index, role in enumerate(Role)]
    lines = plain_lines(people, width=78)
    legend, text = lines[0], "\n".join(lines)
    for person, role in zip(people, Role, strict=True):
        assert f"{ROLE_GLYPHS[role]} {role_name(role)}" in legend
        assert f"{ROLE_GLYPHS[role]}\u00a0{person.name[:5]}" in text
