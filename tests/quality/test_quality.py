"""ruff, mypy (strict) and the French catalogue, as part of the suite."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          check=False)


def test_ruff() -> None:
    result = run(sys.executable, "-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = run(sys.executable, "scripts/typecheck.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_message_has_a_french_translation() -> None:
    result = run(sys.executable, "scripts/i18n_catalog.py", "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_floors_hold() -> None:
    """import-linter's contracts (pyproject.toml): shell > screens > ui > core > store, no
    Textual in the core or the store, TinyDB only in the store."""
    result = run(sys.executable, "scripts/check_floors.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def test_text_fields_keep_the_order_of_keys() -> None:
    """People type in TextInput and TextEditor only (see coop_tui/ui/widgets/key_order.py):
    Textual's Input and TextArea, made or subclassed directly, would reorder a burst."""
    offenders = []
    for path in [*(ROOT / "screens").rglob("*.py"), *(ROOT / "coop_tui").rglob("*.py")]:
        if path.name == "text_fields.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            used = ([node.func] if isinstance(node, ast.Call)
                    else node.bases if isinstance(node, ast.ClassDef) else [])
            offenders += [f"{path.name}:{node.lineno}" for name in used
                          if isinstance(name, ast.Name) and name.id in {"Input", "TextArea"}]
    assert offenders == []


def test_messages_are_dataclasses() -> None:
    """A Textual message says what it carries as documented dataclass fields, not as an
    ``__init__`` written by hand."""
    by_hand = set()
    for path in [*(ROOT / "screens").rglob("*.py"), *(ROOT / "coop_tui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ClassDef)
                    and any(isinstance(base, ast.Name) and base.id == "Message"
                            for base in node.bases)
                    and any(isinstance(item, ast.FunctionDef) and item.name == "__init__"
                            for item in node.body)):
                by_hand.add(f"{path.parent.name}/{path.name}:{node.name}")
    assert by_hand == set()
