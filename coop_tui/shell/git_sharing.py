"""Sharing a territory through git, for the command line: the merge driver's glue, setting a
repository up (``share init``) and ``sync`` (commit, pull with the merge, push).

Every failure is one line in the interface's language and a documented exit code
(:class:`Exit`), never a traceback; nothing here ever loses an edit: a merge that cannot
produce a valid store leaves the files as git left them.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from coop_tui.core.i18n import _, ngettext, translate_error, translate_problem
from coop_tui.store.errors import StoreError
from coop_tui.store.files import PRIVATE_MODE

if TYPE_CHECKING:
    from coop_tui.store.merge import Documents


class Exit(IntEnum):
    """Exit codes of ``share init``, ``sync`` and ``merge`` (docs/sharing.md)."""

    OK = 0
    FAILED = 1  # the store or the merge: damaged, unreadable, a merge that cannot be valid
    NO_REPOSITORY = 3  # the store is not in a git repository (or git is missing)
    NO_REMOTE = 4  # the repository has no remote to sync with
    UNREACHABLE = 5  # the remote cannot be reached (no network, wrong address, refused)
    CONFLICT_LEFT = 6  # git left a conflict the merge driver could not settle
    LOCKED = 7  # the store is open in a running coop-tui
    NOT_SET_UP = 8  # sync in a repository where share init was not run


def stop(message: str, code: Exit) -> NoReturn:
    click.echo(f"coop-tui: {message}", err=True)
    sys.exit(int(code))


def merge_into_ours(base: Path, ours: Path, theirs: Path, shown: str | None = None) -> None:
    """git's merge driver: merge, then write the result over ``ours`` (or leave it).
    ``shown`` is the store's path in the repository (git's %P), to name it."""
    from coop_tui.store.merge import merge_files
    from coop_tui.store.private import private_apart, split
    from coop_tui.store.storage import atomic_write, serialise

    name = shown or ours.name
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
    documents = result.documents
    if private_apart(documents):  # a merge never puts private parts in the shared file
        documents = split(documents)[0]
    try:
        atomic_write(ours, serialise(documents))
    except OSError as error:
        stop(_("{name} cannot be merged: {problem}").format(
            name=name, problem=error.strerror or str(error)), Exit.FAILED)
    if result.conflicts:
        count = len(result.conflicts)
        click.echo(ngettext(
            "{count} conflict recorded in the store: open it in coop-tui to settle it",
            "{count} conflicts recorded in the store: open it in coop-tui to settle them",
            count).format(count=count), err=True)


# ---------------------------------------------------------------------------- git


class GitFailed(Exception):
    """A git command failed; its last line of error output, for one line of ours."""

    def __init__(self, args: list[str], detail: str) -> None:
        self.detail = detail
        super().__init__(f"git {' '.join(args)}: {detail}")


class Git:
    """git in the folder of a store, never asking questions (no prompt, no editor)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true",
                       "GIT_MERGE_AUTOEDIT": "no"}
        try:
            done = subprocess.run(["git", *args], cwd=self.folder, env=environment,
                                  capture_output=True, text=True, check=False)
        except OSError as error:
            raise GitFailed(list(args), error.strerror or str(error)) from None
        if check and done.returncode != 0:
            lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
            raise GitFailed(list(args), lines[-1].strip() if lines else f"exit {done.returncode}")
        return done

    def out(self, *args: str) -> str:
        return self.run(*args).stdout.strip()


def repository_root(store: Path) -> tuple[Git, Path]:
    """git in the store's folder and the root of its repository, or stop with one line."""
    if not store.parent.is_dir():
        stop(_("the folder {folder} does not exist").format(folder=store.parent), Exit.FAILED)
    if shutil.which("git") is None:
        stop(_("git is not installed: sharing a territory goes through git"),
             Exit.NO_REPOSITORY)
    git = Git(store.parent)
    try:
        root = Path(git.out("rev-parse", "--show-toplevel"))
    except GitFailed:
        stop(_("{folder} is not in a git repository: create one there (git init) or "
               "move the store into one, then run coop-tui share init").format(
            folder=store.parent), Exit.NO_REPOSITORY)
    return git, root


