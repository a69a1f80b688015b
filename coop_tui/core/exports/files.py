"""Writing an export to a file: atomically, and never over an existing file unasked.

An export never replaces a store, its lock or its backups, whatever the flags: neither the
store the command read nor any store this process has open. A document without private
readings is meant to be shared: it follows the umask, or keeps the mode of the file it
replaces; one with private readings is 0600.
"""

from __future__ import annotations

from pathlib import Path

from coop_tui.core.i18n import _
from coop_tui.store.database import is_store_file, open_stores
from coop_tui.store.storage import atomic_write, describe_os_error


def write_export(path: Path, payload: str | bytes, *, force: bool, store: Path | None = None,
                 private: bool = False) -> None:
    """Write ``payload`` to ``path`` completely or not at all; an existing file only with
    ``force``; never a file of ``store`` or of an open store. ValueError says, in the
    current language, why nothing was written."""
    for protected in ([store] if store is not None else []) + open_stores():
        if is_store_file(path, protected):
            raise ValueError(_("{path} is the store {store} or one of its own files: an "
                               "export never replaces it; choose another file").format(
                path=path, store=protected))
    if path.is_dir():
        raise ValueError(_("{path} is a folder, not a file").format(path=path))
    if path.exists() and not force:
        raise ValueError(_("{path} exists: add --force to replace it").format(path=path))
    if not path.absolute().parent.is_dir():
        raise ValueError(_("the folder {folder} does not exist").format(
            folder=path.absolute().parent))
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    try:
        atomic_write(path, data, shared=not private)
    except OSError as error:
        raise ValueError(_("cannot write {path}: {reason}").format(
            path=path, reason=describe_os_error(error))) from None
