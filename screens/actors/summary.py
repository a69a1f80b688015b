"""The actor map's summary line: how many drivers, followers… and what needs attention,
each figure a filter when clicked."""

from __future__ import annotations

from textual.content import Content

from coop_tui.core.i18n import ngettext
from coop_tui.core.insights.actors import ActorFigures
from coop_tui.screens.actors.filters import ActorFilter, Focus
from coop_tui.store.models import Role
from coop_tui.ui.widgets.power_grid import role_glyph, role_style


def _figure(text: str, action: str, active: bool) -> Content:
    """One figure of the summary line; a click filters on it."""
    style = f"@click=screen.figure('{action}')"
    if active:
        style += " reverse"
    return Content.styled(text, style)


def summary_line(figures: ActorFigures, wanted: ActorFilter) -> Content:
    """The figures of the whole map, the ones ``wanted`` filters on shown reversed."""
    roles = (
        (Role.DRIVER, ngettext("{count} driver", "{count} drivers", len(figures.drivers))
         .format(count=len(figures.drivers))),
        (Role.FOLLOWER, ngettext("{count} follower", "{count} followers",
                                 len(figures.followers)).format(count=len(figures.followers))),
        (Role.COUNTERWEIGHT, ngettext("{count} counterweight", "{count} counterweights",
                                      len(figures.counterweights))
         .format(count=len(figures.counterweights))),
        (Role.RELUCTANT, ngettext("{count} reluctant", "{count} reluctant",
                                  len(figures.reluctant)).format(count=len(figures.reluctant))),
    )
    parts = [Content.styled(role_glyph(role) + " ", role_style(role))
             + _figure(text, role.value, wanted.role == role.value)
             for role, text in roles]
    alerts = (
        (Focus.NO_CHANNEL, len(figures.without_channel),
         ngettext("{count} with no channel", "{count} with no channel",
                  len(figures.without_channel))),
        (Focus.TENSION, len(figures.unbalanced_tensions),
         ngettext("{count} unbalanced tension", "{count} unbalanced tensions",
                  len(figures.unbalanced_tensions))),
        (Focus.TO_CONTACT, len(figures.followers_to_contact),
         ngettext("{count} follower to contact", "{count} followers to contact",
                  len(figures.followers_to_contact))),
    )
    for focus, count, text in alerts:
        figure = _figure(text.format(count=count), focus.value,
                         wanted.focus == focus.value)
        parts.append(Content.styled("! ", "bold $text-warning") + figure if count
                     else figure)
    return Content(" · ").join(parts)