def driver_command() -> str:
    """How git calls this coop-tui as the merge driver, from any folder."""
    return f"{shlex.quote(sys.executable)} -m coop_tui merge %O %A %B --path %P"


def ignored_names(store: Path, share_private: bool) -> list[str]:
    """What git must not carry of a store: its lock, backups and temporary files, and the
    private sidecar's (the sidecar itself too, unless it is shared)."""
    from coop_tui.store.private import sidecar_path

    sidecar = sidecar_path(store).name
    names = []
    for name in (store.name, sidecar):
        names += [f"/.{name}.lock", f"/.{name}.owner", f"/.{name}.backups/", f"/.{name}.*.tmp"]
    if not share_private:
        names.append(f"/{sidecar}")
    return names


def _pattern(name: str) -> str:
    """A file name as a gitattributes pattern: whitespace matches as ``?``."""
    return "/" + "".join("?" if character.isspace() else character for character in name)


def _add_lines(path: Path, lines: list[str]) -> bool:
    """Add the lines ``path`` lacks (creating it); True when it changed."""
    from coop_tui.store.storage import atomic_write

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    present = set(text.splitlines())
    missing = [line for line in lines if line not in present]
    if not missing:
        return False
    if text and not text.endswith("\n"):
        text += "\n"
    atomic_write(path, (text + "\n".join(missing) + "\n").encode("utf-8"))
    os.chmod(path, 0o644)  # a file of the repository, not private
    return True


def _drop_line(path: Path, line: str) -> None:
    """Remove ``line`` from ``path`` if it is there."""
    from coop_tui.store.storage import atomic_write

    if not path.exists():
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    if line in lines:
        kept = [other for other in lines if other != line]
        atomic_write(path, ("\n".join(kept) + "\n" if kept else "").encode("utf-8"))
        os.chmod(path, 0o644)


def set_layout(store: Path, share_private: bool) -> None:
    """Record in the territory where its private parts live, and write it so."""
    from coop_tui.store.database import open_store
    from coop_tui.store.private import sidecar_path

    repository = open_store(store)
    try:
        if repository.read_only:
            stop(_("{path} is open in another coop-tui: close it first").format(path=store),
                 Exit.LOCKED)
        territory = repository.territory.model_copy(deep=True)
        if territory.private_apart == (not share_private):
            return
        territory.private_apart = not share_private
        repository.save(territory)
        repository.flush()
    finally:
        repository.close()
    if share_private:  # its content is in the store now, and in the backups
        sidecar_path(store).unlink(missing_ok=True)


def share_init(store: Path, share_private: bool) -> None:
    store = store.expanduser().absolute()
    git, root = repository_root(store)
    try:
        set_layout(store, share_private)
    except StoreError as error:
        stop(translate_error(error), Exit.FAILED)
    try:
        git.run("config", "merge.coop-tui.name", "coop-tui: merge a territory record by record")
        git.run("config", "merge.coop-tui.driver", driver_command())
        _add_lines(store.parent / ".gitattributes", [f"{_pattern(store.name)} merge=coop-tui"])
        _add_lines(store.parent / ".gitignore", ignored_names(store, share_private))
        if share_private:
            _drop_line(store.parent / ".gitignore", f"/{sidecar_name(store)}")
        tracked = git.run("log", "--format=%h", "-1", "--", store.name,
                          check=False).stdout.strip()  # a new repository has no log
    except (GitFailed, OSError) as error:
        detail = error.detail if isinstance(error, GitFailed) else str(error)
        stop(_("cannot set sharing up: {reason}").format(reason=detail), Exit.FAILED)
    click.echo(_("Sharing set up in {root}: git merges {name} record by record.").format(
        root=root, name=store.name))
    if share_private:
        click.echo(_("The private readings are shared with the store."))
    else:
        click.echo(_("The private readings stay on this computer, in {name}.").format(
            name=sidecar_name(store)))
        if tracked:
            click.echo(_("Warning: {name} is already in git's history, private readings "
                         "included: its earlier versions still hold them.").format(
                name=store.name), err=True)
    click.echo(_("Next: coop-tui sync {path}").format(path=store))


