"""The ``coop-tui`` command: open the app on a store, or work on a store from a script.

``coop-tui [STORE]`` opens the app; the subcommands (``demo``, ``check``, ``schema``,
``export``, ``status``) never start the interface. Errors are one clear line on stderr and
a non-zero exit, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from coop_tui import __version__, collector
from coop_tui.commands import register_all
from coop_tui.i18n import LANGUAGES, _, default_language, set_language, translate_error
from coop_tui.store.errors import StoreError

if TYPE_CHECKING:
    from coop_tui.store.repository import Repository

LANGUAGE_OPTION = click.Choice(LANGUAGES)
SIZES = click.Choice(["small", "large"])


def _choose_language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_language(value)


def language_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--lang fr|en``, accepted before or after any command (the last one wins)."""
    return click.option(
        "--lang", type=LANGUAGE_OPTION, default=None, expose_value=False, is_eager=True,
        callback=_choose_language,
        help="Language of the interface and exports: fr or en (default: the locale).",
    )(function)


class CommandOrStore(click.Group):
    """A group where a first argument that is not a command is the store to open."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = list(args)
        index = 0
        while index < len(args) and (args[index] == "--lang" or args[index].startswith("--lang=")):
            index += 2 if args[index] == "--lang" else 1
        rest = args[index:]
        if not rest:
            args.append("open")
        elif rest[0] not in self.commands and rest[0] not in ("--help", "-h", "--version"):
            args.insert(index, "open")
        return super().parse_args(ctx, args)


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"coop-tui: {message}", err=True)
    sys.exit(code)


@click.group(cls=CommandOrStore, context_settings={"help_option_names": ["-h", "--help"]})
@language_option
@click.version_option(__version__, prog_name="coop-tui")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """coop-tui: actors, levers, roadmap and meetings of an intercommunality.

    \b
    coop-tui [STORE]        open the app on STORE (default: your own store)
    coop-tui --demo         open a fictional demo territory (your store is not touched)
    """
    if ctx.invoked_subcommand != "open":
        collector.resume()  # the app resumes it after its first frame


@cli.command("open", hidden=True)
@click.argument("store", required=False, type=click.Path(path_type=Path))
@click.option("--demo", is_flag=True, help="Open a fictional demo territory.")
@language_option
def open_command(store: Path | None, demo: bool) -> None:
    """Open the app on STORE."""
    if demo and store is not None:
        fail(_("--demo opens its own territory: give no STORE with it"), 2)
    from coop_tui.launch import launch

    sys.exit(launch(store, demo=demo))


@cli.command("demo")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--size", type=SIZES, default="small", show_default=True,
              help="small: 12 communes; large: 50 communes over a whole mandate.")
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@language_option
def demo_command(out: Path, size: str, force: bool) -> None:
    """Write a fictional demo territory to OUT."""
    from coop_tui.store.demo import demo_data
    from coop_tui.store.storage import atomic_write, serialise

    if out.is_dir():
        fail(_("{path} is a folder, not a store file").format(path=out))
    if out.exists() and not force:
        fail(_("{path} exists: add --force to replace it").format(path=out))
    if not out.parent.is_dir():
        fail(_("the folder {folder} does not exist").format(folder=out.parent))
    try:
        atomic_write(out, serialise(demo_data("large" if size == "large" else "small")))
    except OSError as error:
        fail(_("cannot write {path}: {reason}").format(path=out, reason=error.strerror))
    click.echo(_("Demo territory written to {path}").format(path=out))


@cli.command("check")
@click.argument("store", type=click.Path(path_type=Path))
@language_option
def check_command(store: Path) -> None:
    """Validate STORE: exit 0, or 1 with one line per problem."""
    from coop_tui.i18n import translate_problem
    from coop_tui.store import backups
    from coop_tui.store.database import check

    try:
        problems = check(store)
    except StoreError as error:
        fail(translate_error(error))
    if not problems:
        click.echo(_("{path}: no problem found").format(path=store))
        return
    for problem in problems:
        click.echo(translate_problem(problem))
    backup = backups.latest_backup(store.absolute())
    if backup is not None:
        click.echo(_("Last good backup: {path}").format(path=backup), err=True)
    sys.exit(1)


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the store file."""
    import json

    from coop_tui.store.schema import store_schema

    click.echo(json.dumps(store_schema(), indent=2, ensure_ascii=False))


@cli.group("export")
def export_group() -> None:
    """Export minutes, a calendar or the actor list from a store."""


def open_repository(store: Path) -> Repository:
    """A store opened read-only for a command: never waits on, nor blocks, a running app."""
    from coop_tui.store.database import open_store

    return open_store(store, read_only=True)


register_all(cli, export_group)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``coop-tui`` script."""
    collector.pause()
    set_language(default_language())
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="coop-tui")
    except StoreError as error:
        fail(translate_error(error))
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        from coop_tui.crash import write_crash_report

        report = write_crash_report(error)
        fail(_("unexpected error ({kind}); crash report: {path}").format(
            kind=type(error).__name__, path=report or "-"))
