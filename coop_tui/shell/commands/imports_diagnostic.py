"""``coop-tui import diagnostic STORE FILE``: the shared diagnostic from a spreadsheet's
CSV, previewed, each bad row said in one line, and written only when every row is good.

Exit codes: 0 every row imported (or listed with ``--dry-run``); 1 nothing written: a row
was left out, or the file or the store could not be read or written.

The ``import`` group is made by ``imports.py``; this module is registered after it (the
commands' modules load in name order) and adds its command to that group.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from coop_tui.core.i18n import N_


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option, option

    import_group = cli.commands["import"]
    assert isinstance(import_group, click.Group)

    @import_group.command("diagnostic", help=N_(
        "Put the missions and staff of FILE (CSV with a header row: Organisation;Mission;"
        "FTE;Category A;Category B;Category C;Shared;Shared with;Note) into STORE's shared "
        "diagnostic; --example prints a sample file, --dry-run shows the lines and writes "
        "nothing. A bad row writes nothing. Exit 0 done, 1 nothing written."))
    @argument("store", type=a_path(), metavar=N_("STORE"), required=False)
    @argument("file", type=a_path(), metavar=N_("FILE"), required=False)
    @option("--dry-run", is_flag=True, help=N_("Show what would be written; write nothing."))
    @option("--example", is_flag=True, help=N_("Print a sample file and stop."))
    @language_option
    def import_diagnostic_command(store: Path | None, file: Path | None, dry_run: bool,
                                  example: bool) -> None:
        from coop_tui.core.diagnostic_import import example_csv

        if example:
            sys.stdout.write(example_csv())
            return
        if store is None or file is None:
            from coop_tui.core.i18n import _
            from coop_tui.shell.cli import fail

            fail(_("give STORE and FILE, or --example"))
        _import(store, file, dry_run)


def _import(store: Path, file: Path, dry_run: bool) -> None:
    from coop_tui.core.diagnostic_import import line_summary, read_diagnostic
    from coop_tui.core.i18n import _, ngettext, translate_error
    from coop_tui.shell.cli import fail
    from coop_tui.store.database import open_store
    from coop_tui.store.errors import StoreError
    from coop_tui.store.files import NotRegularFile, TooLarge, read_regular

    try:
        text = read_regular(file, 16 << 20).decode("utf-8-sig")
    except (OSError, NotRegularFile, TooLarge) as error:
        fail(_("cannot read {path}: {reason}").format(path=file, reason=error))
    except UnicodeDecodeError:
        fail(_("{path} is not UTF-8 text: save it as « CSV UTF-8 »").format(path=file))
    try:
        repository = open_store(store, read_only=dry_run)
    except StoreError as error:
        fail(translate_error(error))
    try:
        found = read_diagnostic(text, repository.actors, repository.missions,
                                repository.diagnostic)
        if found.records and not dry_run:
            repository.save(*found.records)
        own = repository.missions
    except StoreError as error:
        fail(translate_error(error))
    finally:
        repository.close()
    for line in found.lines:
        click.echo(line_summary(line, own))
    for rejected in found.rejected:
        click.echo(_("line {line}: {reason}").format(line=rejected.line,
                                                     reason=rejected.reason), err=True)
    count = len(found.lines)
    if found.rejected:
        click.echo(ngettext("Nothing written: {count} line to fix.",
                            "Nothing written: {count} lines to fix.",
                            len(found.rejected)).format(count=len(found.rejected)), err=True)
        raise SystemExit(1)
    said = (ngettext("{count} diagnostic line to write (nothing written)",
                     "{count} diagnostic lines to write (nothing written)", count) if dry_run
            else ngettext("{count} diagnostic line written to {path}",
                          "{count} diagnostic lines written to {path}", count))
    click.echo(said.format(count=count, path=store), err=True)
