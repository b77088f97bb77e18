"""Event.to_json_line writes exactly what the JSON encoder would, for any text."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress

text = st.text(min_size=1, max_size=30)
times = st.datetimes(
    min_value=datetime(1800, 1, 2), max_value=datetime(8999, 12, 30), timezones=st.just(UTC)
) | st.builds(
    lambda at, hours: at.replace(tzinfo=UTC).astimezone(timezone(timedelta(hours=hours))),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(8000, 1, 1)),
    st.integers(min_value=-12, max_value=14),
)
events = st.one_of(
    st.builds(
        Event,
        id=text,
        at=times,
        topic=text,
        status=st.sampled_from(["todo", "in_progress", "done", "skipped"]),
        batch=st.none() | text,
    ),
    st.builds(Event, id=text, at=times, topic=text, note=st.text(max_size=60)),
    st.builds(
        Event, id=text, at=times, undo=st.lists(text, max_size=3).map(tuple), batch=st.none()
    ),
)


@given(events)
def test_line_is_the_encoders_output(event: Event) -> None:
    line = event.to_json_line()
    assert line == json.dumps(event.to_json(), ensure_ascii=False)
    stored = dataclasses.replace(event, at=event.at.replace(microsecond=0))  # to the second
    assert Event.from_json(json.loads(line)) == stored


def test_awkward_text_is_escaped() -> None:
    event = Event(
        id='a"b\\c', at=datetime(2026, 1, 2, 3, 4, 5, 678, UTC), topic="t\n\x01é\u2028", note="“x”"
    )
    assert event.to_json_line() == (
        '{"id": "a\\"b\\\\c", "at": "2026-01-02T03:04:05Z", "topic": "t\\n\\u0001é\u2028", '
        '"note": "“x”"}'
    )


def test_file_text_round_trips() -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    progress = Progress(
        roadmap="r",
        events=[
            Event(id="1", at=when, topic="a", status="done"),
            Event(id="2", at=when, undo=("1",)),
        ],
    )
    assert Progress.from_json(json.loads(progress.to_json_text())) == progress
