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
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, DataTable, Input, Static

from coop_tui.core.i18n import N_, _
from coop_tui.store.models import Vote
from coop_tui.ui.forms import RecordForm, field_errors, form_row
from coop_tui.ui.widgets.text import plain
from coop_tui.ui.widgets.text_fields import TextInput

CSS = Path(__file__).parent / "forms.tcss"
FOR, AGAINST, ABSTAIN = "yes", "no", "abstain"


@dataclass(frozen=True)
class VoteResult:
    """The vote to record; ``vote`` is None to remove the decision's vote."""

    vote: Vote | None


class VoteForm(RecordForm[VoteResult]):
    """The counts (or each voter's vote) of one decision; hands back the vote to record."""

    CSS_PATH = CSS
    ENTER_SAVES = True
    BINDINGS = [
        Binding("ctrl+n", "toggle_public", N_("Public vote (names)"), id="vote.public"),
        Binding("p", "cast('yes')", N_("For"), id="vote.for"),
        Binding("c", "cast('no')", N_("Against"), id="vote.against"),
        Binding("a", "cast('abstain')", N_("Abstain"), id="vote.abstain"),
        Binding("x", "cast('')", N_("No vote"), id="vote.none"),
        Binding("u", "unanimous", N_("All for"), id="vote.unanimous"),
    ]

    def __init__(self, decision_text: str, vote: Vote | None, voters: Sequence[str]) -> None:
        super().__init__()
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
        with VerticalScroll(id="form", classes="dialog small"):
            yield Static(Text(_("Vote on the decision"), style="bold"), id="form-title")
            yield Static(plain(self._text), classes="form-note")
            yield form_row("", Checkbox(_("Public vote: record who voted what (ctrl+n)"),
                                        bool(vote and vote.public), id="public", compact=True))
            for name, label, value in (("yes", _("For"), vote.yes if vote else 0),
                                       ("no", _("Against"), vote.no if vote else 0),
                                       ("abstain", _("Abstaining"), vote.abstain if vote else 0)):
                yield form_row(label, TextInput(str(value), id=name, compact=True,
                                                type="integer"), name, id=f"row-{name}")
            yield DataTable(id="voters", cursor_type="row", zebra_stripes=True)
            yield Static(Text(_("p for · c against · a abstain · x none · u all for"),
                              style="italic"), classes="form-note", id="voters-help")
            yield self.general_error()
            yield Horizontal(
                Button(_("Save"), variant="primary", id="form-save", compact=True),
                Button(_("Remove the vote"), id="vote-remove", compact=True),
                Button(_("Cancel"), id="form-cancel", compact=True),
                classes="buttons")

    def on_mount(self) -> None:
        table = self.query_one("#voters", DataTable)
        table.add_column(_("Voter"))
        table.add_column(_("Vote"), width=12)
        for name in self._voters:
            table.add_row(plain(name), self._side_text(name), key=name)
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
                    errors.setdefault(field if field in counts else "", message)
        if vote is not None and self._voters and not public:
            total = vote.yes + vote.no + vote.abstain
            if total > len(self._voters):
                errors[""] = _("{total} votes, but only {voters} members can vote").format(
                    total=total, voters=len(self._voters))
        self.show_errors(errors)
        return None if errors else vote

    def draft_snapshot(self) -> object:
        return (self._public, sorted(self._cast.items()),
                [self.query_one(f"#{side}", Input).value for side in (FOR, AGAINST, ABSTAIN)])

    def save_record(self) -> VoteResult | None:
        vote = self._build()
        return VoteResult(vote) if vote is not None else None

    @on(Button.Pressed, "#vote-remove")
    def _remove(self) -> None:
        self.dismiss(VoteResult(None))

