"""What a merge left to settle, settled in a few keys: keep mine, keep theirs, or write the
value by hand; Enter opens the record on its own screen.

A conflict keeps one value in place (« mine », the one the record holds now) and sets the
other aside (« theirs »), with the value both started from. Settling saves the record and
drops the conflict as one write, through the session's one save path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from coop_tui.core.i18n import N_, _, language
from coop_tui.core.target import Target
from coop_tui.store.conflicts import ConflictPlaceGone, settlement, value_at
from coop_tui.store.models import TABLES, Conflict, LocalizedText, Record
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_bar import KeyBar
from coop_tui.ui.widgets.text_fields import TextEditor

# How much of a value a line of the list shows.
SHOWN = 60
# The screen that shows a record of each table.
TABLE_MODES = {"actors": "actors", "meetings": "meetings", "roadmap": "roadmap",
               "levers": "levers", "territory": "territory"}
TABLE_NAMES = {"actors": N_("actor"), "relations": N_("relation"), "meetings": N_("meeting"),
               "roadmap": N_("roadmap item"), "levers": N_("lever"),
               "territory": N_("territory"), "obligations": N_("deadline")}


def record_name(record: Record | None) -> str:
    """What a person calls the record: its name, title or objective."""
    if record is None:
        return _("(deleted)")
    for attribute in ("name", "objective"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value:
            return value
    title = getattr(record, "title", None)
    if isinstance(title, LocalizedText):
        return title.get(language()) or record.id[:8]
    return title if isinstance(title, str) and title else record.id[:8]


def shown_value(value: Any, width: int = SHOWN) -> str:
    """A value on one line: text as typed, nothing said so, anything else as JSON."""
    if value is None:
        return _("(none)")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


@dataclass(frozen=True)
class Reading:
    """A conflict with the record it is about, as the list shows it."""

    conflict: Conflict
    record: Record | None

    @property
    def where(self) -> str:
        table = _(TABLE_NAMES.get(self.conflict.record_table, self.conflict.record_table))
        field = self.conflict.field or _("the whole record")
        return f"{table} « {record_name(self.record)} » · {field}"

    @property
    def mine(self) -> Any:
        """The value in place now (it may have changed since the merge)."""
        if self.record is None:
            return None
        try:
            return value_at(self.record, self.conflict.field)
        except ConflictPlaceGone:
            return None

    @property
    def target(self) -> Target | None:
        conflict = self.conflict
        if conflict.record_table == "relations" and self.record is not None:
            return Target("actors", str(getattr(self.record, "source_id", "")))
        mode = TABLE_MODES.get(conflict.record_table)
        return Target(mode, conflict.record_id) if mode and self.record is not None else None


def readings(session: Session) -> list[Reading]:
    """The conflicts of the store, oldest first (a record's together, by field), each with
    its record as it is now."""
    repository = session.repository

    def record(conflict: Conflict) -> Record | None:
        kind = TABLES.get(conflict.record_table)
        return repository.get(kind, conflict.record_id) if kind is not None else None

    ordered = sorted(repository.conflicts, key=lambda c: (c.created, c.record_table,
                                                           c.record_id, c.field))
    return [Reading(conflict, record(conflict)) for conflict in ordered]


class ConflictsScreen(ModalScreen[None]):
    """Every conflict a merge left: ``m`` keeps mine, ``t`` keeps theirs, ``e`` edits,
    Enter opens the record."""

    CSS_PATH = Path(__file__).parent / "conflicts.tcss"
    BINDINGS = [
        Binding("m", "keep('mine')", N_("Keep mine"), id="conflicts.mine"),
        Binding("t", "keep('theirs')", N_("Keep theirs"), id="conflicts.theirs"),
        Binding("e", "edit", N_("Edit"), id="conflicts.edit"),
        Binding("enter", "open", N_("Open the record"), id="conflicts.open"),
        Binding("escape", "close", N_("Close"), id="conflicts.close"),
    ]

    def __init__(self, session: Session, navigate: Callable[[Target], None]) -> None:
        super().__init__()
        translate_bindings(self)
        self.session = session
        self._navigate = navigate
        self._readings: list[Reading] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="conflicts-box"):
            yield Static(id="conflicts-title", markup=False)
            yield OptionList(id="conflicts")
            yield Static(id="conflicts-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, keep: int = 0) -> None:
        self._readings = readings(self.session)
        count = len(self._readings)
        self.query_one("#conflicts-title", Static).update(Text(
            _("Conflicts left by a merge: {count}").format(count=count) if count
            else _("No conflict left to settle."), style="bold"))
        options = self.query_one(OptionList)
        options.set_options([Option(Text.assemble(
            (reading.where, "bold"), "\n  ", _("mine: {value}").format(
                value=shown_value(reading.mine)), "\n  ", _("theirs: {value}").format(
                value=shown_value(reading.conflict.theirs))))
            for reading in self._readings])
        if self._readings:
            options.highlighted = min(keep, count - 1)
        self._show_detail()

    def _show_detail(self) -> None:
        reading = self.selected
        detail = "" if reading is None else _("Both started from: {value}").format(
            value=shown_value(reading.conflict.base, 200))
        self.query_one("#conflicts-detail", Static).update(Text(detail))

    def on_option_list_option_highlighted(self) -> None:
        self._show_detail()

    @property
    def selected(self) -> Reading | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self._readings):
            return None
        return self._readings[index]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep", "edit", "open"):
            return self.selected is not None and (
                action != "open" or self.selected.target is not None)
        return True

    def on_option_list_option_selected(self) -> None:
        self.action_open()

    def action_keep(self, side: str) -> None:
        reading = self.selected
        if reading is not None:
            self.settle(reading, reading.mine if side == "mine" else reading.conflict.theirs)

    def settle(self, reading: Reading, value: Any) -> bool:
        """Put ``value`` in place and drop the conflict; False (and why) when refused."""
        index = self.query_one(OptionList).highlighted or 0
        try:
            saved, deleted = settlement(reading.conflict, reading.record, value)
        except (ValidationError, ConflictPlaceGone) as error:
            reason = (next(iter(field_errors(error).values()), "")
                      if isinstance(error, ValidationError) else _("that part was deleted"))
            self.notify(_("Not settled: {reason}").format(reason=reason), severity="error",
                        markup=False)
            return False
        refusal = self.session.save(saved, deleted)
        if refusal is not None:
            self.notify(_("Not settled: {reason}").format(reason=refusal.message),
                        severity="error", markup=False)
            return False
        self._fill(index)
        self.notify(_("Settled."), timeout=3, markup=False)
        return True

    def action_edit(self) -> None:
        reading = self.selected
        if reading is None:
            return

        def written(value: object | None) -> None:
            if value is not None and reading is not None:
                self.settle(reading, None if value is NOTHING else value)

        self.app.push_screen(ConflictValueForm(reading), written)

    def action_open(self) -> None:
        reading = self.selected
        if reading is not None and reading.target is not None:
            target = reading.target
            self.dismiss(None)
            self._navigate(target)

    def action_close(self) -> None:
        self.dismiss(None)


# What the edit form hands back for "no value" (None means it was cancelled).
NOTHING = object()


class ConflictValueForm(RecordForm[object]):
    """The value to settle on, written by hand from mine: text as text, anything else as
    JSON."""

    CSS_PATH = Path(__file__).parent / "conflicts.tcss"

    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self._reading = reading
        mine = reading.mine
        self._as_text = isinstance(mine, str) or (mine is None
                                                 and isinstance(reading.conflict.theirs, str))

    def form_title(self) -> str:
        return self._reading.where

    def compose_fields(self) -> ComposeResult:
        mine = self._reading.mine
        text = (mine or "") if self._as_text else json.dumps(mine, ensure_ascii=False,
                                                              indent=1)
        yield form_row(_("Value"), TextEditor(str(text), id="value", compact=True,
                                               classes="short"), "value")
        yield Static(Text(_("theirs: {value}").format(value=shown_value(
            self._reading.conflict.theirs, 200)), style="italic"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#value", TextArea).focus()

    def save_record(self) -> object | None:
        text = self.query_one("#value", TextArea).text
        if self._as_text:
            return text
        try:
            value = json.loads(text) if text.strip() else None
        except json.JSONDecodeError:
            self.show_errors({"value": _("is not a value coop-tui can read (JSON)")})
            return None
        return NOTHING if value is None else value
