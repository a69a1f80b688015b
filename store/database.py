"""Opening a store file: lock, read, migrate, validate, back up, then hand out a Repository.

A file that does not load or validate is never written to: opening it raises
:class:`StoreCorrupt` with every problem found and the newest backup to recover from.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
import weakref
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from coop_tui.store import backups
from coop_tui.store.errors import (
    Problem,
    StoreCorrupt,
    StoreFolderMissing,
    StoreIsFolder,
    StoreNotFound,
    StoreNotRegular,
    StoreTooLarge,
    StoreUnreadable,
)
from coop_tui.store.files import (
    A_SYMLINK,
    READ_LIMIT_MB,
    NotRegularFile,
    TooLarge,
    check_regular,
    clean_stale_temp_files,
    read_regular,
    temp_pattern,
)
from coop_tui.store.lock import LockOwner, StoreLock, lock_files, read_owner
from coop_tui.store.models import TABLES, Record
from coop_tui.store.parsing import (
    BAD_KEY,
    BAD_TABLE,
    CANNOT_MIGRATE,
    DUPLICATE_KEY,
    DUPLICATE_TABLE,
    EMPTY_FILE,
    NO_VERSION,
    NOT_JSON,
    NOT_OBJECT,
    UNKNOWN_TABLE,
    Loaded,
    creation_order,
    duplicate_keys,
    parse,
)
from coop_tui.store.private import sidecar_path, write_layout
from coop_tui.store.repository import Repository
from coop_tui.store.storage import (
    BackgroundWriter,
    Data,
    DirectWriter,
    SaveListener,
    Writer,
    serialise,
)
from coop_tui.store.summary import stamp_of
from coop_tui.store.text import N_

LOCKED_BY = N_("another coop-tui holds it: {owner}")
LOCKED = N_("another coop-tui holds it")
NOT_WRITABLE = N_("the file or its folder is not writable")
PERMISSION_DENIED = N_("permission denied")

# Reading the bytes is store/parsing.py's job; its names stay importable from here.
__all__ = [
    "BAD_KEY",
    "BAD_TABLE",
    "CANNOT_MIGRATE",
    "DUPLICATE_KEY",
    "DUPLICATE_TABLE",
    "EMPTY_FILE",
    "LOCKED",
    "LOCKED_BY",
    "NOT_JSON",
    "NOT_OBJECT",
    "NOT_WRITABLE",
    "NO_VERSION",
    "PERMISSION_DENIED",
    "UNKNOWN_TABLE",
    "Loaded",
    "check",
    "create",
    "creation_order",
    "data_from_records",
    "duplicate_keys",
    "inspect",
    "is_store_file",
    "open_store",
    "open_stores",
    "os_reason",
    "parse",
    "resolve",
]


def resolve(path: Path) -> Path:
    """The file ``path`` names: a store opened through a symbolic link is read and written
    at the link's target, so the link stays and keeps naming it."""
    path = path.expanduser().absolute()
    try:
        linked = path.is_symlink()
    except OSError as error:  # a folder on the way one may not enter
        raise StoreUnreadable(path, reason=os_reason(error)) from None
    return Path(os.path.realpath(path)) if linked else path


def _refuse_special(path: Path) -> None:
    """A named pipe would block and a device would read forever: refuse them unopened."""
    try:
        check_regular(path)
    except NotRegularFile as error:
        raise StoreNotRegular(path, reason=error.kind) from None


