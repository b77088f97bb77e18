"""Durations and what time events add up to (progress/timelog.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.snapshot import snapshot
from roadmap_cli.progress.timelog import (
    format_minutes,
    parse_duration,
    time_entries,
    time_summary,
)
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import load_catalog


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("90m", 90), ("1h30m", 90), ("2h", 120), ("1H 5M", 65), (" 45min ", 45), ("24h", 1440)],
)
def test_parse_duration(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    "text", ["", " ", "h", "m", "1.5h", "90", "1d", "-5m", "0h", "24h1m", "2h90x"]
)
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(UsageError):
        parse_duration(text)


def test_format_minutes() -> None:
    assert [format_minutes(m) for m in (45, 60, 90, 125, 89.6)] == [
        "45m",
        "1h",
        "1h30m",
        "2h05m",
        "1h30m",
    ]


def _time(n: int, topic: str, minutes: object, day: int = 1) -> Event:
    at = datetime(2026, 12, day, 12, tzinfo=UTC)
    return Event.of_kind("time", {"minutes": minutes}, id=f"{n:012x}-00000000", at=at, topic=topic)


def test_summary_median_over_done_topics_only_and_undone_or_malformed_left_out() -> None:
    catalog = load_catalog(bundled_roadmap_path())
    progress = Progress(roadmap="relearn-ai")
    for n, (topic, minutes) in enumerate(
        [("dl-theory", 60), ("dl-code", 120), ("numpy", 90), ("pandas", 600), ("numpy", 30)]
    ):
        progress.add(_time(n, topic, minutes))
    progress.add(_time(20, "numpy", "lots"))  # malformed: counts for nothing
    progress.add(
        Event(
            id=f"{21:012x}-00000000",
            at=datetime(2026, 12, 2, tzinfo=UTC),
            undo=(f"{4:012x}-00000000",),
        )
    )
    assert [e.minutes for e in time_entries(progress)] == [60, 120, 90, 600]
    for n, topic in enumerate(["dl-theory", "dl-code"], start=30):
        progress.add(
            Event(
                id=f"{n:012x}-00000000",
                at=datetime(2026, 12, 3, tzinfo=UTC),
                topic=topic,
                status="done",
            )
        )
    summary = time_summary(snapshot(catalog, progress), UTC)
    assert summary.total == 870
    assert summary.timed_done == 2 and summary.median_per_topic is None
    progress.add(
        Event(
            id=f"{40:012x}-00000000",
            at=datetime(2026, 12, 3, tzinfo=UTC),
            topic="numpy",
            status="done",
        )
    )
    summary = time_summary(snapshot(catalog, progress), UTC)
    assert summary.timed_done == 3
    assert summary.median_per_topic == 90  # pandas (not done) is left out
    assert list(summary.per_week) == [datetime(2026, 11, 30).date()]
