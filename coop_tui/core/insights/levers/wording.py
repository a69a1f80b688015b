"""How the lever rules word what they find: shares, dates and lists of names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from coop_tui.core.i18n import _, format_date, language, ngettext

# How many names an explanation lists before "and N more".
NAMES_SHOWN = 3


def percent(ratio: float) -> str:
    """A share as people read it in the current language: "72 %" / "72%"."""
    from babel.numbers import format_percent

    return str(format_percent(ratio, locale=language()))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _names(names: Sequence[str]) -> str:
    """The first few names, then how many more: "A, B, C and 4 more"."""
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    if rest <= 0:
        return shown
    more = ngettext("{count} more", "{count} more", rest).format(count=rest)
    return _("{names} and {more}").format(names=shown, more=more)


def _later(one: datetime | None, other: datetime | None) -> datetime | None:
    return max((d for d in (one, other) if d is not None), default=None)


def _date(value: date | datetime) -> str:
    day = value.astimezone().date() if isinstance(value, datetime) else value
    return format_date(day, "medium")

