"""Run mypy on the package as it is installed: coop_tui with screens/ and store/ inside.

The repository keeps ``screens/`` and ``store/`` at the top (the wheel maps them into
``coop_tui``); mypy cannot follow that mapping, so this builds a tree of links with the
installed layout in a temporary folder and checks it there.

    python scripts/typecheck.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from installed_layout import ROOT, link_tree


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="coop-tui-mypy-") as scratch:
        link_tree(Path(scratch))
        command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
                   "--cache-dir", str(Path(scratch) / ".mypy_cache"), "-p", "coop_tui"]
        result = subprocess.run(command, cwd=scratch, env={**os.environ, "MYPYPATH": scratch},
                                capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).replace(f"{scratch}/", "").replace(scratch, ".")
    print(output, end="")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
