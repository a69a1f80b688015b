"""Writing an export to a file: atomically, and never over an existing file unasked."""

from __future__ import annotations

from pathlib import Path

from coop_tui.core.i18n import _
from coop_tui.store.storage import atomic_write, describe_os_error


def write_export(path: Path, payload: str | bytes, *, force: bool) -> None:
    """Write ``payload`` to ``path`` completely or not at all; an existing file only with
    ``force``. ValueError says, in the current language, why nothing was written."""
    if path.is_dir():
        raise ValueError(_("{path} is a folder, not a file").format(path=path))
    if path.exists() and not force:
        raise ValueError(_("{path} exists: add --force to replace it").format(path=path))
    if not path.absolute().parent.is_dir():
        raise ValueError(_("the folder {folder} does not exist").format(
            folder=path.absolute().parent))
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    try:
        atomic_write(path, data)
    except OSError as error:
        raise ValueError(_("cannot write {path}: {reason}").format(
            path=path, reason=describe_os_error(error))) from None
