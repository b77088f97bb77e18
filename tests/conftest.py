"""Shared fixtures: every test gets its own empty data folder and a fixed console."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: a loaded 2-core machine must not turn slowness into failures.
# Under CI (CI=true), examples are derived from each test, so a run is repeatable.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point ROADMAP_DATA_DIR and ROADMAP_CACHE_DIR at fresh folders, fix the width, drop
    colour and locale."""
    data = tmp_path / "data"
    monkeypatch.setenv("ROADMAP_DATA_DIR", str(data))
    monkeypatch.setenv("ROADMAP_CACHE_DIR", str(tmp_path / "cache"))  # never the user's cache
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "UTC")
    for name in ("ROADMAP_FILE", "ROADMAP_LANG", "LC_ALL", "LC_MESSAGES", "ROADMAP_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    import time

    time.tzset()
    yield data
    time.tzset()
    from roadmap_cli.support.i18n import set_language

    set_language("en")  # the interface language is process-wide: the next test starts in English
