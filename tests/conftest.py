"""Shared fixtures: every test gets its own empty data folder and a fixed console; the
``roadmap`` command object is built once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from typer.testing import CliRunner

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
    monkeypatch.setenv("ROADMAP_CONFIG_DIR", str(tmp_path / "config"))  # nor their 'use'
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "UTC")
    for name in (
        "ROADMAP_FILE",
        "ROADMAP_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "ROADMAP_DEBUG",
        "ROADMAP_FETCH_TIMEOUT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    import time

    time.tzset()
    yield data
    time.tzset()
    from roadmap_cli.support.i18n import set_language

    set_language("en")  # the interface language is process-wide: the next test starts in English


@pytest.fixture(scope="session")
def cli_command() -> Any:
    """The click command of the ``roadmap`` typer app, built once per test session:
    building it (typer.main.get_command) costs about 60 ms, and every invocation in the
    suite would otherwise pay it again. The app is built to be run many times (see
    tests/unit/cli/test_app.py); its options and ``ctx.obj`` are made afresh per run."""
    import typer.main

    from roadmap_cli.cli.app import app

    return typer.main.get_command(app)


@pytest.fixture
def cli_runner(cli_command: Any, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A typer ``CliRunner`` whose ``invoke(app, ...)`` runs the session's command object
    for the roadmap app (any other typer app is still built as usual)."""
    import typer.testing

    from roadmap_cli.cli.app import app

    build = typer.testing._get_command
    monkeypatch.setattr(
        typer.testing,
        "_get_command",
        lambda typer_app: cli_command if typer_app is app else build(typer_app),
    )
    return typer.testing.CliRunner()
