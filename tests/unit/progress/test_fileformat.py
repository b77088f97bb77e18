"""The fast reader and appending writer of the canonical progress layout
(progress/fileformat.py) against the general parser and the full serialisation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_cli.progress.appending import appended_text
from roadmap_cli.progress.events import STATUSES, Event
from roadmap_cli.progress.fileformat import parse_progress, read_canonical
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.store import ProgressStore

T0 = datetime(2026, 1, 1, tzinfo=UTC)

ids = st.one_of(
    st.integers(0, 2**40).map(lambda n: f"{n:012x}-{n % 2**32:08x}"),
    st.text(min_size=1, max_size=12),  # made by hand: any text, escapes, non-ASCII
)
texts = st.text(max_size=20)  # notes: quotes, backslashes, control characters, CJK, ...
extra_values = st.one_of(st.integers(), texts, st.lists(st.integers(), max_size=3))


@st.composite
def events(draw: st.DrawFn) -> Event:
    kind = draw(st.sampled_from(["status", "note", "undo", "review", "newer"]))
    data: dict[str, object] = {
        "id": draw(ids),
        "at": (T0 + timedelta(seconds=draw(st.integers(0, 10**8)))).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if kind != "undo":
        data["topic"] = draw(st.one_of(st.sampled_from(["numpy", "attention"]), ids))
    if kind == "status":
        data["status"] = draw(st.sampled_from(STATUSES))
    elif kind == "note":
        data["note"] = draw(texts)
    elif kind == "undo":
        data["undo"] = draw(st.lists(ids, max_size=3))
    elif kind == "review":
        data["review"] = draw(st.sampled_from(["good", "easy"]))
    else:
        data["minutes"] = draw(extra_values)
    if draw(st.booleans()):
        data["batch"] = draw(st.one_of(ids, st.just("")))
    return Event.from_json(data)


def unique(items: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in items:
        seen.setdefault(event.id, event)
    return list(seen.values())


event_lists = st.lists(events(), max_size=12).map(unique)


def general(text: bytes) -> Progress:
    return Progress.from_json(json.loads(text))


@given(event_lists)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_the_fast_reader_gives_what_the_general_parser_gives(items: list[Event]) -> None:
    text = Progress(roadmap="demo", events=items).to_json_text().encode("utf-8")
    fast = read_canonical(text)
    assert fast is not None, "a file roadmap wrote is canonical"
    expected = general(text)
    assert fast.progress == expected
    assert [e.raw for e in fast.progress.events] == [e.raw for e in expected.events]
    assert fast.progress.to_json_text().encode("utf-8") == text
    assert [type(e.at.tzinfo) for e in fast.progress.events] == [
        type(e.at.tzinfo) for e in expected.events
    ]


@given(event_lists, st.integers(0, 11), st.sampled_from(["indent", "compact", "reorder", "ws"]))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_other_layouts_read_as_before(items: list[Event], index: int, edit: str) -> None:
    """A hand-edited file: reformatted, keys reordered, spaces added. The fast reader
    declines it (or, if it reads it, agrees); parse_progress gives the general result."""
    progress = Progress(roadmap="demo", events=items)
    document = json.loads(progress.to_json_text())
    if edit == "indent":
        text = json.dumps(document, indent=2, ensure_ascii=False)
    elif edit == "compact":
        text = json.dumps(document, separators=(",", ":"))
    else:
        text = progress.to_json_text()
        lines = text.split("\n")
        if items:  # lines 4 .. 4 + len(items) - 1 are the events
            line = 4 + index % len(items)
            if edit == "reorder":
                event = json.loads(lines[line].strip().rstrip(","))
                moved = dict(reversed(list(event.items())))
                lines[line] = (
                    "    "
                    + json.dumps(moved, ensure_ascii=False)
                    + ("," if lines[line].endswith(",") else "")
                )
            else:
                lines[line] = lines[line].replace('", "', '",  "', 1)
        text = "\n".join(lines)
    data = text.encode("utf-8")
    fast = read_canonical(data)
    if fast is not None:
        assert fast.progress == general(data)
        assert fast.progress.to_json_text().encode("utf-8") == data
    assert parse_progress(data, Path("p.json"), "demo") == general(data)


@given(event_lists, event_lists)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_appending_writes_the_bytes_a_full_write_would(old: list[Event], new: list[Event]) -> None:
    """The appended file is byte for byte the full serialisation, whenever it is used."""
    ours = Progress(roadmap="demo", events=old)
    data = ours.to_json_text().encode("utf-8")
    read = read_canonical(data)
    assert read is not None
    progress = read.progress
    before = list(progress.events)
    taken = {e.id for e in before}
    fresh = [e for e in unique(new) if e.id not in taken]
    for event in fresh:
        progress.add(event)
    added = [e for e in progress.events if all(e is not b for b in before)]
    text = appended_text(data, before, added, progress)
    full = progress.to_json_text().encode("utf-8")
    if text is not None:
        assert text == full
    if before and added and min(e.sort_key() for e in added) > before[-1].sort_key():
        assert text is not None, "new events after the old ones are appended"


def test_an_event_inserted_before_the_last_is_not_appended() -> None:
    first = Event(id="a", at=T0, topic="x", status="done")
    last = Event(id="c", at=T0 + timedelta(hours=2), topic="x", status="todo")
    middle = Event(id="b", at=T0 + timedelta(hours=1), topic="x", status="skipped")
    progress = Progress(roadmap="demo", events=[first, last])
    data = progress.to_json_text().encode()
    before = list(progress.events)
    progress.add(middle)
    assert appended_text(data, before, [middle], progress) is None


@pytest.mark.parametrize("backdated", [False, True])
def test_store_writes_appended_events_byte_identical(tmp_path: Path, backdated: bool) -> None:
    """Through ProgressStore.update: appended when the new event sorts last, a full
    write when it is back-dated; the file is the full serialisation either way."""
    store = ProgressStore(tmp_path, "demo")
    events = [
        Event(id=f"{n:012x}-0000000{n % 10}", at=T0 + timedelta(days=n), topic="t", note=f"n{n}")
        for n in range(1, 30)
    ]
    store.replace(Progress(roadmap="demo", events=events))
    when = T0 + (timedelta(hours=1) if backdated else timedelta(days=400))

    def record(progress: Progress) -> None:
        progress.add(Event(id=progress.new_id(), at=when, topic="t", status="done"))

    store.update(record)
    data = store.path.read_bytes()
    reread = parse_progress(data, store.path, "demo")
    assert reread.to_json_text().encode("utf-8") == data
    assert len(reread.events) == 30
    assert (reread.events[-1].status == "done") is not backdated
    assert store.load() == reread


def test_damaged_lines_get_the_general_errors(tmp_path: Path) -> None:
    good = Progress(roadmap="demo", events=[Event(id="a", at=T0, topic="x", status="done")])
    text = good.to_json_text().replace('"done"', '"finished"').encode()
    assert read_canonical(text) is None
    with pytest.raises(Exception, match=r"events\[0\]\.status"):
        parse_progress(text, tmp_path / "p.json", "demo")
    newer = good.to_json_text().replace('"schema": 1', '"schema": 9').encode()
    assert read_canonical(newer) is None