def os_reason(error: OSError) -> str:
    """Why the system refused, as a template the interface translates when it can."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return PERMISSION_DENIED
    return error.strerror or str(error)


def _read(path: Path) -> bytes:
    try:
        return read_regular(path)
    except NotRegularFile as error:
        raise StoreNotRegular(path, reason=error.kind) from None
    except TooLarge:
        raise StoreTooLarge(path, limit=READ_LIMIT_MB) from None
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise StoreFolderMissing(path, folder=str(path.parent)) from None
        raise StoreNotFound(path) from None
    except IsADirectoryError:
        raise StoreIsFolder(path) from None
    except OSError as error:
        raise StoreUnreadable(path, reason=os_reason(error)) from None


def _read_private(path: Path) -> bytes | None:
    """The private sidecar's bytes, or None when there is none; read as the store is (a
    regular file of a sane size, no link followed)."""
    sidecar = sidecar_path(path)
    try:
        if os.path.islink(sidecar):  # coop-tui writes it as a file: a link is planted
            raise NotRegularFile(sidecar, A_SYMLINK)
        return read_regular(sidecar)
    except FileNotFoundError:
        return None
    except NotRegularFile as error:
        raise StoreNotRegular(sidecar, reason=error.kind) from None
    except TooLarge:
        raise StoreTooLarge(sidecar, limit=READ_LIMIT_MB) from None
    except IsADirectoryError:
        raise StoreIsFolder(sidecar) from None
    except OSError as error:
        raise StoreUnreadable(sidecar, reason=os_reason(error)) from None


def check(path: Path) -> list[Problem]:
    """Every problem of a store file, without opening it for writing (``coop-tui check``)."""
    return inspect(path)[0]


def inspect(path: Path) -> tuple[list[Problem], int | None]:
    """Every problem of a store file, and the older format version it is written in (None
    when it is in the current one): such a file is upgraded when it is next opened."""
    path = resolve(path)
    try:
        loaded = parse(path, _read(path), partial(_read_private, path))
    except StoreCorrupt as error:
        return error.problems, None
    return [], loaded.migrated_from


def _writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def data_from_records(records: Iterable[Record]) -> Data:
    """The file layout of a set of records: one table per kind, keyed by record id."""
    data: Data = {table: {} for table in TABLES}
    for record in records:
        data[record.table][record.id] = record.model_dump(mode="json")
    return data


def create(path: Path, initial: Data) -> None:
    """Write a new store file; refuses to replace an existing one."""
    if path.exists():
        raise FileExistsError(path)
    if not path.parent.is_dir():
        raise StoreFolderMissing(path, folder=str(path.parent))
    DirectWriter(path).submit(serialise(initial))


def _back_up(path: Path, loaded: Loaded, reason: str = "") -> None:
    """Keep the file as read, and its private sidecar when it has one."""
    backups.make_backup(path, loaded.payload, reason)
    if loaded.private_payload is not None:
        backups.make_backup(sidecar_path(path), loaded.private_payload, reason)


def open_store(
    path: Path,
    *,
    initial: Callable[[], Data] | None = None,
    read_only: bool = False,
    background: bool = False,
    on_save: SaveListener | None = None,
) -> Repository:
    """Open ``path`` for use: one writer at a time, never writing a damaged file.

    ``initial`` builds the data of a new file when there is none. ``background`` saves on a
    writer thread (the app); otherwise each save is on disk when the call returns.
    """
    path = resolve(path)
    _refuse_special(path)
    lock: StoreLock | None = None
    reason = ""
    owner: LockOwner | None = None
    locked_at = time.time()
    if not read_only:
        try:
            if not path.parent.is_dir():
                raise StoreFolderMissing(path, folder=str(path.parent))
            if path.is_dir():
                raise StoreIsFolder(path)
        except OSError as error:
            raise StoreUnreadable(path, reason=os_reason(error)) from None
        if not _writable(path):
            reason = NOT_WRITABLE
        else:
            backups.check_folder(path)
            lock = StoreLock(path)
            if not lock.acquire():
                owner = read_owner(path)
                reason = LOCKED_BY if owner else LOCKED
                lock = None
    writable = lock is not None
    try:
        if writable:
            # Only the lock's holder writes the store and its backups: a temporary file
            # older than our lock was left by a writer that died.
            clean_stale_temp_files(path.parent, temp_pattern(path.name), locked_at)
            backups.clean_stale_temp_files_of(path, locked_at)
            if not path.exists() and initial is not None:
                create(path, initial())
        loaded = parse(path, _read(path), partial(_read_private, path))
        writer: Writer | None = None
        private_writer: Writer | None = None
        sidecar = sidecar_path(path)
        if writable:
            if loaded.rewrite_reason:
                _back_up(path, loaded, loaded.rewrite_reason)
                write_layout(path, loaded.data)
                writer = BackgroundWriter(path, on_save) if background else DirectWriter(path)
                private_writer = (BackgroundWriter(sidecar, on_save) if background
                                  else DirectWriter(sidecar))
            elif background:
                writer = BackgroundWriter(path, on_save, first=partial(_back_up, path, loaded))
                private_writer = BackgroundWriter(sidecar, on_save)
            else:
                _back_up(path, loaded)
                writer = DirectWriter(path)
                private_writer = DirectWriter(sidecar)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    repository = Repository(
        path=path,
        data=loaded.data,
        records=loaded.records,
        writer=writer,
        private_writer=private_writer,
        lock=lock,
        read_only_reason="" if writable else (reason or N_("opened read-only")),
        read_only_params={"owner": str(owner)} if owner else {},
    )
    if background and writable and not loaded.rewrite_reason:
        # Hashed here, where the bytes are at hand: the first frame's summary is tied to
        # them (only the app, which saves in the background, writes one).
        repository.remember_read(
            stamp_of(path, loaded.payload),
            stamp_of(sidecar, loaded.private_payload)
            if loaded.private_payload is not None else None)
    _opened.add(repository)
    return repository


_opened: weakref.WeakSet[Repository] = weakref.WeakSet()


def open_stores() -> list[Path]:
    """The store files open in this process: no export may be written over them."""
    return [repository.path for repository in list(_opened) if not repository.closed]


def is_store_file(candidate: Path, store: Path) -> bool:
    """Whether writing ``candidate`` would replace ``store``, its lock or one of its
    backups (through any link)."""
    real = Path(os.path.realpath(candidate.expanduser().absolute()))
    store = resolve(store)
    folder = backups.backup_folder(store)
    if real in {store, folder, *lock_files(store)} or real.parent == folder:
        return True
    with contextlib.suppress(OSError):
        return os.path.samefile(real, store)  # a hard link
    return False
