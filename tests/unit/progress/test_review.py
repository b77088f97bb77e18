"""Spaced review logic (progress/review.py): enrolment, ratings in time order, FSRS dates,
retention, review mode, and the same schedule whatever order merged events arrive in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress, fold, merge_events
from roadmap_cli.progress.review import (
    DEFAULT_RETENTION,
    FIRST_REVIEW_DAYS,
    RATINGS,
    enrolments,
    retention,
    review_modes,
    review_ratings,
    schedule,
    summarize,
)

T0 = datetime(2026, 1, 1, 12, tzinfo=UTC)
_counter = iter(range(1, 10**6))


def _id(at: datetime, salt: int | None = None) -> str:
    """A recording-stamped id: recorded at ``at`` (ms), unique."""
    n = next(_counter) if salt is None else salt
    return f"{int(at.timestamp() * 1000):012x}-{n:08x}"


def done(topic: str, at: datetime, status: str = "done") -> Event:
    return Event(id=_id(at), at=at, topic=topic, status=status)  # type: ignore[arg-type]


def rating(topic: str, at: datetime, value: str) -> Event:
    return Event.of_kind("review", value, id=_id(at), at=at, topic=topic)


def schedules(events: list[Event], r: float | None = None, now: datetime | None = None):  # type: ignore[no-untyped-def]
    progress = Progress("r", events)
    enrolled = enrolments(progress, fold(progress.events))
    at = now or max(e.at for e in events)
    return schedule(enrolled.values(), r if r is not None else retention(progress), at)


# (days after completion, rating) ... → the next review's UTC date (fsrs 6, fuzzing off)
TABLE = [
    ([], "2026-01-04"),
    ([(3, "good")], "2026-01-18"),
    ([(3, "again")], "2026-01-05"),
    ([(3, "hard")], "2026-01-13"),
    ([(3, "easy")], "2026-01-28"),
    ([(16, "good")], "2026-02-16"),  # late and still recalled: a longer interval
    ([(3, "good"), (6, "good")], "2026-02-02"),
    ([(3, "good"), (6, "good"), (16, "good")], "2026-03-18"),
    ([(3, "good"), (6, "again")], "2026-01-09"),
    ([(3, "easy"), (20, "easy")], "2026-06-04"),
    ([(3, "good"), (6, "hard"), (10, "good")], "2026-02-12"),
]


@pytest.mark.parametrize(("ratings", "due"), TABLE)
def test_rating_sequences_give_exact_due_dates(ratings: list[tuple[int, str]], due: str) -> None:
    events = [done("x", T0)] + [rating("x", T0 + timedelta(days=d), r) for d, r in ratings]
    s = schedules(events)["x"]
    assert s.due.date().isoformat() == due
    assert s.reviews == len(ratings)
    assert s.last_rating == (ratings[-1][1] if ratings else None)


def test_intervals_grow_with_good_ratings() -> None:
    events = [done("x", T0)]
    gaps = []
    at = T0 + timedelta(days=FIRST_REVIEW_DAYS)
    for _ in range(5):
        events.append(rating("x", at, "good"))
        nxt = schedules(events)["x"].due
        gaps.append((nxt - at).days)
        at = nxt
    assert gaps == sorted(gaps) and gaps[-1] > gaps[0] * 5


def test_retention_changes_intervals() -> None:
    events = [done("x", T0), rating("x", T0 + timedelta(days=3), "good")]
    events.append(rating("x", T0 + timedelta(days=6), "good"))
    assert schedules(events, 0.8)["x"].due.date() == date(2026, 4, 3)
    assert schedules(events, 0.97)["x"].due.date() == date(2026, 1, 13)


def test_never_rated_is_due_three_days_after_completion() -> None:
    s = schedules([done("x", T0)], now=T0 + timedelta(days=3))["x"]
    assert s.due == T0 + timedelta(days=3)
    assert (s.reviews, s.last_review, s.last_rating) == (0, None, None)
    # the completion is FSRS's first "good": a memory model from the start
    assert s.stability is not None and 0.5 < s.recall < 0.95


def test_enrolment_rules() -> None:
    events = [
        done("a", T0),
        done("b", T0, "skipped"),
        done("c", T0, "in_progress"),
        done("d", T0),
        done("d", T0 + timedelta(days=1), "todo"),  # reset takes it out
    ]
    assert set(schedules(events)) == {"a"}


def test_ratings_count_from_the_latest_completion() -> None:
    first = T0
    events = [
        done("x", first),
        rating("x", first + timedelta(days=3), "easy"),
        done("x", first + timedelta(days=4), "todo"),
        done("x", first + timedelta(days=10)),
        rating("x", first + timedelta(days=12), "again"),
    ]
    s = schedules(events)["x"]
    assert s.since == first + timedelta(days=10)
    assert s.reviews == 1 and s.last_rating == "again"


def test_ratings_fold_in_time_order_not_recording_order() -> None:
    late = rating("x", T0 + timedelta(days=6), "good")
    # recorded after `late` but done earlier (review --date)
    early = Event.of_kind(
        "review",
        "good",
        id=_id(T0 + timedelta(days=30)),
        at=T0 + timedelta(days=3),
        topic="x",
    )
    s = schedules([done("x", T0), late, early], now=T0 + timedelta(days=6))["x"]
    assert s.due.date().isoformat() == "2026-02-02"  # same as good at +3, good at +6


def test_undone_ratings_and_unknown_values_do_not_count() -> None:
    r1 = rating("x", T0 + timedelta(days=3), "good")
    r2 = rating("x", T0 + timedelta(days=4), "again")
    undo = Event(id=_id(T0 + timedelta(days=5)), at=T0 + timedelta(days=5), undo=(r2.id,))
    odd = Event.of_kind("review", "perfect", id=_id(T0), at=T0 + timedelta(days=4), topic="x")
    s = schedules([done("x", T0), r1, r2, undo, odd])["x"]
    assert s.reviews == 1 and s.last_rating == "good"
    assert [e.id for e in review_ratings(Progress("r", [r1, r2, undo, odd]))] == [r1.id]


def test_review_mode_and_retention_settings() -> None:
    off = Event.of_kind("review_mode", "off", id=_id(T0), at=T0, topic="x")
    on = Event.of_kind("review_mode", "on", id=_id(T0), at=T0, topic="y")
    assert review_modes(Progress("r", [off, on])) == {"x": "off", "y": "on"}
    assert set(schedules([done("x", T0), done("y", T0), off, on])) == {"y"}
    s1 = Event.of_kind("settings", {"review_retention": 0.85}, id=_id(T0), at=T0)
    bad = Event.of_kind("settings", {"review_retention": 2}, id=_id(T0), at=T0)
    assert retention(Progress("r", [])) == DEFAULT_RETENTION
    assert retention(Progress("r", [s1, bad])) == 0.85
    s2 = Event.of_kind("settings", {"review_retention": 0.8}, id=_id(T0), at=T0 - timedelta(1))
    assert retention(Progress("r", [s1, s2])) == 0.8  # recorded last wins, whatever its at


def test_aliases_follow_a_renamed_topic() -> None:
    events = [done("old", T0), rating("old", T0 + timedelta(days=3), "good")]
    progress = Progress("r", events)

    def canonical(tid: str) -> str | None:
        return {"old": "new"}.get(tid, tid)

    enrolled = enrolments(progress, fold(progress.events, canonical), canonical)
    assert set(enrolled) == {"new"} and len(enrolled["new"].ratings) == 1


def test_summarize_counts_days() -> None:
    events = [
        done("a", T0 - timedelta(days=10)),  # due T0-7: overdue
        done("b", T0 - timedelta(days=3)),  # due today
        done("c", T0),  # due in 3 days
        done("d", T0 + timedelta(days=-1)),
        rating("d", T0, "easy"),  # due well after a week
    ]
    summary = summarize(schedules(events, now=T0).values(), T0.date(), UTC)
    assert (summary.overdue, summary.due_today, summary.next_7_days, summary.scheduled) == (
        1,
        1,
        1,
        4,
    )
    assert summary.due == 2 and summary.reviews == 1
    assert summary.average_recall is not None and 0.5 < summary.average_recall < 1


_rating_list = st.lists(
    st.tuples(st.integers(0, 60), st.sampled_from(RATINGS), st.booleans()), max_size=12
)


@given(_rating_list, st.randoms(use_true_random=False))
def test_schedule_is_the_same_whatever_order_two_machines_events_arrive(
    items: list[tuple[int, str, bool]], rnd: object
) -> None:
    base = [done("x", T0), done("y", T0 + timedelta(hours=1))]
    laptop, desktop = list(base), list(base)
    for index, (day, value, on_laptop) in enumerate(items):
        topic = "x" if index % 2 else "y"
        at = T0 + timedelta(days=day, hours=2)
        event = Event.of_kind("review", value, id=_id(at, index), at=at, topic=topic)
        (laptop if on_laptop else desktop).append(event)
    one = merge_events(laptop, desktop)
    shuffled = list(reversed(desktop)) + list(reversed(laptop))
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    two = merge_events(shuffled, laptop[:1])
    now = T0 + timedelta(days=90)
    assert schedules(one, now=now) == schedules(two, now=now)
