"""The dashboard's deadlines panel on the demo store: the same obligations as the status
report, marked met in two keys, dismissed with a reason, a deadline of one's own added and
edited, Enter on a session's obligation opening the session; and the statutory steps shown
as lever evidence."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, TextArea

from coop_tui.core.insights.deadlines import deadlines_panel, store_obligations
from coop_tui.core.insights.levers import Facts, evidence_by_lever
from coop_tui.core.obligations import State
from coop_tui.screens.dashboard.deadlines import DeadlineForm, DeadlinesPanelView
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.screens.territory.calendar_form import CalendarSettingsForm
from coop_tui.shell.app import CoopApp
from coop_tui.store.models import Obligation
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import FieldError
from coop_tui.ui.widgets.dialogs import TextPrompt
from tests.conftest import TODAY
from tests.helpers import AppFactory, until


async def deadlines(pilot: Pilot[int], app: CoopApp) -> DeadlinesPanelView:
    await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    view = app.screen.query_one(DeadlinesPanelView)
    view.focus()
    await until(pilot, lambda: view.has_focus)
    return view


def obligation_records(app: CoopApp) -> list[Obligation]:
    return app.session.repository.obligations


async def test_the_panel_shows_what_the_calendar_holds(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await deadlines(pilot, app)
        panel = deadlines_panel(store_obligations(app.session.repository, TODAY), TODAY)
        week = {due.key for due in panel.this_week}
        expected = [*panel.missed, *panel.this_week,
                    *(due for due in panel.upcoming if due.key not in week)]
        assert [view._dues[key].key for key in view._dues] == [due.key for due in expected]
        assert panel.missed and panel.this_week  # the demo holds both
        assert view.selected_due is not None and view.selected_due.key == panel.missed[0].key


async def test_m_then_enter_marks_the_missed_obligation_met_today(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await deadlines(pilot, app)
        missed = view.selected_due
        assert missed is not None and missed.state is State.LATE
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and missed.key not in view._dues)
        found = {due.key: due for due in store_obligations(app.session.repository, TODAY)}
        assert found[missed.key].state is State.DONE and found[missed.key].met_on == TODAY
        assert found[missed.key].timing == "late"


async def test_a_day_after_today_is_refused_and_nothing_saved(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await deadlines(pilot, app)
        before = list(obligation_records(app))
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt))
        prompt = app.screen
        prompt.query_one(Input).value = "31/12/2026"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert obligation_records(app) == before
        assert view.selected_due is not None and view.selected_due.state is State.LATE


async def test_dismissing_asks_why_and_keeps_the_reason(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await deadlines(pilot, app)
        missed = view.selected_due
        assert missed is not None
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press("enter")  # no reason: refused
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Liste publiée par la mairie", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                    and missed.key not in view._dues)
        found = {due.key: due for due in store_obligations(app.session.repository, TODAY)}
        assert found[missed.key].state is State.DISMISSED
        assert found[missed.key].dismissed == "Liste publiée par la mairie"


async def test_a_deadline_of_ones_own_is_added_then_opened_with_enter(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await deadlines(pilot, app)
        before = {record.id for record in obligation_records(app)}
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, DeadlineForm))
        await pilot.press(*"Transmettre le rapport d'activité", "tab", *"2026-11-30", "tab",
                          *"CGCT L5211-9", "enter")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        (own,) = [record for record in obligation_records(app) if record.id not in before]
        assert (own.title, own.due.isoformat(), own.article) == (
            "Transmettre le rapport d'activité", "2026-11-30", "CGCT L5211-9")
        await until(pilot, lambda: own.id in view._dues)
        view.highlighted = view.get_option_index(own.id)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DeadlineForm))
        assert app.screen.query_one("#title", Input).value == own.title


async def test_a_deadline_needs_a_title_and_a_real_date(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await deadlines(pilot, app)
        before = list(obligation_records(app))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, DeadlineForm))
        await pilot.press("tab", *"31/02/2027", "ctrl+s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DeadlineForm)
        shown = {error.field for error in form.query(FieldError) if error.display}
        assert shown == {"title", "due"}
        assert obligation_records(app) == before


async def test_enter_on_a_sessions_obligation_opens_the_session(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        view = await deadlines(pilot, app)
        due = view.selected_due
        assert due is not None and due.meeting is not None
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "meetings")


def test_the_statutory_steps_are_lever_evidence(repository: Repository) -> None:
    facts = Facts.of(repository, TODAY)
    found = evidence_by_lever(repository.levers, facts)
    steps = {lever.key or lever.title.get("fr"): [e for e in found[lever.id]
                                                  if e.rule == "statutory_steps"]
             for lever in repository.levers}
    assert [e.figure for e in steps["mutualisation_scheme"]] == ["1 statutory step dismissed"]
    assert "Mar 30, 2027" in steps["mutualisation_scheme"][0].explanation
    (context,) = steps["cooperation_context"]
    (own,) = steps["Pacte de gouvernance"]
    assert context.figure == own.figure == "1 of 1 statutory step taken on time"
    assert not steps["power_games"]


async def open_settings(pilot: Pilot[int], app: CoopApp) -> CalendarSettingsForm:
    await deadlines(pilot, app)
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, CalendarSettingsForm))
    assert isinstance(app.screen, CalendarSettingsForm)
    return app.screen


async def test_a_budget_vote_added_in_the_settings_brings_its_debate(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        form = await open_settings(pilot, app)
        votes = form.query_one("#budget_votes", TextArea)
        votes.text = votes.text + "\n31/02/2028"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # a line that is no date: nothing saved
        (error,) = [line for line in form.query(FieldError) if line.display]
        assert error.field == "budget_votes" and "3" in str(error.render())
        votes.text = votes.text.replace("31/02/2028", "28/03/2028")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        calendar = app.session.repository.territory.calendar
        assert date(2028, 3, 28) in calendar.budget_votes
        found = store_obligations(app.session.repository, TODAY)
        assert any(due.rule is not None and due.rule.key == "budget_debate"
                   and due.trigger_on == date(2028, 3, 28) for due in found)


async def test_without_a_large_commune_there_is_no_budget_debate(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 36)) as pilot:
        form = await open_settings(pilot, app)
        large = form.query_one("#commune_of_3500", Checkbox)
        assert large.value
        await pilot.press("space", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert not app.session.repository.territory.calendar.commune_of_3500
        found = store_obligations(app.session.repository, TODAY)
        assert not [due for due in found if due.rule and due.rule.key == "budget_debate"]
