"""The look of the timeline: its component classes, their default styles, and the palette
the drawing reads from them (:class:`~coop_tui.ui.widgets.timeline.drawing.Palette`)."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style

from coop_tui.ui.widgets.timeline.drawing import Palette

# The widget's component classes: one per thing the drawing colours.
TIMELINE_CLASSES = {
    "timeline--axis",
    "timeline--axis-major",
    "timeline--group",
    "timeline--label",
    "timeline--bar",
    "timeline--bar-blocked",
    "timeline--bar-late",
    "timeline--bar-muted",
    "timeline--milestone",
    "timeline--today",
    "timeline--mandate",
    "timeline--cursor",
    "timeline--linked",
    "timeline--violation",
    "timeline--late",
    "timeline--broken",
    "timeline--muted",
    "timeline--note",
}
TIMELINE_CSS = """
    Timeline {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .timeline--axis { color: $text-muted; }
        & > .timeline--axis-major { color: $text; text-style: bold; }
        & > .timeline--group { color: $text-primary; text-style: bold; }
        & > .timeline--label { color: $text; }
        & > .timeline--bar { color: $primary; }
        & > .timeline--bar-blocked { color: $warning; }
        & > .timeline--bar-late { color: $error; }
        & > .timeline--bar-muted { color: $text-disabled; }
        & > .timeline--milestone { color: $accent; text-style: bold; }
        & > .timeline--today { color: $accent; }
        & > .timeline--mandate { color: $text-disabled; }
        & > .timeline--cursor { background: $primary 20%; text-style: bold; }
        & > .timeline--linked { color: $text-accent; text-style: bold; }
        & > .timeline--violation { color: $error; background: $error 25%; }
        & > .timeline--late { color: $text-error; text-style: bold; }
        & > .timeline--broken { color: $text-warning; text-style: bold; }
        & > .timeline--muted { color: $text-muted; }
        & > .timeline--note { color: $text-muted; text-style: italic; }
    }
    Timeline:focus > .timeline--cursor { background: $primary 40%; }
    """


def read_palette(base: Style, style: Callable[[str], Style]) -> Palette:
    """The palette from the widget's own style (``base``) and ``style``, which resolves a
    component class by the end of its name (``"bar-late"`` for ``timeline--bar-late``)."""
    cursor = style("cursor")
    return Palette(
        base=base, axis=style("axis"), axis_major=style("axis-major"),
        group=style("group"), label=style("label"), bar=style("bar"),
        bar_blocked=style("bar-blocked"), bar_late=style("bar-late"),
        bar_muted=style("bar-muted"), milestone=style("milestone"),
        today=style("today"), mandate=style("mandate"), linked=style("linked"),
        violation=style("violation"), late=style("late"), broken=style("broken"),
        muted=style("muted"), note=style("note"),
        cursor=Style(bgcolor=cursor.bgcolor, bold=cursor.bold),
    )
