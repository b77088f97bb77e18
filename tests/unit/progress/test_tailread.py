"""Reading the newest events from the end of a canonical progress file
(progress/tailread.py, ``history --limit/--since``) gives what reading it whole gives."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.tailread import read_tail
from tests.unit.progress.test_fileformat import T0, event_lists

sinces = st.one_of(
    st.none(),
    st.integers(-10, 10**8 + 10).map(lambda s: T0 + timedelta(seconds=s)),
    st.just(datetime(2026, 1, 1, 9, tzinfo=UTC).astimezone()),
)


def simple(text: str) -> bool:
    """Text JSON writes as it is (printable ASCII, no quote or backslash)."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


def check(data: bytes, since: datetime | None, limit: int | None) -> bool:
    """read_tail against the whole file; whether it read the tail."""
    tail = read_tail(data, since, limit)
    if tail is None:
        return False
    whole = Progress.from_json(json.loads(data))
    matched = [e for e in whole.events if since is None or e.at >= since]
    matched.sort(key=Event.sort_key)
    shown = matched[-limit:] if limit else matched
    assert tail.events == shown
    assert [e.raw for e in tail.events] == [e.raw for e in shown]
    assert tail.total == len(matched)
    assert tail.undone == whole.undone_ids()
    by_id = {e.id: e for e in whole.events}
    wanted = {t for e in shown for t in e.undo or () if t in by_id}
    assert tail.targets == {t: by_id[t] for t in wanted}
    return True


@given(event_lists, sinces, st.one_of(st.none(), st.integers(1, 15)))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_the_tail_is_what_the_whole_file_gives(
    items: list[Event], since: datetime | None, limit: int | None
) -> None:
    data = Progress(roadmap="demo", events=items).to_json_text().encode("utf-8")
    read = check(data, since, limit)
    plain = all(simple(e.id) and '"undo"' not in (e.raw or "") for e in items)
    if plain and all(simple(t) for e in items for t in e.undo or ()):
        assert read, "a file roadmap wrote, with plain ids, is read from its end"


@given(event_lists, st.integers(0, 11), st.integers(0, 11))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_a_file_out_of_order_is_read_whole(items: list[Event], a: int, b: int) -> None:
    """Lines swapped by hand: the tail is declined, or (when the order still holds) right."""
    lines = Progress(roadmap="demo", events=items).to_json_text().split("\n")
    if len(items) > 1:
        i, j = 4 + a % len(items), 4 + b % len(items)
        x, y = lines[i].rstrip(","), lines[j].rstrip(",")
        lines[i] = y + ("," if lines[i].endswith(",") else "")
        lines[j] = x + ("," if lines[j].endswith(",") else "")
    data = "\n".join(lines).encode("utf-8")
    for limit in (None, 1, 3):
        check(data, None, limit)


def test_a_large_plain_file_is_read_from_its_end() -> None:
    events: list[Event] = []
    for n in range(2000):
        at = T0 + timedelta(minutes=n)
        stamp = f"{n:012x}-00000000"
        if n % 10 == 9:
            events.append(Event(id=stamp, at=at, undo=(events[-1].id,)))
        elif n % 3:
            events.append(Event(id=stamp, at=at, topic=f"t{n % 7}", status="done"))
        else:
            events.append(Event.of_kind("review", "good", id=stamp, at=at, topic="t1"))
    data = Progress(roadmap="demo", events=events).to_json_text().encode("utf-8")
    assert check(data, None, 20)
    assert check(data, T0 + timedelta(minutes=1990), None)
    assert check(data, T0 + timedelta(days=9), 5)  # nothing that late
