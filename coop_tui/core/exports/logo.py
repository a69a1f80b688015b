"""The territory's logo for a letterhead: read only when it is a PNG or a JPEG."""

from __future__ import annotations

from pathlib import Path

_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_LARGEST = 5 * 1024 * 1024


def readable_logo(path: Path | None) -> bytes | None:
    """The logo's bytes, or None when there is none, it cannot be read, it is too large
    (5 MiB) or it is not a PNG or JPEG: a letterhead without a logo beats no document."""
    if path is None:
        return None
    try:
        with path.expanduser().open("rb") as file:
            data = file.read(_LARGEST + 1)
    except OSError:
        return None
    if len(data) > _LARGEST or not data.startswith(_SIGNATURES):
        return None
    return data
