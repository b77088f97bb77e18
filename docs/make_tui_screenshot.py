"""Draw docs/tui.svg, the picture of 'roadmap tui' in README.md: the bundled roadmap with a
few topics marked, at 100x32, in a temporary data folder (your own progress is never read).

Run: python docs/make_tui_screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path


async def _draw(target: Path) -> None:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.support import clock
    from roadmap_cli.tui.app import RoadmapApp

    clock.pin(datetime(2026, 12, 6, 9, 30, tzinfo=UTC))
    app = RoadmapApp(AppContext(lang="en"), watch_interval=3600)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("d", "j", "d", "j", "s")
        await pilot.pause(0.5)
        target.write_text(app.export_screenshot(title="roadmap tui"), encoding="utf-8")


def main() -> None:
    """Write docs/tui.svg next to this script."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ROADMAP_DATA_DIR"] = folder
        os.environ["ROADMAP_CACHE_DIR"] = str(Path(folder) / "cache")
        target = Path(__file__).with_name("tui.svg")
        asyncio.run(_draw(target))
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
