"""``roadmap report`` as text: bars and counts, work in progress, recent work, next,
the activity heatmap, streaks and pace, in the learner's time zone, at any width."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, timedelta

import pytest

NOW = datetime(2026, 11, 30, 4, 0, tzinfo=UTC)  # Monday 12:00 in Shanghai


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The clock at NOW and the zone Asia/Shanghai (UTC+8)."""
    import roadmap_cli.support.clock

    monkeypatch.setattr(roadmap_cli.support.clock, "now_utc", lambda: NOW)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    return NOW


@pytest.fixture
def studied(roadmap, pinned: datetime):
    """Five topics done on four local days (the last three in a row), one skipped, one in
    progress since the 25th, and a note today: a current streak of 4 days."""
    for args in (
        ("done", "dl-theory", "--date", "2026-10-01"),
        ("done", "dl-code", "--date", "2026-11-20"),
        ("start", "attention", "--date", "2026-11-25"),
        ("done", "numpy", "--date", "2026-11-27"),
        ("done", "pandas", "--date", "2026-11-28"),
        ("done", "matplotlib", "--date", "2026-11-29"),
        ("skip", "zero-to-hero"),
        ("note", "numpy", "broadcasting finally clicked"),
    ):
        run = roadmap(*args)
        assert run.exit_code == 0, (args, run.stderr)
    return roadmap


def _section(text: str, title: str) -> str:
    """The lines of one report section, up to the next blank line."""
    start = text.index(f"\n{title}")
    return text[start + 1 :].split("\n\n", 1)[0]


def test_report_shows_overall_split_and_required_optional(studied) -> None:
    run = studied("report")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    total = studied("report", "--json").json()["progress"]["all"]["total"]
    assert f"6/{total} · {round(600 / total)}%" in run.stdout
    assert f"5 done · 1 in progress · 1 skipped · {total - 7} to do" in run.stdout
    assert re.search(r"required 5/\d+ \(\d+%\) · optional 1/\d+ \(\d+%\)", run.stdout)


def test_stage_rows_split_counts_and_required_optional(studied) -> None:
    run = studied("report")
    stages = _section(run.stdout, "Stages")
    header, *rows = stages.splitlines()[1:]
    assert header.split() == ["%", "done", "doing", "skipped", "to", "do", "req", "opt"]
    foundations = next(r for r in rows if "Foundations" in r)
    # 9 topics: 5 done, 1 skipped (zero-to-hero, optional), 3 to do; 8 required, 1 optional
    assert foundations.split()[-7:] == ["67%", "5", "0", "1", "3", "5/8", "1/1"]
    llm = next(r for r in rows if "LLM foundations" in r)
    assert llm.split()[-5:-2] == ["1", "0", "13"]  # attention in progress


def test_in_progress_recent_and_next_sections(studied) -> None:
    out = studied("report").stdout
    assert "attention  Self-attention  since 2026-11-25 (5 days ago)" in _section(
        out, "In progress"
    )
    recent = _section(out, "Recently done").splitlines()[1:]
    assert [line.split()[:2] for line in recent] == [
        ["2026-11-29", "matplotlib"],
        ["2026-11-28", "pandas"],
        ["2026-11-27", "numpy"],
        ["2026-11-20", "dl-code"],
        ["2026-10-01", "dl-theory"],
    ]
    nxt = _section(out, "Next").splitlines()[1:]
    assert nxt[0].split()[0] == "seaborn"  # zero-to-hero (optional) was skipped, seaborn is not
    assert len(nxt) == 3


def test_recently_done_keeps_only_the_last_five(studied) -> None:
    assert studied("done", "scikit-learn", "--date", "2026-11-30").exit_code == 0
    recent = _section(studied("report").stdout, "Recently done").splitlines()[1:]
    assert len(recent) == 5
    assert recent[0].split()[1] == "scikit-learn"
    assert "dl-theory" not in "\n".join(recent)


def test_heatmap_and_streaks_in_local_days(studied) -> None:
    out = studied("report").stdout
    activity = _section(out, "Activity · last 16 weeks").splitlines()
    month, *rows = activity[1:9]
    assert month.strip().split() == ["Aug", "Sep", "Oct", "Nov"]
    assert [r[:3] for r in rows] == ["Mon", "   ", "Wed", "   ", "Fri", "   ", "Sun"]
    # today is Monday the 30th: one note; Fri 27, Sat 28, Sun 29: one completion each
    assert rows[0].endswith("░") and len(rows[0]) == 4 + 2 * 16 - 1
    assert [rows[i][-1] for i in (4, 5, 6)] == ["░", "░", "░"]
    assert rows[1].endswith("·") and len(rows[1]) == 4 + 2 * 15 - 1  # no Tuesday yet
    assert "completions, notes or reviews a day" in activity[9]
    assert "Streak: 4 days now · longest 4 days" in out
    assert "6 active days, 6 completions, notes and reviews in these 16 weeks" in out


