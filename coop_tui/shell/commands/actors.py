"""``coop-tui export actors STORE [-o FILE] [--include-private]``: the actor list as CSV."""

from __future__ import annotations

from pathlib import Path

import click

from coop_tui.core.i18n import N_

DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @export.command("actors", help=N_(
        "Write the actors of STORE as CSV for a mail merge (UTF-8 with a byte order mark); "
        "the private reading only with --include-private."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @option("-o", "--output", type=a_path(), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: standard output)."))
    @option("--include-private", is_flag=True,
            help=N_("Add the private reading: role, influence, interest, quadrant, "
                    "stance, blockages."))
    @option("--delimiter", type=click.Choice(sorted(DELIMITERS)), default=None,
            help=N_("Between the cells: ';' in French (what French spreadsheets "
                    "expect), ',' in English, unless given."))
    @option("--force", is_flag=True, help=N_("Replace FILE if it exists."))
    @language_option
    def actors_command(store: Path, output: Path | None, include_private: bool,
                       delimiter: str | None, force: bool) -> None:
        from coop_tui.core.exports.actors_csv import actors_csv
        from coop_tui.core.exports.minutes import language_as
        from coop_tui.core.i18n import ngettext, translate_error
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.shell.commands import deliver, export_language
        from coop_tui.store.errors import StoreError

        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            lang = export_language(repository.territory.language)
            separator = DELIMITERS[delimiter] if delimiter else (";" if lang == "fr" else ",")
            with language_as(lang):
                payload = actors_csv(repository.actors, include_private=include_private,
                                     delimiter=separator)
            count = len(repository.actors)
        finally:
            repository.close()
        if deliver(payload, output, force=force, store=store,
                   private=include_private):
            written = ngettext("{count} actor written to {path}",
                               "{count} actors written to {path}", count)
            click.echo(written.format(count=count, path=output), err=True)
