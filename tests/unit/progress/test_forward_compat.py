"""Forward compatibility: events and fields from a newer version are kept verbatim.

A newer roadmap-cli on a second machine writes review, plan, link, time or settings events
(and new fields on known events) into a synced progress file. This version must keep
working with that file: it ignores what it does not know in the status fold, and every
write command leaves those events byte for byte as they were.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from roadmap_cli.cli.app import app
from roadmap_cli.progress.events import Event, new_event_id
from roadmap_cli.progress.log import Progress, fold
from roadmap_cli.progress.store import ProgressStore
from roadmap_cli.support import clock

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
#: kinds a newer version may add, each marked by a field named after it
future_payloads = st.sampled_from(
    [
        {"review": "good"},
        {"review": "again", "interval_days": 3},
        {"link": {"url": "https://example.org/notes", "title": "my notes"}},
        {"unlink": "https://example.org/notes"},
        {"review_mode": "on"},
        {"settings": {"review": {"retention": 0.9}}},
        {"plan": {"weeks": 12, "hours_per_week": 6}},
        {"plan": None},
        {"time": {"minutes": 25}},
    ]
) | st.dictionaries(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10).filter(
        lambda k: k not in {"id", "at", "topic", "status", "note", "undo", "batch"}
    ),
    json_values,
    min_size=1,
    max_size=3,
)


def future_event(index: int, payload: dict[str, object], topic: str | None) -> dict[str, object]:
    """An event as a newer version would write it."""
    at = T0 + timedelta(hours=index)
    out: dict[str, object] = {
        "id": new_event_id(at),
        "at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if topic is not None:
        out["topic"] = topic
    out.update(payload)
    return out


def known_event(index: int, topic: str, extra: dict[str, object]) -> dict[str, object]:
    """A status event with fields a newer version added."""
    at = T0 + timedelta(hours=index)
    return {
        "id": new_event_id(at),
        "at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "topic": topic,
        "status": "in_progress",
        **extra,
    }


def file_text(events: list[dict[str, object]], top: dict[str, object]) -> str:
    """The file as a newer version writes it: the documented layout."""
    lines = ",\n    ".join(json.dumps(e, ensure_ascii=False) for e in events)
    body = f"[\n    {lines}\n  ]" if events else "[]"
    tail = "".join(
        f",\n  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in top.items()
    )
    return f'{{\n  "schema": 1,\n  "roadmap": "relearn-ai",\n  "events": {body}{tail}\n}}\n'


future_files = st.builds(
    lambda payloads, extras, topics, top: (payloads, extras, topics, top),
    st.lists(future_payloads, min_size=1, max_size=6),
    st.lists(
        st.dictionaries(st.sampled_from(["source", "device", "minutes"]), json_values, max_size=2),
        max_size=3,
    ),
    st.lists(st.sampled_from(["numpy", "pandas", "attention", None]), min_size=6, max_size=6),
    st.dictionaries(st.sampled_from(["settings", "devices", "plan"]), json_values, max_size=2),
)


def build_file(spec: tuple) -> tuple[str, list[dict[str, object]]]:
    payloads, extras, topics, top = spec
    events = [known_event(i, "numpy", extra) for i, extra in enumerate(extras)]
    events += [
        future_event(len(events) + i, p, topics[i % len(topics)]) for i, p in enumerate(payloads)
    ]
    return file_text(events, top), events


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=future_files, command=st.sampled_from(["done", "note", "start", "undo", "merge"]))
def test_a_future_file_round_trips_byte_for_byte_through_a_write_command(
    _isolated: Path, tmp_path_factory: pytest.TempPathFactory, spec: tuple, command: str
) -> None:
    text, _ = build_file(spec)
    _isolated.mkdir(parents=True, exist_ok=True)
    path = _isolated / "relearn-ai.json"
    path.write_text(text, encoding="utf-8")
    args = {
        "done": ["done", "pandas"],
        "start": ["start", "attention"],
        "note": ["note", "pandas", "a note from the older version"],
        "undo": ["undo"],
        "merge": ["progress", "merge"],
    }[command]
    if command == "undo":  # something of ours to undo
        assert CliRunner().invoke(app, ["done", "matplotlib"]).exit_code == 0
        text = path.read_text(encoding="utf-8")
    if command == "merge":
        other = tmp_path_factory.mktemp("other") / "copy.json"
        copy = Progress(
            roadmap="relearn-ai",
            events=[
                Event(
                    id=new_event_id(T0 + timedelta(days=2)), at=T0, topic="seaborn", status="done"
                )
            ],
        )
        other.write_text(copy.to_json_text(), encoding="utf-8")
        args = [*args, str(other)]
    clock.pin(NOW)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        clock.pin(None)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    old_ids = {e["id"] for e in json.loads(text)["events"]}
    new_ids = {e["id"] for e in json.loads(after)["events"]}
    assert old_ids < new_ids, "every event is kept, and the command recorded something"
    # removing the events the command added gives back exactly the bytes of the original
    # file: every line of the newer version's file is still there, unchanged, in order
    stripped = Progress.from_json(json.loads(after))
    stripped.events = [e for e in stripped.events if e.id in old_ids]
    assert stripped.to_json_text() == text


def test_unknown_kinds_are_ignored_by_the_fold_and_do_not_count() -> None:
    # "review" is a kind this version knows (EXTRA_KINDS); "flashcard" is a newer one's
    review = Event.from_json(
        {
            "id": new_event_id(T0),
            "at": "2026-11-01T09:00:00Z",
            "topic": "numpy",
            "flashcard": "good",
        }
    )
    plan = Event.from_json({"id": new_event_id(T0), "at": "2026-11-01T09:00:00Z", "goal": {}})
    status = Event.from_json(
        {
            "id": new_event_id(T0),
            "at": "2026-11-01T09:00:00Z",
            "topic": "numpy",
            "status": "done",
            "minutes": 30,
        }
    )
    assert (review.kind, plan.kind, status.kind) == ("flashcard", "goal", "status")
    assert not review.known and status.known
    assert review.extra_fields() == {"flashcard": "good"}
    assert status.extra_fields() == {"minutes": 30}
    states = fold([review, plan])
    assert states == {}  # no status, no note: the topic is untouched
    states = fold([review, status, plan])
    assert states["numpy"].status == "done"
    assert states["numpy"].events == [status]


def test_undo_passes_over_kinds_it_does_not_know() -> None:
    mine = Event(id=new_event_id(T0), at=T0, topic="numpy", status="done")
    later = Event.from_json(
        {
            "id": new_event_id(T0 + timedelta(hours=1)),
            "at": "2026-11-01T10:00:00Z",
            "flashcard": "easy",
            "topic": "numpy",
        }
    )
    progress = Progress(roadmap="r", events=[mine, later])
    assert progress.last_change() == [mine]


def test_an_event_made_here_can_carry_a_new_kind() -> None:
    """How a feature adds a kind: an Event with its field in ``extra``."""
    event = Event(id="x", at=T0, topic="numpy", extra=(("review", '"hard"'),))
    assert event.kind == "review"
    assert event.to_json_line() == (
        '{"id": "x", "at": "2026-11-01T09:00:00Z", "topic": "numpy", "review": "hard"}'
    )
    assert Event.from_json(json.loads(event.to_json_line())) == event


@pytest.mark.parametrize(
    "extra",
    [(("status", '"done"'),), (("review", "not json"),), "review"],
)
def test_bad_extra_fields_are_refused(extra: object) -> None:
    from roadmap_cli.progress.events import ShapeError

    with pytest.raises(ShapeError):
        Event(id="x", at=T0, topic="numpy", extra=extra)  # type: ignore[arg-type]


def test_a_newer_major_format_is_still_refused(tmp_path: Path) -> None:
    from roadmap_cli.errors import ProgressFileError

    path = tmp_path / "r.json"
    path.write_text('{"schema": 2, "roadmap": "r", "events": []}', encoding="utf-8")
    with pytest.raises(ProgressFileError) as info:
        ProgressStore(tmp_path, "r").load()
    assert "newer roadmap-cli" in info.value.message
    assert path.read_text(encoding="utf-8") == '{"schema": 2, "roadmap": "r", "events": []}'


def test_cli_reads_a_future_file_and_history_names_the_unknown_kind(_isolated: Path) -> None:
    text, _ = build_file(([{"review": "good"}], [], ["numpy"] * 6, {}))
    _isolated.mkdir(parents=True, exist_ok=True)
    (_isolated / "relearn-ai.json").write_text(text, encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["list"],
        ["report"],
        ["history"],
        ["show", "numpy"],
        ["doctor"],
        ["list", "--json"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    history = runner.invoke(app, ["history"])
    assert "review" in history.stdout
