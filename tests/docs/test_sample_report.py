"""docs/make_sample_report.py still records a realistic sample the report can show."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from typer.testing import CliRunner

from roadmap_cli.cli.app import app

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "make_sample_report.py"


def test_sample_progress_records_and_reports(tmp_path: Path, cli_runner: CliRunner) -> None:
    spec = importlib.util.spec_from_file_location("make_sample_report", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module._record(tmp_path)
    result = cli_runner.invoke(
        app, ["--data-dir", str(tmp_path), "report", "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    doc = result.stdout
    import json

    progress = json.loads(doc)["progress"]["all"]
    assert progress["done"] == 14
    assert progress["skipped"] == 2
    assert progress["in_progress"] == 2
