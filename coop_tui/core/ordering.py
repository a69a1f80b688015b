"""Sort keys that never compare a value with None.

Optional fields (a start time, a due date) are missing on many records. A sort key that
puts a value and None side by side raises TypeError as soon as two records tie on the
fields before it, and a list the app shows on start-up then stops the app. These keys
say where a missing value goes; callers end their keys with a record's id, so ties never
depend on the order records were read in.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def missing_last(value: T | None) -> tuple[bool, T | None]:
    """A key part that sorts the records without ``value`` after those with one."""
    return (value is None, value)


def missing_first(value: T | None) -> tuple[bool, T | None]:
    """A key part that sorts the records without ``value`` before those with one."""
    return (value is not None, value)
