"""The timeline widget on its own: rows, axis, marks, keys and messages, speed."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import App, ComposeResult
from textual.message import Message

from coop_tui.core.i18n import set_language
from coop_tui.core.insights.roadmap import Zoom, column, violations
from coop_tui.store.models import RoadmapItem, RoadmapStatus
from coop_tui.ui.widgets.timeline import Timeline, TimelineGroup

TODAY = date(2026, 11, 26)
MANDATE = (date(2026, 3, 15), date(2032, 3, 15))


def item(objective: str, **fields: object) -> RoadmapItem:
    return RoadmapItem.model_validate({"objective": objective, **fields})


PLAN = item("Diagnostic partagé", start=date(2026, 4, 1), due=date(2026, 9, 30),
            status=RoadmapStatus.DONE, progress=100)
LATE = item("Bilan financier", start=date(2026, 5, 1), due=date(2026, 10, 30),
            status=RoadmapStatus.IN_PROGRESS, progress=60)
CHARTER = item("Charte du pacte", start=date(2026, 11, 1), due=date(2027, 6, 30),
               milestone=True, depends_on=[LATE.id])
SEMINAR = item("[bold]Séminaire[/]", due=date(2027, 1, 20), milestone=True)
UNDATED = item("Un jour peut-être")
ITEMS = [PLAN, LATE, CHARTER, SEMINAR, UNDATED]


class TimelineApp(App[None]):
    def __init__(self, items: list[RoadmapItem] = ITEMS, read_only: bool = False) -> None:
        super().__init__()
        self.items = items
        self.read_only = read_only
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield Timeline(today=TODAY, id="timeline")

    def on_mount(self) -> None:
        timeline = self.query_one(Timeline)
        timeline.read_only = self.read_only
        timeline.set_mandate(*MANDATE)
        half = len(self.items) // 2
        timeline.show(
            [TimelineGroup("Leviers réglementaires", self.items[:half]),
             TimelineGroup("Leviers humains", self.items[half:])],
            today=TODAY, broken=violations(self.items, TODAY),
            items={i.id: i for i in self.items}, heading="Objectives · 5",
        )
        timeline.focus()

    @on(Timeline.Opened)
    @on(Timeline.ShiftRequested)
    @on(Timeline.ProgressRequested)
    def record(self, message: Message) -> None:
        self.messages.append(message)


def line(timeline: Timeline, y: int) -> str:
    return timeline.render_line(y).text


def row_text(timeline: Timeline, objective: str) -> str:
    for y in range(timeline.size.height):
        text = line(timeline, y)
        if objective in text:
            return text
    raise AssertionError(f"{objective!r} is not on screen")


async def test_rows_are_groups_then_items() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert timeline.rows == 2 + len(ITEMS)
        assert "Objectives · 5" in line(timeline, 1)
        assert line(timeline, 2).startswith("Leviers réglementaires · 2")
        assert timeline.selected_item is PLAN


async def test_default_view_fits_the_mandate_and_labels_years() -> None:
    app = TimelineApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert timeline.zoom is Zoom.YEARS
        axis = line(timeline, 0)
        for year in range(2026, 2033):
            assert str(year) in axis
        assert "H1" in line(timeline, 1) and "H2" in line(timeline, 1)


async def test_wide_terminal_fits_the_mandate_by_quarters_in_french() -> None:
    set_language("fr")
    try:
        app = TimelineApp()
        async with app.run_test(size=(130, 20)) as pilot:
            await pilot.pause()
            timeline = app.query_one(Timeline)
            assert timeline.zoom is Zoom.QUARTERS
            assert "T1 T2 T3 T4" in line(timeline, 1)
            assert "Échelle\u00a0: trimestres" in line(timeline, 0)
            await pilot.press("plus")
            assert timeline.zoom is Zoom.MONTHS
            assert "janv." in line(timeline, 1)
    finally:
        set_language("en")


async def test_zoom_in_and_out_keep_the_selected_date_in_place() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        await pilot.press("down")
        assert timeline.selected_item is LATE
        due = LATE.due
        assert due is not None
        place = column(due, timeline.zoom) - timeline.left
        await pilot.press("plus")
        assert column(due, timeline.zoom) - timeline.left == place
        await pilot.press("plus", "plus", "plus")
        assert timeline.zoom is Zoom.WEEKS
        assert "December 2026" in line(timeline, 0) or "November 2026" in line(timeline, 0)
        for _step in range(4):
            await pilot.press("minus")
        assert timeline.zoom is Zoom.YEARS


async def test_scroll_in_time_and_back_to_today() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        left = timeline.left
        await pilot.press("right")
        assert timeline.left > left
        await pilot.press("left", "left")
        assert timeline.left < left
        await pilot.press("t")
        assert 0 < column(TODAY, timeline.zoom) - timeline.left < timeline.bar_width


async def test_marks_for_late_done_milestones_and_dependencies() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert row_text(timeline, "Bilan financier").startswith("!")
        assert "◆" in row_text(timeline, "Charte du pacte")
        assert row_text(timeline, "Charte du pacte").startswith("⚠")
        assert "no dates" in row_text(timeline, "Un jour")
        assert "60%" in row_text(timeline, "Bilan financier")
        assert "█" in row_text(timeline, "Diagnostic")
        assert "%" not in row_text(timeline, "Diagnostic")
        timeline.select(CHARTER.id)
        await pilot.pause()
        assert row_text(timeline, "Bilan financier")[1] == "◂"
        timeline.select(LATE.id)
        await pilot.pause()
        assert row_text(timeline, "Charte du pacte")[1] == "▸"


async def test_today_is_a_line_across_the_rows() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        place = (column(TODAY, timeline.zoom) - timeline.left + 2 + timeline.label_width + 1)
        assert line(timeline, 2)[place] == "│"  # a heading row, where nothing hides it


async def test_user_text_is_not_markup() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        assert "[bold]Séminaire[/]" in row_text(app.query_one(Timeline), "Séminaire")


async def test_keys_post_messages_for_the_selected_item() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        await pilot.press("down", "right_square_bracket", "right_curly_bracket",
                          "left_square_bracket", "greater_than_sign", "shift+right", "enter")
        await pilot.pause()
        kinds = [(type(m).__name__, getattr(m, "days", None), getattr(m, "months", None),
                  getattr(m, "delta", None)) for m in app.messages]
        assert kinds == [
            ("ShiftRequested", 7, 0, None), ("ShiftRequested", 0, 1, None),
            ("ShiftRequested", -7, 0, None), ("ProgressRequested", None, None, 10),
            ("ShiftRequested", 7, 0, None), ("Opened", None, None, None),
        ]
        assert all(getattr(m, "item_id", None) == LATE.id for m in app.messages)


async def test_read_only_disables_editing_keys() -> None:
    app = TimelineApp(read_only=True)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "greater_than_sign")
        await pilot.pause()
        assert app.messages == []
        shown = {b.binding.action for b in app.screen.active_bindings.values()}
        assert "shift(7, 0)" not in shown
        assert "open" in shown


async def test_selection_skips_headings_and_clicks_select() -> None:
    app = TimelineApp()
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        timeline = app.query_one(Timeline)
        await pilot.press("down", "down")
        assert timeline.selected_item is CHARTER
        await pilot.press("end")
        assert timeline.selected_item is UNDATED
        await pilot.press("home")
        assert timeline.selected_item is PLAN
        y = 2 + (timeline.row_of(SEMINAR.id) or 0)
        await pilot.click(Timeline, offset=(5, y))
        assert timeline.selected_item is SEMINAR


def many_items(count: int) -> list[RoadmapItem]:
    return [item(f"Objectif {n}", start=date(2026, 4, 1 + n % 28),
                 due=date(2027 + n % 5, 1 + n % 12, 10), progress=n % 100)
            for n in range(count)]


async def test_three_hundred_items_draw_only_what_is_seen() -> None:
    """A big roadmap costs what a small one does: only the rows on screen are drawn."""
    for count in (30, 300):
        app = TimelineApp(many_items(count))
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            timeline = app.query_one(Timeline)
            assert timeline.rows == count + 2
            assert len(timeline._lines) <= 48
            for _step in range(40):
                await pilot.press("down")
            await pilot.pause()
            assert timeline.selected_item is app.items[40 if count > 40 else count - 1]
            assert len(timeline._lines) <= 48
