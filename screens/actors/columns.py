"""The actor table's columns: each actor's cells, and which columns a table of a given
width keeps (the names take the room left)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text

from coop_tui.core.insights.actors import needs_contact
from coop_tui.core.labels import label
from coop_tui.screens.actors.commitment import gauge
from coop_tui.screens.actors.filters import SortColumn, last_contact_text
from coop_tui.store.models import Actor
from coop_tui.ui.widgets.power_grid import (
    role_glyph,
    role_name,
    role_rich_style,
    theme_style,
)
from coop_tui.ui.widgets.record_table import MIN_FLEX_WIDTH, PADDING

MAX_COLUMN_WIDTH = 20
# The table's columns from left to right.
COLUMN_ORDER = ("name", "kind", "role", "influence", "interest", "commitment", "contact",
                "channel")
# Which columns a narrow table keeps first, each group with the room it must leave the
# names: the role, the last contact and the scores with the commitment (together or not
# at all) before the kind and the channel, shown only where names stay readable.
COLUMNS_BY_PRIORITY: tuple[tuple[tuple[str, ...], int], ...] = (
    (("role",), MIN_FLEX_WIDTH), (("contact",), MIN_FLEX_WIDTH),
    (("influence", "interest", "commitment"), MIN_FLEX_WIDTH), (("kind",), 24),
    (("channel",), 24))
# Cells a vertical scroll bar takes at the table's right.
SCROLLBAR_WIDTH = 2
# The columns of the private reading, titled in the colour that marks it private.
PRIVATE_COLUMNS = frozenset({"role", "influence", "interest", "commitment"})


def row_cells(actor: Actor, today: date, follower_contact_days: int) -> dict[str, Text]:
    """The table's cells for one actor, by column key."""
    reading = actor.private
    contact = Text(last_contact_text(actor), no_wrap=True)
    if needs_contact(actor, today, follower_contact_days):
        contact = Text("! " + contact.plain, no_wrap=True,
                       style=theme_style("$text-warning bold").rich_style)
    channel = actor.known_channel()
    return {
        "name": Text(actor.name, no_wrap=True, overflow="ellipsis"),
        "kind": Text(label(actor.kind), no_wrap=True, overflow="ellipsis"),
        "role": Text(f"{role_glyph(reading.role)} {role_name(reading.role)}",
                     style=role_rich_style(reading.role), no_wrap=True),
        "influence": Text(str(reading.influence or "·"), justify="right"),
        "interest": Text(str(reading.interest or "·"), justify="right"),
        "commitment": Text(gauge(reading.commitment, reading.commitment_wanted),
                           no_wrap=True),
        "contact": contact,
        "channel": Text(label(channel), no_wrap=True) if channel
        else Text("—", style=theme_style("$foreground-darken-2").rich_style),
    }


def wanted_columns(width: int, column_width: Callable[[str], int]) -> list[str]:
    """The columns that fit in ``width`` cells, in their order on screen: each group is
    taken in :data:`COLUMNS_BY_PRIORITY` if it leaves the names the room it asks."""
    room = width - SCROLLBAR_WIDTH - 2 * PADDING
    kept: set[str] = set()
    for keys, name_room in COLUMNS_BY_PRIORITY:
        needed = sum(column_width(key) + 2 * PADDING for key in keys)
        if room - needed >= name_room:
            kept.update(keys)
            room -= needed
    return [key for key in COLUMN_ORDER if key == "name" or key in kept]


def header(column: SortColumn, title: str, sort_key: str, reverse: bool) -> Text:
    """A column's title (``title``, translated), with the sort arrow on the sorted one and
    the private reading's in the colour that marks it private."""
    heading = Text(title)
    if column.key == sort_key:
        descending = column.descending != reverse
        heading.append(" ▼" if descending else " ▲", style="bold")
    if column.key in PRIVATE_COLUMNS:
        heading.stylize(theme_style("$text-warning italic").rich_style)
    return heading
