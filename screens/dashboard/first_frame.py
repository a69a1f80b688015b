"""The dashboard drawn from the store's summary while the store loads.

A start from the command line finds the summary the app kept beside the store
(``store/summary.py``); when it matches the store's bytes, this screen is the first
frame: the same panels, lines and styles as the dashboard, read from the summary, with
neither the store nor its models loaded. A panel the summary does not hold (it reads
people, or its day has passed) shows a loading line. The status bar says the store is
loading, and how many keys wait for it. The real dashboard replaces this screen once the
store is loaded.

Nothing here imports the store's models: this module and the ones it imports must stay
light (``tests/screens/test_first_frame.py`` checks that pydantic is not imported).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rich.style import Style as RichStyle
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coop_tui.core.i18n import _, language, ngettext
from coop_tui.core.target import Target
from coop_tui.screens.dashboard.lines import Row, prompt
from coop_tui.store.text import clean_line
from coop_tui.ui.widgets.key_bar import KeyBar

COMPONENT_CLASSES = {
    "dashboard--heading", "dashboard--muted", "dashboard--late", "dashboard--soon",
    "dashboard--bar", "dashboard--bar-empty",
}


def usable(content: dict[str, Any], today: date) -> bool:
    """Whether the summary's lines hold for ``today`` in the interface's language (its
    territory's name holds whatever the day: it is tied to the store's bytes)."""
    return content.get("day") == today.isoformat() and content.get("language") == language()


class FirstFramePanel(OptionList):
    """A dashboard panel filled from the summary, or a loading line."""

    COMPONENT_CLASSES = COMPONENT_CLASSES

    def __init__(self, entry: dict[str, Any], show_lines: bool) -> None:
        super().__init__(id=str(entry.get("id") or ""), classes="dashboard-panel")
        self.border_title = str(entry.get("title") or "")
        rows = entry.get("rows") if show_lines else None
        self._rows: list[Any] | None = rows if isinstance(rows, list) else None
        self._more = bool(entry.get("more"))
        if self._rows is not None:
            self.border_subtitle = str(entry.get("subtitle") or "")

    def style(self, name: str) -> RichStyle:
        return self.get_component_rich_style(f"dashboard--{name}", partial=True)

    def _resolve(self, style: object) -> str | RichStyle:
        if isinstance(style, str) and style.startswith("c:"):
            return self.style(style[2:])
        if isinstance(style, str) and style.startswith("s:"):
            return style[2:]
        return ""

    def text(self, found: object) -> Text | None:
        """A line's text from the summary (None: none, or not one)."""
        if not (isinstance(found, list) and len(found) == 3 and isinstance(found[0], str)):
            return None
        plain, base, spans = found
        text = Text(plain, style=self._resolve(base), end="")
        for span in spans if isinstance(spans, list) else []:
            if isinstance(span, list) and len(span) == 3:
                text.stylize(self._resolve(span[2]), int(span[0]), int(span[1]))
        return text

    def row(self, found: dict[str, Any]) -> Row:
        target = found.get("target")
        return Row(self.text(found.get("main")) or Text(), self.text(found.get("detail")),
                   Target(*target) if isinstance(target, list) and len(target) == 3 else None,
                   self.text(found.get("below")), found.get("key"))

    def on_mount(self) -> None:
        if self._rows is None:
            self.set_options([Option(Text(_("Loading…"), style=self.style("muted")),
                                     disabled=True)])
            return
        options: list[Option] = []
        for found in self._rows:
            if not isinstance(found, dict):
                continue
            row = self.row(found)
            options.append(Option(prompt(row), disabled=row.target is None)
                           if row.detail is not None or row.target is not None
                           else Option(row.main, disabled=True))
        if self._more:
            options.append(Option(Text(_("Loading the rest…"), style=self.style("muted")),
                                  disabled=True))
        self.set_options(options)
        first = next((index for index, option in enumerate(options) if not option.disabled),
                     None)
        self.highlighted = first


class LoadingStatusBar(Static):
    """The status bar while the store loads: the territory, "loading…", keys waiting."""

    DEFAULT_CSS = """
    LoadingStatusBar {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, territory: str, path: Path) -> None:
        super().__init__(markup=False)
        self._territory = territory
        self._path = path
        self.show_waiting(0)

    def show_waiting(self, keys: int) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(_("Dashboard"), style="bold")
        line.append("  ·  ")
        line.append(self._territory)
        line.append("  ·  ")
        line.append(_("loading…"), style="bold")
        if keys:
            line.append(" (" + ngettext("{count} key waits for the store",
                                        "{count} keys wait for the store", keys
                                        ).format(count=keys) + ")")
        line.append("  ·  ")
        line.append(clean_line(str(self._path)))
        self.update(line)


class FirstFrameScreen(Screen[None]):
    """The dashboard's first frame, from the summary (see the module's docstring)."""

    CSS_PATH = Path(__file__).parent / "dashboard.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (150, "-wide")]

    def __init__(self, content: dict[str, Any], path: Path, today: date) -> None:
        super().__init__()
        self._content = content
        self._path = path
        self._lines = usable(content, today)

    def compose(self) -> ComposeResult:
        yield LoadingStatusBar(str(self._content.get("territory") or ""), self._path)
        with VerticalScroll(id="dashboard"):
            yield Static(id="headline", markup=False)
            with Grid(id="panels"):
                for entry in self._content.get("panels") or []:
                    if isinstance(entry, dict):
                        yield FirstFramePanel(entry, self._lines)
        yield KeyBar()

    def on_mount(self) -> None:
        panels = list(self.query(FirstFramePanel))
        if panels:
            panels[0].focus()
        headline = self.query_one("#headline", Static)
        found = self._content.get("headline") if self._lines else None
        text = panels[0].text(found) if panels else None
        headline.update(text if text is not None else Text(_("Loading…")))

    def show_waiting(self, keys: int) -> None:
        """Say how many keys typed during the load wait for the store."""
        self.query_one(LoadingStatusBar).show_waiting(keys)


# Styled as the dashboard it stands for: dashboard.tcss lays out ``DashboardScreen``.
FirstFrameScreen._css_type_names = FirstFrameScreen._css_type_names | {"DashboardScreen"}
