"""``coop-tui export minutes STORE MEETING``: a meeting's minutes, without the interface.

MEETING is a meeting's id, the start of one (as long as it names one meeting), or
``latest``: the last meeting held, that is the newest one on or before today (the newest
of all when every meeting is to come).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from coop_tui.i18n import N_

if TYPE_CHECKING:
    from coop_tui.store.models import Meeting
    from coop_tui.store.repository import Repository


def find_meeting(repository: Repository, wanted: str, today: date) -> Meeting:
    """The meeting MEETING names; ValueError with a message a person can act on."""
    from coop_tui.i18n import _
    from coop_tui.store.models import Meeting

    meetings = repository.meetings
    if not wanted.strip():
        raise ValueError(_("name a meeting: its id, the start of its id, or latest"))
    if not meetings:
        raise ValueError(_("the store holds no meeting"))
    if wanted.strip().lower() == "latest":
        held = [m for m in meetings if m.on <= today] or meetings
        return max(held, key=lambda m: (m.on, m.start or m.created.time(), m.id))
    found = repository.get(Meeting, wanted.strip().lower())
    if found is not None:
        return found
    matches = repository.by_prefix(Meeting, wanted)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ValueError(_("no meeting id starts with « {prefix} »").format(prefix=wanted))
    listed = "; ".join(f"{m.id[:8]} {m.on.isoformat()} {m.title}" for m in matches[:5])
    raise ValueError(_("« {prefix} » names {count} meetings: {list}").format(
        prefix=wanted, count=len(matches), list=listed))


def register(cli: click.Group, export: click.Group) -> None:
    from coop_tui.cli import argument, language_option, option

    @export.command("minutes", help=N_(
        "Export the minutes of MEETING (an id, the start of one, or 'latest') from STORE."))
    @argument("store", type=click.Path(path_type=Path), metavar=N_("STORE"))
    @argument("meeting", metavar=N_("MEETING"))
    @option("-o", "--output", type=click.Path(path_type=Path), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: print to standard output)."))
    @option("--format", "fmt", type=click.Choice(["md", "html"]), default="md",
            show_default=True, help=N_("Markdown, or a standalone HTML page."))
    @option("--template", type=click.Choice(["full", "decisions", "pv"]),
            default="full", show_default=True,
            help=N_("full minutes, record of decisions, or procès-verbal of a council."))
    @option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
    @language_option
    def minutes_command(store: Path, meeting: str, output: Path | None, fmt: str,
                        template: str, force: bool) -> None:
        from coop_tui.cli import fail, open_repository
        from coop_tui.commands import deliver
        from coop_tui.exports.minutes import MinutesSource, render
        from coop_tui.i18n import _

        repository = open_repository(store)
        try:
            try:
                chosen = find_meeting(repository, meeting, date.today())
            except ValueError as error:
                fail(str(error))
            text = render(MinutesSource.from_repository(repository, chosen),
                          "pv" if template == "pv" else
                          "decisions" if template == "decisions" else "full",
                          "html" if fmt == "html" else "md")
        finally:
            repository.close()
        if deliver(text, output, force=force):
            click.echo(_("Minutes written to {path}").format(path=output), err=True)
