"""The one way a form lays out a field: its label, the widget, its error line under it."""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label

from coop_tui.ui.forms.errors import FieldError


def form_row(title: str, widget: Widget, field: str | None = None, *,
             id: str | None = None) -> Vertical:
    """A labelled field and its error line (``field`` is the model's field path its errors
    come under; no error line without it)."""
    children: list[Widget] = [Horizontal(Label(title, classes="field-label", markup=False),
                                         widget, classes="field-row")]
    if field is not None:
        children.append(FieldError(field))
    return Vertical(*children, classes="field", id=id)
