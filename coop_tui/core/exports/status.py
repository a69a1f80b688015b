"""The status report: the dashboard as plain text (a terminal, a script) or Markdown (an
e-mail to the COPIL), and the wording both share with the dashboard screen.

The report is written from an :class:`~coop_tui.core.insights.dashboard.Overview`, the same
reading the dashboard shows. It holds nothing private: the roles of the actor map are
given as counts only (never who is reluctant, nor which followers wait for a call), and
no influence, blockage, relation or facilitator note is read. The Markdown follows the
escaping rules of the minutes (:mod:`coop_tui.core.exports.markdown`, imported when needed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from coop_tui.core.i18n import Language, _, format_date, language, ngettext, pgettext
from coop_tui.core.insights.levers.progress import Progress
from coop_tui.core.insights.levers.wording import percent
from coop_tui.core.labels import label

if TYPE_CHECKING:
    from coop_tui.core.exports.document import Document
    from coop_tui.core.insights.dashboard import (
        ActionLine,
        LeverLine,
        MeetingLine,
        Overview,
        RoadmapLine,
    )
    from coop_tui.core.obligations import Due
    from coop_tui.store.repository import Repository

Format = Literal["text", "md", "html", "docx", "pdf"]
FORMATS: tuple[Format, ...] = ("text", "md", "docx", "pdf")
BAR_CELLS = 20
FILLED, EMPTY = "█", "░"


# ---------------------------------------------------------------------------- wording


def late_by(days: int) -> str:
    """ "12 days late"."""
    return ngettext("{count} day late", "{count} days late", days).format(count=days)


def due_in(days: int) -> str:
    """How soon something is due or happens: "today", "tomorrow", "in 5 days"."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days < 0:
        return ngettext("{count} day ago", "{count} days ago", -days).format(count=-days)
    return ngettext("in {count} day", "in {count} days", days).format(count=days)


def since_contact(days: int | None) -> str:
    if days is None:
        return _("never contacted")
    return ngettext("no contact for {count} day", "no contact for {count} days",
                    days).format(count=days)


def progress_figures(progress: Progress) -> str:
    """ "18/45 · 40 %"; a category with nothing to count says so."""
    if not progress.total:
        return _("nothing to count")
    return f"{progress.done}/{progress.total} · {percent(progress.ratio)}"


def bar_cells(progress: Progress, cells: int = BAR_CELLS) -> int:
    """How many of ``cells`` a progress fills (a started one never shows empty)."""
    if not progress.total:
        return 0
    filled = round(cells * progress.ratio)
    return max(filled, 1) if progress.done else filled


def text_bar(progress: Progress, cells: int = BAR_CELLS) -> str:
    filled = bar_cells(progress, cells)
    return FILLED * filled + EMPTY * (cells - filled)


def action_due(line: ActionLine) -> str:
    """When an open action was due, and how late it is."""
    due = line.action.due
    if due is None:
        return _("no due date")
    if line.days_late:
        return _("due {date}, {late}").format(date=format_date(due), late=late_by(line.days_late))
    return _("due {date}").format(date=format_date(due))


def roadmap_due(line: RoadmapLine) -> str:
    due = line.item.due
    if due is None:
        return _("no due date")
    if line.days_late:
        return _("due {date}, {late}").format(date=format_date(due), late=late_by(line.days_late))
    return _("due {date} ({when})").format(date=format_date(due), when=due_in(line.days_left))


def meeting_summary(line: MeetingLine) -> str:
    """What came out of a meeting: decisions, open actions, the state of its minutes."""
    decisions = ngettext("{count} decision", "{count} decisions", line.decisions).format(
        count=line.decisions)
    actions = ngettext("{count} open action", "{count} open actions",
                       line.open_actions).format(count=line.open_actions)
    minutes = _("minutes: {status}").format(status=label(line.meeting.minutes_status))
    return " · ".join((decisions, actions, minutes))


def meeting_when(line: MeetingLine) -> str:
    return f"{format_date(line.meeting.on)} ({due_in(line.days)})"


def lever_status(line: LeverLine) -> str:
    parts = [label(line.lever.status)]
    if line.progress.total:
        parts.append(f"{line.progress.done}/{line.progress.total}")
    return " · ".join(parts)


def lever_title(line: LeverLine) -> str:
    return line.lever.title.get(language())


def capitalised(text: str) -> str:
    """A label at the start of a line: "Human levers"."""
    return text[:1].upper() + text[1:]


