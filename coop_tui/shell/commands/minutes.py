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

from coop_tui.core.i18n import N_, joined

if TYPE_CHECKING:
    from coop_tui.core.exports.formats import DocumentFormat
    from coop_tui.store.models import Meeting
    from coop_tui.store.repository import Repository


def find_meeting(repository: Repository, wanted: str, today: date) -> Meeting:
    """The meeting MEETING names; ValueError with a message a person can act on."""
    from coop_tui.core.i18n import _
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
    listed = joined(f"{m.id[:8]} {m.on.isoformat()} {m.title}" for m in matches[:5])
    raise ValueError(_("« {prefix} » names {count} meetings: {list}").format(
        prefix=wanted, count=len(matches), list=listed))


def register(cli: click.Group, export: click.Group) -> None:
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @export.command("minutes", help=N_(
        "Export the minutes of MEETING (an id, the start of one, or 'latest') from STORE."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @argument("meeting", metavar=N_("MEETING"))
    @option("-o", "--output", type=a_path(), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: print to standard output)."))
    @option("--format", "fmt", type=click.Choice(["md", "html", "docx", "pdf", "eml"]),
            default="md", show_default=True,
            help=N_("Markdown, a standalone HTML page, Word, PDF, or an e-mail draft."))
    @option("--template", type=click.Choice(["full", "decisions", "pv", "deliberations"]),
            default="full", show_default=True,
            help=N_("full minutes, record of decisions, procès-verbal of a council, or the "
                    "list of its deliberations."))
    @option("--attach", type=click.Choice(["docx", "pdf"]), default="pdf", show_default=True,
            help=N_("With --format eml: the minutes attached as Word or PDF."))
    @option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
    @language_option
    def minutes_command(store: Path, meeting: str, output: Path | None, fmt: str,
                        template: str, attach: str, force: bool) -> None:
        from coop_tui.core.exports.minutes import TEMPLATES, MinutesSource, render_bytes
        from coop_tui.core.i18n import _
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.shell.commands import (
            deliver,
            export_language,
            journal_export,
            refuse_binary_on_terminal,
        )

        refuse_binary_on_terminal(fmt, output)
        repository = open_repository(store)
        try:
            try:
                chosen = find_meeting(repository, meeting, date.today())
            except ValueError as error:
                fail(str(error))
            source = MinutesSource.from_repository(repository, chosen)
            lang = export_language(repository.territory.language)
            kind = next(known for known in TEMPLATES if known == template)
            convocation = fmt == "eml" and chosen.on > date.today()
            if convocation:
                from coop_tui.core.exports.email_draft import convocation_draft

                payload = convocation_draft(source, lang)
            elif fmt == "eml":
                from coop_tui.core.exports.email_draft import minutes_draft

                payload = minutes_draft(source, kind, "docx" if attach == "docx" else "pdf",
                                        lang)
            else:
                payload = render_bytes(source, kind, _document_format(fmt), lang)
        finally:
            repository.close()
        written = deliver(payload, output, force=force, store=store)
        if not convocation:
            journal_export(store, "minutes", output, meeting=chosen.id, template=kind,
                           format=fmt)
        if written:
            message = (_("Convocation draft written to {path}") if convocation
                       else written_message(kind, fmt))
            click.echo(message.format(path=output), err=True)


def _document_format(fmt: str) -> DocumentFormat:
    from coop_tui.core.exports.formats import DOCUMENT_FORMATS

    return next(known for known in DOCUMENT_FORMATS if known == fmt)


def written_message(template: str, fmt: str) -> str:
    """ "Procès-verbal written to {path}": the document that was written, by name."""
    from coop_tui.core.i18n import _

    if fmt == "eml":
        return _("E-mail draft written to {path}")
    return {
        "decisions": _("Record of decisions written to {path}"),
        "pv": _("Procès-verbal written to {path}"),
        "deliberations": _("List of deliberations written to {path}"),
    }.get(template, _("Minutes written to {path}"))
