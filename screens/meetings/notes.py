"""The live-notes parts of the meeting screen: the agenda with its timers, the notes editor
with ``@name`` completion, and the panel of what the notes captured.

The editor keeps the focus on typing: every meeting key is a ctrl or function key, and Tab
completes an ``@name`` while one is being typed (it moves the focus otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coop_tui.core.capture import (
    Capture,
    CaptureKind,
    Unresolved,
    mention,
    mention_being_typed,
)
from coop_tui.core.i18n import N_, _, format_date, ngettext
from coop_tui.store.models import Action, AgendaItem, Decision
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.key_order import KeysInOrder
from coop_tui.ui.widgets.text_fields import TextEditor


def clock(seconds: int) -> str:
    """``m:ss``, or ``h:mm:ss`` past an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def timing(elapsed: int, planned_minutes: int, running: bool) -> Content:
    """Elapsed against planned, in the warning colour once past the plan."""
    over = planned_minutes and elapsed > planned_minutes * 60
    text = f"{'▶ ' if running else ''}{clock(elapsed)} / {clock(planned_minutes * 60)}"
    style = "bold $error" if over else ("bold $success" if running else "$text-muted")
    return Content.assemble((text, style))


class AgendaList(KeysInOrder, OptionList):
    """The agenda items, each with its timer; keys reorder and edit them."""

    BINDINGS = [
        Binding("shift+up", "screen.move_item(-1)", N_("Move up"), id="agenda.up"),
        Binding("shift+down", "screen.move_item(1)", N_("Move down"), id="agenda.down"),
        Binding("n", "screen.new_item", N_("New item"), id="agenda.new", show=False),
        Binding("e", "screen.edit_item", N_("Edit item"), id="agenda.edit"),
        Binding("c", "screen.duplicate_item", N_("Duplicate item"), id="agenda.duplicate",
                show=False),
        Binding("delete", "screen.delete_item", N_("Delete item"), id="agenda.delete",
                show=False),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        translate_bindings(self)

    def show(self, items: Sequence[AgendaItem], current: str | None,
             elapsed: dict[str, int], running: str | None) -> None:
        """Redraw the items with ``current`` highlighted. Posts no OptionHighlighted: the
        screen chose that item already, and a message arriving after a later choice would
        take it back (two such messages in flight sent the screen from one item to the
        other for ever, and the notes took no key)."""
        with self.prevent(self.OptionHighlighted):
            self.clear_options()
            for number, item in enumerate(items, start=1):
                self.add_option(Option(self.prompt(number, item, elapsed[item.id],
                                                   item.id == running), id=item.id))
            index = next((i for i, item in enumerate(items) if item.id == current), None)
            if index is not None:
                self.highlighted = index

    @staticmethod
    def prompt(number: int, item: AgendaItem, elapsed: int, running: bool) -> Content:
        title = Content(f"{number}. {item.title}")
        return Content.assemble(title, "\n   ", timing(elapsed, item.planned_minutes, running))


class NotesArea(TextEditor):
    """The notes of one agenda item (Markdown). Tab accepts the first ``@name`` offered.

    On a decision or action line whose ``@name`` names no one for sure, Tab settles it: the
    first of the actors it matches (shift+Tab the second), or a new actor of that name when
    it matches none."""

    @dataclass
    class CreateActor(Message):
        """Tab on an ``@name`` that matches no actor: create one of that name."""

        row: int
        """The line of the notes the name is on."""
        choice: Unresolved
        """The name, as typed, that matched no actor."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus",
                         placeholder=_("Type the notes of this item. D: a decision · "
                                       "@owner an action, 15/12"))
        self.suggestions: list[tuple[str, str]] = []
        self.choice: Unresolved | None = None  # an @name of the cursor's line to settle

    def typed_mention(self) -> tuple[int, str] | None:
        """The ``@name`` being typed just before the cursor, if any: (column, query)."""
        row, column = self.cursor_location
        if self.selection.start != self.selection.end:
            return None
        line = self.document.get_line(row)
        return mention_being_typed(line[:column])

    async def handle_key(self, event: events.Key) -> bool:
        """Tab and Escape answer the names offered first; Escape then leaves the editor,
        so that a second Escape leaves the meeting."""
        if self.suggestions and event.key in ("tab", "escape"):
            event.stop()
            if event.key == "tab":
                self.complete(self.suggestions[0][1])
            self.suggestions = []
            self.post_message(self.Changed(self))
            return True
        if self.choice is not None and event.key in ("tab", "shift+tab"):
            event.stop()
            self.settle(self.choice, second=event.key == "shift+tab")
            return True
        if event.key == "escape":
            event.stop()
            self.screen.focus_next()
            return True
        return await super().handle_key(event)

    def settle(self, choice: Unresolved, *, second: bool = False) -> None:
        """Write the chosen actor's whole name for an ambiguous ``@name``; ask for a new
        actor for an unknown one."""
        row = self.cursor_location[0]
        self.choice = None
        if not choice.candidates:
            self.post_message(self.CreateActor(row, choice))
            return
        index = 1 if second and len(choice.candidates) > 1 else 0
        self.name_actor(row, choice, choice.candidates[index][1])

    def name_actor(self, row: int, choice: Unresolved, name: str) -> None:
        """Put ``name`` in place of the ``@name`` typed at ``choice`` on ``row``."""
        self.replace(mention(name), (row, choice.start), (row, choice.end),
                     maintain_selection_offset=False)

    def complete(self, name: str) -> None:
        """Replace the ``@name`` being typed with the chosen actor's."""
        typed = self.typed_mention()
        if typed is None:
            return
        row, column = self.cursor_location
        self.replace(mention(name) + " ", (row, typed[0]), (row, column))


def _capture_line(capture: Capture, names: dict[str, str]) -> Content:
    kind = "D" if capture.kind is CaptureKind.DECISION else "A"
    parts: list[str | tuple[str, str] | Content] = [
        (f" {kind} ", "bold reverse $primary" if kind == "D" else "bold reverse $accent"), " ",
        capture.text or (_("(no text yet)"), "italic $text-muted"),
    ]
    if capture.kind is CaptureKind.ACTION:
        owner = names.get(capture.owner_id or "", "")
        if owner:
            parts += ["\n    ", _("owner: {name}").format(name=owner)]
        if capture.due is not None:
            parts += ["\n    ", _("due: {date}").format(date=format_date(capture.due, "medium"))]
    for name in capture.ambiguous:
        parts += ["\n    ", (_("⚠ @{name}: several actors match, Tab chooses").format(
            name=name), "bold $warning")]
    for name in capture.unknown:
        parts += ["\n    ", (_("⚠ @{name}: not in the actor map").format(name=name),
                            "bold $warning")]
    if capture.bad_date:
        parts += ["\n    ", (_("⚠ {date}: no such date").format(date=capture.bad_date),
                            "bold $warning")]
    return Content.assemble(*parts)


class CapturePanel(Static):
    """What the current item's notes captured, live, with what needs a look flagged."""

    def show(self, captures: Sequence[Capture], by_form: Sequence[Decision | Action],
             names: dict[str, str], totals: tuple[int, int]) -> None:
        blocks: list[Content] = [Content.assemble((_("Captured in this item"), "bold"))]
        if not captures and not by_form:
            blocks.append(Content.assemble((_("Start a line with D: for a decision, A: for "
                                              "an action; @name names the owner, a date the "
                                              "due date."), "italic $text-muted")))
        blocks += [_capture_line(capture, names) for capture in captures]
        for record in by_form:
            kind = "D" if isinstance(record, Decision) else "A"
            blocks.append(Content.assemble((f" {kind} ", "bold reverse $secondary"), " ",
                                           record.text, (" " + _("(form)"), "$text-muted")))
        decisions, actions = totals
        blocks.append(Content.assemble((
            _("Whole meeting: {decisions}, {actions}").format(
                decisions=ngettext("{count} decision", "{count} decisions",
                                   decisions).format(count=decisions),
                actions=ngettext("{count} action", "{count} actions",
                                 actions).format(count=actions)), "$text-muted")))
        self.update(Content("\n\n").join(blocks))


def choice_text(choice: Unresolved) -> Text:
    """What Tab (and shift+Tab) do with an ``@name`` to settle."""
    if not choice.candidates:
        return Text(_("@{name} is not in the actor map. Tab: add them").format(
            name=choice.typed.replace("_", " ")))
    line = Text(f"@{choice.typed}: ", style="bold")
    line.append(_("Tab: "), style="bold")
    line.append(choice.candidates[0][1], style="bold reverse")
    if len(choice.candidates) > 1:
        line.append("   " + _("shift+Tab: "), style="bold")
        line.append(choice.candidates[1][1])
    if len(choice.candidates) > 2:
        line.append("   " + _("(or type more of the name)"))
    return line


def completion_text(suggestions: Sequence[tuple[str, str]]) -> Text:
    """The names offered for the ``@name`` being typed."""
    line = Text(_("Tab: "), style="bold")
    for index, (_id, name) in enumerate(suggestions):
        line.append(name, style="bold reverse" if index == 0 else "")
        line.append("   ")
    return line
