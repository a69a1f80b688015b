"""Every file coop-tui writes or reads, safe against what others may plant beside it.

Anyone who can write in a folder can put a symbolic link, a named pipe or a device where
coop-tui expects its own file. So:

- a file is written through a temporary file with a random name, created exclusively
  (``O_CREAT|O_EXCL|O_NOFOLLOW``, as :func:`tempfile.mkstemp` does) in the target's folder,
  then renamed over the target: a planted link is replaced, never followed;
- a private folder (backups) is opened without following links and must be our own;
- a file is read only when it is a regular file, and at most :data:`READ_LIMIT` bytes.

Modes: private files are 0600 and private folders 0700 whatever the umask. A shared
document (an export without private readings) follows the umask, or keeps the mode of the
file it replaces.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from coop_tui.store.text import N_

PRIVATE_MODE = 0o600
FOLDER_MODE = 0o700
SHARED_MODE = 0o666  # before the umask, as any program creates a document
# A store of a large territory over a whole mandate is about 5 MB: 256 MB is far beyond any
# real store, and small enough that a device or a runaway file cannot exhaust the memory.
READ_LIMIT_MB = 256
READ_LIMIT = READ_LIMIT_MB * 1024 * 1024

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# Folders opened as descriptors pin the folder written in (POSIX); elsewhere, paths.
_BY_DESCRIPTOR = os.name == "posix" and os.open in os.supports_dir_fd
_TEMP_TOKEN_BYTES = 6
# ``.<name>.<12 hex digits>.tmp``; ``.<name>.<pid>.<thread>.tmp`` from older versions.
TEMP_TAIL = r"\.(?:[0-9a-f]{12}|[0-9]+\.[0-9]+)\.tmp"

A_SYMLINK = N_("a symbolic link")
A_FIFO = N_("a named pipe (FIFO)")
A_CHARACTER_DEVICE = N_("a character device")
A_BLOCK_DEVICE = N_("a block device")
A_SOCKET = N_("a socket")
A_FOLDER = N_("a folder")
A_SPECIAL_FILE = N_("a special file")
NOT_OURS = N_("owned by another user")


def kind_of(mode: int) -> str:
    """What a file is, from its ``st_mode``, as an English message (``N_``)."""
    for test, kind in ((stat.S_ISLNK, A_SYMLINK), (stat.S_ISFIFO, A_FIFO),
                       (stat.S_ISCHR, A_CHARACTER_DEVICE), (stat.S_ISBLK, A_BLOCK_DEVICE),
                       (stat.S_ISSOCK, A_SOCKET), (stat.S_ISDIR, A_FOLDER)):
        if test(mode):
            return kind
    return A_SPECIAL_FILE


class NotRegularFile(OSError):
    """A path that should be a regular file is something else; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}")
        self.path = path
        self.kind = kind


class TooLarge(OSError):
    """A file larger than the limit given to :func:`read_regular`."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path} is larger than {limit} bytes")
        self.path = path
        self.limit = limit


class UnsafeFolder(OSError):
    """A private folder that is a link, not a folder, or someone else's; ``kind`` says it."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}")
        self.path = path
        self.kind = kind


def current_user() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


# ---------------------------------------------------------------------------- folders


