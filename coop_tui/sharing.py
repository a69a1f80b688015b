"""Sharing a territory through git, for the command line: the merge driver's glue, setting a
repository up (``share init``) and ``sync`` (commit, pull with the merge, push).

Every failure is one line in the interface's language and a documented exit code
(:class:`Exit`), never a traceback; nothing here ever loses an edit: a merge that cannot
produce a valid store leaves the files as git left them.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import NoReturn

import click

from coop_tui.core.i18n import _, ngettext, translate_error, translate_problem
from coop_tui.store.errors import StoreError


class Exit(IntEnum):
    """Exit codes of ``share init``, ``sync`` and ``merge`` (docs/sharing.md)."""

    OK = 0
    FAILED = 1  # the store or the merge: damaged, unreadable, a merge that cannot be valid
    NO_REPOSITORY = 3  # the store is not in a git repository (or git is missing)
    NO_REMOTE = 4  # the repository has no remote to sync with
    UNREACHABLE = 5  # the remote cannot be reached (no network, wrong address, refused)
    CONFLICT_LEFT = 6  # git left a conflict the merge driver could not settle
    LOCKED = 7  # the store is open in a running coop-tui


def stop(message: str, code: Exit) -> NoReturn:
    click.echo(f"coop-tui: {message}", err=True)
    sys.exit(int(code))


def merge_into_ours(base: Path, ours: Path, theirs: Path) -> None:
    """git's merge driver: merge, then write the result over ``ours`` (or leave it)."""
    from coop_tui.store.merge import merge_files
    from coop_tui.store.storage import atomic_write, serialise

    name = ours.name
    try:
        result = merge_files(base, ours, theirs, now=datetime.now(UTC))
    except StoreError as error:
        stop(_("{name} cannot be merged: {problem}").format(
            name=name, problem=translate_error(error)), Exit.FAILED)
    except OSError as error:
        stop(_("{name} cannot be merged: {problem}").format(
            name=name, problem=error.strerror or str(error)), Exit.FAILED)
    if not result.ok:
        stop(_("{name} cannot be merged: {problem}").format(
            name=name, problem=translate_problem(result.problems[0])), Exit.FAILED)
    try:
        atomic_write(ours, serialise(result.documents))
    except OSError as error:
        stop(_("{name} cannot be merged: {problem}").format(
            name=name, problem=error.strerror or str(error)), Exit.FAILED)
    if result.conflicts:
        count = len(result.conflicts)
        click.echo(ngettext(
            "{count} conflict recorded in the store: open it in coop-tui to settle it",
            "{count} conflicts recorded in the store: open it in coop-tui to settle them",
            count).format(count=count), err=True)
