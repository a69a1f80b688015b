"""Bytes on disk: atomic writes, the TinyDB storage that keeps the data in memory, writers.

TinyDB's stock ``JSONStorage`` re-reads the file on every query and rewrites it in place, so
a crash mid-write leaves a broken or mixed file. Here the data is read once and served from
memory; each write hands a complete, serialised snapshot to a writer, which puts it on disk
with a temporary file in the same folder, ``fsync``, ``os.replace`` and an ``fsync`` of the
folder (``store/files.py``): the file holds the old state or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import orjson
from tinydb.storages import Storage

from coop_tui.store.errors import ReadOnlyStore, SaveFailed, StoreError
from coop_tui.store.files import atomic_write as atomic_write  # the writers' (tests swap it)
from coop_tui.store.files import temp_pattern
from coop_tui.store.summary import Stamp, stamp_of

_JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE

Data = dict[str, dict[str, Any]]


def serialise(data: Data) -> bytes:
    """UTF-8, two-space indent, sorted keys: a file a person can read and diff."""
    return orjson.dumps(data, option=_JSON_OPTIONS)


def temp_files(path: Path) -> list[Path]:
    """Temporary files a killed writer may have left beside ``path``."""
    names = temp_pattern(path.name)
    return sorted(entry for entry in path.parent.glob(f".{path.name}.*.tmp")
                  if names.fullmatch(entry.name))


def describe_os_error(error: OSError) -> str:
    return error.strerror or str(error)


class Writer(Protocol):
    """Puts serialised snapshots on disk, in the order they come."""

    def submit(self, payload: bytes) -> None: ...

    @property
    def written(self) -> Stamp | None: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


class DirectWriter:
    """Writes each snapshot before returning: for the command line and tests."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def written(self) -> Stamp | None:
        """Not kept: a direct writer's file is never summarised."""
        return None

    def submit(self, payload: bytes) -> None:
        try:
            atomic_write(self.path, payload)
        except OSError as error:
            raise SaveFailed(self.path, reason=describe_os_error(error)) from error

    def flush(self) -> None:
        """Nothing is ever pending."""

    def close(self) -> None:
        """Nothing to stop."""


SaveListener = Callable[[SaveFailed | None], None]


class SaveRelay:
    """Forwards the writer's outcomes to whoever listens once the app exists."""

    def __init__(self) -> None:
        self.target: SaveListener | None = None

    def __call__(self, failure: SaveFailed | None) -> None:
        if self.target is not None:
            self.target(failure)


