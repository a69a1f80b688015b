"""Sharing a territory through git: ``coop-tui merge`` (git's merge driver), ``coop-tui share
init`` and ``coop-tui sync``. The git work is in ``coop_tui/sharing.py``; the merge itself in
``store/merge.py``.

Exit codes of ``merge``: 0 merged (conflicts, if any, recorded in the store); 1 the sides
cannot be merged into a valid store (OURS untouched, git keeps its conflict).
"""

from __future__ import annotations

from pathlib import Path

import click

from coop_tui.core.i18n import N_


def register(cli: click.Group, export: click.Group) -> None:
    # Imported here: coop_tui.shell.cli imports this package while it is being built.
    from coop_tui.shell.cli import a_path, argument, language_option

    @cli.command("merge", help=N_(
        "Merge two versions of a store, record by record (git's merge driver: %O %A %B). "
        "The result replaces OURS; conflicts are recorded in the store, never as markers."))
    @argument("base", type=a_path(), metavar=N_("BASE"))
    @argument("ours", type=a_path(), metavar=N_("OURS"))
    @argument("theirs", type=a_path(), metavar=N_("THEIRS"))
    @language_option
    def merge_command(base: Path, ours: Path, theirs: Path) -> None:
        from coop_tui.sharing import merge_into_ours

        merge_into_ours(base, ours, theirs)
