"""The thresholds of the evidence: past which figure a lever needs attention.

They belong to the territory (``territory.thresholds``), so every screen reading them
agrees; the model's bounds are checked here and shown under the field at fault.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from coop_tui.core.i18n import N_, _, format_number, language
from coop_tui.store.models import Thresholds
from coop_tui.ui.forms import FieldError, RecordForm, field_errors
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextInput

# Field -> what it means, as the form explains it.
THRESHOLD_LABELS: dict[str, str] = {
    "follower_contact_days": N_("Days without an exchange after which a follower needs a word"),
    "meeting_cadence_factor": N_("How many times its usual interval a kind of meeting may go "
                                 "without one"),
    "channel_coverage_percent": N_("Share of actors with a preferred channel, at least (%)"),
    "assessed_percent": N_("Share of actors whose role in the cooperation is read, at least "
                           "(%)"),
    "roadmap_complete_percent": N_("Share of roadmap items with a deadline and means, at least "
                                   "(%)"),
    "follow_up_days": N_("Days within which minutes or a status report should follow a "
                         "meeting"),
    "category_gap_percent": N_("Gap in progress that makes a category lag behind the others "
                               "(points)"),
}


def _shown(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return format_number(value, 1)
    return str(int(value))


class ThresholdsForm(RecordForm[Thresholds]):
    """Change the thresholds; hands back valid thresholds, or None when cancelled."""

    CSS_PATH = Path(__file__).parent / "thresholds.tcss"
    BINDINGS = [
        Binding("ctrl+r", "defaults", N_("Defaults"), id="thresholds.defaults"),
    ]

    def __init__(self, thresholds: Thresholds) -> None:
        super().__init__()
        self.thresholds = thresholds

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="thresholds-form", classes="stacked"):
            yield Static(plain(_("Thresholds of the evidence")), classes="form-title")
            yield Static(plain(_("A figure past its threshold marks the lever it concerns as "
                                 "needing attention.")), classes="hint")
            for field, text in THRESHOLD_LABELS.items():
                yield Static(plain(_(text)), classes="field-label")
                yield TextInput(_shown(getattr(self.thresholds, field)), id=field)
                yield FieldError(field)
            with Horizontal(classes="form-buttons"):
                yield Button(_("Defaults"), id="thresholds-defaults")
                yield Button(_("Save"), variant="primary", id="form-save")
                yield Button(_("Cancel"), id="form-cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _values(self) -> dict[str, str]:
        values = {field: self.query_one(f"#{field}", Input).value.strip()
                  for field in THRESHOLD_LABELS}
        if language() == "fr":
            values["meeting_cadence_factor"] = values["meeting_cadence_factor"].replace(",", ".")
        return values

    def draft_snapshot(self) -> object:
        return self._values()

    def save_record(self) -> Thresholds | None:
        thresholds, errors = self.build()
        self.show_errors(errors)
        return thresholds

    def build(self) -> tuple[Thresholds | None, dict[str, str]]:
        try:
            return Thresholds.model_validate(self._values()), {}
        except ValidationError as error:
            return None, field_errors(error)

    @on(Button.Pressed, "#thresholds-defaults")
    def action_defaults(self) -> None:
        defaults = Thresholds()
        for field in THRESHOLD_LABELS:
            self.query_one(f"#{field}", Input).value = _shown(getattr(defaults, field))

