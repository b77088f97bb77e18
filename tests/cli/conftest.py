"""CLI test helpers: run ``roadmap`` in-process with stdout and stderr kept apart."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from roadmap_cli.cli.app import app


@dataclass
class Run:
    """What one invocation printed and returned."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """stdout parsed as one JSON document."""
        return json.loads(self.stdout)


@pytest.fixture
def roadmap(cli_runner: CliRunner) -> Callable[..., Run]:
    """``roadmap("done", "attention")`` runs the CLI (the session's command object) and
    returns a :class:`Run`."""

    def invoke(*args: str, input: str | None = None) -> Run:
        result = cli_runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def progress_file(_isolated: Path) -> Path:
    """Where the bundled roadmap's progress is written in this test."""
    return _isolated / "relearn-ai.json"


@pytest.fixture(scope="session")
def _bundled_cache_entry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The roadmap cache's entry for the bundled roadmap, made once per session (a cold
    load validates the roadmap: about 20 ms per test, 300 ms for the first)."""
    from roadmap_cli.roadmap.bundled import bundled_roadmap_path
    from roadmap_cli.roadmap.catalog import load_catalog

    cache = tmp_path_factory.mktemp("bundled-cache")
    load_catalog(bundled_roadmap_path(), cache)
    (entry,) = cache.iterdir()
    return entry


@pytest.fixture(autouse=True)
def _warm_cache(request: pytest.FixtureRequest, _isolated: Path) -> None:
    """Every CLI test starts with the bundled roadmap in its (own, fresh) cache folder, as
    after a learner's first command; a test marked ``cold_cache`` starts with none. What a
    cache hit gives is checked against a fresh load in tests/unit/roadmap/test_cache.py."""
    if request.node.get_closest_marker("cold_cache"):
        return
    entry = request.getfixturevalue("_bundled_cache_entry")
    cache = _isolated.parent / "cache"  # ROADMAP_CACHE_DIR, see tests/conftest.py
    cache.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(entry, cache / entry.name)
