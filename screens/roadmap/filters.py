"""Filter the roadmap by lever, owner, status, date and text."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from coop_tui.core.dates import fold
from coop_tui.core.i18n import N_, _, language
from coop_tui.core.insights.roadmap import NO_LEVER, RoadmapFilter, When
from coop_tui.core.labels import choices
from coop_tui.store.models import LeverCategory, RoadmapStatus
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextInput

WHEN_CHOICES: tuple[tuple[When, str], ...] = (
    (When.LATE, N_("late")),
    (When.THIS_QUARTER, N_("due this quarter")),
    (When.NEXT_30_DAYS, N_("due in the next 30 days")),
    (When.OPEN, N_("not finished")),
)


def _value(select: Select[str]) -> str | None:
    value = select.value
    return value if isinstance(value, str) else None


class RoadmapFilters(ModalScreen[RoadmapFilter | None]):
    """The filters of the timeline; the search text can also be typed above it."""

    CSS_PATH = Path(__file__).parent / "filters.tcss"
    BINDINGS = [
        Binding("ctrl+s", "apply", N_("Apply"), id="filters.apply"),
        Binding("ctrl+r", "reset", N_("Clear all"), id="filters.reset"),
        Binding("escape", "cancel", N_("Cancel"), id="filters.cancel"),
    ]

    def __init__(self, repository: Repository, current: RoadmapFilter) -> None:
        super().__init__()
        translate_bindings(self)
        self._repository = repository
        self._current = current

    def _lever_options(self) -> list[tuple[str, str]]:
        categories = list(LeverCategory)
        levers = sorted(self._repository.levers,
                        key=lambda lever: (categories.index(lever.category), lever.position,
                                           lever.id))
        options = [(lever.title.get(language()), lever.id) for lever in levers]
        return [*options, (_("No lever"), NO_LEVER)]

    def _owner_options(self) -> list[tuple[str, str]]:
        owner_ids = {ref for item in self._repository.roadmap for ref in item.owner_ids}
        names = [(self._repository.actor_name(ref, "?"), ref) for ref in owner_ids]
        return sorted(names, key=lambda pair: (fold(pair[0]), pair[1]))

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical(id="filters"):
            yield Label(_("Filter the roadmap"), id="filters-title")
            yield Label(_("Lever"), classes="field-label")
            yield Select(self._lever_options(), prompt=_("Every lever"), id="filter-lever",
                         value=current.lever_id or Select.NULL, compact=True)
            yield Label(_("Owned by"), classes="field-label")
            yield Select(self._owner_options(), prompt=_("Every owner"), id="filter-owner",
                         value=current.owner_id or Select.NULL, compact=True)
            yield Label(_("Status"), classes="field-label")
            yield Select(choices(RoadmapStatus), prompt=_("Every status"), id="filter-status",
                         value=current.status.value if current.status else Select.NULL,
                         compact=True)
            yield Label(_("When"), classes="field-label")
            yield Select([(_(name), when.value) for when, name in WHEN_CHOICES],
                         prompt=_("Any date"), id="filter-when",
                         value=current.when.value if current.when is not When.ANY
                         else Select.NULL, compact=True)
            yield Label(_("Text"), classes="field-label")
            yield TextInput(current.text, placeholder=_("Words in the objective, the people…"),
                            id="filter-text", compact=True)
            with Horizontal(id="filters-buttons"):
                yield Button(_("Apply"), variant="primary", id="filters-apply", compact=True)
                yield Button(_("Clear all"), id="filters-reset", compact=True)
        yield KeyBar()

    def chosen(self) -> RoadmapFilter:
        status = _value(self.query_one("#filter-status", Select))
        when = _value(self.query_one("#filter-when", Select))
        return RoadmapFilter(
            lever_id=_value(self.query_one("#filter-lever", Select)),
            owner_id=_value(self.query_one("#filter-owner", Select)),
            status=RoadmapStatus(status) if status else None,
            when=When(when) if when else When.ANY,
            text=self.query_one("#filter-text", Input).value.strip(),
        )

    @on(Button.Pressed, "#filters-apply")
    @on(Input.Submitted, "#filter-text")
    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#filters-reset")
    def action_reset(self) -> None:
        self.dismiss(RoadmapFilter())

    def action_cancel(self) -> None:
        self.dismiss(None)