@contextlib.contextmanager
def _folder(path: Path, *, private: bool = False) -> Iterator[int | None]:
    """A descriptor of the folder ``path`` (None where descriptors cannot name files).

    ``private``: the folder must not be a link and must be ours; it is set to 0700.
    """
    if private:
        check_private_folder(path)
    if not _BY_DESCRIPTOR:
        yield None
        return
    flags = os.O_RDONLY | _DIRECTORY | _CLOEXEC | (_NOFOLLOW if private else 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if private and os.path.islink(path):
            raise UnsafeFolder(path, A_SYMLINK) from error
        raise
    try:
        if private:
            _check_own_folder(path, os.fstat(descriptor))
            os.fchmod(descriptor, FOLDER_MODE)
        yield descriptor
    finally:
        os.close(descriptor)


def _check_own_folder(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder(path, kind_of(info.st_mode))
    user = current_user()
    if user is not None and info.st_uid != user:
        raise UnsafeFolder(path, NOT_OURS)


def check_private_folder(path: Path) -> None:
    """Raise :class:`UnsafeFolder` if ``path`` exists and is not a folder of our own."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    _check_own_folder(path, info)


def make_private_folder(path: Path) -> Path:
    """Create ``path`` and its missing parents 0700 whatever the umask; a folder that
    exists is left as its owner set it."""
    missing = []
    current = path
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=FOLDER_MODE)
            os.chmod(folder, FOLDER_MODE)
    return path


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# ---------------------------------------------------------------------------- writing


def temp_pattern(name: str) -> re.Pattern[str]:
    """The names of the temporary files coop-tui writes ``name`` through."""
    return re.compile(rf"\.{re.escape(name)}{TEMP_TAIL}")


def _create_temp(name: str, folder: int | None, where: Path, mode: int) -> tuple[str, int]:
    """A new temporary file beside ``name``, created exclusively, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    for _attempt in range(100):
        temp = f".{name}.{secrets.token_hex(_TEMP_TOKEN_BYTES)}.tmp"
        target = temp if folder is not None else str(where / temp)
        try:
            return target, os.open(target, flags, mode, dir_fd=folder)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {where / name}")


def _existing_mode(name: str, folder: int | None, where: Path) -> int | None:
    """The mode of the regular file a write replaces (None: nothing there, or no file)."""
    try:
        info = os.stat(name if folder is not None else where / name, dir_fd=folder,
                       follow_symlinks=False)
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _set_mode(descriptor: int, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, mode)


def atomic_write(path: Path, payload: bytes, *, shared: bool = False) -> None:
    """Replace ``path`` with ``payload`` completely or not at all; never through a link.

    The file is private (0600) unless ``shared``: then it keeps the mode of the file it
    replaces, or gets the umask's.
    """
    _write_in(path, payload, shared=shared, private_folder=False)


def write_private_file(path: Path, payload: bytes) -> None:
    """:func:`atomic_write` into a private folder (0700, ours, not a link): backups."""
    _write_in(path, payload, shared=False, private_folder=True)


def _write_in(path: Path, payload: bytes, *, shared: bool, private_folder: bool) -> None:
    where, name = path.parent, path.name
    with _folder(where, private=private_folder) as folder:
        kept = _existing_mode(name, folder, where) if shared else None
        mode = PRIVATE_MODE if not shared else SHARED_MODE if kept is None else kept
        temp, descriptor = _create_temp(name, folder, where, mode)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(payload)
                handle.flush()
                if mode != SHARED_MODE:  # exactly this mode, whatever the umask
                    _set_mode(handle.fileno(), mode)
                os.fsync(handle.fileno())
            os.replace(temp, name if folder is not None else path,
                       src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp, dir_fd=folder)
            raise
        if folder is not None:
            os.fsync(folder)
        else:
            fsync_folder(where)


def clean_stale_temp_files(folder: Path, names: re.Pattern[str], before: float) -> list[Path]:
    """Remove the temporary files matching ``names`` that are ours and older than
    ``before`` (a time): what a killed writer left. Returns what was removed."""
    removed = []
    user = current_user()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if not names.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (user is not None and info.st_uid != user):
            continue
        if info.st_mtime > before:
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


# ---------------------------------------------------------------------------- reading


def sidecar_path(path: Path) -> Path:
    """A store's private sidecar: ``val.json`` -> ``val.private.json``, beside it."""
    return path.with_name(f"{path.stem}.private{path.suffix}")


def check_regular(path: Path) -> None:
    """Raise :class:`NotRegularFile` when ``path`` exists and is not a regular file
    (following links): a named pipe would block, a device would read forever."""
    try:
        info = os.stat(path)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise NotRegularFile(path, kind_of(info.st_mode))


def read_regular(path: Path, limit: int = READ_LIMIT) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Opened without blocking (a named pipe swapped in after a check opens at once), then
    checked on the open descriptor: :class:`NotRegularFile` or :class:`TooLarge`.
    """
    check_regular(path)
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, kind_of(info.st_mode))
        if info.st_size > limit:
            raise TooLarge(path, limit)
        payload = handle.read(info.st_size + 1)
        while len(payload) <= limit:  # a file that grows while it is read
            more = handle.read(min(1 << 20, limit + 1 - len(payload)))
            if not more:
                break
            payload += more
    if len(payload) > limit:
        raise TooLarge(path, limit)
    return payload
