"""Issue 21, defect 11: the app's text colours read at 4.5:1 (WCAG AA) on the backgrounds
it draws them on, in the dark and the light theme, as the running app resolves them."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from coop_tui.ui.contrast import (
    BACKGROUNDS,
    MINIMUM_RATIO,
    TEXT_COLOURS,
    contrast_ratio,
    readable,
)
from tests.helpers import AppFactory


def shortfalls(variables: dict[str, str]) -> list[str]:
    out: list[str] = []
    for background in BACKGROUNDS:
        for text in TEXT_COLOURS:
            ratio = contrast_ratio(Color.parse(variables[text]),
                                   Color.parse(variables[background]))
            if ratio < MINIMUM_RATIO:
                out.append(f"${text} on ${background}: {ratio:.2f}:1")
    return out


def test_the_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio(Color(119, 119, 119), Color(255, 255, 255)) == \
        pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(Color(255, 255, 255, 0.5), Color(0, 0, 0)) == \
        pytest.approx(contrast_ratio(Color(127, 127, 127), Color(0, 0, 0)), abs=0.1)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_textuals_own_themes_fall_short_without_the_fix(theme: str) -> None:
    """The check finds what the issue saw: without readable(), some text is under 4.5:1."""
    generated = BUILTIN_THEMES[theme].to_color_system().generate()
    assert shortfalls(generated)
    assert shortfalls(readable(generated)) == []


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_apps_text_reads_at_4_5_to_1(make_app: AppFactory, theme: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        variables = app.get_css_variables()
        assert shortfalls(variables) == []
        # The same colours reach the widgets: the stylesheet's variables are these.
        assert app.stylesheet._variables["text-warning"] == variables["text-warning"]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_colours_that_pass_are_left_as_they_are(theme: str) -> None:
    generated = BUILTIN_THEMES[theme].to_color_system().generate()
    fixed = readable(generated)
    unchanged = [name for name in TEXT_COLOURS if fixed[name] == generated[name]]
    assert unchanged and "foreground" in unchanged


