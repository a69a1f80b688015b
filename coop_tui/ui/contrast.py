"""Text the theme colours stays readable: WCAG's 4.5:1 against every background the app
draws text on, in whatever theme a person picks.

Textual's own themes fall short in places (on the light theme, warning, accent and success
text reach 2.8:1 to 3.8:1; on the dark one, secondary text on panels 3.4:1). The app
resolves the theme's variables, then darkens (light theme) or lightens (dark theme) each
text colour that falls short until it reads at 4.5:1 on all of them.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.color import Color

# WCAG 2.1, success criterion 1.4.3: text at 4.5:1 at least.
MINIMUM_RATIO = 4.5
# The backgrounds text is drawn on: the screen, boxes and forms, the panels of the map.
BACKGROUNDS = ("background", "surface", "panel")
# The text colours the app uses (roles, warnings, hints). "$text", "$text-muted" are
# "auto" colours, computed against their background: Textual keeps them readable itself.
TEXT_COLOURS = ("foreground", "foreground-darken-1", "foreground-darken-2", "text-primary",
                "text-secondary", "text-accent", "text-warning", "text-error", "text-success")
_STEP = 0.02


def relative_luminance(colour: Color) -> float:
    """WCAG's relative luminance of an opaque colour."""
    def channel(value: int) -> float:
        scaled = value / 255
        return scaled / 12.92 if scaled <= 0.03928 else ((scaled + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast_ratio(text: Color, background: Color) -> float:
    """WCAG's contrast ratio, 1 to 21; a translucent text colour is first laid on the
    background, as the terminal shows it."""
    shown = background.blend(text.with_alpha(1.0), text.a) if text.a < 1 else text
    lighter, darker = sorted((relative_luminance(shown), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _worst(text: Color, backgrounds: list[Color]) -> float:
    return min(contrast_ratio(text, background) for background in backgrounds)


def readable(variables: Mapping[str, str]) -> dict[str, str]:
    """The theme's variables with each text colour moved, if it must be, to 4.5:1 on every
    background: away from the backgrounds' lightness, by small steps."""
    out = dict(variables)
    backgrounds = [Color.parse(variables[name]) for name in BACKGROUNDS if name in variables]
    if not backgrounds:
        return out
    dark = sum(relative_luminance(colour) for colour in backgrounds) / len(backgrounds) < 0.2
    for name in TEXT_COLOURS:
        if name not in variables:
            continue
        colour = Color.parse(variables[name])
        if _worst(colour, backgrounds) >= MINIMUM_RATIO:
            continue
        for _step in range(60):
            colour = colour.lighten(_STEP) if dark else colour.darken(_STEP)
            if _worst(colour, backgrounds) >= MINIMUM_RATIO:
                break
        out[name] = colour.hex
    return out
