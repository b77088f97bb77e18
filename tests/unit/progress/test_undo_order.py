"""Undo reverts the change just made here, whatever other machines' clocks say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from roadmap_cli.progress.events import Event, new_event_id
from roadmap_cli.progress.log import Progress

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def status(at: datetime, topic: str, event_id: str | None = None) -> Event:
    return Event(id=event_id or new_event_id(at), at=at, topic=topic, status="done")


def test_events_from_a_clock_ahead_are_not_taken_for_the_last_change() -> None:
    from roadmap_cli.support import clock

    ahead = NOW + timedelta(hours=6)
    merged = status(ahead, "pandas")  # made on a laptop whose clock runs 6 h ahead
    progress = Progress(roadmap="r", events=[merged])
    clock.pin(NOW)
    try:
        mine = Event(id=progress.new_id(), at=NOW, topic="numpy", status="done")
    finally:
        clock.pin(None)
    assert mine.id > merged.id  # the hybrid logical clock: after every id in the file
    progress.add(mine)
    assert [e.topic for e in progress.last_change(NOW)] == ["numpy"]


def test_an_id_without_a_time_counts_as_oldest() -> None:
    hand_made = status(NOW - timedelta(days=3), "pandas", event_id="a1")
    mine = status(NOW, "numpy")
    progress = Progress(roadmap="r", events=[hand_made, mine])
    assert [e.topic for e in progress.last_change(NOW)] == ["numpy"]
    progress.add(Event(id=new_event_id(NOW), at=NOW, undo=(mine.id,)))
    assert [e.topic for e in progress.last_change(NOW)] == ["pandas"]


def test_two_different_events_under_one_id_are_refused_not_dropped(tmp_path) -> None:
    import json

    import pytest

    from roadmap_cli.errors import ProgressFileError
    from roadmap_cli.progress.store import ProgressStore

    path = tmp_path / "r.json"
    first = {"id": "x", "at": "2026-11-01T00:00:00Z", "topic": "numpy", "status": "done"}
    second = {"id": "x", "at": "2026-11-02T00:00:00Z", "topic": "numpy", "status": "todo"}
    path.write_text(json.dumps({"schema": 1, "roadmap": "r", "events": [first, second]}))
    before = path.read_bytes()
    with pytest.raises(ProgressFileError) as info:
        ProgressStore(tmp_path, "r").load()
    assert "share the id 'x'" in info.value.message
    assert path.read_bytes() == before
    path.write_text(json.dumps({"schema": 1, "roadmap": "r", "events": [first, first]}))
    assert len(ProgressStore(tmp_path, "r").load().events) == 1  # the same event twice: fine
