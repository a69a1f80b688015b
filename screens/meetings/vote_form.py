"""The vote on a decision: for, against, abstaining; for a public vote, who voted what.

In a public vote the facilitator goes down the list of voters and presses one key per
person; the counts follow. Otherwise the three counts are typed. Either way the total
cannot exceed the votes the attendance allows (members present and proxies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, DataTable, Input, Label, Static

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Vote
from coop_tui.ui.forms import field_errors
from coop_tui.ui.widgets.bindings import translate_bindings
from coop_tui.ui.widgets.form_draft import DraftForm
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextInput

CSS = Path(__file__).parent / "forms.tcss"
FOR, AGAINST, ABSTAIN = "yes", "no", "abstain"


@dataclass(frozen=True)
class VoteResult:
    """The vote to record; ``vote`` is None to remove the decision's vote."""

    vote: Vote | None


class VoteForm(DraftForm[VoteResult | None]):
    CSS_PATH = CSS
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="vote.cancel"),
        Binding("ctrl+s", "submit", N_("Save"), id="vote.save"),
        Binding("ctrl+n", "toggle_public", N_("Public vote (names)"), id="vote.public"),
        Binding("p", "cast('yes')", N_("For"), id="vote.for"),
        Binding("c", "cast('no')", N_("Against"), id="vote.against"),
        Binding("a", "cast('abstain')", N_("Abstain"), id="vote.abstain"),
        Binding("x", "cast('')", N_("No vote"), id="vote.none"),
        Binding("u", "unanimous", N_("All for"), id="vote.unanimous"),
    ]

    def __init__(self, decision_text: str, vote: Vote | None, voters: Sequence[str]) -> None:
        super().__init__()
        translate_bindings(self)
        self._text = decision_text
        self._original = vote
        self._voters = list(dict.fromkeys(voters))
        self._cast: dict[str, str] = {}
        if vote is not None:
            for names, side in ((vote.yes_names, FOR), (vote.no_names, AGAINST),
                                (vote.abstain_names, ABSTAIN)):
                for name in names:
                    self._cast[name] = side
                    if name not in self._voters:
                        self._voters.append(name)

    def compose(self) -> ComposeResult:
        vote = self._original
        with Vertical(classes="form-box", id="vote-box"):
            yield Label(_("Vote on the decision"), classes="form-title")
            yield Static(plain(self._text), classes="form-note")
            with Horizontal(classes="field-row"):
                yield Static("", classes="field-label")
                yield Checkbox(_("Public vote: record who voted what (ctrl+n)"),
                               bool(vote and vote.public), id="public", compact=True)
            for name, label, value in (("yes", _("For"), vote.yes if vote else 0),
                                       ("no", _("Against"), vote.no if vote else 0),
                                       ("abstain", _("Abstaining"), vote.abstain if vote else 0)):
                with Horizontal(classes="field-row", id=f"row-{name}"):
                    yield Label(label, classes="field-label")
                    yield TextInput(str(value), id=name, compact=True, type="integer")
                yield Static("", classes="field-error", id=f"error-{name}")
            yield DataTable(id="voters", cursor_type="row", zebra_stripes=True)
            yield Static(Text(_("p for · c against · a abstain · x none · u all for"),
                              style="italic"), classes="form-note", id="voters-help")
            yield Static("", classes="field-error", id="error-form")
            with Horizontal(classes="form-buttons"):
                yield Button(_("Save"), variant="primary", id="vote-save", compact=True)
                yield Button(_("Remove the vote"), id="vote-remove", compact=True)
                yield Button(_("Cancel"), id="form-cancel", compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#voters", DataTable)
        table.add_column(_("Voter"))
        table.add_column(_("Vote"), width=12)
        for name in self._voters:
            table.add_row(plain(name), self._side_text(name), key=name)
        for error in self.query(".field-error").results(Static):
            error.display = False
        self._public_changed()

    def _side_text(self, name: str) -> Text:
        side = self._cast.get(name, "")
        return Text({FOR: _("For"), AGAINST: _("Against"), ABSTAIN: _("Abstaining")}.get(
            side, "—"), style="bold" if side else "dim")

    @property
    def _public(self) -> bool:
        return self.query_one("#public", Checkbox).value

    @on(Checkbox.Changed, "#public")
    def _public_changed(self) -> None:
        public = self._public
        self.query_one("#voters").display = public
        self.query_one("#voters-help").display = public
        for name in (FOR, AGAINST, ABSTAIN):
            self.query_one(f"#{name}", Input).disabled = public
        if public:
            self._count_names()
            self.query_one("#voters").focus()
        else:
            self.query_one(f"#{FOR}", Input).focus()

    def _count_names(self) -> None:
        for side in (FOR, AGAINST, ABSTAIN):
            count = sum(1 for value in self._cast.values() if value == side)
            self.query_one(f"#{side}", Input).value = str(count)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("cast", "unanimous"):
            return self.is_mounted and self._public and bool(self._voters)
        return True

    def action_toggle_public(self) -> None:
        self.query_one("#public", Checkbox).toggle()

    def action_cast(self, side: str) -> None:
        table = self.query_one("#voters", DataTable)
        if not self._voters:
            return
        name = self._voters[table.cursor_row]
        if side:
            self._cast[name] = side
        else:
            self._cast.pop(name, None)
        table.update_cell(name, table.ordered_columns[1].key, self._side_text(name))
        self._count_names()
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_unanimous(self) -> None:
        table = self.query_one("#voters", DataTable)
        for name in self._voters:
            self._cast[name] = FOR
            table.update_cell(name, table.ordered_columns[1].key, self._side_text(name))
        self._count_names()

    def _build(self) -> Vote | None:
        errors: dict[str, str] = {}
        counts: dict[str, int] = {}
        for side in (FOR, AGAINST, ABSTAIN):
            text = self.query_one(f"#{side}", Input).value.strip() or "0"
            if not text.lstrip("-").isdigit():
                errors[side] = _("must be a whole number")
            else:
                counts[side] = int(text)
        public = self._public
        names = {side: [n for n in self._voters if self._cast.get(n) == side]
                 for side in (FOR, AGAINST, ABSTAIN)}
        vote: Vote | None = None
        if not errors:
            try:
                vote = Vote(yes=counts[FOR], no=counts[AGAINST], abstain=counts[ABSTAIN],
                            public=public, yes_names=names[FOR] if public else [],
                            no_names=names[AGAINST] if public else [],
                            abstain_names=names[ABSTAIN] if public else [])
            except ValidationError as error:
                for field, message in field_errors(error).items():
                    errors.setdefault(field if field in counts else "form", message)
        if vote is not None and self._voters and not public:
            total = vote.yes + vote.no + vote.abstain
            if total > len(self._voters):
                errors["form"] = _("{total} votes, but only {voters} members can vote").format(
                    total=total, voters=len(self._voters))
        self._show_errors(errors)
        return None if errors else vote

    def draft_snapshot(self) -> object:
        return (self._public, sorted(self._cast.items()),
                [self.query_one(f"#{side}", Input).value for side in (FOR, AGAINST, ABSTAIN)])

    def draft_record(self) -> VoteResult | None:
        vote = self._build()
        return VoteResult(vote) if vote is not None else None

    def _show_errors(self, errors: dict[str, str]) -> None:
        for error in self.query(".field-error").results(Static):
            message = errors.get((error.id or "").removeprefix("error-"), "")
            error.update(Text(message))
            error.display = bool(message)

    @on(Input.Submitted)
    @on(Button.Pressed, "#vote-save")
    def action_submit(self) -> None:
        vote = self._build()
        if vote is not None:
            self.dismiss(VoteResult(vote))

    @on(Button.Pressed, "#vote-remove")
    def _remove(self) -> None:
        self.dismiss(VoteResult(None))

