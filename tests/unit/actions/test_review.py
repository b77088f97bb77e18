"""The review actions on the bundled roadmap in a temporary data folder, clock pinned:
ratings, order of the topics due, forecast counts, summary, retention and mode events."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from roadmap_cli.actions.context import AppContext
from roadmap_cli.actions.mark import mark
from roadmap_cli.actions.review import due_count, due_reviews, parse_rating, rate, review_summary
from roadmap_cli.actions.review_schedule import forecast, set_mode, set_retention
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.snapshot import snapshot
from roadmap_cli.support import clock

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[AppContext]:
    clock.pin(NOW)
    try:
        yield AppContext(data_dir=tmp_path)
    finally:
        clock.pin(None)


@pytest.mark.parametrize(
    ("text", "rating"),
    [("again", "again"), ("1", "again"), ("Hard", "hard"), (" 3 ", "good"), ("EASY", "easy")],
)
def test_parse_rating(text: str, rating: str) -> None:
    assert parse_rating(text) == rating


@pytest.mark.parametrize("text", ["0", "5", "ok", "", "goo"])
def test_parse_rating_refuses_others(text: str) -> None:
    with pytest.raises(UsageError, match="unknown rating"):
        parse_rating(text)


def test_due_order_limit_and_counts(app: AppContext) -> None:
    mark(app, "done", ["numpy"], "2026-11-20", None)
    mark(app, "done", ["attention"], "2026-11-01", None)
    mark(app, "done", ["pandas"], "2026-11-01", None)  # same day: roadmap order
    mark(app, "done", ["matplotlib"], "2026-12-05", None)
    result = due_reviews(app, None)
    assert [i.topic.id for i in result.items] == ["pandas", "attention", "numpy"]
    assert result.due == 3 and result.scheduled == 4 and result.upcoming is None
    assert [i.topic.id for i in due_reviews(app, 2).items] == ["pandas", "attention"]
    snap = snapshot(app.catalog(), app.store().load())
    assert due_count(snap, NOW, UTC) == 3
    summary = review_summary(snap, NOW, UTC)
    assert (summary.overdue, summary.due_today, summary.next_7_days) == (3, 0, 1)


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai", "America/Los_Angeles"])
def test_due_count_before_any_rating_is_the_schedules_count(app: AppContext, zone: str) -> None:
    """Without ratings, due_count answers without FSRS; it counts what the FSRS schedule
    (review_states) says is due, around the day boundaries of the local zone."""
    from zoneinfo import ZoneInfo

    from roadmap_cli.actions.review import review_states

    tz = ZoneInfo(zone)
    days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"]
    for topic, day in zip(
        ["numpy", "pandas", "attention", "matplotlib", "seaborn", "dl-code"], days, strict=True
    ):
        mark(app, "done", [topic], f"{day}T23:30:00+00:00", None)
    snap = snapshot(app.catalog(), app.store().load())
    for hour in (0, 9, 16, 23):
        now = NOW.replace(hour=hour) if hour <= 9 else NOW.replace(day=5, hour=hour)
        today = now.astimezone(tz).date()
        expected = sum(1 for s in review_states(snap, now).values() if s.is_due(today, tz))
        assert due_count(snap, now, tz) == expected


def test_rate_then_forecast(app: AppContext) -> None:
    mark(app, "done", ["attention"], "2026-12-03", None)
    done = rate(app, "attention", "good")
    assert done.event.value == "good" and done.event.topic == "attention"
    assert done.schedule.reviews == 1 and done.days > 3
    ahead = forecast(app, 7)
    assert len(ahead.days) == 7 and ahead.days[0][0] == date(2026, 12, 6)
    assert sum(n for _, n in ahead.days) + ahead.later == 1
    assert ahead.topics[0][1].last_rating == "good"


def test_rate_refuses_topics_not_in_review(app: AppContext) -> None:
    with pytest.raises(UsageError, match="not in review: it is not started"):
        rate(app, "attention", "good")
    mark(app, "start", ["attention"], None, None)
    with pytest.raises(UsageError, match="it is in progress"):
        rate(app, "attention", "good")
    assert all(e.kind == "status" for e in app.store().load().events)


def test_mode_and_retention_events(app: AppContext) -> None:
    mark(app, "done", ["attention"], "2026-11-01", None)
    assert set_mode(app, "attention", "on").changed is False
    off = set_mode(app, "attention", "off")
    assert off.changed and off.schedule is None
    on = set_mode(app, "attention", "on")
    assert on.changed and on.schedule is not None
    assert set_retention(app, 0.85).before == 0.9
    assert set_retention(app, 0.85).before == 0.85
    with pytest.raises(UsageError, match="out of range"):
        set_retention(app, 0.5)
    kinds = [e.kind for e in app.store().load().events]
    assert kinds.count("review_mode") == 2 and kinds.count("settings") == 1
