"""The package as it is installed, for tools that cannot follow setuptools' folder mapping.

The repository keeps ``screens/`` and ``store/`` at the top; the wheel maps them into
``coop_tui``. mypy and import-linter read packages from the file system, so they are run on a
tree of links with the installed layout, built in a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"screens": "screens", "store": "store"}


def link_tree(target: Path) -> Path:
    """Build ``target/coop_tui`` from links to the repository's folders; return it."""
    package = target / "coop_tui"
    package.mkdir()
    for entry in (ROOT / "coop_tui").iterdir():
        if entry.name != "__pycache__":
            os.symlink(entry, package / entry.name)
    for name, folder in MAPPED.items():
        os.symlink(ROOT / folder, package / name)
    return package
