"""'roadmap log TOPIC DURATION': time events, their errors, and undo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from roadmap_cli.support import clock

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _pinned() -> Iterator[None]:
    clock.pin(NOW)
    yield
    clock.pin(None)


def _events(progress_file: Path) -> list[dict[str, object]]:
    if not progress_file.exists():
        return []
    return json.loads(progress_file.read_text(encoding="utf-8"))["events"]


@pytest.mark.parametrize(
    ("text", "minutes"), [("90m", 90), ("1h30m", 90), ("2h", 120), ("24h", 1440)]
)
def test_durations_are_recorded_in_minutes(roadmap, progress_file, text: str, minutes: int) -> None:
    run = roadmap("log", "attention", text)
    assert run.exit_code == 0, run.stderr
    assert "Logged" in run.stdout and "Self-attention (attention)" in run.stdout
    (event,) = _events(progress_file)
    assert event == {
        "id": event["id"],
        "at": "2026-11-30T12:00:00Z",
        "topic": "attention",
        "time": {"minutes": minutes},
    }


def test_log_with_a_date_and_a_note_and_json(roadmap, progress_file) -> None:
    run = roadmap("log", "注意力机制", "45m", "--date", "yesterday", "-m", "again", "--json")
    assert run.exit_code == 0, run.stderr
    doc = run.json()
    assert doc["topic"]["id"] == "attention"
    assert doc["time"]["minutes"] == 45 and doc["time"]["note"] == "again"
    assert doc["time"]["at"] == "2026-11-29T12:00:00Z"
    assert doc["topic_minutes"] == 45
    (event,) = _events(progress_file)
    assert event["time"] == {"minutes": 45, "note": "again"}
    assert "note" not in event  # a top-level note would make it a note event
    assert roadmap("log", "attention", "1h", "--json").json()["topic_minutes"] == 105
    # the status does not change
    assert roadmap("show", "attention", "--json").json()["topic"]["status"] == "todo"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["attention", "abc"], "DURATION: cannot read 'abc' as a duration"),
        (["attention", "1.5h"], "DURATION: cannot read '1.5h' as a duration"),
        (["attention", "25h"], "DURATION: '25h' is more than 24 hours for one entry"),
        (["attention", "24h1m"], "DURATION: '24h1m' is more than 24 hours for one entry"),
        (["attention", "0m"], "DURATION: '0m' is no time at all"),
        (["attention", "90m", "--date", "2026-12-01"], "--date: '2026-12-01' is in the future"),
        (["attention", "90m", "--date", "soon"], "--date: cannot read 'soon' as a date"),
        (["attention", "90m", "-m", "  "], "-m: the note is empty"),
        (["no-such-topic", "90m"], "unknown topic"),
    ],
)
@pytest.mark.parametrize("as_json", [False, True])
def test_bad_input_is_one_line_and_records_nothing(
    roadmap, progress_file, args: list[str], message: str, as_json: bool
) -> None:
    run = roadmap("log", *args, *(["--json"] if as_json else []))
    assert run.exit_code == 2, run.stdout + run.stderr
    assert run.stdout == ""
    assert run.stderr.startswith("roadmap: error: ")
    assert message in run.stderr.splitlines()[0]
    assert len(run.stderr.splitlines()) <= 2
    assert _events(progress_file) == []


def test_undo_reverts_a_log(roadmap) -> None:
    assert roadmap("log", "attention", "2h").exit_code == 0
    assert roadmap("log", "attention", "30m").exit_code == 0
    undo = roadmap("undo")
    assert undo.exit_code == 0
    assert "30m logged on attention" in undo.stdout
    report = roadmap("report", "--json").json()["time"]
    assert report["minutes"] == 120
    assert "(undone)" in roadmap("history").stdout


def test_report_adds_time_per_stage_and_week(roadmap) -> None:
    assert roadmap("log", "dl-theory", "1h", "--date", "2026-11-23").exit_code == 0
    assert roadmap("log", "dl-code", "2h").exit_code == 0
    time = roadmap("report", "--json").json()["time"]
    assert time["per_week"] == {"2026-11-23": 60, "2026-11-30": 120}
    assert sum(time["per_stage"].values()) == 180
    assert time["median_minutes_per_topic"] is None
    text = roadmap("report").stdout
    assert "per week: Mon 23 Nov 1.0 h · Mon 30 Nov 2.0 h" in text
    assert "median per topic: after 3 done topics have time (0 so far)" in text
