"""Property tests (hypothesis) of the event log: fold, undo, merge, save/load."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_cli.errors import ProgressFileError
from roadmap_cli.progress.events import STATUSES, Event
from roadmap_cli.progress.fileformat import parse_progress
from roadmap_cli.progress.log import Progress, fold, merge_events
from roadmap_cli.progress.store import ProgressStore

T0 = datetime(2026, 1, 1, tzinfo=UTC)
TOPICS = ["a", "b", "c", "d"]

# --- status changes and undo against a simple model -----------------------------------

Op = tuple[str, str, str] | tuple[str]  # ("set", topic, status) or ("undo",)
ops = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.sampled_from(TOPICS), st.sampled_from(STATUSES)),
        st.tuples(st.just("undo")),
    ),
    max_size=40,
)


def event_id(n: int) -> str:
    return f"{n:012x}-{n:08x}"


@given(ops)
def test_fold_with_undo_matches_a_stack_model(sequence: list[Op]) -> None:
    progress = Progress(roadmap="demo")
    model: list[tuple[str, str]] = []  # the live changes, oldest first
    for n, op in enumerate(sequence, 1):
        at = T0 + timedelta(minutes=n)
        if op[0] == "set":
            _, topic, status = op
            progress.add(
                Event.from_json({"id": event_id(n), "at": at, "topic": topic, "status": status})
            )
            model.append((topic, status))
        else:
            last = progress.last_change()
            if last:
                progress.add(Event(id=event_id(n), at=at, undo=tuple(e.id for e in last)))
                model.pop()
            else:
                assert model == []
    expected = {topic: status for topic, status in model}
    states = fold(progress.events)
    assert {t: s.status for t, s in states.items()} == {t: expected.get(t, "todo") for t in states}
    for topic, status in expected.items():
        assert states[topic].status == status


@given(ops)
def test_batches_undo_together(sequence: list[Op]) -> None:
    """Every status set in one batch, then one undo: back to nothing."""
    progress = Progress(roadmap="demo")
    sets = [op for op in sequence if op[0] == "set"]
    for n, op in enumerate(sets, 1):
        progress.add(
            Event.from_json(
                {
                    "id": event_id(n),
                    "at": T0 + timedelta(minutes=n),
                    "topic": op[1],
                    "status": op[2],
                    "batch": "batch-1",
                }
            )
        )
    last = progress.last_change()
    assert len(last) == len(sets)
    if last:
        progress.add(
            Event(id=event_id(999), at=T0 + timedelta(days=1), undo=tuple(e.id for e in last))
        )
    assert fold(progress.events) == {}


# --- merge -------------------------------------------------------------------------------

# A small pool of ids and times so lists overlap, and the same id can carry other contents
# (a hand-edited copy).
events = st.builds(
    lambda n, minute, topic, kind, value: Event.from_json(
        {
            "id": event_id(n),
            "at": T0 + timedelta(minutes=minute),
            "topic": topic,
            kind: value,
        }
    ),
    st.integers(0, 12),
    st.integers(0, 5),
    st.sampled_from(TOPICS),
    st.sampled_from(["status", "note"]),
    st.sampled_from(["done", "todo", "skipped"]),
)
event_lists = st.lists(events, max_size=12)


@given(event_lists, event_lists)
def test_merge_is_commutative(a: list[Event], b: list[Event]) -> None:
    assert merge_events(a, b) == merge_events(b, a)


@given(event_lists, event_lists, event_lists)
def test_merge_is_associative(a: list[Event], b: list[Event], c: list[Event]) -> None:
    assert merge_events(merge_events(a, b), c) == merge_events(a, merge_events(b, c))


@given(event_lists, event_lists)
def test_merge_is_idempotent_and_keeps_every_id(a: list[Event], b: list[Event]) -> None:
    merged = merge_events(a, b)
    assert merge_events(merged, merged) == merged
    assert merge_events(merged, a) == merged
    assert {e.id for e in merged} == {e.id for e in [*a, *b]}
    assert [e.sort_key() for e in merged] == sorted(e.sort_key() for e in merged)


# --- save then load ----------------------------------------------------------------------

any_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
stored_events = st.builds(
    lambda n, seconds, topic, kind, status, note, batch: Event.from_json(
        {
            "id": f"{n:012x}-{n % 97:08x}",
            "at": T0 + timedelta(seconds=seconds),
            "topic": topic,
            **({"status": status} if kind == "status" else {"note": note}),
            **({"batch": batch} if batch else {}),
        }
    ),
    st.integers(0, 2**40),
    st.integers(0, 10**9),
    any_text,
    st.sampled_from(["status", "note"]),
    st.sampled_from(STATUSES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.one_of(st.none(), st.just("b1")),
)


@given(st.lists(stored_events, max_size=20))
def test_to_json_text_then_parse_is_the_identity(items: list[Event]) -> None:
    progress = Progress(roadmap="demo", events=items)
    again = parse_progress(progress.to_json_text().encode("utf-8"), Path("p.json"), "demo")
    assert again.events == progress.events
    assert again.roadmap == "demo"
    assert again.to_json_text() == progress.to_json_text()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(stored_events, min_size=1, max_size=20, unique_by=lambda e: e.id))
def test_store_save_then_load_is_the_identity(tmp_path: Path, items: list[Event]) -> None:
    store = ProgressStore(tmp_path / "data", "demo")
    if store.path.exists():
        store.path.unlink()
    expected = Progress(roadmap="demo", events=items).events

    def put(progress: Progress) -> None:
        for event in items:
            progress.add(event)

    store.update(put)
    fresh = ProgressStore(store.data_dir, "demo")  # reads the file, as the next command would
    assert fresh.load().events == expected


# --- the progress parser given arbitrary input -------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.sampled_from(["done", "a", "", "2026-01-01T00:00:00Z", "0001-01-01T00:00:00+05:00"])
    | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
event_like = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.just("x"),
        "at": json_values,
        "topic": json_values | st.just("t"),
        "status": json_values | st.sampled_from(STATUSES),
        "note": json_values,
        "undo": json_values | st.just(["x"]),
        "batch": json_values,
    },
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "schema": json_values | st.just(1),
        "roadmap": json_values | st.just("demo"),
        "events": st.lists(event_like, max_size=4) | json_values,
    },
)


# 150 examples (was 300): what parses must round-trip is also checked on 100 valid
# documents above, and "only its own error" on 100 arbitrary byte strings below.
@settings(max_examples=150)
@given(documents | json_values)
def test_parse_progress_returns_progress_or_its_own_error(document: object) -> None:
    import json

    data = json.dumps(document).encode("utf-8")
    try:
        progress = parse_progress(data, Path("p.json"))
    except ProgressFileError as exc:
        assert exc.message.startswith("p.json: ")
        assert exc.hint
    else:
        assert parse_progress(progress.to_json_text().encode(), Path("p.json")) == progress


@given(st.binary(max_size=200))
def test_parse_progress_on_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(ProgressFileError):  # anything else fails the test
        parse_progress(data, Path("p.json"))
