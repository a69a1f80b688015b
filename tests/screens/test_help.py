"""Issue 21, defect 9: the help speaks one language, explains the notes, opens from forms."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console
from textual.widgets import Static

from coop_tui.core.capture import CaptureKind, People, parse_line
from coop_tui.core.i18n import _
from coop_tui.screens.actors.form import ActorForm
from coop_tui.ui.help import GUIDE, NOTES_EXAMPLES, HelpScreen
from tests.helpers import AppFactory, until

# Textual's own descriptions, English whatever the language: never listed in French.
TEXTUAL_ENGLISH = ("Focus Next", "Delete character left", "Move cursor left", "Submit",
                   "Copy selected text", "Scroll Down", "Go to start")


def shown(help_screen: HelpScreen) -> str:
    console = Console(width=200, file=io.StringIO())
    for part in help_screen.query(Static):
        console.print(part.content)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.mark.usefixtures("french")
async def test_f1_opens_the_help_over_a_form_in_one_language(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "a")
        await until(pilot, lambda: isinstance(app.screen, ActorForm))
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        text = shown(app.screen)
        assert "Enregistrer" in text and "Champ suivant" in text and "Coller" in text
        assert [english for english in TEXTUAL_ENGLISH if english in text] == []
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, ActorForm))


@pytest.mark.usefixtures("french")
async def test_the_help_of_each_screen_lists_no_english(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for key in "12345":
            await pilot.press(key, "question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen))
            assert isinstance(app.screen, HelpScreen)
            text = shown(app.screen)
            assert [english for english in TEXTUAL_ENGLISH if english in text] == [], key
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, HelpScreen))


async def test_the_help_explains_the_notes_and_names_the_guide(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert isinstance(app.screen, HelpScreen)
        text = shown(app.screen)
        for part in ("D: …", "A: …", "@name", "15/12/2026", "end of January", GUIDE):
            assert part in text, part


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_notes_examples_read_as_the_help_says(language: str) -> None:
    """The examples are real notes: the parser reads a decision, and an action with its owner
    and its due date."""
    from coop_tui.core.i18n import set_language

    set_language(language)
    try:
        people = People([("martin-id", "Martin Dubois")])
        decision, action = (parse_line(_(example), 0, people, date(2026, 11, 26))
                            for example in NOTES_EXAMPLES)
    finally:
        set_language("en")
    assert decision is not None and decision.kind is CaptureKind.DECISION
    assert action is not None and action.kind is CaptureKind.ACTION
    assert (action.owner_id, action.due) == ("martin-id", date(2026, 12, 15))
    assert "@" not in action.text and "15/12" not in action.text
