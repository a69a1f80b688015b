"""The shared yes-or-no question and one-line prompt, on an app of their own."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from coop_tui.ui.widgets.dialogs import ConfirmDialog, TextPrompt, check_name

SIZE = (80, 24)
MARKUP = "[bold]x[/]"


class Host(App[None]):
    """An app that asks one question on start and keeps every answer."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


def text(dialog: ModalScreen[Any], selector: str) -> str:
    return " ".join(str(widget.render()) for widget in dialog.query(selector))


@pytest.mark.parametrize(("keys", "expected"), [
    (["y"], True), (["o"], True), (["n"], False), (["escape"], False),
    (["enter"], False),  # a destructive question starts on cancel
])
async def test_confirm_answers_by_key(keys: list[str], expected: bool) -> None:
    app = Host(ConfirmDialog("Delete the lever?", confirm="Delete"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        assert app.answers == [expected]
        assert app.screen is not app.dialog


@pytest.mark.parametrize(("button", "expected"), [("#confirm-yes", True),
                                                  ("#confirm-no", False)])
async def test_confirm_answers_by_button(button: str, expected: bool) -> None:
    app = Host(ConfirmDialog("Replace the file?", "/tmp/cr.md already exists.",
                             confirm="Replace"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(button)
        await pilot.pause()
        assert app.answers == [expected]


async def test_a_question_that_destroys_nothing_says_yes_on_enter() -> None:
    app = Host(ConfirmDialog("Approve the previous minutes?", confirm="Approve",
                             destructive=False))
    async with app.run_test(size=SIZE) as pilot:
        assert app.dialog.query_one("#confirm-yes", Button).variant == "primary"
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers == [True]


async def test_confirm_shows_its_words() -> None:
    dialog = ConfirmDialog("Delete the lever?", ["Its 3 items go with it.", "",
                                                 "1 roadmap item serves it."],
                           subject="Pacte financier", confirm="Delete", cancel="Keep it")
    app = Host(dialog)
    async with app.run_test(size=SIZE):
        assert text(dialog, "#confirm-question") == "Delete the lever?"
        assert text(dialog, "#confirm-subject") == "Pacte financier"
        details = [str(line.render()) for line in dialog.query(".confirm-detail")]
        assert details == ["Its 3 items go with it.", "1 roadmap item serves it."]
        assert str(dialog.query_one("#confirm-yes", Button).label) == "Delete"
        assert str(dialog.query_one("#confirm-no", Button).label) == "Keep it"
        assert dialog.query_one("#confirm-yes", Button).variant == "error"


async def test_confirm_shows_markup_as_text() -> None:
    dialog = ConfirmDialog(MARKUP, MARKUP, subject=MARKUP, confirm=MARKUP)
    app = Host(dialog)
    async with app.run_test(size=SIZE):
        for selector in ("#confirm-question", "#confirm-subject", ".confirm-detail"):
            assert text(dialog, selector) == MARKUP, selector
        assert str(dialog.query_one("#confirm-yes", Button).label) == MARKUP


async def test_confirm_speaks_french(french: None) -> None:
    dialog = ConfirmDialog("Supprimer ?")
    app = Host(dialog)
    async with app.run_test(size=SIZE):
        assert str(dialog.query_one("#confirm-yes", Button).label) == "Oui"
        assert str(dialog.query_one("#confirm-no", Button).label) == "Annuler"
        shown = {binding.description for _key, binding in dialog._bindings}
        assert {"Oui", "Non"} <= shown


async def test_prompt_refuses_an_empty_value_and_says_why() -> None:
    prompt = TextPrompt("New checklist item", "Item", check=check_name)
    app = Host(prompt)
    async with app.run_test(size=SIZE) as pilot:
        error = prompt.query_one("#prompt-error", Static)
        assert not error.display
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.screen is prompt and app.answers == []
        assert error.display and str(error.render()).strip()
        await pilot.press(*"Rencontrer le sous-préfet", "enter")
        await pilot.pause()
        assert app.answers == ["Rencontrer le sous-préfet"]


async def test_prompt_returns_the_text_without_outer_spaces_from_the_button() -> None:
    prompt = TextPrompt("Substituted", "Substitute", "  Claire Martin ")
    app = Host(prompt)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#prompt-ok")
        await pilot.pause()
        assert app.answers == ["Claire Martin"]


@pytest.mark.parametrize("by_button", [False, True])
async def test_prompt_cancelled_gives_none(by_button: bool) -> None:
    prompt = TextPrompt("Rename the lever", "Title", "Pacte", check=check_name)
    app = Host(prompt)
    async with app.run_test(size=SIZE) as pilot:
        assert prompt.query_one(Input).value == "Pacte"
        if by_button:
            await pilot.click("#prompt-cancel")
        else:
            await pilot.press("escape")
        await pilot.pause()
        assert app.answers == [None]


async def test_prompt_shows_markup_as_text() -> None:
    prompt = TextPrompt(MARKUP, MARKUP, check=lambda value: MARKUP if value else "")
    app = Host(prompt)
    async with app.run_test(size=SIZE) as pilot:
        assert text(prompt, "#prompt-title") == MARKUP
        assert text(prompt, "#prompt-label") == MARKUP
        await pilot.press("x", "enter")
        await pilot.pause()
        assert app.answers == []
        assert text(prompt, "#prompt-error") == MARKUP
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert app.answers == [""]