def role_counts(overview: Overview) -> list[tuple[str, int]]:
    """The roles of the actor map as counts: drivers, followers, counterweights, reluctant."""
    actors = overview.actors
    return [(_("Drivers"), actors.drivers.count), (_("Followers"), actors.followers.count),
            (_("Counterweights"), actors.counterweights.count),
            (_("Reluctant"), actors.reluctant.count)]


def headline(overview: Overview, *, include_private: bool = True) -> list[str]:
    """The answer to "where are we?" in a few phrases: what is late, what is next, whom
    to call (a reading of people: left out of a report unless asked)."""
    roadmap, actions = overview.roadmap, overview.actions
    parts = [
        ngettext("{count} late roadmap item", "{count} late roadmap items",
                 len(roadmap.late)).format(count=len(roadmap.late)),
        ngettext("{count} late action", "{count} late actions",
                 actions.late_count).format(count=actions.late_count),
        ngettext("{count} item due within 30 days", "{count} items due within 30 days",
                 len(roadmap.due_soon)).format(count=len(roadmap.due_soon)),
    ]
    missed = len(overview.deadlines.missed) if overview.deadlines is not None else 0
    if missed:
        parts.insert(2, ngettext("{count} missed statutory deadline",
                                 "{count} missed statutory deadlines", missed).format(
            count=missed))
    if overview.conflicts:
        parts.insert(0, ngettext("{count} merge conflict to settle",
                                 "{count} merge conflicts to settle", overview.conflicts).format(
            count=overview.conflicts))
    if overview.meetings.upcoming:
        coming = overview.meetings.upcoming[0]
        parts.append(_("next meeting: {title}, {when}").format(
            title=coming.meeting.title, when=meeting_when(coming)))
    else:
        parts.append(_("no meeting planned"))
    calls = len(overview.actors.to_contact)
    if include_private:
        parts.append(ngettext("{count} follower to contact", "{count} followers to contact",
                              calls).format(count=calls))
    return parts


def report_title(overview: Overview) -> str:
    return _("Status report: {territory}").format(territory=overview.territory.name)


def report_date(overview: Overview) -> str:
    return _("As of {date}").format(date=format_date(overview.today, "full"))


def file_name(today: date, fmt: str) -> str:
    """ "2026-11-26-status.md", "2026-11-26-point-d-etape.md" in French."""
    stem = pgettext("file name", "{day}-status").format(day=today.isoformat())
    return f"{stem}.{'txt' if fmt == 'text' else fmt}"


# ---------------------------------------------------------------------------- sections

# A line of a block: the main text and a detail (maybe empty).
Line = tuple[str, str]


@dataclass(frozen=True)
class Block:
    """Lines under a subtitle (None: none); ``bars`` draws the lines as progress bars in
    plain text."""

    subtitle: str | None
    lines: list[Line]
    bars: tuple[Progress, ...] = ()


Section = tuple[str, list[Block]]


def _titled(title: str, lines: Sequence[Line], empty: str) -> Block:
    if not lines:
        return Block(title, [(empty, "")])
    return Block(f"{title} ({len(lines)})", list(lines))


def _roadmap_section(overview: Overview) -> Section:
    roadmap = overview.roadmap

    def line(found: RoadmapLine) -> Line:
        detail = roadmap_due(found)
        if found.owners:
            detail += " · " + _("owners: {names}").format(names=", ".join(found.owners))
        return (found.item.objective, detail)

    title = ngettext("Roadmap: {count} open item", "Roadmap: {count} open items",
                     roadmap.open_count).format(count=roadmap.open_count)
    return (title, [
        _titled(_("Late"), [line(found) for found in roadmap.late], _("Nothing is late.")),
        _titled(_("Due within 30 days"), [line(found) for found in roadmap.due_soon],
                _("Nothing is due within 30 days.")),
        _titled(_("Next milestones"), [line(found) for found in roadmap.milestones],
                _("No milestone ahead.")),
    ])


def _actions_section(overview: Overview) -> Section:
    actions = overview.actions
    title = _("Open actions: {count}, {late} late").format(count=actions.open_count,
                                                           late=actions.late_count)
    blocks: list[Block] = []
    for group in actions.owners:
        name = group.name or _("No owner")
        lines = [(found.action.text,
                  _("{due} · {meeting}, {date}").format(
                      due=action_due(found), meeting=found.meeting.title,
                      date=format_date(found.meeting.on)))
                 for found in group.actions]
        blocks.append(Block(f"{name} ({len(lines)})", lines))
    if not blocks:
        blocks.append(Block(None, [(_("No open action."), "")]))
    return (title, blocks)


