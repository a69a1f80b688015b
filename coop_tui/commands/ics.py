"""``coop-tui export ics STORE [-o FILE]``: meetings and roadmap deadlines as a calendar."""

from __future__ import annotations

from pathlib import Path

import click


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.cli imports this package while it is being built.
    from coop_tui.cli import language_option

    @export.command("ics")
    @click.argument("store", type=click.Path(path_type=Path))
    @click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                  help="File to write (default: standard output).")
    @click.option("--force", is_flag=True, help="Replace FILE if it exists.")
    @language_option
    def ics_command(store: Path, output: Path | None, force: bool) -> None:
        """Write the meetings and roadmap deadlines of STORE as an iCalendar file."""
        from coop_tui.cli import fail, open_repository
        from coop_tui.commands import deliver
        from coop_tui.exports.ics import store_calendar
        from coop_tui.i18n import _, translate_error
        from coop_tui.store.errors import StoreError

        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            payload = store_calendar(repository).encode("utf-8")
        finally:
            repository.close()
        if deliver(payload, output, force=force):
            click.echo(_("Calendar written to {path}").format(path=output), err=True)
