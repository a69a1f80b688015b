"""Dates in forms: shown as people of the current language type them, read back with
:func:`coop_tui.core.dates.parse_date` (``15/03``, ``today``, ``end of June``…)."""

from __future__ import annotations

from datetime import date
from typing import Any

from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import language, translate_template
from coop_tui.ui.widgets.text_fields import TextInput


def typed_date(day: date | None) -> str:
    """A date as a person of the current language types it (27/01/2027 in French,
    2027-01-27 in English), which :func:`coop_tui.core.dates.parse_date` reads back unchanged."""
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if language() == "fr" else day.isoformat()


class DateField(TextInput):
    """A one-line field holding a date as typed; :meth:`read` gives the day it means."""

    def __init__(self, day: date | None = None, **options: Any) -> None:
        options.setdefault("compact", True)
        super().__init__(typed_date(day), **options)

    def read(self, today: date) -> date | None:
        """The day typed (None when empty); ValueError when the text is not a date."""
        return parse_date(self.value, today)

    def read_required(self, today: date) -> tuple[date | None, str]:
        """The day typed, or None and the model's own message (missing, not a date)."""
        try:
            day = self.read(today)
        except ValueError:
            return None, translate_template("date_parsing", "", {})
        if day is None:
            return None, translate_template("missing", "", {})
        return day, ""
