"""Form helpers: dates as a form shows them for editing, and the model's validation errors,
field by field, in the current language."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from coop_tui.core.i18n import format_date, language, translate_template


def typed_date(day: date | None) -> str:
    """A date as a person of the current language types it (27/01/2027 in French,
    2027-01-27 in English), which :func:`coop_tui.core.dates.parse_date` reads back unchanged."""
    if day is None:
        return ""
    return day.strftime("%d/%m/%Y") if language() == "fr" else day.isoformat()


def _param(value: object) -> str:
    """A value a message quotes, as the interface shows it: a date as people write it
    in the current language, never as ISO (``le mandat finit (1 janv. 2026)…``)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return format_date(value)
    return str(value)


def field_errors(error: ValidationError) -> dict[str, str]:
    """First message per field (``"due"``, ``"contact.email"``); ``""`` for whole-record ones."""
    messages: dict[str, str] = {}
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"])
        params = {key: _param(value) for key, value in (detail.get("ctx") or {}).items()}
        message = translate_template(detail["type"], detail["msg"], params)
        messages.setdefault(field, message)
    return messages
