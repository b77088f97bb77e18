"""CLI test helpers: run ``roadmap`` in-process with stdout and stderr kept apart."""

from __future__ import annotations

import json
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
