"""``coop-tui status STORE``: the dashboard as a report, for a terminal, a script or an
e-mail to the COPIL."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from coop_tui.core.i18n import N_, _


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            _("{value} is not a date (YYYY-MM-DD)").format(value=repr(value))) from None


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import argument, language_option, option

    @cli.command("status", help=N_(
        "Print where the territory of STORE stands: what is late, what is next, whom to "
        "call."))
    @argument("store", type=click.Path(path_type=Path), metavar=N_("STORE"))
    @option("--format", "fmt", type=click.Choice(["text", "md"]), default="text",
            show_default=True, help=N_("Plain text, or Markdown for an e-mail."))
    @option("-o", "--output", type=click.Path(path_type=Path), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: standard output)."))
    @option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
    @option("--date", "on", callback=_day, default=None, metavar=N_("YYYY-MM-DD"),
            help=N_("The day the status is read on (default: today)."))
    @language_option
    def status_command(store: Path, fmt: str, output: Path | None, force: bool,
                       on: date | None) -> None:
        from coop_tui.core.exports.status import status_report
        from coop_tui.core.i18n import _, translate_error
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.shell.commands import deliver
        from coop_tui.store.errors import StoreError

        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            text = status_report(repository, on or datetime.now().date(),
                                 "md" if fmt == "md" else "text")
        finally:
            repository.close()
        if deliver(text, output, force=force, store=store):
            click.echo(_("Status report written to {path}").format(path=output), err=True)
