"""The human levers on screen (issue 18): commitment and blockages in the actor detail and
the table, answering a blockage, the counterweights suggested, the shared project's forms."""

from __future__ import annotations

import io

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select, Static, TextArea

from coop_tui.core.insights.dashboard import overview
from coop_tui.core.insights.levers.counterweight_suggestions import counterweight_suggestions
from coop_tui.core.target import Target
from coop_tui.screens.actors.blockage_form import BlockageForm
from coop_tui.screens.actors.counterweights import CounterweightsDialog
from coop_tui.screens.actors.form import ActorForm
from coop_tui.screens.actors.screen import ActorsScreen
from coop_tui.screens.dashboard.lines import PanelLine
from coop_tui.screens.dashboard.panels import DashboardPanel
from coop_tui.screens.dashboard.screen import DashboardScreen
from coop_tui.screens.levers.panels import EvidenceRow
from coop_tui.screens.levers.screen import LeversScreen
from coop_tui.screens.meetings.form import MeetingForm
from coop_tui.screens.territory.project_form import EndorsementForm, SharedProjectForm
from coop_tui.store.models import Actor, BlockageState, RelationKind
from coop_tui.store.repository import Repository
from coop_tui.ui.forms import ActorField
from coop_tui.ui.widgets.record_table import RecordTable
from tests.conftest import TODAY
from tests.helpers import AppFactory, open_screen, push_form, settle, until

WIDE = (160, 48)
TIMERS = 0.3


async def open_actors(pilot: Pilot[int]) -> ActorsScreen:
    return await open_screen(pilot, "2", ActorsScreen)


def shown(static: Static) -> str:
    """What a panel shows, as plain text (its content rendered by Rich, wide)."""
    console = Console(width=300, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


def answered_actor(repository: Repository) -> Actor:
    """An actor of the demo with a blockage answered at a meeting."""
    return next(a for a in repository.actors
                if any(answer.meeting_id for b in a.private.blockages for answer in b.answers))


async def test_the_detail_shows_commitment_and_blockages_with_answers(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        actor = answered_actor(repository)
        screen.show_actor(actor.id)
        await settle(pilot, TIMERS)
        text = shown(screen.query_one("#profile-private", Static))
        blockage = next(b for b in actor.private.blockages if b.answers)
        answer = next(a for a in blockage.answers if a.meeting_id)
        meeting = next(m for m in repository.meetings if m.id == answer.meeting_id)
        assert blockage.text in text
        assert answer.text in text
        assert meeting.title in text
        assert "being addressed" in text or "lifted" in text
        committed = next(a for a in repository.actors if a.private.commitment is not None)
        screen.show_actor(committed.id)
        await settle(pilot, TIMERS)
        text = shown(screen.query_one("#profile-private", Static))
        assert "Commitment" in text
        assert str(committed.private.commitment) in text


async def test_the_table_shows_the_commitment_gauge(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        table = screen.query_one("#actors", RecordTable)
        repository = app.session.repository
        champion = next(a for a in repository.actors
                        if a.private.commitment is not None
                        and a.private.commitment.value == "champion")
        index = table.index_of(champion.id)
        assert index is not None
        assert "●●●●●" in [str(cell) for cell in table.row_cells(index)]


async def test_answer_a_blockage_with_b(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        actor = next(a for a in repository.actors
                     if any(b.state is BlockageState.OPEN for b in a.private.blockages))
        screen.show_actor(actor.id)
        await settle(pilot, TIMERS)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BlockageForm))
        form = app.screen
        blockage_id = str(form.query_one("#f-blockage", Select).value)
        await pilot.press(*"Visite en mairie")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        saved = repository.get(Actor, actor.id)
        assert saved is not None
        blockage = next(b for b in saved.private.blockages if b.id == blockage_id)
        assert blockage.state is BlockageState.ADDRESSING
        assert blockage.answers[-1].text == "Visite en mairie"
        assert blockage.answers[-1].on == app.session.today()


async def test_editing_an_actor_keeps_its_answers_and_commitment(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        repository = app.session.repository
        actor = answered_actor(repository)
        before = actor.private.model_dump()
        handed = await push_form(pilot, ActorForm(app.session, actor))
        app.screen.query_one("#f-stance", TextArea).text = "Plus ouvert depuis l'été"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(handed))
        after = repository.get(Actor, actor.id)
        assert after is not None
        assert after.private.stance == "Plus ouvert depuis l'été"
        assert after.private.model_dump() == {**before, "stance": "Plus ouvert depuis l'été"}


async def test_accept_and_dismiss_counterweight_suggestions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_actors(pilot)
        repository = app.session.repository
        found = counterweight_suggestions(list(repository.actors), list(repository.relations))
        assert len(found) >= 2
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, CounterweightsDialog))
        dialog = app.screen
        options = dialog.query_one(OptionList)
        first = found[0]
        assert first.reason in str(options.highlighted_option.prompt)  # type: ignore[union-attr]
        await pilot.press("a")
        await pilot.pause()
        relation = next(r for r in repository.relations
                        if r.kind is RelationKind.COUNTERWEIGHT
                        and r.source_id == first.candidate.id)
        assert relation.target_id == first.tension.anchor.id
        left = counterweight_suggestions(list(repository.actors), list(repository.relations))
        assert all(s.tension.key != first.tension.key for s in left)
        if left:
            await pilot.press("d")
            await pilot.pause()
            candidate = repository.get(Actor, left[0].candidate.id)
            assert candidate is not None
            assert left[0].tension.key in candidate.private.dismissed_counterweights
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)


