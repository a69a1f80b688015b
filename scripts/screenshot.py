"""Write docs/screenshot.svg: the dashboard of the demo territory, for the README.

    python scripts/screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date
from pathlib import Path

from coop_tui.core.i18n import set_language
from coop_tui.core.settings import Settings
from coop_tui.shell.app import CoopApp
from coop_tui.store.database import create, open_store
from coop_tui.store.demo import DEFAULT_TODAY, demo_data

ROOT = Path(__file__).resolve().parent.parent


async def shoot(path: Path) -> str:
    repository = open_store(path)
    app = CoopApp(repository, Settings(), today=lambda: DEFAULT_TODAY)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot(title="coop-tui — tableau de bord")
    repository.close()
    return svg


def main() -> None:
    set_language("fr")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "val-de-loubiere.json"
        create(path, demo_data("small", today=DEFAULT_TODAY))
        svg = asyncio.run(shoot(path))
    (ROOT / "docs" / "screenshot.svg").write_text(svg, encoding="utf-8")
    print(f"docs/screenshot.svg written ({date.today().isoformat()})")


if __name__ == "__main__":
    main()
