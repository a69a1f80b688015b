"""Levers: the seed document's method as a checklist."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Tree

from coop_tui.i18n import _, language
from coop_tui.labels import label
from coop_tui.screen import CoopScreen
from coop_tui.store.models import LeverCategory
from coop_tui.widgets.text import plain


class LeversScreen(CoopScreen):
    CSS_PATH = Path(__file__).parent / "levers.tcss"

    @property
    def title_text(self) -> str:
        return _("Levers")

    def compose_content(self) -> ComposeResult:
        yield Tree(_("Levers"), id="levers")

    def refresh_data(self) -> None:
        tree: Tree[str] = self.query_one("#levers", Tree)
        tree.clear()
        tree.root.expand()
        lang = language()
        levers = sorted(self.session.repository.levers, key=lambda lever: lever.position)
        for category in LeverCategory:
            branch = tree.root.add(label(category), expand=True)
            for lever in (lever for lever in levers if lever.category is category):
                done, total = lever.progress()
                text = plain(f"{lever.title.get(lang)}  [{label(lever.status)} · {done}/{total}]")
                node = branch.add(text, data=lever.id)
                for item in lever.items:
                    mark = "☑" if item.done else "☐"
                    node.add_leaf(plain(f"{mark} {item.text.get(lang)}"), data=item.id)
