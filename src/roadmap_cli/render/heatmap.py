"""A calendar heatmap of activity, like a contribution graph, as lines of styled Text.

Seven rows (Monday to Sunday), one column per week, the last column being the week of
``today``; each cell is shaded by that local day's count of completions and notes. Shades
are characters (``·`` ``░`` ``▒`` ``▓`` ``█``), so the map reads without colour; colour,
where the terminal has it, only reinforces them. Days after ``today`` are left blank.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from roadmap_cli.render.text import Text
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import cell_width

__all__ = ["MONTHS", "SHADES", "WEEKS", "heatmap_columns", "heatmap_lines", "legend", "shade"]

#: How many weeks the report's heatmap covers.
WEEKS = 16
#: Cell characters for 0, 1, 2, 3 and 4-or-more events in a day.
SHADES = ("·", "░", "▒", "▓", "█")
_STYLES = ("bright_black", "green4", "green3", "green1", "bold green1")
_DAY_LABELS = (N_("Mon"), "", N_("Wed"), "", N_("Fri"), "", N_("Sun"))
_LABEL_WIDTH = 4  # "Mon" and a space (cells)
#: Month abbreviations (msgids), January first; also the plan's dates.
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def heatmap_columns(today: date, weeks: int = WEEKS) -> list[list[date | None]]:
    """The calendar grid: ``weeks`` columns (oldest first) of 7 days, Monday first.

    The last column is the week containing ``today``; its days after ``today`` are None.
    """
    start = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    columns: list[list[date | None]] = []
    for week in range(weeks):
        column: list[date | None] = []
        for weekday in range(7):
            day = start + timedelta(weeks=week, days=weekday)
            column.append(day if day <= today else None)
        columns.append(column)
    return columns


def shade(count: int) -> int:
    """The shade index (0–4) of a day with ``count`` completions and notes."""
    return max(0, min(count, len(SHADES) - 1))


def _month_line(columns: list[list[date | None]]) -> Text:
    """Month names above the columns where a month begins (and above the first column)."""
    line = " " * _LABEL_WIDTH
    for index, column in enumerate(columns):
        days = [d for d in column if d is not None]
        if not days:
            continue
        if index == 0:
            label = _(MONTHS[days[0].month - 1])
        else:
            firsts = [d for d in days if d.day == 1]
            if not firsts:
                continue
            label = _(MONTHS[firsts[0].month - 1])
        position = _LABEL_WIDTH + 2 * index
        used = cell_width(line)
        if used > position - (1 if line.strip() else 0):
            continue  # would touch the previous label: leave this one out
        line = line + " " * (position - used) + label
    return Text(line.rstrip(), style="muted")


def heatmap_lines(activity: Mapping[date, int], today: date, weeks: int = WEEKS) -> list[Text]:
    """The heatmap: a month line, then 7 rows ``Mon ░ · █ …``, each cell 2 columns wide
    (``4 + 2 × weeks`` columns in all).

    Args:
        activity: local date → number of completions and notes that day.
        today: the learner's local date (the last column's week).
        weeks: how many weeks to show.
    """
    columns = heatmap_columns(today, weeks)
    lines = [_month_line(columns)]
    for weekday in range(7):
        day_label = _(_DAY_LABELS[weekday]) if _DAY_LABELS[weekday] else ""
        row = Text(day_label + " " * (_LABEL_WIDTH - cell_width(day_label)), style="muted")
        for column in columns:
            day = column[weekday]
            if day is None:
                row.append("  ")
                continue
            level = shade(activity.get(day, 0))
            row.append(SHADES[level], style=_STYLES[level])
            row.append(" ")
        row.rstrip()
        lines.append(row)
    return lines


def legend() -> Text:
    """``· 0  ░ 1  ▒ 2  ▓ 3  █ 4+  completions, notes or reviews a day``."""
    text = Text(" " * _LABEL_WIDTH)
    for level, char in enumerate(SHADES):
        text.append(char, style=_STYLES[level])
        text.append(f" {level}{'+' if level == len(SHADES) - 1 else ''}  ", style="muted")
    text.append(_("completions, notes or reviews a day"), style="muted")
    return text
