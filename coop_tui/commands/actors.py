"""``coop-tui export actors STORE [-o FILE] [--include-private]``: the actor list as CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.cli imports this package while it is being built.
    from coop_tui.cli import language_option

    @export.command("actors")
    @click.argument("store", type=click.Path(path_type=Path))
    @click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
                  help="File to write (default: standard output).")
    @click.option("--include-private", is_flag=True,
                  help="Add the private reading: role, influence, interest, quadrant, "
                       "stance, blockages.")
    @click.option("--delimiter", type=click.Choice(sorted(DELIMITERS)), default=None,
                  help="Between the cells: ';' in French (what French spreadsheets "
                       "expect), ',' in English, unless given.")
    @click.option("--force", is_flag=True, help="Replace FILE if it exists.")
    @language_option
    def actors_command(store: Path, output: Path | None, include_private: bool,
                       delimiter: str | None, force: bool) -> None:
        """Write the actors of STORE as CSV for a mail merge (UTF-8 with a byte order
        mark); the private reading only with --include-private."""
        from coop_tui.cli import fail, open_repository
        from coop_tui.exports.actors_csv import actors_csv
        from coop_tui.i18n import _, language, ngettext, translate_error
        from coop_tui.store.errors import StoreError
        from coop_tui.store.storage import atomic_write, describe_os_error

        if output is not None:
            if output.is_dir():
                fail(_("{path} is a folder, not a file").format(path=output))
            if not output.absolute().parent.is_dir():
                fail(_("the folder {folder} does not exist").format(
                    folder=output.absolute().parent))
            if output.exists() and not force:
                fail(_("{path} exists: add --force to replace it").format(path=output))
        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            separator = DELIMITERS[delimiter] if delimiter else (
                ";" if language() == "fr" else ",")
            payload = actors_csv(repository.actors, include_private=include_private,
                                 delimiter=separator)
            count = len(repository.actors)
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
        click.echo(ngettext("{count} actor written to {path}", "{count} actors written to {path}",
                            count).format(count=count, path=output), err=True)