def test_local_midnight_decides_the_day(roadmap, pinned: datetime) -> None:
    # 00:30 on the 30th in Shanghai is 16:30 on the 29th in UTC
    assert roadmap("done", "numpy", "--date", "2026-11-30T00:30").exit_code == 0
    assert roadmap("done", "pandas", "--date", "2026-11-29T23:50").exit_code == 0
    doc = roadmap("report", "--json").json()
    assert doc["activity"]["days"] == {"2026-11-29": 1, "2026-11-30": 1}
    assert doc["activity"]["streak"] == {"current": 2, "longest": 2}
    assert doc["activity"]["today"] == "2026-11-30"
    assert doc["time_zone"] == "Asia/Shanghai"
    assert [t["at"] for t in doc["recently_done"]] == [
        "2026-11-29T16:30:00Z",
        "2026-11-29T15:50:00Z",
    ]
    out = roadmap("report").stdout
    assert "2026-11-30  numpy" in out and "2026-11-29  pandas" in out


def test_pace_and_projected_finish(studied) -> None:
    out = studied("report").stdout
    pace = _section(out, "Pace")
    total = studied("report", "--json").json()["progress"]["all"]["total"]
    remaining = total - 6  # five done, one skipped
    finish = date(2026, 11, 30) + timedelta(weeks=remaining)  # 4 topics in 4 weeks
    assert "last 4 weeks  1.0 topics/week" in pace
    assert "overall       0.6 topics/week (since 2026-10-01)" in pace
    assert f"finish        {finish.isoformat()}  at 1.0 topics/week, {remaining} topics" in pace


def test_empty_progress_says_not_enough_data(roadmap, pinned: datetime) -> None:
    run = roadmap("report")
    assert run.exit_code == 0, run.stderr
    assert "not enough data yet" in _section(run.stdout, "Pace")
    assert "nothing started" in run.stdout
    assert "Streak: 0 days now · longest 0 days" in run.stdout
    doc = roadmap("report", "--json").json()
    assert doc["pace"]["projected_finish"] is None


def test_start_without_completion_is_still_not_enough_data(roadmap, pinned: datetime) -> None:
    roadmap("start", "dl-theory")
    assert "not enough data yet" in roadmap("report").stdout


@pytest.mark.parametrize("columns", [60, 200])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_fits_the_width_without_colour_codes(
    studied, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", str(columns))
    run = studied("--lang", lang, "report")
    assert run.exit_code == 0, run.stderr
    assert "\x1b" not in run.stdout
    lines = run.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert all(line == line.rstrip() for line in lines)
    assert ("基础" in run.stdout) == (lang == "zh")
    assert ("Foundations" in run.stdout) == (lang == "en")
    # the bars of all stages start in one column, whatever the titles' widths
    stages = _section(run.stdout, "Stages" if lang == "en" else "各阶段").splitlines()
    starts = {cell_len(re.split("[█▓░]", line)[0]) for line in stages if re.search("[█▓░]", line)}
    assert len(starts) == 1, stages
    assert len([line for line in stages if re.search("[█▓░]", line)]) == 5
    assert ("Streak: 4 days" if lang == "en" else "当前连续学习：4 天") in run.stdout


def test_colour_only_without_no_color(studied, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert COLOUR.search(studied("report").stdout)
    monkeypatch.setenv("NO_COLOR", "1")
    plain = studied("report").stdout
    assert not COLOUR.search(plain)  # bold may stay; colours go
    assert "█" in plain and "Streak" in plain


#: An SGR escape sequence that sets a foreground colour.
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])[;m]")


def test_report_text_and_json(roadmap) -> None:
    roadmap("done", "dl-theory")
    roadmap("start", "dl-code")
    run = roadmap("report")
    assert run.exit_code == 0, run.stderr
    assert "Foundations" in run.stdout
    assert "dl-code" in run.stdout  # in progress
    assert "dl-theory" in run.stdout  # recently done
    doc = roadmap("report", "--json").json()
    assert doc["progress"]["all"]["done"] == 1
    assert doc["progress"]["all"]["in_progress"] == 1
    assert [t["id"] for t in doc["in_progress"]] == ["dl-code"]
    assert [t["id"] for t in doc["recently_done"]] == ["dl-theory"]


def test_recently_done_is_newest_first_within_one_second(roadmap) -> None:
    roadmap("done", "dl-theory")
    roadmap("done", "dl-code", "numpy")
    recent = [t["id"] for t in roadmap("report", "--json").json()["recently_done"]]
    assert recent[0] in ("dl-code", "numpy")
    assert recent[-1] == "dl-theory"


def test_titles_line_up_after_ids_of_different_lengths(roadmap) -> None:
    """In progress, Recently done and Next pad each id to the widest in the section, so
    the titles start in one column."""
    assert roadmap("start", "dl-code", "numpy").exit_code == 0
    assert roadmap("done", "pandas", "seaborn").exit_code == 0
    out = roadmap("report").stdout
    for title, items in (("In progress", 2), ("Recently done", 2), ("Next", 3)):
        lines = _section(out, title).splitlines()[1 : 1 + items]
        assert len(lines) == items, out
        starts = {len(re.match(r"\s+(?:\d{4}-\d\d-\d\d\s+)?\S+\s+", line)[0]) for line in lines}
        assert len(starts) == 1, lines
