"""The pickers of the roadmap form: a list of records chosen for a field (owners,
partners, prerequisites) with a line to add one more, and the dialog that picks a roadmap
item by typing part of its objective."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from coop_tui.core.fuzzy import rank
from coop_tui.core.i18n import N_, _, format_date
from coop_tui.store.models import RoadmapItem
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextInput

ADD = "\0add"


class ChoiceList(KeysInOrder, OptionList):
    """Records chosen for a field (owners, prerequisites), then a line to add one more."""

    BINDINGS = [
        Binding("delete,backspace", "remove", N_("Remove"), id="choices.remove"),
        Binding("plus,a", "add", N_("Add"), id="choices.add"),
    ]

    @dataclass
    class AddRequested(Message):
        """The user wants to add a record to this list."""

        choices: ChoiceList
        """The list to add to."""

    def __init__(self, ids: Sequence[str], name_of: Callable[[str], str], *, id: str) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self.ids = list(ids)
        self._name_of = name_of

    def on_mount(self) -> None:
        self._fill()

    def _fill(self, highlight: int | None = None) -> None:
        self.clear_options()
        for ref in self.ids:
            self.add_option(Option(plain(self._name_of(ref)), id=ref))
        self.add_option(Option(Text(_("+ Add…"), style="italic"), id=ADD))
        self.highlighted = min(highlight if highlight is not None else 0, self.option_count - 1)

    def add(self, ref: str) -> None:
        if ref not in self.ids:
            self.ids.append(ref)
        self._fill(self.ids.index(ref))

    def action_remove(self) -> None:
        index = self.highlighted
        if index is not None and index < len(self.ids):
            del self.ids[index]
            self._fill(index)

    def action_add(self) -> None:
        self.post_message(self.AddRequested(self))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == ADD:
            self.action_add()


class ItemPicker(ModalScreen[str | None]):
    """Pick a roadmap item by typing part of its objective."""

    CSS_PATH = Path(__file__).parent / "form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="item_picker.cancel"),
        Binding("down", "move(1)", show=False, id="item_picker.down"),
        Binding("up", "move(-1)", show=False, id="item_picker.up"),
    ]

    def __init__(self, items: Sequence[RoadmapItem], title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._items = list(items)
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="item-picker"):
            yield Label(Text(self._title), id="item-picker-title")
            yield TextInput(placeholder=_("Type part of an objective…"), id="item-picker-query")
            yield OptionList(id="item-picker-options")

    def on_mount(self) -> None:
        self._fill("")

    @on(Input.Changed, "#item-picker-query")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        options = self.query_one("#item-picker-options", OptionList)
        options.clear_options()
        by_id = {item.id: item for item in self._items}
        for item_id, _score in rank(query, ((i.id, i.objective) for i in self._items), limit=50):
            item = by_id[item_id]
            line = Text(item.objective)
            if item.due is not None:
                line.append(f"  {format_date(item.due)}", style="dim")
            options.add_option(Option(line, id=item_id))
        if options.option_count:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one("#item-picker-options", OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#item-picker-query")
    def _submit(self) -> None:
        options = self.query_one("#item-picker-options", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#item-picker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
