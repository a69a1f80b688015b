"""Where a form's errors go: the model's messages in the current language, each routed to
the field it is about, shown on the line under that field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from pydantic import ValidationError
from rich.text import Text
from textual.widgets import Static

from coop_tui.core.i18n import format_date, translate_template


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


def route_errors(errors: Mapping[str, str], fields: Iterable[str],
                 whole_record: str = "") -> tuple[dict[str, str], list[str]]:
    """Each error to the field whose path is the longest prefix of its location.

    Errors about the whole record (location ``""``) go to ``whole_record`` when given;
    what finds no field comes back in the list, for the form's general error line.
    """
    known = sorted(fields, key=len, reverse=True)
    placed: dict[str, str] = {}
    rest: list[str] = []
    for location, message in errors.items():
        location = location or whole_record
        target = next((name for name in known if location == name
                       or location.startswith(name + ".")), None)
        if target is None:
            rest.append(f"{location}: {message}" if location else message)
        else:
            placed.setdefault(target, message)
    return placed, rest


class FieldError(Static):
    """The error line under one field (``field`` is the model's field path); hidden while
    the field is fine."""

    def __init__(self, field: str) -> None:
        super().__init__("", markup=False, classes="field-error",
                         id=f"error-{field.replace('.', '-')}" if field else None)
        self.field = field
        self.display = False

    def show(self, message: str) -> None:
        self.update(Text(message))
        self.display = bool(message)
