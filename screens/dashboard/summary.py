"""The dashboard's first frame as data, for the summary kept beside the store
(``store/summary.py``).

The lines come from the dashboard's own panels: each panel fills a recording copy of
itself from the same :class:`Overview`, so the summary says what the dashboard says. Styles
are kept by their component name (``late``, ``muted``…) and resolved again by the panel
that draws them, in the theme of the day.

Only the panels in :data:`SUMMARY_PANELS` are kept, and at most :data:`MAX_ROWS` lines of
each (the first frame shows fewer): the others read people (the actor map's roles, the
levers' evidence names reluctant or unassessed actors) or are new, and show a loading
line until the store is loaded. The headline is the one a report without private readings
gives.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.style import Style as RichStyle
from rich.text import Text

from coop_tui.core.i18n import language
from coop_tui.core.insights.dashboard import overview
from coop_tui.screens.dashboard.lines import Row
from coop_tui.screens.dashboard.panels import DashboardPanel
from coop_tui.screens.dashboard.screen import PANELS, headline_text
from coop_tui.store.repository import Repository

SUMMARY_PANELS = frozenset({"panel-roadmap", "panel-actions", "panel-meetings",
                            "panel-deadlines"})
# Lines kept per panel: twice what a panel shows at 120x40; a taller terminal shows
# « Loading the rest… » below them until the store is loaded.
MAX_ROWS = 20
_COMPONENT = "dashboard-component"


def _marked(name: str) -> RichStyle:
    return RichStyle(meta={_COMPONENT: name})


def style_json(style: str | RichStyle | None) -> str | None:
    """A style as the summary keeps it: ``c:<component>`` or ``s:<rich style>``."""
    if style is None or style == "":
        return None
    if isinstance(style, RichStyle):
        name = style.meta.get(_COMPONENT) if style.meta else None
        if isinstance(name, str):
            return f"c:{name}"
        return f"s:{style}" if str(style) != "none" else None
    return f"s:{style}"


def text_json(text: Text | None) -> list[Any] | None:
    if text is None:
        return None
    return [text.plain, style_json(text.style),
            [[span.start, span.end, style_json(span.style)] for span in text.spans]]


def row_json(row: Row) -> dict[str, Any]:
    target = row.target
    return {
        "main": text_json(row.main),
        "detail": text_json(row.detail),
        "below": text_json(row.below),
        "target": [target.mode, target.record_id, target.part_id] if target else None,
        "key": row.key,
    }


def panel_rows(panel: DashboardPanel, found: Any) -> list[Row]:
    """The rows ``panel`` would show for ``found``, recorded instead of shown."""
    rows: list[Row] = []
    # The panel is never mounted: its styles are names, its rows are kept here.
    setattr(panel, "style", _marked)  # noqa: B010
    setattr(panel, "show_rows", rows.extend)  # noqa: B010
    panel.fill(found)
    return rows


def first_frame(repository: Repository, today: date) -> dict[str, Any]:
    """What the dashboard's first frame shows of ``repository`` on ``today``."""
    found = overview(repository, today)
    panels: list[dict[str, Any]] = []
    for make in PANELS:
        panel = make()
        entry: dict[str, Any] = {"id": panel.id, "title": str(panel.border_title or ""),
                                 "subtitle": None, "rows": None, "more": False}
        if panel.id in SUMMARY_PANELS:
            rows = panel_rows(panel, found)
            entry.update(subtitle=str(panel.border_subtitle or ""),
                         rows=[row_json(row) for row in rows[:MAX_ROWS]],
                         more=len(rows) > MAX_ROWS)
        panels.append(entry)
    return {
        "day": today.isoformat(),
        "language": language(),
        "territory": found.territory.name,
        "territory_language": str(found.territory.language),
        "headline": text_json(headline_text(found, include_private=False)),
        "panels": panels,
    }
