"""``coop-tui export ics STORE [-o FILE]``: meetings and roadmap deadlines as a calendar."""

from __future__ import annotations

from pathlib import Path

import click

from coop_tui.core.i18n import N_


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @export.command("ics", help=N_(
        "Write the meetings and roadmap deadlines of STORE as an iCalendar file."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @option("-o", "--output", type=a_path(), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: standard output)."))
    @option("--force", is_flag=True, help=N_("Replace FILE if it exists."))
    @language_option
    def ics_command(store: Path, output: Path | None, force: bool) -> None:
        from coop_tui.core.exports.ics import store_calendar
        from coop_tui.core.i18n import _, translate_error
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.shell.commands import deliver
        from coop_tui.store.errors import StoreError

        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            payload = store_calendar(repository).encode("utf-8")
        finally:
            repository.close()
        if deliver(payload, output, force=force, store=store):
            click.echo(_("Calendar written to {path}").format(path=output), err=True)
