"""The member commune that hosts a meeting, picked from the communes of the actor map
(the meetings' venues count on the lever « Contexte de la coopération »)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Select

from coop_tui.core.i18n import _
from coop_tui.store.models import Actor, ActorKind
from coop_tui.ui.forms import form_row


def host_commune_row(actors: Sequence[Actor], current: str) -> Vertical:
    """A Select of the member communes (by name), the meeting's own kept if unlisted."""
    names = sorted({a.name for a in actors if a.kind is ActorKind.COMMUNE}, key=str.casefold)
    if current and current not in names:
        names.append(current)
    return form_row(_("Hosted by"), Select(
        [(Text(name), name) for name in names], prompt=_("no commune"), compact=True,
        value=current or Select.NULL, id="commune"), "commune")


def host_commune(form: Widget) -> str:
    value = form.query_one("#commune", Select).value
    return value if isinstance(value, str) else ""
