"""The ``coop-tui`` command: open the app on a store, or work on a store from a script.

``coop-tui [STORE]`` opens the app; the subcommands (``demo``, ``check``, ``schema``,
``export``, ``status``) never start the interface. Errors are one clear line on stderr and
a non-zero exit, never a traceback.

Help in French and English: click reads the help texts when the commands are built, at
import, before the language is known. So every help text, option help and metavar is kept
as its English msgid (``N_``) and said in the current language when click reads it, at
render time (see ``Said``). Click's own words ("Usage:", "Error: ...") go through the
``_``/``ngettext`` that each click module imported from the stdlib gettext; those names
are pointed at ``click_says`` (see ``speak_through_our_catalogue``), which translates the
words listed in ``CLICK_WORDS`` from our catalogue in the language chosen by ``--lang`` or
the locale. A gettext domain cannot do this: the stdlib picks its language from the
environment, not from ``--lang``.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, overload

import click

from coop_tui import __version__
from coop_tui.core.i18n import LANGUAGES, N_, _, default_language, set_language, translate_error
from coop_tui.shell import collector
from coop_tui.shell.commands import register_all
from coop_tui.store.errors import StoreError

if TYPE_CHECKING:
    from coop_tui.store.repository import Repository

F = TypeVar("F", bound=Callable[..., Any])

LANGUAGE_OPTION = click.Choice(LANGUAGES)
SIZES = click.Choice(["small", "large"])


def a_path() -> click.Path:
    """The type of a file argument or option. coop-tui looks at the file itself when it
    opens it and says what is wrong in the interface's language, naming the file: click's
    own check of permissions names it "Path" in the language of the import."""
    return click.Path(path_type=Path, readable=False)

# The words click itself says that a user of coop-tui can meet (click 8.5's msgids, its
# usage metavar included); listed so that the catalogue check asks for their French.
CLICK_WORDS = frozenset({
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("COMMAND [ARGS]..."),
    N_("Show this message and exit."),
    N_("default: {default}"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing argument"),
    N_("Missing command."),
    N_("Aborted!"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Did you mean {possibility}?"),
    N_("(Did you mean one of: {possibilities}?)"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("{value!r} is not {choice}."),
    N_("{value!r} is not one of {choices}."),
    N_("Option {name!r} requires an argument."),
    N_("Option {name!r} requires {nargs} arguments."),
    N_("Option {name!r} does not take a value."),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
})
SHOW_HELP = N_("Show this message and exit.")


def click_says(message: str) -> str:
    """One of click's own messages in the current language: only the words we chose to
    translate (a click word that happens to be one of our msgids keeps its English)."""
    return _(message) if message in CLICK_WORDS else message


def click_says_plural(singular: str, plural: str, count: int) -> str:
    """Click's plural messages: it says them with count >= 1, where the English choice
    of form is also the French one, so each form is a message of its own."""
    return click_says(singular if count == 1 else plural)


def speak_through_our_catalogue() -> None:
    """Point the gettext functions click's modules imported at ``click_says``.

    Click calls them when it says something (renders help, raises a usage error), so its
    words follow the language chosen later. Only names still bound to the stdlib's
    functions are replaced: if click ever stops using them, its words stay English and
    the help tests say so.
    """
    replacements = ((gettext.gettext, click_says), (gettext.ngettext, click_says_plural))
    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        for attribute in ("_", "ngettext"):
            bound = getattr(module, attribute, None)
            for stdlib, ours in replacements:
                if bound is stdlib:
                    setattr(module, attribute, ours)


speak_through_our_catalogue()


def say(text: str | None) -> str | None:
    """An English msgid in the current language; None and "" as they are."""
    return _(text) if text else text


class Said:
    """A text attribute of a click object (help, metavar...) kept as its English msgid
    and said in the current language each time click reads it."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_said_{name}"

    @overload
    def __get__(self, instance: None, owner: type) -> Said: ...
    @overload
    def __get__(self, instance: object, owner: type) -> str | None: ...
    def __get__(self, instance: object, owner: type) -> Said | str | None:
        if instance is None:
            return self
        return say(instance.__dict__.get(self.slot))

    def __set__(self, instance: object, value: str | None) -> None:
        instance.__dict__[self.slot] = value


