"""``coop-tui export ics STORE [-o FILE]``: meetings and roadmap deadlines as a calendar."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.cli imports this package while it is being built.
    from coop_tui.cli import language_option

    @export.command("ics")
    @click.argument("store", type=click.Path(path_type=Path))
    @click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                  help="File to write (default: standard output).")
    @language_option
    def ics_command(store: Path, output: Path | None) -> None:
        """Write the meetings and roadmap deadlines of STORE as an iCalendar file."""
        from coop_tui.cli import fail, open_repository
        from coop_tui.exports.ics import store_calendar
        from coop_tui.i18n import _, translate_error
        from coop_tui.store.errors import StoreError
        from coop_tui.store.storage import atomic_write, describe_os_error

        if output is not None and output.is_dir():
            fail(_("{path} is a folder, not a file").format(path=output))
        if output is not None and not output.absolute().parent.is_dir():
            fail(_("the folder {folder} does not exist").format(folder=output.absolute().parent))
        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            payload = store_calendar(repository).encode("utf-8")
        finally:
            repository.close()
        if output is None:
            sys.stdout.buffer.write(payload)
            sys.stdout.flush()
            return
        try:
            atomic_write(output, payload)
        except OSError as error:
            fail(_("cannot write {path}: {reason}").format(path=output,
                                                          reason=describe_os_error(error)))
        click.echo(_("Calendar written to {path}").format(path=output), err=True)
