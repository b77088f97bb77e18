"""The logic behind ``roadmap plan``: quotas, weeks, standing, the projection, and week
boundaries in the learner's time zone (Asia/Shanghai; America/Los_Angeles across DST)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.plan import (
    PlanSpec,
    current_plan,
    plan_status,
    quotas,
    week_of,
    weeks_between,
)
from roadmap_cli.progress.snapshot import snapshot
from roadmap_cli.progress.timelog import TimeSummary
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import Catalog, load_catalog

UTC_ZONE = ZoneInfo("UTC")
MONDAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(bundled_roadmap_path())


def _required(catalog: Catalog) -> list[str]:
    return [t.id for t in catalog.topics.values() if not t.optional]


def _progress(*done: tuple[datetime, str]) -> Progress:
    out = Progress(roadmap="relearn-ai")
    for n, (at, topic) in enumerate(done):
        out.add(Event(id=f"{n:012x}-00000000", at=at, topic=topic, status="done"))
    return out


def _plan_event(spec: PlanSpec | None, n: int = 10**6) -> Event:
    value = spec.to_json() if spec else None
    return Event.of_kind(
        "plan", value, id=f"{n:012x}-00000000", at=datetime(2026, 11, 30, tzinfo=UTC)
    )


# --- quotas --------------------------------------------------------------------------


@given(st.integers(0, 500), st.integers(1, 120))
def test_quotas_add_up_to_the_topics_left_and_differ_by_at_most_one(left: int, weeks: int) -> None:
    q = quotas(left, weeks)
    assert len(q) == weeks
    assert sum(q) == left
    assert max(q) - min(q) <= 1
    assert q == sorted(q, reverse=True)  # the odd ones come first


def test_quotas_recomputed_each_week_still_add_up_to_the_topics_left() -> None:
    left, weeks, total = 47, 9, 0
    while weeks:
        quota = quotas(left, weeks)[0]  # what a new week's quota is
        total += quota
        left, weeks = left - quota, weeks - 1
    assert total == 47 and left == 0


def test_weeks_run_monday_to_sunday() -> None:
    assert week_of(date(2026, 12, 6)) == MONDAY  # Sunday
    assert week_of(date(2026, 12, 7)) == date(2026, 12, 7)  # Monday
    assert weeks_between(MONDAY, date(2026, 12, 6)) == 1
    assert weeks_between(MONDAY, date(2026, 12, 7)) == 2
    assert weeks_between(MONDAY, date(2026, 11, 29)) == 0


# --- the plan in effect ----------------------------------------------------------------


def test_the_newest_plan_in_recording_order_wins_and_null_clears_it() -> None:
    progress = Progress(roadmap="relearn-ai")
    first = PlanSpec(start=MONDAY, by=date(2027, 6, 30))
    second = PlanSpec(start=MONDAY, weekly=3)
    progress.add(_plan_event(first, 1))
    # recorded later but back-dated: recording order decides, not `at`
    later = Event.of_kind(
        "plan", second.to_json(), id=f"{2:012x}-00000000", at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    progress.add(later)
    found = current_plan(progress)
    assert found is not None and found[0] == second
    progress.add(_plan_event(None, 3))
    assert current_plan(progress) is None
    progress.add(Event(id=f"{4:012x}-00000000", at=datetime.now(UTC), undo=(f"{3:012x}-00000000",)))
    found = current_plan(progress)
    assert found is not None and found[0] == second  # the clear was undone


def test_a_malformed_plan_is_passed_over() -> None:
    progress = Progress(roadmap="relearn-ai")
    progress.add(_plan_event(PlanSpec(start=MONDAY, weekly=2), 1))
    progress.add(
        Event.of_kind("plan", {"by": "someday"}, id=f"{2:012x}-00000000", at=datetime.now(UTC))
    )
    found = current_plan(progress)
    assert found is not None and found[0].weekly == 2


# --- standing ----------------------------------------------------------------------------


def _status(catalog, progress, spec, now, zone=UTC_ZONE, **kw):  # type: ignore[no-untyped-def]
    return plan_status(snapshot(catalog, progress), spec, _plan_event(spec), now, zone, **kw)


def test_a_new_plan_spreads_the_required_topics_over_its_weeks(catalog: Catalog) -> None:
    required = _required(catalog)
    spec = PlanSpec(start=MONDAY, by=MONDAY + timedelta(weeks=4, days=-1))  # 4 weeks
    status = _status(
        catalog, Progress(roadmap="relearn-ai"), spec, datetime(2026, 11, 30, 9, tzinfo=UTC)
    )
    assert status.total == len(required)
    assert status.left == len(required)
    assert status.weeks_left == 4
    assert status.quota == -(-len(required) // 4)
    assert [w.count for w in status.schedule] == quotas(len(required), 4)
    assert sum(w.count for w in status.schedule) == status.left
    ids = [t.id for w in status.schedule for t in w.topics]
    assert sorted(ids) == sorted(required)  # every planned topic once, optional ones left out
    assert status.standing == "on_track"
    assert status.this_week  # in next's order
    assert status.this_week[0].id == "python-basics" or status.this_week[0].id in required


def test_include_optional_counts_every_topic(catalog: Catalog) -> None:
    spec = PlanSpec(start=MONDAY, by=date(2027, 6, 30), include_optional=True)
    status = _status(
        catalog, Progress(roadmap="relearn-ai"), spec, datetime(2026, 12, 1, tzinfo=UTC)
    )
    assert status.total == len(catalog.topics)


def test_a_missed_week_keeps_the_target_and_spreads_over_the_rest(catalog: Catalog) -> None:
    required = _required(catalog)
    target = MONDAY + timedelta(weeks=4, days=-1)
    spec = PlanSpec(start=MONDAY, by=target)
    first_quota = quotas(len(required), 4)[0]
    week1 = [(datetime(2026, 12, 1, 12, tzinfo=UTC), t) for t in required[:first_quota]]
    # week 2 (Mon 7 Dec) is missed; in week 3 the quota is recomputed over 2 weeks
    status = _status(catalog, _progress(*week1), spec, datetime(2026, 12, 14, 9, tzinfo=UTC))
    left = len(required) - first_quota
    assert status.target == target
    assert status.weeks_left == 2
    assert status.left_at_week_start == left
    assert status.quota == -(-left // 2)
    assert sum(w.count for w in status.schedule) == left
    assert status.schedule[-1].monday == week_of(target)
    assert status.standing == "behind"
    assert status.difference == quotas(len(required), 4)[1]


def test_ahead_and_this_weeks_progress(catalog: Catalog) -> None:
    required = _required(catalog)
    spec = PlanSpec(start=MONDAY, by=date(2027, 6, 27))
    quota = quotas(len(required), weeks_between(MONDAY, date(2027, 6, 27)))[0]
    done = [(datetime(2026, 12, 1, 12, tzinfo=UTC), t) for t in required[: quota + 3]]
    status = _status(catalog, _progress(*done), spec, datetime(2026, 12, 2, tzinfo=UTC))
    assert status.done_this_week == quota + 3
    assert status.standing == "ahead" and status.difference == 3
    assert status.this_week == []


def test_a_weekly_plan_derives_its_target(catalog: Catalog) -> None:
    required = _required(catalog)
    spec = PlanSpec(start=MONDAY, weekly=5)
    status = _status(
        catalog, Progress(roadmap="relearn-ai"), spec, datetime(2026, 12, 1, tzinfo=UTC)
    )
    weeks = -(-len(required) // 5)
    assert status.target == MONDAY + timedelta(weeks=weeks, days=-1)
    assert status.target.weekday() == 6
    assert status.quota <= 5


def test_a_plan_starting_later_has_no_quota_yet(catalog: Catalog) -> None:
    spec = PlanSpec(start=date(2026, 12, 9), by=date(2027, 1, 31))
    status = _status(
        catalog, Progress(roadmap="relearn-ai"), spec, datetime(2026, 12, 1, tzinfo=UTC)
    )
    assert status.standing == "not_started"
    assert status.quota == 0
    assert status.schedule[0].monday == date(2026, 12, 7)


def test_an_overdue_plan_puts_everything_in_this_week(catalog: Catalog) -> None:
    spec = PlanSpec(start=MONDAY, by=date(2026, 12, 2))
    status = _status(
        catalog, Progress(roadmap="relearn-ai"), spec, datetime(2026, 12, 10, tzinfo=UTC)
    )
    assert status.weeks_left == 0 and status.overdue
    assert status.quota == status.left
    assert len(status.schedule) == 1


def test_projection_by_pace_or_by_hours(catalog: Catalog) -> None:
    required = _required(catalog)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    spec = PlanSpec(start=MONDAY, by=date(2027, 6, 30), hours=6)
    by_pace = _status(catalog, Progress(roadmap="relearn-ai"), spec, now, pace_per_week=2.0)
    assert by_pace.basis == "topics"
    assert by_pace.projected_finish == date(2026, 12, 1) + timedelta(
        days=-(-len(required) * 7 // 2)
    )
    timed = TimeSummary(total=270, median_per_topic=90.0, timed_done=3)
    by_hours = _status(catalog, Progress(roadmap="relearn-ai"), spec, now, time=timed)
    assert by_hours.basis == "hours"
    assert by_hours.rate == pytest.approx(4.0)  # 6 h a week at 1.5 h a topic
    no_data = _status(catalog, Progress(roadmap="relearn-ai"), spec, now)
    assert no_data.projected_finish is None


# --- time zones ----------------------------------------------------------------------------


def test_week_boundary_in_shanghai(catalog: Catalog) -> None:
    spec = PlanSpec(start=MONDAY, by=date(2027, 6, 30))
    topic = _required(catalog)[0]
    # Sunday 16:30 UTC is Monday 00:30 in Shanghai: the new week there, the old one in UTC
    progress = _progress((datetime(2026, 12, 6, 16, 30, tzinfo=UTC), topic))
    now = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)  # Monday 02:00 in Shanghai
    shanghai = _status(catalog, progress, spec, now, ZoneInfo("Asia/Shanghai"))
    assert shanghai.monday == date(2026, 12, 7)
    assert shanghai.done_this_week == 1
    utc = _status(catalog, progress, spec, now, UTC_ZONE)
    assert utc.monday == MONDAY
    assert utc.done_this_week == 1
    later = _status(catalog, progress, spec, datetime(2026, 12, 7, 1, tzinfo=UTC), UTC_ZONE)
    assert later.monday == date(2026, 12, 7) and later.done_this_week == 0


@pytest.mark.parametrize(
    ("done_at", "now", "monday", "this_week"),
    [
        # DST begins Sunday 14 Mar 2027: Monday 00:30 PDT is 07:30 UTC (PST would say Sunday)
        (
            datetime(2027, 3, 15, 7, 30, tzinfo=UTC),
            datetime(2027, 3, 15, 20, tzinfo=UTC),
            date(2027, 3, 15),
            1,
        ),
        (
            datetime(2027, 3, 15, 6, 30, tzinfo=UTC),
            datetime(2027, 3, 15, 20, tzinfo=UTC),
            date(2027, 3, 15),
            0,
        ),
        # DST ends Sunday 7 Nov 2027: Monday 00:30 PST is 08:30 UTC (PDT would say 01:30)
        (
            datetime(2027, 11, 8, 8, 30, tzinfo=UTC),
            datetime(2027, 11, 8, 20, tzinfo=UTC),
            date(2027, 11, 8),
            1,
        ),
        (
            datetime(2027, 11, 8, 7, 30, tzinfo=UTC),
            datetime(2027, 11, 8, 20, tzinfo=UTC),
            date(2027, 11, 8),
            0,
        ),
    ],
)
def test_week_boundary_across_dst_in_los_angeles(
    catalog: Catalog, done_at: datetime, now: datetime, monday: date, this_week: int
) -> None:
    spec = PlanSpec(start=date(2027, 3, 1), by=date(2027, 12, 31))
    progress = _progress((done_at, _required(catalog)[0]))
    status = _status(catalog, progress, spec, now, ZoneInfo("America/Los_Angeles"))
    assert status.monday == monday
    assert status.done_this_week == this_week
    assert sum(w.count for w in status.schedule) == status.left
