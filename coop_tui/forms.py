"""Form helpers: the model's validation errors, field by field, in the current language."""

from __future__ import annotations

from pydantic import ValidationError

from coop_tui.i18n import translate_template


def field_errors(error: ValidationError) -> dict[str, str]:
    """First message per field (``"due"``, ``"contact.email"``); ``""`` for whole-record ones."""
    messages: dict[str, str] = {}
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"])
        params = {key: str(value) for key, value in (detail.get("ctx") or {}).items()}
        message = translate_template(detail["type"], detail["msg"], params)
        messages.setdefault(field, message)
    return messages
