"""The parts of the levers screen beside the checklist: the progress lines and the
figures from the data, each a row that can open the record behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import ProgressBar, Static

from coop_tui.core.i18n import N_
from coop_tui.core.insights.levers import Evidence, Progress, percent
from coop_tui.screens.levers.tree import ATTENTION
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.text import plain


class ProgressLine(Horizontal):
    """One category (or the whole checklist): its name, a bar, and the figures."""

    def __init__(self, name: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="progress-line")
        self._name = name

    def compose(self) -> ComposeResult:
        yield Static(plain(self._name), classes="progress-name")
        yield ProgressBar(total=1, show_percentage=False, show_eta=False)
        yield Static("", classes="progress-figures", markup=False)

    def show(self, progress: Progress, *, lagging: bool = False) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
        figures = (f"{progress.done}/{progress.total} · {percent(progress.ratio)}"
                   if progress.total else "—")
        self.query_one(".progress-figures", Static).update(figures)
        self.set_class(lagging, "-lagging")


def evidence_prompt(evidence: Evidence) -> Content:
    """A figure and how to read it; an arrow when there is a record behind it."""
    mark = (f"{ATTENTION} ", "$warning bold") if evidence.attention else ("• ", "$text-muted")
    figure_style = "$warning bold" if evidence.attention else "bold"
    opens = (" →", "$accent") if evidence.target else ""
    return Content.assemble(mark, (evidence.figure, figure_style), opens, "\n",
                            (evidence.explanation, "$text-muted"))


class EvidenceRow(Static, can_focus=True):
    """One figure from the data: arrows move between figures, enter opens its record.

    Rows are focusable widgets of the scrolling detail panel, so the panel follows them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", N_("Open"), id="levers.evidence_open"),
        Binding("down", "step(1)", N_("Next"), show=False, id="levers.evidence_next"),
        Binding("up", "step(-1)", N_("Previous"), show=False, id="levers.evidence_previous"),
    ]

    @dataclass
    class Opened(Message):
        """Enter on a figure that has a record behind it."""

        evidence: Evidence
        """The figure, with the record to open."""

    def __init__(self, evidence: Evidence) -> None:
        super().__init__(evidence_prompt(evidence), markup=False, classes="evidence-row")
        translate_bindings(self)
        self.evidence = evidence

    def show(self, evidence: Evidence) -> None:
        """Show another figure in this row (rows are reused as the cursor moves)."""
        self.evidence = evidence
        self.update(evidence_prompt(evidence))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and self.evidence.target is None:
            return None
        return True

    def action_open(self) -> None:
        self.post_message(self.Opened(self.evidence))

    def action_step(self, step: int) -> None:
        parent = self.parent
        if parent is None:
            return
        rows = [row for row in parent.query_children(EvidenceRow) if row.display]
        index = rows.index(self) + step
        if 0 <= index < len(rows):
            rows[index].focus()
