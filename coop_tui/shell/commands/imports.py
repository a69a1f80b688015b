"""``coop-tui import actors STORE FILE``: actors from a spreadsheet's CSV, previewed with
``--dry-run``, each row left out said in one line.

Exit codes: 0 every row imported; 2 some rows left out (the others imported, or listed
with ``--dry-run``); 1 nothing could be read or written (the store is unchanged).
"""

from __future__ import annotations

from pathlib import Path

import click

from coop_tui.core.i18n import N_
from coop_tui.shell.commands.pacte import add_finances_import

# Rows left out: the others are in.
SOME_REJECTED = 2


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @cli.group("import", help=N_("Add records to a store from files people already keep."))
    @language_option
    def import_group() -> None:
        """``import actors``; more lists may come."""

    add_finances_import(import_group)

    @import_group.command("actors", help=N_(
        "Add the actors of FILE (CSV: a header row such as Name;Kind;Part of;E-mail, or "
        "one « First Last, role » per line) to STORE; --dry-run shows them and writes "
        "nothing. Exit 0 all imported, 2 some rows left out, 1 nothing done."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @argument("file", type=a_path(), metavar=N_("FILE"))
    @option("--dry-run", is_flag=True, help=N_("Show what would be added; write nothing."))
    @option("--kind", default="elected", metavar=N_("KIND"), help=N_(
        "Kind of the actors whose row says none (default: elected)."))
    @language_option
    def import_actors_command(store: Path, file: Path, dry_run: bool, kind: str) -> None:
        from coop_tui.core.actor_import import read_actors
        from coop_tui.core.i18n import _, ngettext, translate_error
        from coop_tui.core.labels import label
        from coop_tui.shell.cli import fail
        from coop_tui.store.database import open_store
        from coop_tui.store.errors import StoreError
        from coop_tui.store.files import NotRegularFile, TooLarge, read_regular
        from coop_tui.store.models import ActorKind

        try:
            default_kind = ActorKind(kind)
        except ValueError:
            fail(_("« {kind} » is not a kind of actor: {kinds}").format(
                kind=kind, kinds=", ".join(k.value for k in ActorKind)))
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
            found = read_actors(text, repository.actors, default_kind)
            if found.actors and not dry_run:
                repository.save(*found.actors)
        except StoreError as error:
            fail(translate_error(error))
        finally:
            repository.close()
        for actor in found.actors:
            parts = [actor.name, label(actor.kind), actor.responsibilities]
            click.echo(" · ".join(part for part in parts if part))
        for rejected in found.rejected:
            click.echo(_("line {line}: {reason}").format(line=rejected.line,
                                                         reason=rejected.reason), err=True)
        count = len(found.actors)
        said = (ngettext("{count} actor to add (nothing written)",
                         "{count} actors to add (nothing written)", count) if dry_run
                else ngettext("{count} actor added to {path}", "{count} actors added to {path}",
                              count))
        click.echo(said.format(count=count, path=store), err=True)
        if found.rejected:
            raise SystemExit(SOME_REJECTED)
