"""User text into widgets as text, never as markup."""

from __future__ import annotations

from rich.text import Text


def plain(value: object, style: str = "") -> Text:
    """A Rich Text of ``value`` taken literally: ``[bold]`` stays brackets."""
    return Text(str(value), style=style, no_wrap=False, end="")