class Option(click.Option):
    """An option whose help and metavar are said in the current language."""

    help = Said()
    metavar = Said()


class Argument(click.Argument):
    """An argument whose metavar (STORE, MEETING...) is said in the current language."""

    metavar = Said()


class HelpFormatter(click.HelpFormatter):
    """Section headings with the colon of the current language ("Options :" in French)."""

    def write_heading(self, heading: str) -> None:
        line = _("{heading}:").format(heading=heading)
        self.write(f"{'':>{self.current_indent}}{line}\n")


class Context(click.Context):
    formatter_class = HelpFormatter


def _fresh_help_option(option: click.Option | None) -> click.Option | None:
    """Click builds the --help option once per command, in the language of that moment;
    say its help again each time it is asked for."""
    if option is not None:
        option.help = _(SHOW_HELP)
    return option


class Command(click.Command):
    """A command whose help texts are said in the current language."""

    context_class = Context

    help = Said()
    short_help = Said()
    epilog = Said()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _fresh_help_option(super().get_help_option(ctx))


class Group(click.Group):
    """A group whose help texts, and those of the commands it makes, are said in the
    current language."""

    context_class = Context

    help = Said()
    short_help = Said()
    epilog = Said()
    command_class = Command
    group_class: type[click.Group | type] | None = type

    @property
    def subcommand_metavar(self) -> str:
        """COMMAND [ARGS]... in the usage line."""
        return _(self._subcommand_metavar)

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        self._subcommand_metavar = value

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _fresh_help_option(super().get_help_option(ctx))


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` with its help said in the current language (give ``help=N_(...)``)."""
    return click.option(*decls, cls=Option, **attrs)


def argument(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.argument`` with its metavar said in the current language."""
    return click.argument(*decls, cls=Argument, **attrs)


LANGUAGE_ASKED = "coop_tui.language"  # in Context.meta: the command line's --lang, read first


def _choose_language(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """Set the language of ``--lang``, unless the root read the whole line first (then its
    choice, the last --lang of the line, stands)."""
    if value is not None and LANGUAGE_ASKED not in ctx.meta:
        set_language(value)


def language_option(function: F) -> F:
    """``--lang fr|en``, accepted before or after any command (the last one wins)."""
    return option(
        "--lang", type=LANGUAGE_OPTION, default=None, expose_value=False, is_eager=True,
        callback=_choose_language,
        help=N_("Language of the interface and exports: fr or en (default: the locale)."),
    )(function)


def asked_language(args: Sequence[str]) -> str | None:
    """The last valid ``--lang`` of a command line (before a bare ``--``).

    Read before click parses, so that ``--help`` is in that language wherever ``--lang``
    stands: click runs eager options in command-line order, and --help exits at once.
    """
    found: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.partition("=")[2]
    return found if found in LANGUAGES else None


class CommandOrStore(Group):
    """A group where a first argument that is not a command is the store to open."""

    group_class = Group
    WAYS_TO_OPEN = (
        N_("open the app on STORE (default: your own store)"),
        N_("open a fictional demo territory (your store is not touched)"),
    )

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        asked = asked_language(args)
        if asked is not None:
            set_language(asked)
            ctx.meta[LANGUAGE_ASKED] = asked
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

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The help, then the two ways to open the app (the hidden ``open`` command)."""
        super().format_help_text(ctx, formatter)
        store, demo = self.WAYS_TO_OPEN
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_dl([(f"coop-tui [{_('STORE')}]", _(store)),
                                ("coop-tui --demo", _(demo))])


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"coop-tui: {message}", err=True)
    sys.exit(code)


@click.group(cls=CommandOrStore, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("coop-tui: actors, levers, roadmap and meetings of an intercommunality."))
@language_option
@click.version_option(__version__, prog_name="coop-tui", cls=Option,
                      help=N_("Show the version and exit."))
@click.pass_context
def cli(ctx: click.Context) -> None:
    if ctx.invoked_subcommand != "open":
        collector.resume()  # the app resumes it after its first frame


@cli.command("open", hidden=True, help=N_("Open the app on STORE."))
@argument("store", required=False, type=a_path(), metavar=N_("[STORE]"))
@option("--demo", is_flag=True, help=N_("Open a fictional demo territory."))
@language_option
def open_command(store: Path | None, demo: bool) -> None:
    if demo and store is not None:
        fail(_("--demo opens its own territory: give no STORE with it"), 2)
    from coop_tui.core.i18n import locale_given
    from coop_tui.shell.launch import launch

    context = click.get_current_context()
    follow_store = LANGUAGE_ASKED not in context.meta and not locale_given()
    sys.exit(launch(store, demo=demo, store_language=follow_store))


@cli.command("demo", help=N_("Write a fictional demo territory to OUT."))
@argument("out", type=a_path(), metavar=N_("OUT"))
@option("--size", type=SIZES, default="small", show_default=True,
        help=N_("small: 12 communes; large: 50 communes over a whole mandate."))
@option("--force", is_flag=True, help=N_("Replace OUT if it exists."))
@language_option
def demo_command(out: Path, size: str, force: bool) -> None:
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


@cli.command("check", help=N_("Validate STORE: exit 0, or 1 with one line per problem."))
@argument("store", type=a_path(), metavar=N_("STORE"))
@language_option
def check_command(store: Path) -> None:
    from coop_tui.core.i18n import translate_problem
    from coop_tui.store import backups
    from coop_tui.store.database import inspect, resolve
    from coop_tui.store.models import SCHEMA_VERSION

    try:
        real = resolve(store)
        if real != store.expanduser().absolute():
            click.echo(_("{link} is a symbolic link: coop-tui reads and writes {path}").format(
                link=store, path=real), err=True)
        problems, older_version = inspect(store)
    except StoreError as error:
        fail(translate_error(error))
    if not problems:
        click.echo(_("{path}: no problem found").format(path=store))
        if older_version is not None:
            click.echo(_("It is in format {found}: it will be upgraded to format {current} "
                         "when coop-tui next opens it (a backup is kept).").format(
                found=older_version, current=SCHEMA_VERSION))
        return
    for problem in problems:
        click.echo(translate_problem(problem))
    backup = backups.latest_backup(resolve(store))
    if backup is not None:
        click.echo(_("Last good backup: {path}").format(path=backup), err=True)
    sys.exit(1)


@cli.command("schema", help=N_("Print the JSON Schema of the store file."))
@language_option
def schema_command() -> None:
    import json

    from coop_tui.store.schema import store_schema

    click.echo(json.dumps(store_schema(), indent=2, ensure_ascii=False))


@cli.group("export", help=N_("Export minutes, a calendar or the actor list from a store."))
@language_option
def export_group() -> None:
    """The ``export`` commands are added by ``coop_tui.shell.commands``."""


def open_repository(store: Path) -> Repository:
    """A store opened read-only for a command: never waits on, nor blocks, a running app."""
    from coop_tui.store.database import open_store

    return open_store(store, read_only=True)


register_all(cli, export_group)


def usage_error_line(error: click.ClickException) -> str:
    """Click's error in one line of the current language, with where to find help (click
    itself prints the usage, a hint and the error on three lines)."""
    message = error.format_message()
    if message and message[-1] not in ".?!)":
        message += "."
    line = _("Error: {message}").format(message=message)
    ctx = error.ctx if isinstance(error, click.UsageError) else None
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        help_name = max(ctx.command.get_help_option_names(ctx), key=len)
        line += " " + _("Try '{command} {option}' for help.").format(
            command=ctx.command_path, option=help_name)
    return line


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``coop-tui`` script."""
    collector.pause()
    set_language(default_language())
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="coop-tui",
                        standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.ClickException as error:
        fail(usage_error_line(error), error.exit_code)
    except click.Abort:
        fail(_("Aborted!"))
    except StoreError as error:
        fail(translate_error(error))
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        from coop_tui.shell.crash import write_crash_report

        report = write_crash_report(error)
        fail(_("unexpected error ({kind}); crash report: {path}").format(
            kind=type(error).__name__, path=report or "-"))
