"""Writes that append to a large progress file read line by line
(progress/appending.py): the same bytes as the full serialisation, copied from the file
itself, and a full write when the file changed between reading and writing."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from roadmap_cli.progress import appending
from roadmap_cli.progress.appending import StreamedFile, fresh_events
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.fileformat import parse_progress, read_canonical_stream
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.store import ProgressStore

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _large(tmp_path: Path) -> ProgressStore:
    events = [
        Event(id=f"{n:012x}-00000000", at=T0 + timedelta(minutes=n), topic=f"t{n % 9}", note="x")
        for n in range(12_000)
    ]
    store = ProgressStore(tmp_path, "demo")
    store.path.write_text(Progress(roadmap="demo", events=events).to_json_text(), "utf-8")
    assert store.path.stat().st_size > 1 << 20  # read line by line
    return store


def _done(when: datetime) -> object:
    def record(progress: Progress) -> None:
        progress.add(Event(id=progress.new_id(), at=when, topic="t1", status="done"))

    return record


def test_a_large_file_is_appended_to_from_the_file_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _large(tmp_path)
    copies: list[int] = []
    real = appending._copy_appended

    def spy(source: StreamedFile, inserted: bytes, handle: object) -> bool:
        result = real(source, inserted, handle)  # type: ignore[arg-type]
        copies.append(int(result))
        return result

    monkeypatch.setattr(appending, "_copy_appended", spy)
    store.update(_done(T0 + timedelta(days=400)))  # type: ignore[arg-type]
    assert copies == [1]  # appended by copying the file read, not by serialising
    data = store.path.read_bytes()
    reread = parse_progress(data, store.path, "demo")
    assert reread.to_json_text().encode("utf-8") == data
    assert len(reread.events) == 12_001 and reread.events[-1].status == "done"
    assert store.load() == reread


def test_a_backdated_event_in_a_large_file_is_a_full_write(tmp_path: Path) -> None:
    store = _large(tmp_path)
    store.update(_done(T0 + timedelta(minutes=5, seconds=30)))  # type: ignore[arg-type]
    data = store.path.read_bytes()
    reread = parse_progress(data, store.path, "demo")
    assert reread.to_json_text().encode("utf-8") == data
    assert [e.status for e in reread.events].count("done") == 1
    assert reread.events[6].status == "done"  # in time order, not at the end


def test_a_file_changed_since_it_was_read_is_not_appended_to(tmp_path: Path) -> None:
    """Another program rewrote the file between the read and the write: the copy is
    refused and the caller writes the whole progress (what was read, plus the change)."""
    store = _large(tmp_path)
    read = read_canonical_stream(store.path)
    assert read is not None
    progress, source = read
    before = list(progress.events)
    progress.add(Event(id=progress.new_id(), at=T0 + timedelta(days=400), topic="t1", note="n"))
    append = appending.appender(source, before, fresh_events(before, progress.events), progress)
    assert append is not None
    store.path.write_bytes(store.path.read_bytes())  # same bytes, another write
    out = tmp_path / "out"
    with out.open("wb") as handle:
        assert append(handle) is False
    os.utime(store.path)
    gone = StreamedFile(tmp_path / "missing.json", source.identity)
    with out.open("wb") as handle:
        assert appending._copy_appended(gone, b"", handle) is False


def test_fresh_events_are_the_tail_or_found_by_identity() -> None:
    a, b, c = (Event(id=x, at=T0, topic="t", note=x) for x in "abc")
    assert fresh_events([a, b], [a, b, c]) == [c]
    assert fresh_events([a, c], [a, b, c]) == [b]  # inserted in the middle
    assert fresh_events([a, b], [a, b]) == []
