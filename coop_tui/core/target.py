"""Where a reading points: the record (and part of it) a screen opens to act on it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """A record to show on its own screen: ``mode`` is the screen, ``record_id`` the record
    (for a part of a record, such as a meeting's action, ``part_id`` names the part)."""

    mode: str
    record_id: str
    part_id: str = ""
