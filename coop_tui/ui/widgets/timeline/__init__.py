"""The roadmap as a timeline: one row per objective, bars on a calendar axis.

The widget (:mod:`.widget`) keeps the state and the keys; the axis (:mod:`.axis`), the rows
and the share of the width (:mod:`.layout`), the drawing of a row (:mod:`.drawing`) and
its look (:mod:`.look`: component classes, default CSS, palette) are apart, and only the
widget knows Textual.
"""

from coop_tui.ui.widgets.timeline.layout import TimelineGroup
from coop_tui.ui.widgets.timeline.widget import Timeline

__all__ = ["Timeline", "TimelineGroup"]
