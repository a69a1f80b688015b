"""Whether the store is safe on disk, as the status bar says it.

Apart from the session so that the status bar and the app can be imported before the
store's models are (the first frame is drawn while the store loads).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SaveState(StrEnum):
    SAVED = "saved"
    FAILED = "failed"
    READ_ONLY = "read_only"


@dataclass(frozen=True)
class StoreStatus:
    state: SaveState
    message: str = ""
