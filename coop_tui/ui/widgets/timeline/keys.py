"""The timeline's keys: they replace those of a scrolling container."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from coop_tui.core.i18n import N_

WEEK = Binding.Group(N_("Move a week"), compact=True)
MONTH = Binding.Group(N_("Move a month"), compact=True)
PROGRESS = Binding.Group(N_("Progress"), compact=True)
ZOOM = Binding.Group(N_("Zoom"), compact=True)
SCROLL = Binding.Group(N_("Scroll"), compact=True)

TIMELINE_KEYS: list[BindingType] = [
    Binding("enter", "open", N_("Open"), id="timeline.open"),
    Binding("left_square_bracket", "shift(-7, 0)", N_("A week earlier"),
            id="timeline.week_earlier", group=WEEK),
    Binding("right_square_bracket", "shift(7, 0)", N_("A week later"),
            id="timeline.week_later", group=WEEK),
    Binding("left_curly_bracket", "shift(0, -1)", N_("A month earlier"),
            id="timeline.month_earlier", group=MONTH),
    Binding("right_curly_bracket", "shift(0, 1)", N_("A month later"),
            id="timeline.month_later", group=MONTH),
    # Parentheses are plain keys on a French keyboard: the due date alone, a week at a time.
    Binding("left_parenthesis", "shift_due(-7)", N_("Due date a week earlier"),
            id="timeline.due_earlier", show=False),
    Binding("right_parenthesis", "shift_due(7)", N_("Due date a week later"),
            id="timeline.due_later", show=False),
    Binding("less_than_sign", "progress(-10)", N_("Progress −10%"),
            id="timeline.progress_down", group=PROGRESS),
    Binding("greater_than_sign", "progress(10)", N_("Progress +10%"),
            id="timeline.progress_up", group=PROGRESS),
    Binding("plus,equals_sign", "zoom(-1)", N_("Zoom in"), id="timeline.zoom_in",
            group=ZOOM),
    Binding("minus", "zoom(1)", N_("Zoom out"), id="timeline.zoom_out", group=ZOOM),
    Binding("left", "scroll_time(-1)", N_("Earlier"), id="timeline.earlier", group=SCROLL),
    Binding("right", "scroll_time(1)", N_("Later"), id="timeline.later", group=SCROLL),
    Binding("t", "today", N_("Today"), id="timeline.today"),
    # Brackets need AltGr on a French keyboard: shift and the arrows move a week too.
    Binding("shift+left", "shift(-7, 0)", N_("A week earlier"),
            id="timeline.week_earlier_arrow", show=False),
    Binding("shift+right", "shift(7, 0)", N_("A week later"),
            id="timeline.week_later_arrow", show=False),
    Binding("ctrl+pageup", "scroll_time(-4)", N_("A page earlier"),
            id="timeline.page_earlier", show=False),
    Binding("ctrl+pagedown", "scroll_time(4)", N_("A page later"),
            id="timeline.page_later", show=False),
    Binding("up", "move(-1)", N_("Previous objective"), id="timeline.up", show=False),
    Binding("down", "move(1)", N_("Next objective"), id="timeline.down", show=False),
    Binding("pageup", "page(-1)", N_("Page up"), id="timeline.page_up", show=False),
    Binding("pagedown", "page(1)", N_("Page down"), id="timeline.page_down", show=False),
    Binding("home", "edge(-1)", N_("First objective"), id="timeline.first", show=False),
    Binding("end", "edge(1)", N_("Last objective"), id="timeline.last", show=False),
]
