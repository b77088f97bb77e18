"""Every mark sticks: status goes by recording order, ``at`` only dates the work.

The clock is pinned through :mod:`roadmap_cli.support.clock` (no faketime).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from roadmap_cli.support import clock

NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)  # an afternoon: --date today means noon


@pytest.fixture(autouse=True)
def pinned() -> Iterator[None]:
    clock.pin(NOW)
    yield
    clock.pin(None)


def status_of(roadmap, topic: str) -> str:
    run = roadmap("show", topic, "--json")
    assert run.exit_code == 0, run.stderr
    return run.json()["topic"]["status"]


@pytest.mark.parametrize(
    ("first", "second", "date", "expected"),
    [
        (["start"], "done", "yesterday", "done"),
        (["start"], "done", "today", "done"),
        (["done"], "reset", "today", "todo"),
        (["done", "reset"], "done", "2026-11-01", "done"),
        (["done"], "start", "2026-10-01", "in_progress"),
    ],
)
def test_a_back_dated_change_sticks_and_says_only_what_happened(
    roadmap, first: list[str], second: str, date: str, expected: str
) -> None:
    for verb in first:
        assert roadmap(verb, "pandas").exit_code == 0
    before = status_of(roadmap, "pandas")
    run = roadmap(second, "pandas", "--date", date)
    assert run.exit_code == 0, run.stderr
    assert status_of(roadmap, "pandas") == expected
    labels = {"todo": "to do", "in_progress": "in progress", "done": "done"}
    assert f"{labels[before]} → {labels[expected]}" in run.stdout
    data = roadmap(second, "pandas", "--date", date, "--json").json()
    assert data["changes"][0]["to"] == expected


def test_done_with_a_date_on_a_done_topic_moves_its_date_and_counts_once(roadmap) -> None:
    assert roadmap("done", "pandas", "--date", "2026-11-30").exit_code == 0
    run = roadmap("done", "pandas", "--date", "2026-11-15")
    assert run.exit_code == 0, run.stderr
    assert "done date moved from 2026-11-30 to 2026-11-15" in run.stdout
    assert "→" not in run.stdout  # no transition happened
    report = roadmap("report", "--json").json()
    assert report["activity"]["days"] == {"2026-11-15": 1}
    data = roadmap("done", "pandas", "--date", "2026-11-20", "--json").json()
    assert data["changes"][0]["moved_from"] == "2026-11-15T12:00:00Z"
    assert data["changes"][0]["changed"] is False
    # the same date again moves nothing and records nothing
    same = roadmap("done", "pandas", "--date", "2026-11-20")
    assert "(already done)" in same.stdout
    assert roadmap("report", "--json").json()["activity"]["days"] == {"2026-11-20": 1}
    # undo brings the previous date back
    assert roadmap("undo").exit_code == 0
    assert roadmap("report", "--json").json()["activity"]["days"] == {"2026-11-15": 1}


def test_done_with_date_and_note_dates_the_note_too(roadmap) -> None:
    run = roadmap("done", "pandas", "--date", "2026-11-01", "-m", "groupby at last")
    assert run.exit_code == 0, run.stderr
    notes = roadmap("show", "pandas", "--json").json()["topic"]["notes"]
    assert notes[0]["at"] == "2026-11-01T12:00:00Z"


def test_a_merged_event_from_a_clock_ahead_cannot_override_a_later_local_change(
    roadmap, progress_file: Path, tmp_path: Path
) -> None:
    # the laptop's clock runs 5 hours ahead: it marks pandas done "at 21:00"
    clock.pin(NOW + timedelta(hours=5))
    assert roadmap("done", "pandas").exit_code == 0
    laptop = tmp_path / "laptop.json"
    assert roadmap("progress", "export", str(laptop)).exit_code == 0
    progress_file.unlink()
    # the desktop (right clock) merges, then resets pandas: the reset was recorded later
    clock.pin(NOW)
    assert roadmap("progress", "merge", str(laptop)).exit_code == 0
    assert status_of(roadmap, "pandas") == "done"
    assert roadmap("reset", "pandas").exit_code == 0
    assert status_of(roadmap, "pandas") == "todo"
    events = json.loads(progress_file.read_text())["events"]
    last_recorded = max(events, key=lambda e: e["id"])
    assert last_recorded["status"] == "todo"  # after the laptop's id, whatever the clocks
    assert events[-1]["status"] == "done"  # while the file stays in time (at) order
    # undo reverts the reset, the last change recorded
    assert roadmap("undo").exit_code == 0
    assert status_of(roadmap, "pandas") == "done"


def test_merge_of_a_known_id_with_other_content_is_refused_naming_it(
    roadmap, progress_file: Path, tmp_path: Path
) -> None:
    assert roadmap("done", "pandas").exit_code == 0
    data = json.loads(progress_file.read_text())
    event = data["events"][0]
    event["status"] = "skipped"
    copy = tmp_path / "copy.json"
    copy.write_text(json.dumps(data))
    before = progress_file.read_bytes()
    run = roadmap("progress", "merge", str(copy))
    assert run.exit_code == 1
    assert event["id"] in run.stderr
    assert "nothing was merged" in run.stderr
    assert progress_file.read_bytes() == before
    assert "Nothing new" not in run.stdout
