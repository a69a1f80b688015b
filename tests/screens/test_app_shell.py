"""The app shell: five screens by single keys, help, palette, read-only and save states."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from coop_tui.shell.app import MODES, CoopApp
from coop_tui.store.database import open_store
from coop_tui.store.errors import SaveFailed
from coop_tui.store.repository import Repository
from coop_tui.ui.help import HelpScreen
from coop_tui.ui.screen import CoopScreen
from coop_tui.ui.session import SaveState
from coop_tui.ui.widgets.record_table import RecordTable
from coop_tui.ui.widgets.status_bar import StatusBar
from tests.helpers import AppFactory


async def test_every_screen_by_its_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.current_mode == "dashboard"
        for number, (mode, _name, _help) in enumerate(MODES, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            assert app.current_mode == mode
            assert app.screen.query_one(StatusBar)


async def test_screens_follow_changes_made_elsewhere(make_app: AppFactory) -> None:
    """A screen shown again after the store changed rebuilds its view (each screen's own
    tests check what it shows)."""
    app = make_app()
    repository = app.session.repository
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "2345":
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, CoopScreen)
            assert app.screen._shown_version == app.session.version
        actor = repository.actors[0].model_copy(deep=True)
        actor.name = "Renamed elsewhere"
        repository.save(actor)
        await pilot.press("2")
        await pilot.pause()
        assert app.screen._shown_version == app.session.version


async def test_help_lists_the_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_lists_every_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for _mode, name, _help in MODES:
            assert f"Go to: {name}" in titles


async def test_french_interface(make_app: AppFactory, french: None) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        footer_descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Acteurs" in footer_descriptions
        assert "Réunions" in footer_descriptions


async def test_markup_in_names_is_shown_as_text(make_app: AppFactory) -> None:
    app = make_app()
    repository = app.session.repository
    actor = repository.actors[0].model_copy(deep=True)
    actor.name = "[bold]X[/] \x1b[2J[/]"
    repository.save(actor)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#actors", RecordTable)
        cells = [str(table.row_cells(index)[0]) for index in range(table.row_count)]
        assert "[bold]X[/] [/]" in cells
        assert table.move_cursor(actor.id)
        await pilot.pause()
        drawn = [table.render_line(y).text for y in range(table.size.height)]
        assert any(" [bold]X[/] [/] " in line for line in drawn)


async def test_pasted_text_reaches_no_field_with_its_escape_sequences(
    make_app: AppFactory,
) -> None:
    """Textual's fields draw pasted escape sequences raw: the app cleans a paste first."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "n")
        await pilot.pause()
        field = app.focused
        assert isinstance(field, Input)
        app.post_message(events.Paste("Copil\x1b[2J \x1b]8;;https://x.example/\x07lien"
                                      "\x1b]8;;\x07\r\nsuite\x07"))
        await pilot.pause()
        assert field.value == "Copil lien"  # one line: the paste's first line, cleaned
        assert "\x1b" not in "".join(segment.text for segment in field.render_line(0))


async def test_second_instance_is_read_only(make_app: AppFactory, demo_path: Path) -> None:
    second = open_store(demo_path)
    try:
        app = make_app(second)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.session.status.state is SaveState.READ_ONLY
            assert "another coop-tui holds it" in app.session.status.message
    finally:
        second.close()


async def test_failed_save_is_shown_and_recovered(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.report_save(SaveFailed(Path("/x.json"), reason="No space left on device"))
        await pilot.pause()
        assert app.session.status.state is SaveState.FAILED
        assert "No space left" in app.session.status.message
        assert app.screen.query_one(StatusBar).has_class("-failed")
        app.report_save(None)
        await pilot.pause()
        assert app.session.status.state is SaveState.SAVED


@pytest.mark.parametrize("theme", ["textual-light"])
async def test_theme_is_remembered(repository: Repository, tmp_path: Path, theme: str) -> None:
    from coop_tui.core.settings import Settings, load_settings

    settings_file = tmp_path / "settings.json"
    app = CoopApp(repository, Settings(), settings_path=settings_file)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        await pilot.pause()
    assert load_settings(settings_file).theme == theme


def test_settings_read_what_they_know_and_defaults_for_the_rest(tmp_path: Path) -> None:
    """A file from another version (a field since dropped) or a broken one costs nothing."""
    from coop_tui.core.settings import load_settings

    older = tmp_path / "older.json"
    older.write_text('{"theme": "nord", "language": "fr"}', encoding="utf-8")
    assert load_settings(older).theme == "nord"
    broken = tmp_path / "broken.json"
    broken.write_text('{"theme": ', encoding="utf-8")
    assert load_settings(broken).theme == "textual-dark"


async def test_a_vanished_terminal_ends_the_app(make_app: AppFactory,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """With the terminal gone (and no SIGHUP), the app saves and leaves."""
    import coop_tui.shell.app as app_module

    app = make_app()
    left: list[bool] = []
    monkeypatch.setattr(app, "_on_hangup", lambda: left.append(True))
    async with app.run_test(size=(100, 30)):
        monkeypatch.setattr(app_module, "_terminal_attached", lambda: True)
        app._check_terminal()
        assert not left
        monkeypatch.setattr(app_module, "_terminal_attached", lambda: False)
        app._check_terminal()
        assert left == [True]


@pytest.mark.parametrize("stuck", [True, False])
def test_a_thread_left_running_after_the_app_does_not_hold_the_process(stuck: bool) -> None:
    """Textual's input thread, spinning on a vanished terminal, must not keep a finished
    app alive; without such a thread the process ends as usual."""
    import subprocess
    import sys

    script = (
        "import threading, time\n"
        "from coop_tui.shell.launch import exit_if_held\n"
        f"stuck = {stuck}\n"
        "threading.Thread(target=lambda: time.sleep(3600 if stuck else 0.05)).start()\n"
        "exit_if_held(3, grace=0.2)\n"
        "raise SystemExit(4)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=30, check=False)
    assert done.returncode == (3 if stuck else 4)
