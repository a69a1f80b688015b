"""The dashboard's statutory deadlines: what was missed, what falls due this week, what comes
next, each line one Enter away from the session, the lever or the deadline it comes from.

The keys settle an obligation where it is read: ``m`` marks it met (today unless another
day is typed, so ``m`` then Enter), ``d`` dismisses it with a reason that stays written with
it, ``a`` adds a deadline of the user's own, ``s`` opens what the calendar knows of the
territory (its size, the council's choices, the budget votes). A missed obligation stays
in the panel until it is met or dismissed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from coop_tui.core.dates import parse_date
from coop_tui.core.exports.deadlines import summary, title
from coop_tui.core.exports.status import due_in, late_by
from coop_tui.core.i18n import N_, _, format_date
from coop_tui.core.insights.dashboard import Overview
from coop_tui.core.obligations import Due, State
from coop_tui.screens.dashboard.panels import ATTENTION, DashboardPanel, Row
from coop_tui.store.models import Obligation
from coop_tui.ui.forms import DateField, RecordForm, field_errors, form_row, typed_date
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.dialogs import Check
from coop_tui.ui.widgets.text_fields import TextInput


class DeadlinesPanelView(DashboardPanel):
    """Missed obligations, those due within a week, the next ones; keys to settle them."""

    BINDINGS = [
        Binding("m", "met", N_("Met"), id="deadlines.met"),
        Binding("d", "dismiss", N_("Dismiss"), id="deadlines.dismiss"),
        Binding("a", "add", N_("Add a deadline"), id="deadlines.add"),
        Binding("s", "settings", N_("Calendar settings"), id="deadlines.settings"),
    ]

    @dataclass
    class SettleRequested(Message):
        """The user wants to mark an obligation met, or dismiss it."""

        due: Due
        """The obligation under the cursor."""
        how: str
        """``met`` or ``dismiss``."""

    @dataclass
    class AddRequested(Message):
        """The user wants to add a deadline of their own."""

    @dataclass
    class SettingsRequested(Message):
        """The user wants to see or change what the calendar knows of the territory."""

    def __init__(self) -> None:
        super().__init__(_("Deadlines"), id="panel-deadlines")
        self._dues: dict[str, Due] = {}

    def _line(self, found: Due, today: date) -> Row:
        if found.state is State.LATE:
            detail, style = late_by((today - found.due).days), "late"
        else:
            days = (found.due - today).days
            detail = due_in(days)
            if days > 1:
                detail = f"{format_date(found.due)} · {detail}"
            style = "soon" if days <= 7 else "muted"
        self._dues[found.key] = found
        return Row(Text(title(found)), Text(detail, style=self.style(style)), found.target,
                   Text(summary(found), style=self.style("muted")), key=found.key)

    def fill(self, overview: Overview) -> None:
        panel = overview.deadlines
        self._dues = {}
        if panel is None:
            self.show_rows([self.note(_("Not read."))])
            return
        today = overview.today
        self.border_subtitle = _("{missed} missed · {week} this week").format(
            missed=len(panel.missed), week=len(panel.this_week))
        week = {found.key for found in panel.this_week}
        rows = [self.heading(f"{ATTENTION} " + _("Missed ({count})").format(
            count=len(panel.missed)))]
        rows += [self._line(found, today) for found in panel.missed] or [
            self.note(_("Nothing missed."))]
        rows.append(self.heading(_("Due within a week ({count})").format(
            count=len(panel.this_week))))
        rows += [self._line(found, today) for found in panel.this_week] or [
            self.note(_("Nothing due within a week."))]
        rows.append(self.heading(_("Coming next")))
        rows += [self._line(found, today) for found in panel.upcoming
                 if found.key not in week] or [self.note(_("Nothing else ahead."))]
        self.show_rows(rows)

    @property
    def selected_due(self) -> Due | None:
        """The obligation under the cursor, if the cursor is on one."""
        key = self.highlighted_key
        return self._dues.get(key) if key is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("met", "dismiss"):
            return self.selected_due is not None
        return True

    def action_met(self) -> None:
        if (due := self.selected_due) is not None:
            self.post_message(self.SettleRequested(due, "met"))

    def action_dismiss(self) -> None:
        if (due := self.selected_due) is not None:
            self.post_message(self.SettleRequested(due, "dismiss"))

    def action_add(self) -> None:
        self.post_message(self.AddRequested())

    def action_settings(self) -> None:
        self.post_message(self.SettingsRequested())


def met_day_check(today: date) -> Check:
    """A day an obligation was met: a real date, and not after today."""

    def check(text: str) -> str | None:
        try:
            day = parse_date(text, today)
        except ValueError:
            return _("is not a real date (such as 26/11/2026)")
        if day is None:
            return _("say on which day it was met")
        if day > today:
            return _("is after today")
        return None

    return check


def reason_check(text: str) -> str | None:
    return None if text.strip() else _("say why the obligation is dismissed")


def met_prompt_value(today: date) -> str:
    """The day the met prompt opens with: today, so that Enter alone confirms."""
    return typed_date(today)


class DeadlineForm(RecordForm[Obligation]):
    """A deadline of the user's own: its title, its date and the article it comes from;
    hands back the saved record."""

    ENTER_SAVES = True

    def __init__(self, session: Session, deadline: Obligation | None = None) -> None:
        super().__init__(session)
        self._session = session
        self._original = deadline

    def form_title(self) -> str:
        return _("New deadline") if self._original is None else _("Edit the deadline")

    def compose_fields(self) -> ComposeResult:
        original = self._original
        yield form_row(_("Title"), TextInput(original.title if original else "", id="title",
                                             compact=True), "title")
        yield form_row(_("Due on"), DateField(original.due if original else None, id="due",
                                              placeholder=_("e.g. 15/03/2026")), "due")
        yield form_row(_("Article"), TextInput(original.article if original else "",
                                               id="article", compact=True,
                                               placeholder=_("e.g. CGCT L2121-25")), "article")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def save_record(self) -> Obligation | None:
        day, problem = self.query_one("#due", DateField).read_required(self._session.today())
        data = self._original.model_dump() if self._original else {}
        data.update(title=self.query_one("#title", Input).value.strip(), due=day,
                    article=self.query_one("#article", Input).value.strip())
        errors: dict[str, str] = {"due": problem} if problem else {}
        if not data["title"]:
            errors["title"] = _("must not be empty")
        if errors:
            self.show_errors(errors)
            return None
        try:
            record = Obligation.model_validate(data)
        except ValidationError as error:
            self.show_errors(field_errors(error))
            return None
        refusal = self._session.save([record])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return record
