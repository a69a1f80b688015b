"""Links in the documents: only the web and e-mail stay live (issue 19, item 13).

Notes are Markdown, so a facilitator's link to a web page works in the minutes; a link to
``javascript:``, ``data:``, ``vbscript:`` or ``file:`` would run or leak something when the
minutes are opened, so it is shown as text, in the Markdown and in the HTML page alike.
"""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from coop_tui.core.exports import markdown as md
from coop_tui.core.exports.minutes import MinutesSource, render
from coop_tui.store.models import Meeting
from coop_tui.store.repository import Repository

HOSTILE = [
    "[clic](javascript:alert(1))",
    "[clic](JAVASCRIPT:alert(1))",
    "[clic]( javascript:alert(1) )",
    "[clic](java&#115;cript:alert(1))",
    "[clic](vbscript:msgbox)",
    "[clic](data:text/html;base64,PHNjcmlwdD4=)",
    "![image](data:image/png;base64,AAAA)",
    "<javascript:alert(1)>",
    "[clic][ref]\n\n[ref]: javascript:alert(1)",
    "[clic](file:///etc/passwd)",
]


class Hrefs(HTMLParser):
    """Every link target and image source of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value or "" for name, value in attrs if name in ("href", "src")]


def live_links(markdown_text: str) -> list[str]:
    """The links a CommonMark reader that keeps every link would make of the text."""
    found: list[str] = []
    for token in md._every_link_parser().parse(markdown_text):
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                found.append(str(child.attrGet("href") or child.attrGet("src") or ""))
    return found


def test_each_hostile_link_is_text_and_a_web_link_stays() -> None:
    for text in HOSTILE:
        out = md.notes(text, 2)
        assert live_links(out) == [], (text, out)
    kept = md.notes("Voir [le site](https://example.org) et <mailto:a@example.org>", 2)
    assert live_links(kept) == ["https://example.org", "mailto:a@example.org"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    [*HOSTILE, "[ok](https://example.org)", "\\", "[", "]", "(", ")", "<", ">", "`", "\n",
     " ", "javascript:", "texte", "*", "&#58;"]), max_size=12).map("".join))
def test_no_refused_link_survives_any_notes(text: str) -> None:
    out = md.notes(text, 2)
    assert all(md.allowed_link(link) for link in live_links(out)), (text, out)


def test_minutes_in_markdown_and_html_keep_no_refused_link(repository: Repository) -> None:
    meeting = next(m for m in repository.meetings if m.agenda)
    changed: Meeting = meeting.model_copy(deep=True)
    changed.agenda[0].notes = "\n\n".join(HOSTILE) + "\n\n[le site](https://example.org)"
    repository.save(changed)
    source = MinutesSource.from_repository(repository, changed)
    for template in ("full", "decisions", "pv"):
        text = render(source, template, "md", "fr")
        assert all(md.allowed_link(link) for link in live_links(text))
        page = Hrefs()
        page.feed(render(source, template, "html", "fr"))
        assert all(md.allowed_link(link) for link in page.found), page.found
    assert "https://example.org" in render(source, "full", "html", "fr")
