"""The report heatmap's calendar layout: sixteen Monday-first weeks, shades, month labels."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap_cli.render.heatmap import SHADES, heatmap_columns, heatmap_lines, shade


def _day(d: int) -> date:
    return date(2026, 11, d)


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
