"""The numbers behind ``roadmap report``: activity by local day, streaks, pace and the
projected finish (the heatmap's layout is in tests/unit/render/test_heatmap.py)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from roadmap_cli.progress.activity import activity_by_day, pace, streaks
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.snapshot import snapshot
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import Catalog, load_catalog

SHANGHAI = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 30, 4, 0, tzinfo=UTC)  # Monday 12:00 in Shanghai


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_roadmap_path())


def _progress(*events: tuple[datetime, str, str]) -> Progress:
    """Events ``(at, topic, status-or-"note:text")`` with ids in the order given."""
    out = Progress(roadmap="relearn-ai")
    for n, (at, topic, what) in enumerate(events):
        fields = {"note": what[5:]} if what.startswith("note:") else {"status": what}
        out.add(Event.from_json({"id": f"{n:012x}-00000000", "at": at, "topic": topic, **fields}))
    return out


def _day(d: int) -> date:
    return date(2026, 11, d)


# --- streaks -----------------------------------------------------------------------------


def test_streaks_count_the_run_ending_today_and_the_longest_run() -> None:
    days = {_day(1), _day(2), _day(3), _day(4), _day(10), _day(28), _day(29), _day(30)}
    assert streaks(days, _day(30)) == (3, 4)


def test_streak_still_counts_when_today_is_empty_but_yesterday_was_active() -> None:
    assert streaks({_day(27), _day(28), _day(29)}, _day(30)) == (3, 3)


def test_streak_is_broken_by_a_missed_day() -> None:
    assert streaks({_day(26), _day(27), _day(28)}, _day(30)) == (0, 3)


def test_streaks_of_nothing_are_zero_and_zero_counts_are_not_activity() -> None:
    assert streaks(set(), _day(30)) == (0, 0)
    assert streaks(Counter({_day(29): 0, _day(30): 2}), _day(30)) == (1, 1)


def test_streak_runs_across_a_month_boundary() -> None:
    days = {date(2026, 10, 30), date(2026, 10, 31), _day(1)}
    assert streaks(days, _day(1)) == (3, 3)


# --- activity by local day ---------------------------------------------------------------


def test_activity_counts_completions_and_notes_by_local_day(catalog: Catalog) -> None:
    progress = _progress(
        # 23:30 on the 28th in Shanghai; 00:30 on the 29th in Shanghai but the 28th in UTC
        (datetime(2026, 11, 28, 15, 30, tzinfo=UTC), "numpy", "done"),
        (datetime(2026, 11, 28, 16, 30, tzinfo=UTC), "pandas", "done"),
        (datetime(2026, 11, 28, 16, 40, tzinfo=UTC), "pandas", "note:tidy data"),
        (datetime(2026, 11, 28, 17, 0, tzinfo=UTC), "attention", "in_progress"),
    )
    snap = snapshot(catalog, progress)
    assert activity_by_day(snap, SHANGHAI) == Counter({_day(28): 1, _day(29): 2})
    assert activity_by_day(snap, UTC) == Counter({_day(28): 3})


def test_undone_completion_is_not_activity(catalog: Catalog) -> None:
    progress = _progress((datetime(2026, 11, 28, 4, tzinfo=UTC), "numpy", "done"))
    progress.add(
        Event.from_json({"id": "ffffffffffff-00000000", "at": NOW, "undo": [progress.events[0].id]})
    )
    assert activity_by_day(snapshot(catalog, progress), SHANGHAI) == Counter()


# --- pace and projection -----------------------------------------------------------------


def test_pace_without_completions_has_no_projection(catalog: Catalog) -> None:
    snap = snapshot(catalog, _progress((NOW - timedelta(days=3), "attention", "in_progress")))
    result = pace(snap, NOW, SHANGHAI)
    assert result.projected_finish is None
    assert result.recent_per_week == 0 and result.overall_per_week == 0
    assert result.remaining == len(catalog.topics)


def test_pace_of_empty_progress_has_no_projection_and_no_start(catalog: Catalog) -> None:
    result = pace(snapshot(catalog, Progress(roadmap="relearn-ai")), NOW, SHANGHAI)
    assert result.projected_finish is None
    assert result.first is None


def test_pace_uses_the_last_four_weeks_and_projects_the_finish(catalog: Catalog) -> None:
    noon = timedelta(hours=4)  # 12:00 in Shanghai
    progress = _progress(
        (datetime(2026, 10, 1, tzinfo=UTC) + noon, "dl-theory", "done"),
        (datetime(2026, 11, 20, tzinfo=UTC) + noon, "dl-code", "done"),
        (datetime(2026, 11, 27, tzinfo=UTC) + noon, "numpy", "done"),
        (datetime(2026, 11, 28, tzinfo=UTC) + noon, "pandas", "done"),
        (datetime(2026, 11, 29, tzinfo=UTC) + noon, "matplotlib", "done"),
    )
    result = pace(snapshot(catalog, progress), NOW, SHANGHAI)
    assert result.recent_per_week == pytest.approx(1.0)  # 4 topics in the last 4 weeks
    assert result.overall_per_week == pytest.approx(5 / (60 / 7))  # 5 topics in 60 days
    assert result.remaining == len(catalog.topics) - 5
    assert result.projected_finish == _day(30) + timedelta(weeks=result.remaining)
    assert result.to_json()["since"] == "2026-10-01T04:00:00Z"


def test_pace_falls_back_to_the_overall_rate_when_nothing_was_done_lately(
    catalog: Catalog,
) -> None:
    progress = _progress((datetime(2026, 8, 31, 4, tzinfo=UTC), "dl-theory", "done"))
    result = pace(snapshot(catalog, progress), NOW, SHANGHAI)
    assert result.recent_per_week == 0
    assert result.overall_per_week == pytest.approx(1 / 13)  # one topic in 13 weeks
    weeks = result.remaining / result.overall_per_week
    assert result.projected_finish == (NOW + timedelta(weeks=weeks)).astimezone(SHANGHAI).date()


def test_finished_roadmap_projects_today(catalog: Catalog) -> None:
    events = [(NOW - timedelta(hours=1), tid, "skipped") for tid in catalog.topics]
    result = pace(snapshot(catalog, _progress(*events)), NOW, SHANGHAI)
    assert result.remaining == 0
    assert result.projected_finish == _day(30)


def test_a_finish_past_the_last_date_is_beyond_reach_not_a_crash(catalog: Catalog) -> None:
    """One topic in seven thousand years leaves the rest for millions of years: past
    9999-12-31, which no date can hold (it raised OverflowError in report)."""
    progress = _progress((datetime(2026, 1, 5, 4, tzinfo=UTC), "dl-theory", "done"))
    far = datetime(9000, 1, 1, tzinfo=UTC)
    result = pace(snapshot(catalog, progress), far, SHANGHAI)
    assert result.projected_finish is None and result.beyond_reach
    assert result.to_json()["projected_finish"] is None
    assert not pace(snapshot(catalog, progress), NOW, SHANGHAI).beyond_reach
    assert not pace(snapshot(catalog, _progress()), far, SHANGHAI).beyond_reach