def _meetings_section(overview: Overview) -> Section:
    meetings = overview.meetings
    last: list[Line] = []
    if meetings.last is not None:
        found = meetings.last
        last.append((found.meeting.title, f"{label(found.meeting.kind)} · "
                     f"{meeting_when(found)} · {meeting_summary(found)}"))
    upcoming = [(found.meeting.title, f"{label(found.meeting.kind)} · {meeting_when(found)}")
                for found in meetings.upcoming]
    return (_("Meetings"), [
        Block(_("Last meeting"), last or [(_("No meeting held yet."), "")]),
        _titled(_("Next meetings"), upcoming, _("No meeting planned.")),
    ])


def _levers_section(overview: Overview) -> Section:
    levers = overview.levers
    progress: list[Line] = [(_("All levers"), progress_figures(levers.overall))]
    progress += [(capitalised(label(line.category)), progress_figures(line.progress)
                  + (" · " + _("lagging behind") if line.lagging else ""))
                 for line in levers.categories]
    bars = (levers.overall, *(line.progress for line in levers.categories))
    attention = [(lever_title(line), lever_status(line)
                  + (" · " + line.reason.figure if line.reason else ""))
                 for line in levers.attention]
    return (_("Levers"), [
        Block(_("Checklist progress"), progress, bars),
        _titled(_("Levers that need attention"), attention, _("No lever needs attention.")),
    ])


def _actors_section(overview: Overview, include_private: bool) -> Section:
    """The actor map; the counts of roles (who drives, who resists, whom to call) are a
    reading of people, there only when asked."""
    actors = overview.actors
    channels = [(line.actor.name, label(line.actor.kind)) for line in actors.without_channel]
    title = ngettext("Actors: {count}", "Actors: {count}", actors.figures.total).format(
        count=actors.figures.total)
    blocks = [_titled(_("No known channel"), channels, _("Every actor has a known channel."))]
    if include_private:
        roles = [(name, str(count)) for name, count in role_counts(overview)]
        roles.append((_("Followers to contact"), str(len(actors.to_contact))))
        blocks.insert(0, Block(_("Roles in the cooperation"), roles))
    return (title, blocks)


def _deadlines_section(overview: Overview) -> Section:
    """The statutory calendar: what was missed, what falls due in the week, what comes."""
    from coop_tui.core.exports.deadlines import summary, title

    panel = overview.deadlines
    if panel is None:
        return (_("Statutory deadlines"), [Block(None, [(_("Not read."), "")])])

    def line(found: Due) -> Line:
        return (title(found), " · ".join(part for part in (format_date(found.due),
                                                           summary(found)) if part))

    week = {found.key for found in panel.this_week}
    ahead = [line(found) for found in panel.upcoming if found.key not in week]
    return (_("Statutory deadlines"), [
        _titled(_("Missed"), [line(found) for found in panel.missed], _("Nothing missed.")),
        _titled(_("Due within a week"), [line(found) for found in panel.this_week],
                _("Nothing due within a week.")),
        _titled(_("Coming next"), ahead, _("Nothing else ahead.")),
    ])


def _diagnostic_section(overview: Overview) -> Section:
    """The shared diagnostic of the schéma de mutualisation, in three lines."""
    found = overview.diagnostic
    if found is None:
        return (_("Shared diagnostic"), [])
    candidates = ", ".join(found.candidates) or _("none yet")
    return (_("Shared diagnostic"), [Block(None, [
        (_("Communes in the diagnostic"), _("{covered} of {total}").format(
            covered=found.covered, total=found.communes)),
        (_("Mutualisation candidates"), candidates),
        (_("Bassins de vie"), ngettext("{count} with {needs} service needs",
                                       "{count} with {needs} service needs",
                                       found.areas).format(count=found.areas,
                                                           needs=found.needs)),
    ])])


SECTIONS: tuple[Callable[[Overview], Section], ...] = (
    _roadmap_section, _actions_section, _meetings_section, _deadlines_section,
    _levers_section, _diagnostic_section,
)


def _pact_section(overview: Overview) -> list[Section]:
    """The pacte financier et fiscal in three lines; no section while nothing of it is
    recorded."""
    if overview.pact is None:
        return []
    from coop_tui.core.pacte import read_pacte
    from coop_tui.core.pacte.wording import summary_lines

    lines = summary_lines(read_pacte(overview.pact))
    return [(_("Pacte financier et fiscal"), [Block(None, lines)])] if lines else []


