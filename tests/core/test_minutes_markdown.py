"""Markdown that keeps typed text exact: escaping of literal text, notes kept in their place,
and the minutes parsed back with markdown-it-py (property tests)."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from coop_tui.core.exports import markdown as md
from coop_tui.core.exports.minutes import MinutesSource, minutes_markdown
from coop_tui.store.models import (
    Action,
    Actor,
    ActorKind,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingKind,
    Presence,
    Territory,
)
from coop_tui.store.text import clean_line

TRICKY = [
    "a|b", "*gras*", "_souligné_", "snake_case_name", "# pas un titre", "titre #",
    "`code`", "<script>alert(1)</script>", "<b>x</b>", "[x](y)", "![img](u)",
    "acteur.rice.s", "impliqué·e·s", "élu·e·s", "1. pas une liste", "2026) non plus",
    "- tiret", "+ plus", "> citation", "---", "***", "___", "&amp; &copy; &#35;",
    "C:\\chemin\\", "~~barré~~", "= égal", "a\\|b", "\\", "[bold]X[/]", "100 %",
    "Mairie de L'Isle-sur-Loubière", "a  b", "x_", "_x", "**", "<!-- c", "<http://x.fr>",
]


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def read(document: str) -> list[Token]:
    return md.parser().parse(document)


@pytest.mark.parametrize("text", TRICKY)
def test_inline_text_reads_back_exactly_everywhere(text: str) -> None:
    for document, level in ((f"- {md.inline(text)}", "list"), (md.heading(3, text), "h3"),
                            (md.inline(text), "paragraph"),
                            (md.table(["A", "B"], [[md.cell(text), "x"]]), "table")):
        inlines = [t for t in read(document) if t.type == "inline"]
        found = inline_text(inlines[-2] if level == "table" else inlines[0])
        assert found == text, (level, document)


def test_readable_text_is_left_alone() -> None:
    for text in ("acteur.rice.s", "impliqué·e·s", "snake_case", "Saint-Jean d'Angély",
                 "COPIL n°3 : bilan 2026"):
        assert md.inline(text) == text


@given(st.text(min_size=1, max_size=60))
def test_any_line_reads_back(raw: str) -> None:
    text = clean_line(raw)
    if not text:
        return
    tokens = read(f"- {md.inline(text)}")
    inlines = [t for t in tokens if t.type == "inline"]
    assert inline_text(inlines[0]) == text
    cell = read(md.table(["A"], [[md.cell(text)]]))
    assert inline_text([t for t in cell if t.type == "inline"][-1]) == text


def test_notes_headings_go_below_their_item() -> None:
    notes = "# Grand titre\ntexte\n\nSous-titre\n---\n> ## cité\n- ### dans une liste"
    result = md.notes(notes, 3)
    levels = [t.tag for t in read(result) if t.type == "heading_open"]
    assert levels == ["h4", "h5", "h5", "h6"]
    assert "texte" in result


def test_notes_keep_their_markdown() -> None:
    notes = "- un *point*\n- un autre\n\n1. premier\n2. second"
    assert md.notes(notes, 3) == notes


def test_an_open_fence_is_closed() -> None:
    result = md.notes("```python\nprint('x')", 3) + "\n\n## Suite"
    tokens = read(result)
    assert [t.type for t in tokens if t.type in ("fence", "heading_open")] == \
        ["fence", "heading_open"]


def test_raw_html_blocks_become_text() -> None:
    result = md.notes("<script>alert('x')</script>\n<div>\n# titre", 3)
    html = md.parser(html=True).render(result)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<h4>titre</h4>" in html


def test_inline_html_becomes_text_and_links_stay_links() -> None:
    result = md.notes("voirie <b>x</b> `<i>` <https://x.fr> <a@b.fr> <!-- c --> a < b", 3)
    html = md.parser(html=True).render(result)
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<code>&lt;i&gt;</code>" in html  # code spans are left as they are
    assert '<a href="https://x.fr">' in html and '<a href="mailto:a@b.fr">' in html
    assert "<!--" not in html and "a &lt; b" in html


@given(st.lists(st.sampled_from(["<b>", "</b>", "<br/>", "<!-- c -->", "<?x?>", "<!X>",
                                 "`", "``", "\\", "<https://x.fr>", "<a@b.fr>", "x", " ",
                                 "\n", "<div>", "a<b"]), max_size=14).map("".join))
def test_notes_hold_no_raw_html(text: str) -> None:
    tokens = md.parser(html=True).parse(md.notes(text, 2))
    raw = [token for token in tokens if token.type == "html_block"]
    raw += [child for token in tokens for child in token.children or ()
            if child.type == "html_inline"]
    assert raw == []


# ---------------------------------------------------------------------------- minutes

TODAY = date(2026, 11, 26)
names = st.text(min_size=1, max_size=30).map(clean_line).filter(bool)
tricky_or_any = st.one_of(st.sampled_from(TRICKY), names)


def build(people: list[str], decisions: list[str], actions: list[tuple[str, int]],
          title: str, notes: str = "") -> MinutesSource:
    actors = [Actor(name=name, kind=ActorKind.ELECTED) for name in people]
    item = AgendaItem(title=title, notes=notes)
    statuses = list(Presence)
    attendance = []
    for index, actor in enumerate(actors):
        status = statuses[index % len(statuses)]
        attendance.append(Attendance(
            actor_id=actor.id, status=status,
            proxy_id=actors[0].id if status is Presence.REPRESENTED else None,
            substitute=people[-1] if status is Presence.SUBSTITUTED else ""))
    meeting = Meeting(
        title=title, kind=MeetingKind.COUNCIL, on=TODAY, start=time(18), end=time(20),
        place=title, attendance=attendance, agenda=[item], voting_members=len(actors),
        decisions=[Decision(text=text, agenda_item_id=item.id) for text in decisions],
        actions=[Action(text=text, owner_id=actors[owner % len(actors)].id, due=TODAY,
                        agenda_item_id=item.id) for text, owner in actions],
    )
    territory = Territory(name="Val", mandate_start=date(2026, 3, 15),
                          mandate_end=date(2032, 3, 15))
    return MinutesSource(meeting, territory, {a.id: a for a in actors}, [meeting])


def sections(tokens: list[Token]) -> dict[str, list[Token]]:
    """Inline tokens grouped under the last heading or bold label seen."""
    groups: dict[str, list[Token]] = {}
    current = ""
    headings = {index + 1 for index, token in enumerate(tokens) if token.type == "heading_open"}
    for index, token in enumerate(tokens):
        if index in headings:
            current = inline_text(token)
            continue
        if token.type == "inline":
            strong = [c for c in token.children or [] if c.type == "strong_open"]
            if strong and token.content.startswith("**") and token.content.endswith("**"):
                current = inline_text(token)
                continue
            groups.setdefault(current, []).append(token)
    return groups


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.lists(tricky_or_any, min_size=1, max_size=6, unique=True),
       decisions=st.lists(tricky_or_any, min_size=1, max_size=4),
       actions=st.lists(st.tuples(tricky_or_any, st.integers(0, 5)), min_size=1, max_size=4),
       title=tricky_or_any)
def test_every_name_decision_and_action_reads_back(
        people: list[str], decisions: list[str], actions: list[tuple[str, int]],
        title: str) -> None:
    source = build(people, decisions, actions, title)
    tokens = read(minutes_markdown(source, "full"))
    heading = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens)
               if t.type == "heading_open" and t.tag == "h1"]
    assert heading == [title]
    groups = sections(tokens)
    meeting = source.meeting
    present = [source.name(r.actor_id) for r in meeting.attendance
               if r.status is Presence.PRESENT]
    present_heading = next(key for key in groups if key.startswith("Present ("))
    assert [inline_text(t) for t in groups[present_heading]] == present
    assert [inline_text(t) for t in groups["Decisions"]] == decisions
    owners = [people[owner % len(people)] for _text, owner in actions]
    assert last_table(tokens) == [["Action", "Owner", "Due"]] + [
        [text, owner, "November 26, 2026"] for (text, _o), owner in zip(actions, owners,
                                                                        strict=True)]


def last_table(tokens: list[Token]) -> list[list[str]]:
    """The cells of the document's last table, row by row."""
    start = max(i for i, t in enumerate(tokens) if t.type == "table_open")
    rows: list[list[str]] = []
    for token in tokens[start:]:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(inline_text(token))
        elif token.type == "table_close":
            break
    return rows


@settings(max_examples=30, deadline=None)
@given(notes=st.lists(st.sampled_from([
    "# titre", "## titre", "###### titre", "texte", "===", "---", "```", "~~~", "<div>",
    "<!-- x", "<script>", "> # cité", "- # liste", "    code", "| a | b |", "|---|---|",
    "[x]: http://exemple.fr", "", "1. un", "* * *", "D: une décision", "A: une action",
]), max_size=12).map("\n".join))
def test_notes_never_break_the_document(notes: str) -> None:
    source = build(["Alice"], ["décidé"], [("à faire", 0)], "Point", notes)
    tokens = read(minutes_markdown(source, "full"))
    top = [(t.tag, inline_text(tokens[i + 1])) for i, t in enumerate(tokens)
           if t.type == "heading_open" and t.tag in ("h1", "h2", "h3")]
    expected_top = [("h1", "Point"), ("h2", "Participants"), ("h3", "Present (1)"),
                    ("h2", "Agenda"), ("h2", "Proceedings"), ("h3", "1. Point"),
                    ("h2", "Summary of actions")]
    assert top == expected_top
    assert any(t.type == "table_open" for t in tokens)
