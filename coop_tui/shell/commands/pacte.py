"""The pacte financier et fiscal on the command line: ``coop-tui import finances STORE
FILE`` (the figures from a CSV file, all rows or none) and ``coop-tui export pacte STORE``
(the bilan partagé or the charter, in every minutes format).

Exit codes of the import: 0 imported (or previewed with ``--dry-run``); 1 nothing written
(a row refused, or the file or the store unreadable).
"""

from __future__ import annotations

from pathlib import Path

import click

from coop_tui.core.i18n import N_


def add_finances_import(import_group: click.Group) -> None:
    """``import finances``, added to the ``import`` group by its module."""
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @import_group.command("finances", help=N_(
        "Add the figures of FILE (CSV: one row per commune and year, columns commune;year;"
        "source;population;…, see --example) to STORE for the pacte financier et fiscal. "
        "One row refused and nothing is written; --dry-run shows them and writes nothing."))
    @argument("store", type=a_path(), metavar=N_("STORE"), required=False)
    @argument("file", type=a_path(), metavar=N_("FILE"), required=False)
    @option("--dry-run", is_flag=True, help=N_("Show what would be added; write nothing."))
    @option("--example", is_flag=True, help=N_("Print a sample file to start from."))
    @language_option
    def import_finances_command(store: Path | None, file: Path | None, dry_run: bool,
                                example: bool) -> None:
        from coop_tui.core.i18n import _
        from coop_tui.core.pacte.importing import example_csv
        from coop_tui.shell.cli import fail

        if example:
            click.echo(example_csv(), nl=False)
            return
        if store is None or file is None:
            fail(_("give STORE and FILE, or --example for a sample file"), 2)
        _import(store, file, dry_run)


def _import(store: Path, file: Path, dry_run: bool) -> None:
    from coop_tui.core.i18n import _, format_number, ngettext, translate_error
    from coop_tui.core.pacte.importing import read_finances
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
        found = read_finances(text, repository.territory, repository.actors,
                              repository.finances)
        names = {actor.id: actor.name for actor in repository.actors}
        if found.records and not dry_run:
            repository.save(*found.records)
    except StoreError as error:
        fail(translate_error(error))
    finally:
        repository.close()
    for line, record in found.rows:
        figures = sum(value is not None for value in (
            record.population, record.financial_potential, record.fiscal_potential,
            record.gross_savings, record.debt_repayment, record.debt, record.compensation,
            record.solidarity_grant, record.funds_given, record.funds_received, record.fpic))
        parts = [_("line {line}").format(line=line), names.get(record.actor_id, ""),
                 str(record.year),
                 ngettext("{count} figure", "{count} figures", figures).format(count=figures),
                 record.source]
        if record.population is not None:
            parts.insert(3, ngettext("{count} inhabitant", "{count} inhabitants",
                                     record.population).format(
                count=format_number(record.population)))
        click.echo(" · ".join(parts))
    for rejected in found.rejected:
        click.echo(_("line {line}: {reason}").format(line=rejected.line,
                                                     reason=rejected.reason), err=True)
    if found.rejected:
        fail(ngettext("{count} row refused: nothing written",
                      "{count} rows refused: nothing written", len(found.rejected)).format(
            count=len(found.rejected)))
    count = len(found.records)
    said = (ngettext("{count} year of figures to add (nothing written)",
                     "{count} years of figures to add (nothing written)", count) if dry_run
            else ngettext("{count} year of figures added to {path}",
                          "{count} years of figures added to {path}", count))
    click.echo(said.format(count=count, path=store), err=True)


def register(cli: click.Group, export: click.Group) -> None:
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @export.command("pacte", help=N_(
        "Export the bilan partagé or the charter of the pacte financier et fiscal of STORE."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @option("--what", type=click.Choice(["bilan", "charte"]), default="bilan",
            show_default=True, help=N_("The bilan partagé, or the charter."))
    @option("--year", type=click.IntRange(1900, 2200), default=None, metavar=N_("YEAR"),
            help=N_("The bilan's year (default: the latest with figures)."))
    @option("-o", "--output", type=a_path(), default=None,
            metavar=N_("FILE"), help=N_("File to write (default: print to standard output)."))
    @option("--format", "fmt", type=click.Choice(["md", "html", "docx", "pdf"]),
            default="md", show_default=True,
            help=N_("Markdown, a standalone HTML page, Word or PDF."))
    @option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
    @language_option
    def pacte_command(store: Path, what: str, year: int | None, output: Path | None,
                      fmt: str, force: bool) -> None:
        from coop_tui.core.exports.formats import DOCUMENT_FORMATS
        from coop_tui.core.exports.pacte import PACT_PARTS, pact_export
        from coop_tui.core.i18n import _, translate_error
        from coop_tui.shell.cli import fail, open_repository
        from coop_tui.shell.commands import deliver, export_language, refuse_binary_on_terminal
        from coop_tui.store.errors import StoreError

        refuse_binary_on_terminal(fmt, output)
        try:
            repository = open_repository(store)
        except StoreError as error:
            fail(translate_error(error))
        try:
            payload = pact_export(repository, next(p for p in PACT_PARTS if p == what),
                                  next(f for f in DOCUMENT_FORMATS if f == fmt),
                                  export_language(repository.territory.language), year)
        finally:
            repository.close()
        if deliver(payload, output, force=force, store=store):
            click.echo(_("Written to {path}").format(path=output), err=True)