def sections(overview: Overview, include_private: bool = False, *,
             thanks: bool = False) -> list[Section]:
    from coop_tui.core.exports.status_project import project_section

    found = project_section(overview, include_private, thanks)
    return [*([found] if found else []), *(section(overview) for section in SECTIONS),
            *_pact_section(overview),
            _actors_section(overview, include_private)]


# ---------------------------------------------------------------------------- renderings


def status_text(overview: Overview, include_private: bool = False, *,
                thanks: bool = False) -> str:
    """The report as plain text for a terminal: titles underlined, lines indented."""
    title = report_title(overview)
    out = [title, "=" * len(title), report_date(overview), "",
           _("In short:") + " " + " · ".join(headline(overview,
                                                     include_private=include_private)), ""]
    for heading, blocks in sections(overview, include_private, thanks=thanks):
        out += [heading, "-" * len(heading)]
        for block in blocks:
            if block.subtitle is not None:
                out.append(block.subtitle)
            out += _text_bars(block) if block.bars else [
                f"  - {main}" + (f" — {detail}" if detail else "") for main, detail in block.lines]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _text_bars(block: Block) -> list[str]:
    """Lines drawn as bars, names aligned: "  Human levers   ████░░░░  3/15 · 20 %"."""
    width = max(len(main) for main, _detail in block.lines)
    return [f"  {main.ljust(width)}  {text_bar(progress)}  {detail}"
            for (main, detail), progress in zip(block.lines, block.bars, strict=True)]


def status_document(overview: Overview, include_private: bool = False, *,
                    thanks: bool = False) -> Document:
    """The report as the document structure the minutes use: Markdown, Word and PDF."""
    from coop_tui.core.exports.document import Document, Heading, Item, ItemList, Paragraph, Run

    document = Document(report_title(overview), language())
    document.add(Heading(1, report_title(overview)),
                 Paragraph((Run(report_date(overview), italic=True),)),
                 Paragraph((Run(_("In short:"), bold=True), Run(" " + " · ".join(
                     headline(overview, include_private=include_private))))))
    for heading, blocks in sections(overview, include_private, thanks=thanks):
        document.add(Heading(2, heading))
        for block in blocks:
            if block.subtitle is not None:
                document.add(Heading(3, block.subtitle))
            document.add(ItemList(tuple(
                Item((Run(main, bold=True), Run(" — "), Run(detail))) if detail
                else Item.plain(main) for main, detail in block.lines)))
    return document


def status_markdown(overview: Overview, include_private: bool = False) -> str:
    """The report as CommonMark: user text escaped as in the minutes, one list per block."""
    from coop_tui.core.exports.document import to_markdown

    return to_markdown(status_document(overview, include_private))


def render(overview: Overview, fmt: Format = "text", include_private: bool = False) -> str:
    """The report as text or Markdown in the current language (the overview's figures
    about levers are worded when it is read: read it in the same language)."""
    if fmt == "text":
        return status_text(overview, include_private)
    return render_bytes(overview, fmt, include_private).decode("utf-8")


def render_bytes(overview: Overview, fmt: Format = "text",
                 include_private: bool = False, *, thanks: bool = False) -> bytes:
    """The report as the bytes of a file in ``fmt``; Word and PDF on the territory's
    letterhead."""
    from coop_tui.core.exports.formats import document_bytes

    if fmt == "text":
        return status_text(overview, include_private, thanks=thanks).encode("utf-8")
    document = status_document(overview, include_private, thanks=thanks)
    if fmt in ("docx", "pdf"):
        from coop_tui.core.exports.minutes import letterhead

        document.letterhead = letterhead(overview.territory)
    return document_bytes(document, "md" if fmt == "md" else "html" if fmt == "html"
                          else "docx" if fmt == "docx" else "pdf")


def status_report(repository: Repository, today: date, fmt: Format = "text",
                  lang: Language | None = None, include_private: bool = False, *,
                  thanks: bool = False) -> bytes:
    """Read the store on ``today`` and write the report in ``lang``, whatever language the
    interface speaks, as the bytes of a file in ``fmt``."""
    from coop_tui.core.exports.minutes import language_as
    from coop_tui.core.insights.dashboard import overview

    with language_as(lang or language()):
        return render_bytes(overview(repository, today), fmt, include_private, thanks=thanks)