class BackgroundWriter:
    """Writes snapshots on its own thread, so the interface never waits on the disk.

    Only the latest snapshot matters: one submitted while another is being written replaces
    any older one still waiting. Saves never overlap. A failed save is kept and tried again
    every ``retry_seconds`` (and at the next submit), and the listener is told of each
    outcome — on the writer's thread.
    """

    def __init__(
        self, path: Path, listener: SaveListener | None = None, retry_seconds: float = 5.0,
        first: Callable[[], object] | None = None,
    ) -> None:
        """``first`` runs on the writer's thread before any save (the opening's backup, so
        that start-up does not wait on the disk for it)."""
        self.path = path
        self._first = first
        self._listener = listener
        self._retry_seconds = retry_seconds
        self._pending: bytes | None = None
        self._busy = False
        self._closing = False
        self._failed = False
        self._written: Stamp | None = None
        self._condition = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="coop-tui-writer", daemon=True)
        self._thread.start()

    @property
    def failed(self) -> bool:
        """The last save failed and its snapshot waits for another try."""
        return self._failed

    @property
    def written(self) -> Stamp | None:
        """The stamp of the last snapshot written, when it is what the file holds now as far
        as this writer knows (nothing waits, nothing failed); None otherwise."""
        with self._condition:
            idle = self._pending is None and not self._busy and not self._failed
            return self._written if idle else None

    def submit(self, payload: bytes) -> None:
        with self._condition:
            self._pending = payload
            self._failed = False
            self._condition.notify_all()

    def flush(self, timeout: float | None = 10.0) -> None:
        """Wait until every snapshot is on disk; raise if the last try failed."""
        with self._condition:
            self._condition.notify_all()
            done = self._condition.wait_for(
                lambda: self._failed or (self._pending is None and not self._busy), timeout
            )
            payload = self._pending if self._failed else None
        if payload is not None:
            self._write(payload)
        elif not done:
            raise SaveFailed(self.path, reason="timed out")

    def close(self) -> None:
        with contextlib.suppress(SaveFailed):
            self.flush()
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join(timeout=10)

    def _write(self, payload: bytes) -> None:
        """Write synchronously on the caller's thread (a flush after a failure)."""
        try:
            atomic_write(self.path, payload)
        except OSError as error:
            failure = SaveFailed(self.path, reason=describe_os_error(error))
            self._notify(failure)
            raise failure from error
        written = stamp_of(self.path, payload)
        with self._condition:
            if self._pending is payload:
                self._pending = None
            self._failed = False
            self._written = written
        self._notify(None)

    def _run(self) -> None:
        if self._first is not None:
            # A backup that cannot be written is no save.
            with contextlib.suppress(OSError, StoreError):
                self._first()
            self._first = None  # it holds the whole file as read
        while True:
            with self._condition:
                self._condition.wait_for(
                    lambda: self._closing or (self._pending is not None and not self._failed),
                    timeout=self._retry_seconds if self._failed else None,
                )
                if self._closing:
                    return
                payload = self._pending
                if payload is None:
                    continue
                self._busy = True
                self._failed = False
            failure: SaveFailed | None = None
            written: Stamp | None = None
            try:
                atomic_write(self.path, payload)
                # What the first frame's summary is tied to (store/summary.py): hashed
                # here, off the interface's thread.
                written = stamp_of(self.path, payload)
            except OSError as error:
                failure = SaveFailed(self.path, reason=describe_os_error(error))
            with self._condition:
                self._busy = False
                self._written = written if failure is None else self._written
                if failure is None and self._pending is payload:
                    self._pending = None
                # A snapshot submitted during a failed write is tried at once, not after
                # the retry delay: only the snapshot that failed waits.
                self._failed = failure is not None and self._pending is payload
                self._condition.notify_all()
            self._notify(failure)

    def _notify(self, failure: SaveFailed | None) -> None:
        if self._listener is not None:
            self._listener(failure)


class MemoryStorage(Storage):
    """TinyDB storage serving reads from memory; writes go to a writer as snapshots.

    ``batch()`` gathers the writes of one user action into one snapshot. Without a writer
    the store is read-only and a write raises :class:`ReadOnlyStore`.
    """

    def __init__(
        self, data: Data, writer: Writer | None, path: Path, read_only_reason: str = ""
    ) -> None:
        self._data = data
        self._writer = writer
        self._path = path
        self._read_only_reason = read_only_reason
        self._depth = 0
        self._dirty = False
        self._submitted = False
        self.read_stamp: Stamp | None = None  # the file as read (set by the opening)

    def read(self) -> Data:
        return self._data

    def write(self, data: Data) -> None:
        if self._writer is None:
            raise ReadOnlyStore(self._path, reason=self._read_only_reason)
        self._data = data
        if self._depth:
            self._dirty = True
        else:
            self._submit()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Everything written inside reaches the writer as one snapshot."""
        if self._writer is None:
            raise ReadOnlyStore(self._path, reason=self._read_only_reason)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth and self._dirty:
                self._dirty = False
                self._submit()

    def _submit(self) -> None:
        """Hand the data to the writer as one snapshot (a subclass may split it)."""
        if self._writer is not None:
            self._submitted = True
            self._writer.submit(serialise(self._data))

    def file_stamp(self, writer: Writer | None, read: Stamp | None) -> Stamp | None:
        """The stamp of what ``writer``'s file holds: as read, until a snapshot is
        submitted; then the last one written, once nothing waits."""
        if not self._submitted:
            return read
        return writer.written if writer is not None else None

    def flush(self) -> None:
        if self._writer is not None:
            self._writer.flush()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
