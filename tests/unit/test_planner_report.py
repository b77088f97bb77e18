"""The numbers behind ``roadmap report``: activity by local day, streaks, pace and the
projected finish, and the heatmap's calendar layout."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from roadmap_cli.progress.events import Event, Progress
from roadmap_cli.progress.snapshot import activity_by_day, pace, snapshot, streaks
from roadmap_cli.render.heatmap import SHADES, heatmap_columns, heatmap_lines, shade
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


# --- heatmap layout ----------------------------------------------------------------------


def test_heatmap_has_sixteen_monday_first_weeks_ending_with_today() -> None:
    today = date(2026, 11, 26)  # a Thursday
    columns = heatmap_columns(today)
    assert len(columns) == 16
    assert all(len(c) == 7 for c in columns)
    assert columns[0][0] == date(2026, 8, 10)  # Monday, 15 weeks before this week's Monday
    assert all(c[0] is not None and c[0].weekday() == 0 for c in columns)
    assert columns[-1][:4] == [_day(23), _day(24), _day(25), _day(26)]
    assert columns[-1][4:] == [None, None, None]  # Friday to Sunday have not happened
    days = [d for c in columns for d in c if d is not None]
    assert days == sorted(days) and len(set(days)) == len(days) == 15 * 7 + 4


def test_heatmap_shades_by_count_and_leaves_future_days_blank() -> None:
    today = date(2026, 11, 26)
    activity = {_day(23): 1, _day(24): 2, _day(25): 3, _day(26): 9, date(2026, 8, 10): 1}
    month, *rows = [line.plain for line in heatmap_lines(activity, today)]
    assert len(rows) == 7
    assert [r[:4] for r in rows] == ["Mon ", "    ", "Wed ", "    ", "Fri ", "    ", "Sun "]
    cells = [r[4::2] for r in rows]  # every cell is one character and a space
    assert [c[-1] for c in cells[:4]] == ["░", "▒", "▓", "█"]
    assert all(len(c) == 15 for c in cells[4:])  # Friday to Sunday: no cell this week
    assert cells[0][0] == "░" and cells[1][0] == "·"
    assert set("".join(cells)) <= set(SHADES)
    assert month.startswith("    Aug") and "Sep" in month and "Nov" in month


def test_heatmap_month_labels_sit_over_the_week_the_month_starts() -> None:
    month = heatmap_lines({}, date(2026, 11, 26))[0].plain
    # columns start Aug 10; Sep 1 is in column 3, Oct 1 in column 7, Nov 1 in column 11
    assert month.index("Sep") == 4 + 2 * 3
    assert month.index("Oct") == 4 + 2 * 7
    assert month.index("Nov") == 4 + 2 * 11


def test_heatmap_drops_a_month_label_that_would_collide() -> None:
    # columns start Monday Aug 24; Sep 1 falls in the second column, too close to "Aug"
    month = heatmap_lines({}, date(2026, 12, 7))[0].plain
    assert month.startswith("    Aug")
    assert "Sep" not in month
    assert month.index("Oct") == 4 + 2 * 5


@pytest.mark.parametrize(("count", "level"), [(0, 0), (1, 1), (3, 3), (4, 4), (50, 4), (-1, 0)])
def test_shade_levels(count: int, level: int) -> None:
    assert shade(count) == level
