"""roadmap undo: reverts the whole last command, keeps the history, leaves the report as it was."""

from __future__ import annotations

import json
from pathlib import Path


def test_undo_reverts_the_whole_last_command(roadmap, progress_file: Path) -> None:
    roadmap("done", "numpy")
    roadmap("done", "pandas", "matplotlib")
    run = roadmap("undo")
    assert run.exit_code == 0, run.stderr
    assert "pandas" in run.stdout and "matplotlib" in run.stdout
    statuses = {
        t["id"]: t["status"] for t in roadmap("list", "--json").json()["stages"][0]["topics"]
    }
    assert (statuses["numpy"], statuses["pandas"], statuses["matplotlib"]) == (
        "done",
        "todo",
        "todo",
    )
    assert roadmap("undo").exit_code == 0
    assert roadmap("list", "--json").json()["stages"][0]["progress"]["done"] == 0
    events = json.loads(progress_file.read_text())["events"]
    assert len(events) == 5  # three status events and two undo events: history kept
    nothing = roadmap("undo")
    assert nothing.exit_code == 1
    assert "nothing to undo" in nothing.stderr


def test_an_undone_change_leaves_the_report_as_it_was(roadmap) -> None:
    roadmap("done", "dl-theory", "--date", "2026-11-20")
    roadmap("done", "dl-code")
    before = roadmap("report", "--json").json()
    roadmap("done", "numpy", "--date", "2020-01-01")
    assert roadmap("undo").exit_code == 0
    after = roadmap("report", "--json").json()
    assert after["pace"] == before["pace"]
    assert after["progress"] == before["progress"]
    assert after["activity"]["streak"] == before["activity"]["streak"]
