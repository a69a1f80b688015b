"""``coop-tui status STORE``: the dashboard as a report, for a terminal, a script or an
e-mail to the COPIL."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from coop_tui.core.i18n import N_, _


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A date of the command line, in the range a store holds (so the readings made on
    it never step past the calendar's end)."""
    from coop_tui.store.models import FIRST_DAY, LAST_DAY

    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            _("{value} is not a date (YYYY-MM-DD)").format(value=repr(value))) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise click.BadParameter(_("{value} is outside {first} to {last}").format(
            value=repr(value), first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()))
    return day


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @cli.command("status", help=N_(
        "Print where the territory of STORE stands: what is late, what is next, whom to "
        "call."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @option("--format", "fmt", type=click.Choice(["text", "md", "docx", "pdf"]),
            default="text", show_default=True,
            help=N_("Plain text, Markdown for an e-mail, Word or PDF."))
    @option("-o", "--output", type=a_path(), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: standard output)."))
    @option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
    @option("--date", "on", callback=_day, default=None, metavar=N_("YYYY-MM-DD"),
            help=N_("The day the status is read on (default: today)."))
    @option("--include-private", is_flag=True, help=N_(
        "Add your reading of people: counts of drivers, reluctant members, followers to "
        "contact."))
    @option("--thanks", is_flag=True, help=N_(
        "Add « thanks to… »: the actors who carried actions and the communes who hosted "
        "meetings in the last 12 months."))
    @language_option
    def status_command(store: Path, fmt: str, output: Path | None, force: bool,
                       on: date | None, include_private: bool, thanks: bool) -> None:
        from coop_tui.core.exports.status import FORMATS, status_report
        from coop_tui.core.i18n import _, translate_error
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.shell.commands import (
            deliver,
            export_language,
            journal_export,
            refuse_binary_on_terminal,
        )
        from coop_tui.store.errors import StoreError

        refuse_binary_on_terminal(fmt, output)
        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            text = status_report(repository, on or datetime.now().date(),
                                 next(known for known in FORMATS if known == fmt),
                                 export_language(repository.territory.language),
                                 include_private=include_private, thanks=thanks)
        finally:
            repository.close()
        written = deliver(text, output, force=force, store=store,
                          private=include_private)
        journal_export(store, "status_report", output, format=fmt)
        if written:
            click.echo(_("Status report written to {path}").format(path=output), err=True)
