"""The colour of each role, from the theme, for the map and for the tables."""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual._context import active_app
from textual.style import Style

from coop_tui.core.i18n import _
from coop_tui.core.labels import label
from coop_tui.store.models import Role

# The colour of each role, from the theme (None: no role read yet).
ROLE_STYLES: dict[Role | None, str] = {
    Role.DRIVER: "$text-success",
    Role.FOLLOWER: "$text-primary",
    Role.COUNTERWEIGHT: "$text-accent",
    Role.RELUCTANT: "$text-error",
    Role.NEUTRAL: "$text-secondary",
    None: "$foreground-darken-2",
}


# A glyph per role, so the role reads without colour (NO_COLOR, a light theme, a
# black-and-white print): one cell each, distinct in shape.
ROLE_GLYPHS: dict[Role | None, str] = {
    Role.DRIVER: "●",
    Role.FOLLOWER: "○",
    Role.COUNTERWEIGHT: "◆",
    Role.RELUCTANT: "×",
    Role.NEUTRAL: "=",
    None: "?",
}


def role_glyph(role: Role | None) -> str:
    """The role's glyph: the map and the tables show it before a name or a role."""
    return ROLE_GLYPHS[role]


def role_style(role: Role | None) -> str:
    """The style (theme variables) of an actor's name, by role."""
    return ROLE_STYLES[role]


_PARSED: dict[tuple[str, str], Style] = {}


def theme_style(text: str) -> Style:
    """A style string with theme variables, parsed once per theme (parsing is not free
    and a map or a table of 400 actors asks for the same few styles again and again)."""
    try:
        theme = active_app.get().theme
    except LookupError:
        theme = ""
    key = (theme, text)
    found = _PARSED.get(key)
    if found is None:
        found = _PARSED[key] = Style.parse(text)
    return found


def role_rich_style(role: Role | None) -> RichStyle:
    """The role's style for Rich renderables (table cells), in the current theme."""
    return theme_style(ROLE_STYLES[role]).rich_style


def role_name(role: Role | None) -> str:
    return label(role) if role is not None else _("no role")