def sidecar_name(store: Path) -> str:
    from coop_tui.store.private import sidecar_path

    return sidecar_path(store).name


# ---------------------------------------------------------------------------- sync

COUNTED_TABLES = ("territory", "actors", "relations", "levers", "roadmap", "meetings",
                  "conflicts", "shared_project")


def _counted(table: str, count: int) -> str:
    """How a commit message counts the records of a table that changed."""
    if table == "territory":
        return _("the territory")
    if table == "shared_project":
        return _("the shared project")
    wording = {
        "actors": ngettext("{count} actor", "{count} actors", count),
        "relations": ngettext("{count} relation", "{count} relations", count),
        "levers": ngettext("{count} lever", "{count} levers", count),
        "roadmap": ngettext("{count} roadmap item", "{count} roadmap items", count),
        "meetings": ngettext("{count} meeting", "{count} meetings", count),
        "conflicts": ngettext("{count} conflict", "{count} conflicts", count),
    }[table]
    return wording.format(count=count)


_NOTES = frozenset({"private_notes", "agenda", "updated"})
_NAMED_NOTES = 3


def _notes_only(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether a meeting changed only in its notes (those of its agenda items included)."""
    changed = {key for key in {*old, *new} if old.get(key) != new.get(key)}
    if not changed <= _NOTES or ("agenda" not in changed and "private_notes" not in changed):
        return False
    strip = [{key: value for key, value in item.items() if key != "notes"}
             for item in old.get("agenda", [])]
    return strip == [{key: value for key, value in item.items() if key != "notes"}
                     for item in new.get("agenda", [])]


def describe_changes(before: Documents, after: Documents) -> str:
    """What changed between two versions of a store, in a few words for a commit message
    ("2 actors, 1 meeting, notes of COPIL n°3"); "" when nothing did."""
    parts: list[str] = []
    notes: list[str] = []
    for table in COUNTED_TABLES:
        old, new = before.get(table, {}), after.get(table, {})
        changed = [key for key in {*old, *new} if old.get(key) != new.get(key)]
        if table == "meetings":
            noted = [key for key in changed
                     if key in old and key in new and _notes_only(old[key], new[key])]
            if len(noted) <= _NAMED_NOTES:
                notes = sorted(new[key]["title"] for key in noted)
                changed = [key for key in changed if key not in noted]
        if changed:
            parts.append(_counted(table, len(changed)))
    parts += [_("notes of {title}").format(title=title) for title in notes]
    return ", ".join(parts)


def _documents(payload: bytes, name: str) -> Documents:
    """A version of the store file as documents ({} when it does not read)."""
    from coop_tui.store.database import parse
    from coop_tui.store.merge import documents_of

    try:
        return documents_of(parse(Path(name), payload).records)
    except StoreError:
        return {}


def commit_store(git: Git, store: Path, root: Path) -> str:
    """Commit the store (and the sharing set-up files) if they changed; the message, or ""."""
    relative = store.relative_to(root).as_posix()
    paths = [relative] + [(store.parent / name).relative_to(root).as_posix()
                          for name in (".gitattributes", ".gitignore")
                          if (store.parent / name).exists()]
    git.run("add", "--", *paths)
    if git.run("diff", "--cached", "--quiet", "--", *paths, check=False).returncode == 0:
        return ""
    previous = git.run("show", f"HEAD:{relative}", check=False)
    before = _documents(previous.stdout.encode("utf-8"), relative) if previous.returncode == 0 \
        else {}
    summary = describe_changes(before, _documents(store.read_bytes(), relative))
    message = summary or _("coop-tui store")
    git.run("commit", "-q", "-m", message, "--", *paths)
    return message


def _branch(git: Git) -> str:
    return git.out("symbolic-ref", "--short", "HEAD")


def sync(store: Path) -> None:
    """Commit the store, merge the remote's changes with coop-tui's merge, push."""
    from coop_tui.store.database import inspect
    from coop_tui.store.lock import StoreLock, read_owner

    store = store.expanduser().absolute()
    git, root = repository_root(store)
    if (git.run("config", "merge.coop-tui.driver", check=False).returncode != 0
            or "coop-tui" not in git.out("check-attr", "merge", "--", store.name)):
        stop(_("sharing is not set up for {name}: run coop-tui share init {path} first").format(
            name=store.name, path=store), Exit.NOT_SET_UP)
    remotes = git.out("remote").split()
    if not remotes:
        stop(_("the repository has no remote to sync with: add one (git remote add origin "
               "ADDRESS)"), Exit.NO_REMOTE)
    remote = "origin" if "origin" in remotes else remotes[0]
    lock = StoreLock(store)
    if not lock.acquire():
        owner = read_owner(store)
        stop(_("{name} is open in coop-tui ({owner}): close it, then sync again").format(
            name=store.name, owner=owner or "?"), Exit.LOCKED)
    try:
        problems, _older = inspect(store)
        if problems:
            stop(_("{name} is damaged: {problem}").format(
                name=store.name, problem=translate_problem(problems[0])), Exit.FAILED)
        _sync_locked(git, store, root, remote)
    except StoreError as error:
        stop(translate_error(error), Exit.FAILED)
    finally:
        lock.release()


def _sync_locked(git: Git, store: Path, root: Path, remote: str) -> None:
    try:
        message = commit_store(git, store, root)
        branch = _branch(git)
    except GitFailed as error:
        stop(_("cannot commit the store: {reason}").format(reason=error.detail), Exit.FAILED)
    if message:
        click.echo(_("Committed: {message}").format(message=message))
    for _attempt in range(3):
        try:
            git.run("fetch", "-q", remote)
        except GitFailed as error:
            stop(_("cannot reach {remote}: {reason}; your work is committed here, sync again "
                   "later").format(remote=remote, reason=error.detail), Exit.UNREACHABLE)
        tracking = f"refs/remotes/{remote}/{branch}"
        if git.run("rev-parse", "-q", "--verify", tracking, check=False).returncode == 0:
            _merge(git, store, remote, tracking)
        try:
            git.run("push", "-q", "-u", remote, f"HEAD:{branch}")
        except GitFailed as error:
            if "rejected" in error.detail or "fetch first" in error.detail:
                continue  # someone pushed in between: merge their work too, then again
            stop(_("cannot reach {remote}: {reason}; your work is committed here, sync again "
                   "later").format(remote=remote, reason=error.detail), Exit.UNREACHABLE)
        with contextlib.suppress(OSError):  # git writes files as the umask says
            os.chmod(store, PRIVATE_MODE)
        click.echo(_("{name} is in sync with {remote}.").format(name=store.name, remote=remote))
        _report_conflicts(store)
        return
    stop(_("{remote} kept changing during the sync: sync again").format(remote=remote),
         Exit.UNREACHABLE)


def _merge(git: Git, store: Path, remote: str, tracking: str) -> None:
    """Merge the remote's commits (git calls coop-tui's merge for the store); a merge left
    with a conflict is undone, so the repository stays as it was and nothing is lost."""
    before = git.out("rev-parse", "HEAD")
    done = git.run("merge", "-q", "--no-edit", "-m",
                   _("Merge the changes of {remote}").format(remote=remote), tracking,
                   check=False)
    if done.returncode == 0:
        if git.out("rev-parse", "HEAD") != before:
            click.echo(_("Merged the changes of {remote}.").format(remote=remote))
        return
    lines = [line.strip() for line in (done.stderr + done.stdout).splitlines()
             if line.strip().startswith("coop-tui:")]
    reason = lines[0].removeprefix("coop-tui:").strip() if lines else \
        _("git could not merge the files beside the store")
    git.run("merge", "--abort", check=False)
    stop(_("the changes of {remote} could not be merged: {reason}; your work is committed "
           "here and nothing was sent").format(remote=remote, reason=reason),
         Exit.CONFLICT_LEFT)


def _report_conflicts(store: Path) -> None:
    from coop_tui.store.database import open_store

    repository = open_store(store, read_only=True)
    try:
        count = len(repository.conflicts)
    finally:
        repository.close()
    if count:
        click.echo(ngettext(
            "{count} conflict to settle: open the store in coop-tui",
            "{count} conflicts to settle: open the store in coop-tui", count).format(
            count=count))
