"""French and English: one gettext mechanism for every string a person reads.

Messages are written in English in the code (``_("...")`` where they are shown, ``N_`` where
they are defined ahead of time, such as binding descriptions and store errors) and
translated from the catalogues in ``coop_tui/locale``. Dates and numbers go through Babel in
the current language. The language is chosen once at start (``--lang`` or the locale) and
can be changed for tests.
"""

from __future__ import annotations

import functools
import gettext
import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from coop_tui.store.errors import Problem, StoreError
from coop_tui.store.text import N_, clean_line

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = ("fr", "en")
DOMAIN = "coop_tui"
LOCALE_DIR = Path(__file__).parent.parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language: Language = "en"

__all__ = [
    "LANGUAGES",
    "NC_",
    "N_",
    "Language",
    "_",
    "default_language",
    "format_date",
    "format_number",
    "format_time",
    "joined",
    "language",
    "ngettext",
    "pgettext",
    "set_language",
]


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def locale_given(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the environment names a locale at all (often not under cron, in containers
    or on Windows): when it does not, a store's own language is the better default."""
    return any(environ.get(variable) for variable in LOCALE_VARIABLES)


def default_language(environ: Mapping[str, str] = os.environ) -> Language:
    """French when the locale starts with ``fr``, English otherwise."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def set_language(value: str) -> None:
    """Switch every later translation, date and number to ``value`` ('fr' or 'en')."""
    global _translation, _language
    _language = "fr" if value == "fr" else "en"
    if _language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language])


def language() -> Language:
    return _language


def _(message: str) -> str:
    """The translation of an English message in the current language."""
    return _translation.gettext(message)


def NC_(context: str, message: str) -> str:
    """Mark a message whose French depends on what it names (``context``: "action", a
    feminine noun); shown through :func:`pgettext` with the same context."""
    del context
    return message


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def format_date(value: date, style: Literal["short", "medium", "long", "full"] = "medium") -> str:
    """``full`` gives "jeudi 26 novembre 2026" / "Thursday, November 26, 2026"."""
    return _formatted_date(value, style, _language)


@functools.lru_cache(maxsize=4096)
def _formatted_date(value: date, style: str, language: str) -> str:
    """Lists show the same dates again and again (a list of 10,000 meetings, each redraw)."""
    from babel.dates import format_date as babel_format_date

    text = str(babel_format_date(value, format=style, locale=language))
    if language == "fr" and value.day == 1 and style != "short":
        # French writes the first of the month as an ordinal: « 1er mars », not « 1 mars ».
        text = _FIRST_OF_MONTH.sub("1er ", text, count=1)
    return text


_FIRST_OF_MONTH = re.compile(r"(?<!\d)1 (?=\D)")


def joined(parts: Iterable[str]) -> str:
    """Parts of a list in a sentence: « a ; b » in French (a no-break space before the
    semicolon), "a; b" in English."""
    return ("\u00a0; " if _language == "fr" else "; ").join(parts)


def format_time(value: time) -> str:
    """A time of day: « 10 h 30 » and « 9 h » in French (no-break spaces), "10:30" and
    "09:00" in English (the 24-hour clock the meetings are typed in)."""
    if _language == "fr":
        minutes = f"\u00a0{value.minute:02d}" if value.minute else ""
        return f"{value.hour}\u00a0h{minutes}"
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value: datetime, style: Literal["short", "medium", "long"] = "short") -> str:
    from babel.dates import format_datetime as babel_format_datetime

    return str(babel_format_datetime(value, format=style, locale=_language))


def format_number(value: float, digits: int = 0) -> str:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return str(format_decimal(value, format=pattern, locale=_language))


def format_days(count: int) -> str:
    """A number of days, in words: "1 day", "12 days"."""
    return ngettext("{count} day", "{count} days", count).format(count=count)


# Pydantic's own error types, as a person reads them (custom ones come from the models).
_PYDANTIC_MESSAGES: dict[str, str] = {
    "missing": N_("is required"),
    "string_type": N_("must be text"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "float_parsing": N_("must be a number"),
    "bool_parsing": N_("must be true or false"),
    "date_parsing": N_("is not a date"),
    "date_from_datetime_parsing": N_("is not a real date (YYYY-MM-DD)"),
    "datetime_parsing": N_("is not a date and time"),
    "time_parsing": N_("is not a time (HH:MM)"),
    "greater_than_equal": N_("must be at least {ge}"),
    "less_than_equal": N_("must be at most {le}"),
    "enum": N_("must be one of: {expected}"),
    "literal_error": N_("must be one of: {expected}"),
    "extra_forbidden": N_("is not a known field"),
    "list_type": N_("must be a list"),
    "model_type": N_("must be an object"),
    "dict_type": N_("must be an object"),
}


def translate_template(kind: str, template: str, params: Mapping[str, Any]) -> str:
    """Translate a message known by template or by pydantic error type, then fill it."""
    from coop_tui.store.models import ERROR_MESSAGES

    known = ERROR_MESSAGES.get(kind) or _PYDANTIC_MESSAGES.get(kind)
    text = _(known) if known else _(template)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params) if not known else text


def translate_problem(problem: Problem) -> str:
    """One line, printable only: ``where`` quotes names read from a damaged file."""
    return clean_line(
        f"{problem.where}: {translate_template(problem.kind, problem.template, problem.params)}")


def _fill(template: str, params: Mapping[str, Any]) -> str:
    """``template`` with its placeholders filled; as it is when it is not a template
    (an operating system's message may hold braces)."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def translate_error(error: StoreError) -> str:
    """A store error in the current language, in one line of printable text (a path may
    hold escape sequences)."""
    params = dict(error.params)
    if "reason" in params:
        params["reason"] = _fill(_(str(params["reason"])), error.params)
    return clean_line(_fill(_(error.template), params))
