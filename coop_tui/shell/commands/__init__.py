"""Subcommands that work on a store without the interface (exports, status).

Each module here defines ``register(cli, export)`` and adds its commands to the ``coop-tui``
group or to its ``export`` subgroup; the CLI finds them all. Modules import their heavy
parts inside the commands, so ``coop-tui`` itself starts fast. Help texts and metavars are
English msgids marked ``N_`` and given through ``coop_tui.shell.cli``'s ``option``/``argument``
(and the groups' ``command``), which say them in the current language when shown.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import click

from coop_tui.core.i18n import Language


def register_all(cli: click.Group, export: click.Group) -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}").register(cli, export)


def deliver(payload: str | bytes, output: Path | None, *, force: bool, store: Path,
            private: bool = False) -> bool:
    """Print ``payload``, or write it to ``output`` (True then); one line and exit 1 when
    it cannot be written, or when ``output`` is ``store`` or one of its files. ``private``:
    the payload holds private readings (the file is then 0600)."""
    from coop_tui.core.exports.files import write_export

    if output is None:
        sys.stdout.buffer.write(payload.encode("utf-8") if isinstance(payload, str)
                                else payload)
        sys.stdout.flush()
        return False
    try:
        write_export(output, payload, force=force, store=store, private=private)
    except ValueError as error:
        click.echo(f"coop-tui: {error}", err=True)
        sys.exit(1)
    return True


def refuse_binary_on_terminal(fmt: str, output: Path | None) -> None:
    """A Word, PDF or e-mail file is not printed on a terminal: ask for -o instead."""
    from coop_tui.core.i18n import _

    if output is None and fmt in ("docx", "pdf", "eml") and sys.stdout.isatty():
        click.echo("coop-tui: " + _("a {format} file is not shown on a terminal: give -o FILE "
                                   "or redirect the output").format(format=fmt), err=True)
        sys.exit(1)


def journal_export(store: Path, kind: str, output: Path | None, **details: str) -> None:
    """Record an export in the journal beside the store (what the lever evidence reads),
    unless it was only shown on a terminal; a journal that cannot be written costs a
    warning, never the export."""
    from coop_tui.core.i18n import _
    from coop_tui.store.export_journal import record_export
    from coop_tui.store.storage import describe_os_error

    if output is None and sys.stdout.isatty():
        return
    if output is not None:
        details["file"] = str(output.absolute())
    try:
        record_export(store.absolute(), "status_report" if kind == "status_report"
                      else "minutes", details)
    except OSError as error:
        click.echo("coop-tui: " + _("the export was not recorded: {reason}").format(
            reason=describe_os_error(error)), err=True)


def export_language(store_language: str) -> Language:
    """The language of an export: --lang when given, else the store's own language (not
    the locale, which is often unset under cron, in containers or on Windows)."""
    from coop_tui.core.i18n import language
    from coop_tui.shell.cli import LANGUAGE_ASKED

    context = click.get_current_context(silent=True)
    if context is not None and LANGUAGE_ASKED in context.meta:
        return language()
    return "en" if store_language == "en" else "fr"
