"""The levers screen, driven by keys: ticking, statuses, the user's own levers and items,
the forms and their errors, the evidence and the jumps it offers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from coop_tui.core.target import Target
from coop_tui.screens.levers.commands import PALETTE_ACTIONS, LeverCommands
from coop_tui.screens.levers.form import LeverForm
from coop_tui.screens.levers.panels import EvidenceRow
from coop_tui.screens.levers.screen import LeversScreen
from coop_tui.screens.levers.thresholds import ThresholdsForm
from coop_tui.screens.levers.tree import CategoryRow, ItemRow, LeverRow, LeverTree
from coop_tui.store.catalogue import catalogue_spec
from coop_tui.store.database import open_store
from coop_tui.store.models import Lever, LeverCategory, LeverStatus, LocalizedText, RoadmapItem
from coop_tui.store.repository import Repository
from coop_tui.ui.widgets.actor_picker import ActorPicker
from coop_tui.ui.widgets.dialogs import ConfirmDialog, TextPrompt
from tests.conftest import TODAY
from tests.helpers import AppFactory, answer, open_screen, until

SIZE = (120, 40)


async def open_levers(pilot: Pilot[int]) -> LeversScreen:
    return await open_screen(pilot, "3", LeversScreen)


def by_key(repository: Repository, key: str) -> Lever:
    return next(lever for lever in repository.levers if lever.key == key)


def own_lever(repository: Repository) -> Lever:
    return next(lever for lever in repository.levers if not lever.key)


def text_of(screen: LeversScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_the_tree_holds_categories_levers_and_items(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        tree = screen.query_one(LeverTree)
        categories = [node.data for node in tree.root.children]
        assert [row.category for row in categories if isinstance(row, CategoryRow)] == list(
            LeverCategory)
        regulatory = tree.root.children[0]
        titles = [node.data.title for node in regulatory.children
                  if isinstance(node.data, LeverRow)]
        assert titles == ["Pooling scheme (schéma de mutualisation)",
                          "Financial and fiscal pact", "Governance pact"]
        scheme = regulatory.children[0]
        assert len(scheme.children) == len(by_key(repository, "mutualisation_scheme").items)
        assert all(isinstance(node.data, ItemRow) for node in scheme.children)
        # The cursor starts on the first lever, whose detail is shown.
        assert screen.lever() == by_key(repository, "mutualisation_scheme")
        assert "Pooling scheme" in text_of(screen, "#detail-head")
        assert "shared diagnostic" in text_of(screen, "#detail-text")
        assert "Hélène Giraud" in text_of(screen, "#field-owner")


async def test_progress_bars_and_the_lag_note(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        assert "18/45" in text_of(screen, "#progress-overall .progress-figures")
        assert "3/15" in text_of(screen, "#progress-human .progress-figures")
        assert screen.query_one("#progress-human").has_class("-lagging")
        assert not screen.query_one("#progress-methodological").has_class("-lagging")
        note = text_of(screen, "#lag-note")
        assert "Human levers lag far behind methodological levers (39 points)" in note


async def test_space_ticks_and_unticks_an_item(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        scheme = by_key(repository, "mutualisation_scheme")
        item = scheme.items[3]
        assert not item.done
        screen.show_lever(scheme.id, item.id)
        await pilot.press("space")
        await pilot.pause()
        ticked = by_key(repository, "mutualisation_scheme").items[3]
        assert ticked.done and ticked.done_on == TODAY
        assert text_of(screen, "#progress-regulatory .progress-figures") == "6/13 · 46%"
        assert screen.item() == ticked  # the cursor stays on the item
        await pilot.press("space")
        await pilot.pause()
        unticked = by_key(repository, "mutualisation_scheme").items[3]
        assert not unticked.done and unticked.done_on is None


async def test_the_first_tick_sets_a_lever_in_progress(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        culture = by_key(repository, "common_culture")
        assert culture.status is LeverStatus.TODO
        screen.show_lever(culture.id, culture.items[0].id)
        await pilot.press("space")
        await pilot.pause()
        assert by_key(repository, "common_culture").status is LeverStatus.IN_PROGRESS


async def test_s_cycles_the_status(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        games = by_key(repository, "power_games")
        screen.show_lever(games.id)
        seen = []
        for _press in range(4):
            await pilot.press("s")
            await pilot.pause()
            seen.append(by_key(repository, "power_games").status)
        assert seen == [LeverStatus.IN_PROGRESS, LeverStatus.DONE, LeverStatus.NOT_APPLICABLE,
                        LeverStatus.TODO]
        # The status works from an item of the lever too.
        screen.show_lever(games.id, games.items[0].id)
        await pilot.press("s")
        await pilot.pause()
        assert by_key(repository, "power_games").status is LeverStatus.IN_PROGRESS


async def test_a_new_lever_of_ones_own(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        screen.show_lever(by_key(repository, "power_games").id)
        before = len(repository.levers)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeverForm)
        await pilot.press(*"Charte des usagers")
        form.query_one("#due", Input).value = "2027-06-30"
        form.query_one("#notes", TextArea).text = "Proposée par le conseil de développement."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert len(repository.levers) == before + 1
        created = next(lever for lever in repository.levers
                       if lever.title.get("en") == "Charte des usagers")
        assert created.key == ""
        assert created.category is LeverCategory.HUMAN  # the category under the cursor
        assert created.title.en == "Charte des usagers" and created.title.fr == ""
        assert created.due == date(2027, 6, 30)
        assert created.notes == "Proposée par le conseil de développement."
        assert created.position > max(lever.position for lever in repository.levers
                                      if lever.id != created.id)
        assert screen.lever() == created


async def test_the_form_shows_errors_at_their_field_and_saves_nothing(
    make_app: AppFactory,
) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        await open_levers(pilot)
        before = len(repository.levers)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeverForm)
        form.query_one("#due", Input).value = "31/02/2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        title_error = form.query_one("#error-title", Static)
        assert title_error.display and "must not be empty" in str(title_error.render())
        due_error = form.query_one("#error-due", Static)
        assert due_error.display and "not a date" in str(due_error.render())
        assert len(repository.levers) == before
        form.query_one("#title", Input).value = "Un titre"
        form.query_one("#due", Input).value = "end of January"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(repository.levers) == before + 1
        created = next(lever for lever in repository.levers if lever.title.en == "Un titre")
        assert created.due == date(2027, 1, 31)


async def test_edit_a_lever_and_pick_its_owner(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        games = by_key(repository, "power_games")
        screen.show_lever(games.id)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeverForm)
        assert form.query_one("#title", Input).value == "Power games"
        assert form.query_one("#category").disabled  # a catalogue lever keeps its category
        await pilot.click("#owner-pick")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        await pilot.press(*"Cressy")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert "Cressy" in str(form.query_one("#owner-name", Static).render())
        form.query_one("#evidence", TextArea).text = "https://example.fr/carte\n\n  notes.odt "
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = by_key(repository, "power_games")
        assert repository.actor_name(saved.owner_id) == "Cressy"
        assert saved.evidence == ["https://example.fr/carte", "notes.odt"]
        assert "Cressy" in text_of(screen, "#field-owner")


async def test_escape_with_changes_asks_before_discarding(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeverForm)
        form.query_one("#notes", TextArea).text = "Une note à ne pas perdre"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is form
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert by_key(repository, "mutualisation_scheme").notes != "Une note à ne pas perdre"


async def test_an_open_form_is_saved_before_the_app_goes_away(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        await open_levers(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeverForm)
        form.query_one("#notes", TextArea).text = "Tapé pendant le COPIL"
        app.session.save_drafts()
        assert by_key(repository, "mutualisation_scheme").notes == "Tapé pendant le COPIL"


async def test_add_rename_and_delete_an_item(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        games = by_key(repository, "power_games")
        screen.show_lever(games.id, games.items[0].id)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("enter")  # empty: refused at the field
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one("#prompt-error", Static).display
        await pilot.press(*"Cartographier les financeurs", "enter")
        await pilot.pause()
        items = by_key(repository, "power_games").items
        assert items[1].text.en == "Cartographier les financeurs"  # after the item selected
        assert items[1].key == ""
        assert screen.item() == items[1]
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        prompt.query_one(Input).value = "Cartographier les financeurs publics"
        await pilot.press("enter")
        await pilot.pause()
        assert by_key(repository, "power_games").items[1].text.en == (
            "Cartographier les financeurs publics")
        await pilot.press("d")
        await pilot.pause()
        await answer(pilot, yes=True)
        items = by_key(repository, "power_games").items
        assert [item.key for item in items] == [item.key for item in games.items]


async def test_catalogue_levers_and_items_cannot_be_deleted(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        scheme = by_key(repository, "mutualisation_scheme")
        screen.show_lever(scheme.id)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen
        assert any("cannot be deleted" in n.message for n in app._notifications)
        screen.show_lever(scheme.id, scheme.items[0].id)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen
        assert by_key(repository, "mutualisation_scheme").items == scheme.items


async def test_delete_a_lever_of_ones_own(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        mine = own_lever(repository)
        serving = [item for item in repository.roadmap if item.lever_id == mine.id]
        screen.show_lever(mine.id)
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        lines = " ".join(str(line.render()) for line in dialog.query(".confirm-detail"))
        assert "3 checklist items go with it" in lines
        assert len(serving) == 1
        assert "1 roadmap item serves it: it will serve no lever." in lines
        await answer(pilot, yes=False)  # the safe answer first
        assert repository.get(Lever, mine.id) is not None
        await pilot.press("d")
        await pilot.pause()
        await answer(pilot, yes=True)
        assert repository.get(Lever, mine.id) is None
        for item in serving:
            kept = repository.get(RoadmapItem, item.id)
            assert kept is not None and kept.lever_id is None
        assert screen.lever() is not None and screen.lever() != mine


async def test_rename_then_restore_the_catalogue_text(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        pact = by_key(repository, "financial_fiscal_pact")
        screen.show_lever(pact.id)
        assert screen.check_action("restore", ()) is False
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        prompt.query_one(Input).value = "Pacte financier"
        await pilot.press("enter")
        await pilot.pause()
        renamed = by_key(repository, "financial_fiscal_pact")
        assert renamed.title.en == "Pacte financier"
        assert renamed.title.fr == "Pacte financier et fiscal"  # the other language is kept
        assert "text edited" in text_of(screen, "#detail-head")
        assert screen.check_action("restore", ()) is True
        await pilot.press("x")
        await pilot.pause()
        await answer(pilot, yes=True)
        spec = catalogue_spec("financial_fiscal_pact")
        assert spec is not None
        restored = by_key(repository, "financial_fiscal_pact")
        assert restored.title == spec.title.localized()
        assert restored.items[0].done == pact.items[0].done  # ticks stay


async def test_reorder_levers_and_items(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        scheme = by_key(repository, "mutualisation_scheme")
        screen.show_lever(scheme.id)
        await pilot.press("ctrl+down")
        await pilot.pause()
        tree = screen.query_one(LeverTree)
        regulatory = tree.root.children[0]
        titles = [node.data.title for node in regulatory.children
                  if isinstance(node.data, LeverRow)]
        assert titles[:2] == ["Financial and fiscal pact",
                              "Pooling scheme (schéma de mutualisation)"]
        assert screen.lever() == by_key(repository, "mutualisation_scheme")
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert by_key(repository, "mutualisation_scheme").position < by_key(
            repository, "financial_fiscal_pact").position
        first, second = scheme.items[0], scheme.items[1]
        screen.show_lever(scheme.id, first.id)
        await pilot.press("ctrl+down")
        await pilot.pause()
        moved = by_key(repository, "mutualisation_scheme").items
        assert [moved[0].id, moved[1].id] == [second.id, first.id]


async def test_evidence_is_one_key_away_and_opens_its_record(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        rows = [row for row in screen.query(EvidenceRow) if row.display]
        assert len(rows) >= 2
        assert "roadmap items serve this lever" in str(rows[0].render())
        await pilot.press("v")
        await pilot.pause()
        assert app.focused is rows[0]
        await pilot.press("down")
        assert app.focused is rows[1]
        await pilot.press("up")
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "roadmap")


async def test_evidence_keys_typed_fast_follow_the_cursor(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        await pilot.press("down", "v", "down", "down")
        focused = app.focused
        assert isinstance(focused, EvidenceRow)
        assert screen.lever() == by_key(repository, "financial_fiscal_pact")
        assert focused.evidence in screen.figures_of(screen.lever())  # type: ignore[arg-type]


async def test_a_category_gathers_the_evidence_of_its_levers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        tree = screen.query_one(LeverTree)
        tree.move_cursor(tree.root.children[2])
        await until(pilot, lambda: screen.selection.category is LeverCategory.HUMAN
                    and any(row.display for row in screen.query(EvidenceRow)))
        assert screen.lever() is None
        head = text_of(screen, "#detail-head")
        assert "Human levers" in head and "Needing attention:" in head
        assert "Coordination and facilitation posture" in head
        shown = [row for row in screen.query(EvidenceRow) if row.display]
        assert len(shown) > 3  # the figures of all three human levers, each once
        assert screen.check_action("delete", ()) is None


async def test_a_jump_from_elsewhere_selects_the_item(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    culture = by_key(repository, "common_culture")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.session.open(Target("levers", culture.id, culture.items[2].id))
        await until(pilot, lambda: isinstance(app.screen, LeversScreen)
                    and app.screen.item() == culture.items[2])
        screen = app.screen
        assert isinstance(screen, LeversScreen)
        assert "Ticked" not in text_of(screen, "#detail-item")
        assert culture.items[2].text.en in text_of(screen, "#detail-item")


async def test_the_owner_key_opens_the_picker_and_g_jumps_to_the_owner(
    make_app: AppFactory,
) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        await pilot.press(*"Vernay", "enter")
        await pilot.pause()
        owner = by_key(repository, "mutualisation_scheme").owner_id
        assert repository.actor_name(owner) == "Vernay"
        assert app.screen is screen
        await pilot.press("g")
        await until(pilot, lambda: app.current_mode == "actors")


async def test_thresholds_are_checked_and_saved(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        assert screen.query_one(LeverTree).cursor_node is not None
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ThresholdsForm)
        form.query_one("#follower_contact_days", Input).value = "0"
        form.query_one("#meeting_cadence_factor", Input).value = "deux"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "must be at least 1" in str(form.query_one("#error-follower_contact_days",
                                                          Static).render())
        assert "must be a number" in str(form.query_one("#error-meeting_cadence_factor",
                                                        Static).render())
        form.query_one("#follower_contact_days", Input).value = "200"
        form.query_one("#meeting_cadence_factor", Input).value = "2"
        form.query_one("#channel_coverage_percent", Input).value = "50"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        thresholds = repository.territory.thresholds
        assert thresholds.follower_contact_days == 200
        assert thresholds.meeting_cadence_factor == 2.0
        # Fewer figures call for attention now: the channels are covered enough.
        posture = by_key(repository, "facilitation_posture")
        screen.show_lever(posture.id)
        await pilot.pause()
        prompts = [str(row.render()) for row in screen.query(EvidenceRow) if row.display]
        assert not any("preferred channel" in p and "⚠" in p for p in prompts)


async def test_a_read_only_store_changes_nothing(make_app: AppFactory, demo_path: Path) -> None:
    repository = open_store(demo_path, read_only=True)
    try:
        app = make_app(repository)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_levers(pilot)
            for action in ("cycle_status", "new_lever", "add_item", "delete", "edit"):
                assert screen.check_action(action, ()) is None, action
            scheme = by_key(repository, "mutualisation_scheme")
            screen.show_lever(scheme.id, scheme.items[4].id)
            await pilot.press("space")
            await pilot.press("s")
            await pilot.press("n")
            await pilot.pause()
            assert app.screen is screen
            assert by_key(repository, "mutualisation_scheme") == scheme
    finally:
        repository.close()


async def test_user_text_is_shown_as_text_never_as_markup(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    mine = own_lever(repository).model_copy(deep=True)
    mine.title = LocalizedText(fr="[bold]Pacte[/] de gouvernance")
    mine.notes = "[red]à relire[/red]"
    repository.save(mine)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        screen.show_lever(mine.id)
        await pilot.pause()
        assert "[bold]Pacte[/] de gouvernance" in text_of(screen, "#detail-head")
        assert "[red]à relire[/red]" in text_of(screen, "#detail-text")
        node = screen.query_one(LeverTree).cursor_node
        assert node is not None
        assert "[bold]Pacte[/]" in screen.query_one(LeverTree).render_label(
            node, screen.query_one(LeverTree).rich_style, screen.query_one(LeverTree).rich_style
        ).plain


async def test_descriptions_follow_the_language(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        assert "Schéma de mutualisation" in text_of(screen, "#detail-head")
        assert "diagnostic partagé" in text_of(screen, "#detail-text")
        assert "Responsable" in text_of(screen, "#detail-fields .field-name")
        assert "Leviers humains\u00a0: net retard" in text_of(screen, "#lag-note")
        descriptions = {binding.binding.description for binding in
                        screen.active_bindings.values()}
        assert {"Cocher", "Statut", "Indicateurs", "Nouveau levier"} <= descriptions


async def test_the_palette_offers_the_actions_and_the_levers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        provider = LeverCommands(screen)
        found = [hit.text async for hit in provider.discover()]
        names = {name for _action, name, _help in PALETTE_ACTIONS if _action != "restore"}
        assert names <= set(found)
        assert "Lever: Governance pact" in found
        hits = [hit.text async for hit in provider.search("governance")]
        assert "Lever: Governance pact" in hits
        found_hits = [hit async for hit in provider.search("Lever: Common culture")]
        target = next(hit for hit in found_hits if hit.text == "Lever: Common culture")
        target.command()
        await pilot.pause()
        assert screen.lever() is not None and screen.lever().key == "common_culture"  # type: ignore[union-attr]


async def test_a_new_territory_shows_the_catalogue_and_no_alarm(
    make_app: AppFactory, empty_repository: Repository,
) -> None:
    app = make_app(empty_repository)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        assert not screen.query_one("#lag-note").display
        assert text_of(screen, "#progress-overall .progress-figures").startswith("0/")
        figures = [row.evidence for row in screen.query(EvidenceRow) if row.display]
        assert figures and not any(figure.attention for figure in figures)
        tree = screen.query_one(LeverTree)
        assert len(list(tree.root.children[0].children)) == 2  # the two regulatory levers
        scheme = by_key(empty_repository, "mutualisation_scheme")
        screen.show_lever(scheme.id, scheme.items[0].id)
        await pilot.press("space")
        await pilot.pause()
        assert by_key(empty_repository, "mutualisation_scheme").items[0].done


async def test_long_titles_end_with_an_ellipsis_within_the_tree(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_levers(pilot)
        tree = screen.query_one(LeverTree)
        width = tree.scrollable_content_region.width
        for category in tree.root.children:
            for node in (category, *category.children):
                depth = 0 if node is category else 1
                text = tree.render_label(node, tree.rich_style, tree.rich_style)
                assert text.cell_len + depth * tree.guide_depth <= width, text.plain
        posture = tree.root.children[2].children[2]
        shown = tree.render_label(posture, tree.rich_style, tree.rich_style).plain
        assert "…" in shown and shown.lstrip("▶ ◐").startswith("Coordination")


async def test_an_item_being_typed_is_kept_when_the_app_goes_away(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_levers(pilot)
        games = by_key(repository, "power_games")
        screen.show_lever(games.id)
        await pilot.press("a", *"Rencontrer le sous-préfet")
        assert isinstance(app.screen, TextPrompt)
        app.session.save_drafts()
        assert by_key(repository, "power_games").items[-1].text.en == "Rencontrer le sous-préfet"
        await pilot.press("escape")
        await pilot.pause()
        app.session.save_drafts()  # the prompt is gone: nothing more is added
        assert len(by_key(repository, "power_games").items) == len(games.items) + 1