async def test_edit_the_shared_project_and_record_an_endorsement(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        repository = app.session.repository
        project = repository.shared_project
        assert project is not None
        handed = await push_form(pilot, SharedProjectForm(app.session))
        app.screen.query_one("#f-statement", TextArea).text = "Des services à 20 minutes."
        app.screen.query_one("#f-patte_name", Input).value = "Loubière ensemble"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(handed))
        saved = repository.shared_project
        assert saved is not None
        assert (saved.statement, saved.patte_name) == ("Des services à 20 minutes.",
                                                       "Loubière ensemble")
        assert saved.endorsements == project.endorsements
        newcomer = next(a for a in repository.actors if not saved.endorsed_by(a.id))
        handed = await push_form(pilot, EndorsementForm(app.session))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not handed  # nobody chosen: refused
        app.screen.query_one("#f-actor", ActorField).value = newcomer.id
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(handed))
        after = repository.shared_project
        assert after is not None and after.endorsed_by(newcomer.id)
        assert len(after.endorsements) == len(project.endorsements) + 1


async def test_the_meeting_form_picks_the_host_commune(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        repository = app.session.repository
        meeting = next(m for m in repository.meetings if m.commune)
        form = MeetingForm(meeting, repository.actors, repository.meetings, meeting.on)
        handed = await push_form(pilot, form)
        select = form.query_one("#commune", Select)
        assert select.value == meeting.commune
        other = next(name for name in repository.territory.communes if name != meeting.commune)
        select.value = other
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(handed))
        assert handed[0].commune == other
        assert handed[0].place == meeting.place


async def test_the_dashboard_shows_the_human_levers_and_opens_them(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        panel = app.screen.query_one("#panel-human", DashboardPanel)
        await until(pilot, lambda: bool(panel.targets))
        found = overview(app.session.repository, TODAY).human
        assert found is not None and found.quiet_count and found.tensions
        prompts = [str(option.prompt.main if isinstance(option.prompt, PanelLine)
                       else option.prompt) for option in panel.options]
        assert any(found.statement.splitlines()[0] in prompt for prompt in prompts)
        assert any(f"({found.quiet_count})" in prompt for prompt in prompts)
        panel.focus()
        lines = [option.id for option in panel.options if option.id is not None]
        panel.highlighted = panel.get_option_index(
            lines[panel.targets.index(Target("counterweights", ""))])
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, CounterweightsDialog))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        panel.highlighted = 0
        panel.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SharedProjectForm))


async def test_the_levers_show_the_new_evidence(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(pilot, "3", LeversScreen)
        repository = app.session.repository
        expected = {"cooperation_context": {"meeting_venues", "meeting_formats",
                                            "commune_attendance"},
                    "facilitation_posture": {"quiet_blockages", "counterweight_suggestions",
                                             "recognition", "commitment_gaps"}}
        for key, rules in expected.items():
            lever = next(lever for lever in repository.levers if lever.key == key)
            app.open_target(Target("levers", lever.id))
            await until(pilot, lambda lever=lever: screen.lever() == lever and any(
                row.display for row in screen.query(EvidenceRow)))
            shown = {row.evidence.rule for row in screen.query(EvidenceRow) if row.display}
            assert rules <= shown, (key, shown)
        texts = " ".join(str(row.render()) for row in screen.query(EvidenceRow) if row.display)
        assert "No answer" in texts or "no answer" in texts


async def test_the_palette_opens_the_shared_project_and_the_suggestions(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        commands = {c.title: c.callback for c in app.get_system_commands(app.screen)}
        opened = {"Shared project: edit": SharedProjectForm,
                  "Shared project: record an endorsement": EndorsementForm,
                  "Counterweights: suggestions": CounterweightsDialog}
        for title, kind in opened.items():
            commands[title]()
            await until(pilot, lambda kind=kind: isinstance(app.screen, kind))
            app.pop_screen()
            await pilot.pause()


async def test_the_actor_form_sets_commitment_and_dates_a_new_blockage(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        repository = app.session.repository
        actor = next(a for a in repository.actors if a.private.commitment is None)
        before = len(actor.private.blockages)
        form = ActorForm(app.session, actor)
        handed = await push_form(pilot, form)
        form.query_one("#f-commitment", Select).value = "informed"
        form.query_one("#f-commitment-wanted", Select).value = "champion"
        form.query_one("#f-project-interests", TextArea).text = "Un appui en ingénierie"
        form.query_one("#add-blockage", Button).press()
        await pilot.pause()
        rows = list(form.query(".blockage-row"))
        rows[-1].query_one(".blockage-text", Input).value = "Craint un coût caché"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: bool(handed))
        saved = repository.get(Actor, actor.id)
        assert saved is not None
        reading = saved.private
        assert (reading.commitment, reading.commitment_wanted) == ("informed", "champion")
        assert reading.project_interests == "Un appui en ingénierie"
        assert len(reading.blockages) == before + 1
        added = reading.blockages[-1]
        assert (added.text, added.state, added.noted_on) == (
            "Craint un coût caché", BlockageState.OPEN, app.session.today())
