"""Issue 21, defect 14: at 80 columns the roadmap's month header ended in a cut month
(« mar » for « mars »): a label the view's edge cuts is left out."""

from __future__ import annotations

from datetime import date

import pytest

from coop_tui.core.insights.roadmap import Zoom, column, periods
from coop_tui.ui.widgets.timeline.axis import axis_labels, period_label


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize("zoom", [Zoom.MONTHS, Zoom.QUARTERS, Zoom.WEEKS])
def test_the_last_label_is_whole_or_absent(zoom: Zoom) -> None:
    width = 46  # the axis of the roadmap at 80 columns
    start = column(date(2026, 1, 1), zoom)
    for left in range(start, start + 400, 7):
        for level in ("major", "minor"):
            line = axis_labels(zoom, level, left, width)
            last = periods(zoom, level, left, width)[-1]
            shown = line[last.start:].strip()
            assert shown in ("", period_label(zoom, level, last.first_day)), (left, line)
