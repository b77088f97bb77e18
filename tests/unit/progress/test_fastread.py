"""The direct parsing of event lines (progress/fastread.py): events of other kinds with
plain string fields (review ratings, review modes) read without json.loads, exactly as
the general parser reads them, and declined whenever they are not of that shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_cli.progress import fastread
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.fileformat import read_canonical, read_canonical_file
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.store import ProgressStore

T0 = datetime(2026, 1, 1, tzinfo=UTC)
HEAD = '{\n  "schema": 1,\n  "roadmap": "demo",\n  "events": [\n    '
TAIL = "\n  ]\n}\n"


def document(lines: list[str]) -> bytes:
    return (HEAD + ",\n    ".join(lines) + TAIL).encode("utf-8")


def general(data: bytes) -> Progress:
    return Progress.from_json(json.loads(data))


def same(data: bytes) -> Progress | None:
    """read_canonical's result, checked against the general parser (raw texts too)."""
    fast = read_canonical(data)
    if fast is not None:
        expected = general(data)
        assert fast.progress == expected
        assert [e.raw for e in fast.progress.events] == [e.raw for e in expected.events]
        assert [e.extra for e in fast.progress.events] == [e.extra for e in expected.events]
        assert fast.progress.to_json_text().encode("utf-8") == data
        return fast.progress
    return None


names = st.sampled_from(
    ["review", "review_mode", "raw", "extra", "status", "note", "batch", "topic", "x y", "é"]
)
values = st.one_of(
    st.sampled_from(["good", "again", "off", "", "学习", "a\\b", 'q"', "\x7f", "\t"]),
    st.text(max_size=6),
)


@st.composite
def rating_lines(draw: st.DrawFn, n: int) -> str:
    data: dict[str, object] = {
        "id": f"{n:012x}-{draw(st.integers(0, 9)):08x}",
        "at": (T0 + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if draw(st.booleans()):
        data["topic"] = draw(st.sampled_from(["numpy", "主题", "t" * 201]))
    if draw(st.booleans()):
        data["batch"] = draw(st.sampled_from(["b1", ""]))
    for _ in range(draw(st.integers(1, 3))):
        data.setdefault(draw(names), draw(values))
    items = list(data.items())
    if draw(st.booleans()):  # another order than Event.to_json_line's
        items = items[:2] + list(reversed(items[2:]))
    return json.dumps(dict(items), ensure_ascii=draw(st.booleans()))


@given(
    st.lists(st.integers(0, 10**6), min_size=1, max_size=8, unique=True).flatmap(
        lambda ns: st.tuples(*(rating_lines(n) for n in sorted(ns)))
    )
)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_other_kinds_read_as_the_general_parser_reads_them(lines: tuple[str, ...]) -> None:
    data = document(list(lines))
    try:
        general(data)
    except ValueError:  # not a valid file: the fast reader must decline it too
        assert read_canonical(data) is None
        return
    same(data)


def test_ratings_and_modes_are_parsed_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    events = [
        Event(id="000000000001-00000001", at=T0, topic="numpy", status="done"),
        Event.of_kind("review", "good", id="000000000002-00000001", at=T0, topic="numpy"),
        Event.of_kind(
            "review_mode", "off", id="000000000003-00000001", at=T0, topic="numpy", batch="b"
        ),
    ]
    data = Progress(roadmap="demo", events=events).to_json_text().encode("utf-8")

    def refuse(line: bytes) -> None:
        raise AssertionError(f"parsed the general way: {line!r}")

    monkeypatch.setattr(fastread, "_general", refuse)
    progress = same(data)
    assert progress is not None
    assert [e.kind for e in progress.events] == ["status", "review", "review_mode"]
    assert progress.events[1].raw == events[1].to_json_line()
    assert progress.events[2].value == "off"


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "a", "at": "2026-01-01T00:00:00Z", "topic": "t", "review": "good", "review": "x"}',
        '{"id": "a", "at": "2026-01-01T00:00:00Z", "topic": "t", "status": "good"}',
        '{"id": "a", "at": "2026-01-01T00:00:00Z", "review": "good", "topic": "t"}',
        '{"id": "a", "at": "2026-01-01T00:00:00Z", "topic": "t", "review": "\\u0067ood"}',
        '{"id": "a", "at": "2026-01-01T00:00:00+01:00", "topic": "t", "review": "good"}',
    ],
)
def test_lines_of_other_shapes_go_the_general_way(line: str) -> None:
    """Repeated names, known fields among the others, another order, escapes, another
    zone: never read directly (the general parser keeps or refuses them)."""
    data = document([line])
    assert fastread._OTHER.fullmatch(("    " + line + "\n").encode()) is None or (
        fastread._other_fields(fastread._OTHER.fullmatch(("    " + line + "\n").encode()).group(5))
        == ()
    )
    same(data)


def test_a_large_file_is_read_line_by_line_from_disk(tmp_path: Path) -> None:
    """From 1 MiB on, the store reads the events from the open file (its bytes are
    never all in memory); the result is what parsing the bytes gives."""
    events = [
        Event(id=f"{n:012x}-00000000", at=T0 + timedelta(minutes=n), topic=f"t{n % 9}", note="x")
        for n in range(12_000)
    ]
    events.append(Event.of_kind("review", "good", id="f" * 12 + "-0", at=T0, topic="t1"))
    progress = Progress(roadmap="demo", events=events)
    store = ProgressStore(tmp_path, "demo")
    store.path.write_text(progress.to_json_text(), encoding="utf-8")
    assert store.path.stat().st_size > 1 << 20
    streamed = read_canonical_file(store.path)
    assert streamed is not None
    assert streamed == general(store.path.read_bytes())
    assert store.load() == streamed
    # another layout: declined, read the general way
    store.path.write_text(progress.to_json_text().replace("\n    ", "\n     ", 1), "utf-8")
    assert read_canonical_file(store.path) is None
    assert store.load() == streamed


def test_an_empty_list_over_two_lines_is_not_canonical() -> None:
    data = (HEAD[:-5] + TAIL).encode()  # '"events": [\n  ]\n}\n'
    assert read_canonical(data) is None
    assert general(data).events == []
