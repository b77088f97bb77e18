"""'roadmap plan': recording, showing and clearing a plan, its errors, the calendar file,
and the plan's lines in next, report and history. The clock is pinned (support/clock.pin)
to Monday 30 Nov 2026, 12:00 UTC."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from roadmap_cli.support import clock

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # a Monday


@pytest.fixture(autouse=True)
def _pinned() -> Iterator[None]:
    clock.pin(NOW)
    yield
    clock.pin(None)


def _events(progress_file: Path) -> list[dict[str, object]]:
    if not progress_file.exists():
        return []
    return json.loads(progress_file.read_text(encoding="utf-8"))["events"]


def test_no_plan_yet(roadmap) -> None:
    run = roadmap("plan")
    assert run.exit_code == 0, run.stderr
    assert "No plan yet." in run.stdout
    doc = roadmap("plan", "--json").json()
    assert doc == {"action": "show", "time_zone": "UTC", "plan": None}


def test_plan_by_a_date_is_recorded_as_an_event_and_shown(roadmap, progress_file) -> None:
    run = roadmap("plan", "--by", "2027-06-30")
    assert run.exit_code == 0, run.stderr
    assert "Plan recorded." in run.stdout
    (event,) = _events(progress_file)
    assert event["plan"] == {
        "by": "2027-06-30",
        "from": "2026-11-30",
        "weekly": None,
        "hours": None,
        "include_optional": False,
    }
    assert "topic" not in event and event["at"] == "2026-11-30T12:00:00Z"
    doc = roadmap("plan", "--json").json()["plan"]
    weeks = 31  # Mon 30 Nov 2026 to the week of Wed 30 Jun 2027
    assert doc["weeks_left"] == weeks
    left = doc["topics"]["left"]
    assert doc["quota"] == -(-left // weeks)
    assert sum(w["topics"] for w in doc["schedule"]) == left
    assert doc["week"] == {"from": "2026-11-30", "to": "2026-12-06"}
    assert doc["standing"] == "on_track"
    assert doc["this_week"][0] == "dl-theory"
    text = roadmap("plan").stdout
    assert f"This week (Mon 30 Nov – Sun 6 Dec): 0 of {doc['quota']} done — next: " in text
    assert "on track" in text


def test_this_week_lists_topics_in_progress_then_ready_ones_in_next_order(roadmap) -> None:
    assert roadmap("plan", "--weekly", "2").exit_code == 0
    assert roadmap("done", "dl-theory").exit_code == 0
    assert roadmap("start", "numpy").exit_code == 0
    doc = roadmap("plan", "--json").json()["plan"]
    assert doc["quota"] == 2 and doc["done_this_week"] == 1
    assert doc["this_week"] == ["numpy"]  # one more this week: the one in progress
    assert "1 of 2 done — next: numpy\n" in roadmap("plan").stdout
    assert roadmap("reset", "numpy").exit_code == 0
    expected = roadmap("next", "--json").json()["next"]
    doc = roadmap("plan", "--json").json()["plan"]
    assert doc["this_week"] == [t["id"] for t in expected][:1]  # next's order, quota's count


def test_topics_in_progress_fill_the_quota_before_ready_ones(roadmap) -> None:
    """Three topics in progress and a quota of two: this week is those three, no more."""
    assert roadmap("plan", "--weekly", "2").exit_code == 0
    for topic in ("numpy", "pandas", "seaborn"):
        assert roadmap("start", topic).exit_code == 0
    doc = roadmap("plan", "--json").json()["plan"]
    assert doc["quota"] == 2 and doc["done_this_week"] == 0
    assert doc["this_week"] == ["numpy", "pandas", "seaborn"]
    assert "0 of 2 done — next: numpy, pandas, seaborn\n" in roadmap("plan").stdout


def test_include_optional_counts_optional_topics(roadmap) -> None:
    plain = roadmap("plan", "--by", "2027-06-30", "--json").json()["plan"]["topics"]["total"]
    every = roadmap("plan", "--by", "2027-06-30", "--include-optional", "--json").json()
    assert every["plan"]["topics"]["total"] > plain
    assert every["plan"]["plan"]["include_optional"] is True


def test_newest_plan_wins_and_undo_brings_back_the_one_before(roadmap) -> None:
    assert roadmap("plan", "--by", "2027-06-30").exit_code == 0
    assert roadmap("plan", "--by", "2027-03-31").exit_code == 0
    assert roadmap("plan", "--json").json()["plan"]["target"] == "2027-03-31"
    undo = roadmap("undo")
    assert undo.exit_code == 0
    assert "plan to 2027-03-31" in undo.stdout
    assert roadmap("plan", "--json").json()["plan"]["target"] == "2027-06-30"


def test_clear_removes_the_plan_and_undo_restores_it(roadmap, progress_file) -> None:
    assert roadmap("plan", "--weekly", "3", "--from", "2026-12-07").exit_code == 0
    run = roadmap("plan", "--clear")
    assert run.exit_code == 0 and "Plan cleared" in run.stdout
    assert _events(progress_file)[-1]["plan"] is None
    assert roadmap("plan", "--json").json()["plan"] is None
    again = roadmap("plan", "--clear")
    assert again.exit_code == 1
    assert again.stderr.startswith("roadmap: error: plan: no plan is set")
    assert roadmap("undo").exit_code == 0
    doc = roadmap("plan", "--json").json()["plan"]
    assert doc["plan"]["weekly"] == 3 and doc["standing"] == "not_started"
    assert doc["quota"] == 0


def test_a_plan_that_starts_later(roadmap) -> None:
    run = roadmap("plan", "--by", "2027-01-31", "--from", "2026-12-09")
    assert run.exit_code == 0, run.stderr
    assert "starts Mon 7 Dec" in run.stdout
    assert "Plan to 2027-01-31: starts Mon 7 Dec" in roadmap("next").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "2026-11-29"], "--by: 2026-11-29 is in the past"),
        (["--by", "2027-01-01", "--from", "2027-02-01"], "--by: 2027-01-01 is before the start"),
        (["--weekly", "0"], "--weekly: 0 topics a week is no plan"),
        (["--weekly", "-2"], "--weekly: -2 topics a week is no plan"),
        (["--by", "2027-06-30", "--weekly", "2"], "--by conflicts with --weekly"),
        (["--by", "next year"], "--by: cannot read 'next year' as a date"),
        (["--by", "2027-02-30"], "--by: cannot read '2027-02-30' as a date"),
        (["--from", "2026-12-01"], "plan: give a target date (--by DATE)"),
        (["--by", "2027-06-30", "--hours", "0"], "--hours: 0 hours a week is not possible"),
        (["--by", "2027-06-30", "--hours", "200"], "--hours: 200 hours a week is not possible"),
        (["--include-optional"], "--include-optional: give it with --by or --weekly"),
        (["--clear", "--by", "2027-06-30"], "--clear takes no other options"),
        (["--force"], "--force: only replaces an --ics file"),
    ],
)
@pytest.mark.parametrize("as_json", [False, True])
def test_bad_input_is_one_line_and_records_nothing(
    roadmap, progress_file, args: list[str], message: str, as_json: bool
) -> None:
    run = roadmap("plan", *args, *(["--json"] if as_json else []))
    assert run.exit_code == 2, run.stdout + run.stderr
    assert run.stdout == ""
    first, *rest = run.stderr.splitlines()
    assert first.startswith(f"roadmap: error: {message}")
    assert len(rest) <= 1 and all(line.startswith("hint: ") for line in rest)
    assert _events(progress_file) == []


def test_calendar_file_parses_back_with_one_event_per_remaining_week(roadmap, tmp_path) -> None:
    target = tmp_path / "plan.ics"
    run = roadmap("plan", "--by", "2027-01-10", "--ics", str(target))
    assert run.exit_code == 0, run.stderr
    assert f"wrote 6 weeks to {target}" in run.stderr
    raw = target.read_bytes()
    assert b"\r\n" in raw  # RFC 5545 line ends
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    schedule = roadmap("plan", "--json").json()["plan"]["schedule"]
    assert len(events) == len(schedule) == 6
    mondays = [e.get("dtstart").dt for e in events]
    assert mondays == [date(2026, 11, 30) + timedelta(weeks=i) for i in range(6)]
    assert all(isinstance(m, date) and not isinstance(m, datetime) for m in mondays)
    assert all(e.get("dtend").dt == e.get("dtstart").dt + timedelta(days=1) for e in events)
    for event, week in zip(events, schedule, strict=True):
        assert str(event.get("summary")) == f"roadmap: {week['topics']} topics this week"
        listed = [line.split(":")[0][2:] for line in str(event.get("description")).splitlines()]
        assert listed[:-1] == week["ids"]
    assert len({str(e.get("uid")) for e in events}) == 6


def test_calendar_refuses_an_existing_file_without_force_and_records_nothing(
    roadmap, progress_file, tmp_path
) -> None:
    target = tmp_path / "plan.ics"
    target.write_text("mine\n", encoding="utf-8")
    run = roadmap("plan", "--by", "2027-06-30", "--ics", str(target))
    assert run.exit_code == 1
    assert "already exists; the calendar was not written" in run.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert _events(progress_file) == []  # the plan was not recorded either
    forced = roadmap("plan", "--by", "2027-06-30", "--ics", str(target), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".plan.ics")] == []


def test_calendar_needs_a_plan(roadmap, tmp_path) -> None:
    run = roadmap("plan", "--ics", str(tmp_path / "x.ics"))
    assert run.exit_code == 1
    assert run.stderr.startswith("roadmap: error: --ics: no plan is set")
    assert not (tmp_path / "x.ics").exists()


def test_next_adds_one_line_under_a_plan(roadmap) -> None:
    assert "plan to" not in roadmap("next").stdout
    assert roadmap("next", "--json").json()["plan"] is None
    assert roadmap("plan", "--weekly", "2").exit_code == 0
    assert roadmap("done", "dl-theory").exit_code == 0
    assert (
        roadmap("next")
        .stdout.rstrip()
        .splitlines()[-1]
        .startswith("This week: 1/2 · plan to 2027-")
    )
    doc = roadmap("next", "--json").json()["plan"]
    assert doc["quota"] == 2 and doc["done_this_week"] == 1 and doc["standing"] == "on_track"


def test_report_has_a_plan_section_in_every_format(roadmap, tmp_path) -> None:
    assert "no plan: set one" in roadmap("report").stdout
    assert roadmap("plan", "--by", "2027-06-30").exit_code == 0
    assert roadmap("log", "numpy", "1h30m").exit_code == 0
    text = roadmap("report").stdout
    assert "\nPlan\n" in text and "This week (Mon 30 Nov – Sun 6 Dec)" in text
    assert "\nTime\n" in text and "total 1.5 h" in text
    doc = roadmap("report", "--json").json()
    assert doc["plan"]["target"] == "2027-06-30"
    assert doc["time"]["minutes"] == 90
    markdown = roadmap("report", "--format", "markdown").stdout
    assert "## Plan" in markdown and "- **Plan:** finish by 2027-06-30" in markdown
    assert "## Time" in markdown
    for fmt in ("svg", "html", "text"):
        out = tmp_path / f"r.{fmt}"
        assert roadmap("report", "--format", fmt, "-o", str(out)).exit_code == 0
        body = out.read_text(encoding="utf-8")
        assert "finish" in body and "2027-06-30" in body, fmt


def test_history_shows_plan_and_time_events(roadmap) -> None:
    assert roadmap("plan", "--by", "2027-06-30", "--hours", "6").exit_code == 0
    assert roadmap("log", "numpy", "45m", "-m", "broadcasting").exit_code == 0
    assert roadmap("plan", "--clear").exit_code == 0
    text = roadmap("history").stdout
    assert "plan to 2027-06-30 from 2026-11-30, 6 h a week" in text
    assert '45m logged: "broadcasting"' in text
    assert "plan cleared" in text
    events = roadmap("history", "--json").json()["events"]
    assert [e["kind"] for e in events] == ["plan", "time", "plan"]
    assert events[1]["value"] == {"minutes": 45, "note": "broadcasting"}


def test_hours_schedule_by_the_median_once_three_done_topics_are_timed(roadmap) -> None:
    for topic, spent in [("dl-theory", "1h"), ("dl-code", "2h"), ("numpy", "1h30m")]:
        assert roadmap("log", topic, spent).exit_code == 0
    assert roadmap("done", "dl-theory", "dl-code").exit_code == 0
    assert roadmap("plan", "--by", "2027-06-30", "--hours", "6").exit_code == 0
    before = roadmap("plan", "--json").json()["plan"]
    assert before["basis"] == "topics" and before["timed_done_topics"] == 2
    assert "by topic count until 3 done topics have time logged (2 so far" in roadmap("plan").stdout
    assert roadmap("done", "numpy").exit_code == 0
    after = roadmap("plan", "--json").json()["plan"]
    assert after["basis"] == "hours"
    assert after["median_minutes_per_topic"] == 90
    assert after["rate_per_week"] == 4.0
    assert "by hours: your median is 1h30m a topic, so 6 h a week is 4.0 topics" in (
        roadmap("plan").stdout
    )


def test_weeks_follow_the_learners_time_zone(roadmap, monkeypatch) -> None:
    # Monday 30 Nov 12:00 UTC is Monday 20:00 in Shanghai, Monday 04:00 in Los Angeles;
    # Sunday 6 Dec 20:00 UTC is already Monday 7 Dec in Shanghai
    clock.pin(datetime(2026, 12, 6, 20, 0, tzinfo=UTC))
    for zone, monday in [("Asia/Shanghai", "2026-12-07"), ("America/Los_Angeles", "2026-11-30")]:
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        doc = roadmap("plan", "--by", "2027-06-30", "--json").json()
        assert doc["time_zone"] == zone
        assert doc["plan"]["week"]["from"] == monday, zone
