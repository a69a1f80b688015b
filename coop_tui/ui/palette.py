"""A screen's commands in the command palette, their titles shown as text.

Titles name records as people typed them ("Open meeting: Budget [2027]"). Textual's
``Matcher.highlight`` reads its candidate as markup, which would restyle such a title, hide
part of it, or drop the hit on a stray ``[/]``; here titles are highlighted as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher


@dataclass(frozen=True)
class PaletteCommand:
    """What the palette lists: a title, a line of help, and what choosing it does."""

    title: str
    help: str
    run: Callable[[], object]


def highlighted(matcher: Matcher, title: str) -> Content:
    """``title`` as text, the letters the query matched in the matcher's style."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def matched(matcher: Matcher, command: PaletteCommand) -> Hit | None:
    """The hit for ``command`` when its title matches the query, else None."""
    score = matcher.match(command.title)
    if score <= 0:
        return None
    return Hit(score, highlighted(matcher, command.title), command.run, text=command.title,
               help=command.help or None)


class ScreenCommands(Provider):
    """The commands of the screen on show: listed when the palette opens, matched as the
    query is typed, then the screen's records found by the query (:meth:`records`)."""

    def commands(self) -> Iterable[PaletteCommand]:
        """The screen's commands available now (none when another screen is shown)."""
        return ()

    def records(self, matcher: Matcher) -> Iterable[Hit]:
        """Records of the screen the query finds, after its commands."""
        return ()

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(Content(command.title), command.run, text=command.title,
                               help=command.help or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            hit = matched(matcher, command)
            if hit is not None:
                yield hit
        for hit in self.records(matcher):
            yield hit
