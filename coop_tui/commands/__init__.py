"""Subcommands that work on a store without the interface (exports, status).

Each module here defines ``register(cli, export)`` and adds its commands to the ``coop-tui``
group or to its ``export`` subgroup; the CLI finds them all. Modules import their heavy
parts inside the commands, so ``coop-tui`` itself starts fast. Help texts and metavars are
English msgids marked ``N_`` and given through ``coop_tui.cli``'s ``option``/``argument``
(and the groups' ``command``), which say them in the current language when shown.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

import click


def register_all(cli: click.Group, export: click.Group) -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}").register(cli, export)


def deliver(payload: str | bytes, output: Path | None, *, force: bool) -> bool:
    """Print ``payload``, or write it to ``output`` (True then); one line and exit 1 when
    it cannot be written."""
    from coop_tui.exports.files import write_export

    if output is None:
        sys.stdout.buffer.write(payload.encode("utf-8") if isinstance(payload, str)
                                else payload)
        sys.stdout.flush()
        return False
    try:
        write_export(output, payload, force=force)
    except ValueError as error:
        click.echo(f"coop-tui: {error}", err=True)
        sys.exit(1)
    return True


def refuse_binary_on_terminal(fmt: str, output: Path | None) -> None:
    """A Word, PDF or e-mail file is not printed on a terminal: ask for -o instead."""
    from coop_tui.i18n import _

    if output is None and fmt in ("docx", "pdf", "eml") and sys.stdout.isatty():
        click.echo("coop-tui: " + _("a {format} file is not shown on a terminal: give -o FILE "
                                   "or redirect the output").format(format=fmt), err=True)
        sys.exit(1)
