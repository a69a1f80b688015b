"""What the statutory calendar needs to know of the territory: the facts of its size and
the council's own choices, which decide which rules apply and when.

A rule that depends on them is never guessed: the DOB binds only a community with a commune
of 3,500 inhabitants or more (L5211-36), the convocation may need more than five clear days
if the règlement intérieur says so (L2121-12), the mutualisation report exists once a schéma
does (L5211-39-1), the governance pact is adopted only if the council chose to draw one up
(L5211-11-2), and the budget votes are the council's dates. Each is a field here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, TextArea

from coop_tui.core.dates import parse_date
from coop_tui.core.i18n import N_, _
from coop_tui.core.labels import choices
from coop_tui.store.models import CalendarSettings, GovernancePact, Territory
from coop_tui.ui.forms import RecordForm, field_errors, form_row, typed_date
from coop_tui.ui.session import Session
from coop_tui.ui.widgets.text_fields import TextEditor, TextInput


def vote_lines(text: str, today: date) -> tuple[list[date], str]:
    """The budget votes typed one per line, or the message about the first line that is
    not a date (blank lines are spacing)."""
    votes: list[date] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            day = parse_date(line, today)
        except ValueError:
            day = None
        if day is None:
            return [], _("line {line}: {message}").format(
                line=number, message=_("is not a real date (such as 26/11/2026)"))
        votes.append(day)
    return votes, ""


class CalendarSettingsForm(RecordForm[Territory]):
    """The territory's calendar settings; hands back the territory once saved."""

    CSS_PATH = Path(__file__).parent / "calendar_form.tcss"
    LOST = N_("Your changes to the calendar settings will be lost.")

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = session

    def form_title(self) -> str:
        return _("Statutory calendar settings")

    def compose_fields(self) -> ComposeResult:
        settings = self._session.repository.territory.calendar
        yield form_row("", Checkbox(_("A commune of 3,500 inhabitants or more"),
                                    settings.commune_of_3500, id="commune_of_3500",
                                    compact=True), "commune_of_3500")
        yield form_row(_("Clear days"), TextInput(
            str(settings.convocation_clear_days), id="convocation_clear_days", compact=True,
            type="integer"), "convocation_clear_days")
        yield form_row("", Checkbox(_("A schéma de mutualisation is in force"),
                                    settings.mutualisation_scheme, id="mutualisation_scheme",
                                    compact=True), "mutualisation_scheme")
        yield form_row(_("Governance pact"), Select(
            choices(GovernancePact), value=settings.governance_pact.value, allow_blank=False,
            id="governance_pact", compact=True), "governance_pact")
        yield form_row(_("Budget votes"), TextEditor(
            "\n".join(typed_date(day) for day in settings.budget_votes), id="budget_votes",
            compact=True, soft_wrap=False, classes="short"), "budget_votes")
        yield form_row("", Checkbox(_("Alsace-Moselle public holidays"),
                                    settings.alsace_moselle, id="alsace_moselle",
                                    compact=True), "alsace_moselle")

    def on_mount(self) -> None:
        self.query_one("#commune_of_3500", Checkbox).focus()

    def save_record(self) -> Territory | None:
        today = self._session.today()
        votes, problem = vote_lines(self.query_one("#budget_votes", TextArea).text, today)
        if problem:
            self.show_errors({"budget_votes": problem})
            return None
        data = {
            "commune_of_3500": self.query_one("#commune_of_3500", Checkbox).value,
            "convocation_clear_days": self.query_one("#convocation_clear_days",
                                                     Input).value.strip() or 0,
            "mutualisation_scheme": self.query_one("#mutualisation_scheme", Checkbox).value,
            "governance_pact": self.query_one("#governance_pact", Select).value,
            "budget_votes": votes,
            "alsace_moselle": self.query_one("#alsace_moselle", Checkbox).value,
        }
        try:
            settings = CalendarSettings.model_validate(data)
        except ValidationError as error:
            self.show_errors(field_errors(error))
            return None
        territory = self._session.repository.territory.model_copy(
            update={"calendar": settings}, deep=True)
        refusal = self._session.save([territory])
        if refusal is not None:
            self.show_errors(refusal.fields)
            return None
        return territory
