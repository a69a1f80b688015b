"""Dates as people type them: ``15/12/2026``, ``15/12``, ``2026-12-15``, ``15 décembre``,
``fin janvier``, ``mi-mars``, ``end of March``, ``today``…

Typed dates never guess a past year: ``15/12`` or ``fin janvier`` is the next such date from
``today``. A date that does not exist (``31/02``) is refused, never corrected.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, time, timedelta

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "january": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "september": 9, "sep": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})/(1[0-2]|0?[1-9])(?:/(\d{4}|\d{2}))?"
    r"|(\d{1,2})[.-](1[0-2]|0?[1-9])[.-](\d{4})"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_WORD = re.compile(rf"(\d{{1,2}})(?:er)?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?")
_PART_OF_MONTH = re.compile(
    rf"(debut|mi|fin|start of|beginning of|mid|end of)[\s-]+({_MONTH})\.?(?:\s+(\d{{4}}))?"
)
_RELATIVE = {"aujourd'hui": 0, "today": 0, "demain": 1, "tomorrow": 1}
_TIME = re.compile(r"(\d{1,2})\s*[:hH]\s*(\d{2})?")

# Every pattern find_date looks for, in the order it tries them.
DATE_PATTERNS = (_ISO, _DAY_MONTH_YEAR, _DAY_WORD, _PART_OF_MONTH)


class BadDate(ValueError):
    """Something shaped like a date that does not exist (``31/02``), and where it stands.

    ``span`` is (start, end) in the folded text, like the spans :func:`find_date` returns.
    """

    def __init__(self, text: str, span: tuple[int, int]) -> None:
        super().__init__(text)
        self.text = text
        self.span = span


_LATIN_ACCENTS = re.compile("[\u0300-\u036f]+")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _unless_combining(found: re.Match[str]) -> str:
    return "" if unicodedata.combining(found.group()) else found.group()


def fold(text: str) -> str:
    """Lower case without accents: ``Février`` and ``fevrier`` are the same month.

    The accents of Latin letters go in one pass; only what is left beyond ASCII is looked
    at one character at a time (search folds whole meeting notes as the palette opens).
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    return _NOT_ASCII.sub(_unless_combining, _LATIN_ACCENTS.sub("", decomposed))


def _year(value: str | None, month: int, day: int, today: date) -> int:
    if value:
        year = int(value)
        return year + 2000 if year < 100 else year
    candidate_year = today.year
    last_day = calendar.monthrange(candidate_year, month)[1]
    if (month, min(day, last_day)) < (today.month, today.day):
        candidate_year += 1
    return candidate_year


def _part_of_month(part: str, month: int, year_text: str | None, today: date) -> date:
    day_of = {"debut": 1, "start of": 1, "beginning of": 1, "mi": 15, "mid": 15}
    year = _year(year_text, month, 1 if part in day_of else 28, today)
    day = day_of.get(part) or calendar.monthrange(year, month)[1]
    return date(year, month, day)


def find_date(text: str, today: date) -> tuple[date, tuple[int, int]] | None:
    """The first date written in ``text`` and where it stands (start, end), if any.

    Raises :class:`BadDate` (a ValueError) when something shaped like a date does not exist
    (``31/02``).
    """
    folded = fold(text)
    for word, days in _RELATIVE.items():
        found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded)
        if found:
            return today + timedelta(days=days), found.span()
    best: tuple[int, date, tuple[int, int]] | None = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(folded):
            if best is not None and match.start() >= best[0]:
                break
            before = folded[match.start() - 1] if match.start() else " "
            after = folded[match.end()] if match.end() < len(folded) else " "
            if before.isalnum() or after.isalnum():
                continue
            try:
                day = _match_date(pattern, match, today)
            except ValueError:
                raise BadDate(match[0], match.span()) from None
            best = (match.start(), day, match.span())
            break
    return (best[1], best[2]) if best else None


def _match_date(pattern: re.Pattern[str], match: re.Match[str], today: date) -> date:
    if pattern is _ISO:
        return date(int(match[1]), int(match[2]), int(match[3]))
    if pattern is _DAY_MONTH_YEAR:
        day, month, year = (match[1], match[2], match[3]) if match[1] else match.group(4, 5, 6)
        return date(_year(year, int(month), int(day), today), int(month), int(day))
    if pattern is _DAY_WORD:
        day, month = int(match[1]), MONTHS[match[2]]
        return date(_year(match[3], month, day, today), month, day)
    return _part_of_month(match[1], MONTHS[match[2]], match[3], today)


def parse_date(text: str, today: date) -> date | None:
    """A date typed in a form field: None when empty; ValueError when not a real date."""
    text = text.strip()
    if not text:
        return None
    found = find_date(text, today)
    if found is None or found[1] != (0, len(fold(text))):
        raise ValueError(text)
    return found[0]


def parse_time(text: str) -> time | None:
    """``9:30``, ``9h30``, ``14h``: None when empty; ValueError when not a time."""
    text = text.strip()
    if not text:
        return None
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(text)
    return time(int(match[1]), int(match[2] or 0))
