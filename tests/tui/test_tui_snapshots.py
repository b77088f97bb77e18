"""How roadmap tui looks: SVG snapshots at 80x24 and 120x40 in both languages, after a
few marks (pytest-textual-snapshot; regenerate with --snapshot-update after a deliberate
change and look at the SVGs)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from roadmap_cli.actions.context import AppContext
from roadmap_cli.support import clock
from roadmap_cli.tui.app import RoadmapApp


@pytest.fixture(autouse=True)
def _pinned() -> object:
    clock.pin(datetime(2026, 12, 6, 9, 30, tzinfo=UTC))
    yield
    clock.pin(None)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_screen(snap_compare, lang: str, size: tuple[int, int]) -> None:
    app = RoadmapApp(AppContext(lang=lang), watch_interval=3600)
    assert snap_compare(app, press=["d", "j", "s"], terminal_size=size)
