"""The power / interest map: pure placement (:mod:`.placement`), drawing into lines of text
(:mod:`.drawing`), the role colours (:mod:`.styles`) and the widget (:mod:`.widget`)."""

from coop_tui.ui.widgets.power_grid.drawing import Geometry, draw
from coop_tui.ui.widgets.power_grid.placement import Direction, moved_scores, place, step
from coop_tui.ui.widgets.power_grid.styles import (
    ROLE_GLYPHS,
    role_glyph,
    role_name,
    role_rich_style,
    role_style,
    theme_style,
)
from coop_tui.ui.widgets.power_grid.widget import PowerGrid

__all__ = [
    "ROLE_GLYPHS",
    "Direction",
    "Geometry",
    "PowerGrid",
    "draw",
    "moved_scores",
    "place",
    "role_glyph",
    "role_name",
    "role_rich_style",
    "role_style",
    "step",
    "theme_style",
]
