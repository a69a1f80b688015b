"""Sharing a territory through git: ``coop-tui merge`` (git's merge driver), ``coop-tui share
init`` and ``coop-tui sync``. The git work is in ``coop_tui/shell/git_sharing.py``; the
merge itself in ``store/merge.py``.

Exit codes: see ``coop_tui.shell.git_sharing.Exit`` and docs/sharing.md. ``merge`` exits 0 merged
(conflicts, if any, recorded in the store) or 1 when the sides cannot be merged into a valid
store (OURS untouched, git keeps its conflict).
"""

from __future__ import annotations

from pathlib import Path

import click

from coop_tui.core.i18n import N_


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option, option

    @cli.command("merge", help=N_(
        "Merge two versions of a store, record by record (git's merge driver: %O %A %B). "
        "The result replaces OURS; conflicts are recorded in the store, never as markers."))
    @argument("base", type=a_path(), metavar=N_("BASE"))
    @argument("ours", type=a_path(), metavar=N_("OURS"))
    @argument("theirs", type=a_path(), metavar=N_("THEIRS"))
    @option("--path", "shown", default=None, metavar=N_("PATH"),
            help=N_("The store's path in the repository, to name it (git's %P)."))
    @language_option
    def merge_command(base: Path, ours: Path, theirs: Path, shown: str | None) -> None:
        from coop_tui.shell.git_sharing import merge_into_ours

        merge_into_ours(base, ours, theirs, shown)

    @cli.group("share", help=N_("Share a territory with colleagues through git."))
    @language_option
    def share_group() -> None:
        """``share init``; more ways to share may come."""

    @share_group.command("init", help=N_(
        "Set up the git repository holding STORE for sharing it: the merge driver, what git "
        "ignores, and the private readings kept in a file of their own."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @option("--share-private", is_flag=True, help=N_(
        "Share the private readings too (roles, relations, private notes): only for a team "
        "that reads people together."))
    @language_option
    def share_init_command(store: Path, share_private: bool) -> None:
        from coop_tui.shell.git_sharing import share_init

        share_init(store, share_private)

    @cli.command("sync", help=N_(
        "Commit STORE, merge what colleagues pushed, and push: exit 0 in sync; 3 no git "
        "repository, 4 no remote, 5 remote unreachable, 6 a conflict git could not settle, "
        "7 the store is open in coop-tui, 8 sharing not set up, 1 anything else."))
    @argument("store", type=a_path(), metavar=N_("STORE"))
    @language_option
    def sync_command(store: Path) -> None:
        from coop_tui.shell.git_sharing import sync

        sync(store)
