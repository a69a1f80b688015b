"""The timeline's axis: the periods of the zoom, labelled in the current language."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from rich.cells import cell_len, set_cell_size

from coop_tui.core.i18n import N_, _, language
from coop_tui.core.insights.roadmap import TickLevel, Zoom, periods

AXIS_HEIGHT = 2
ZOOM_NAMES: dict[Zoom, str] = {
    Zoom.WEEKS: N_("weeks"),
    Zoom.MONTHS: N_("months"),
    Zoom.QUARTERS: N_("quarters"),
    Zoom.YEARS: N_("years"),
}


@lru_cache(maxsize=2048)
def _calendar_label(day: date, pattern: str, lang: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, pattern, locale=lang))


def period_label(zoom: Zoom, level: TickLevel, day: date) -> str:
    """The axis label of the period opening on ``day``, in the current language."""
    lang = language()
    if level == "major":
        pattern = "LLLL y" if zoom is Zoom.WEEKS else "y"
        return _calendar_label(day, pattern, lang)
    if zoom is Zoom.WEEKS:
        return _calendar_label(day, "d", lang)
    if zoom is Zoom.MONTHS:
        return _calendar_label(day, "LLL", lang)
    if zoom is Zoom.QUARTERS:
        return _calendar_label(day, "QQQ", lang)
    return _("H{number}").format(number=1 if day.month < 7 else 2)


def axis_labels(zoom: Zoom, level: TickLevel, left: int, width: int) -> str:
    """The ``width`` cells of one line of the axis from column ``left``: each period's label
    at its start, cut to the room it has."""
    cells = [" "] * width
    for period in periods(zoom, level, left, width):
        text = period_label(zoom, level, period.first_day)
        room = period.end - period.start - 1
        if cell_len(text) > room:
            # A cut word still reads (« janv » for « janvier »), a cut year does not; nor
            # does a period the view's edge cuts (« mar » for « mars » reads as mardi).
            if text.isdigit() or room < 3 or period.end >= width:
                continue
            text = set_cell_size(text, room)
        for offset, char in enumerate(text):
            if period.start + offset < width:
                cells[period.start + offset] = char
    return "".join(cells)
