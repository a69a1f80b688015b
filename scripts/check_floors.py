"""Check the floors of the house with import-linter, on the installed layout.

The contracts are in pyproject.toml under ``[tool.importlinter]``: the shell above the
screens, the screens above the shared UI parts, those above the Textual-free core, and the
store at the bottom; the core and the store import no Textual, and only the store TinyDB.

    python scripts/check_floors.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from installed_layout import ROOT, link_tree


def main() -> int:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        print("lint-imports is not installed: pip install -e '.[test]'")
        return 2
    with tempfile.TemporaryDirectory(prefix="coop-tui-floors-") as scratch:
        link_tree(Path(scratch))
        result = subprocess.run(
            [lint_imports, "--no-cache", str(ROOT / "pyproject.toml")],
            cwd=scratch, env={**os.environ, "PYTHONPATH": scratch},
            capture_output=True, text=True, check=False)
    print((result.stdout + result.stderr).replace(scratch, "."), end="")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
