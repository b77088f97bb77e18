"""Checking ``roadmap plan``'s options (actions/plan.check_plan) and the plan's standing as
the actions compute it (actions/plan.plan_for)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from roadmap_cli.actions.plan import check_plan, plan_for
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.plan import PlanSpec
from roadmap_cli.progress.snapshot import snapshot
from roadmap_cli.roadmap.bundled import bundled_roadmap_path
from roadmap_cli.roadmap.catalog import load_catalog

TODAY = date(2026, 12, 2)


def test_check_plan_reads_dates_and_defaults_the_start_to_today() -> None:
    spec = check_plan(TODAY, "2027-06-30", None, 6.5, None, True)
    assert spec == PlanSpec(start=TODAY, by=date(2027, 6, 30), hours=6.5, include_optional=True)
    assert check_plan(TODAY, "today", None, None, "yesterday", False).start == date(2026, 12, 1)
    assert check_plan(TODAY, None, 3, None, "2027-01-04", False).weekly == 3


@pytest.mark.parametrize(
    ("by", "weekly", "hours", "start", "message"),
    [
        (None, None, None, None, "give a target date"),
        ("2027-06-30", 2, None, None, "--by conflicts with --weekly"),
        ("2026-12-01", None, None, None, "is in the past"),
        ("2027-01-01", None, None, "2027-01-02", "is before the start"),
        (None, 0, None, None, "0 topics a week"),
        (None, 2, -1.0, None, "hours a week is not possible"),
        (None, 2, None, "someday", "--from: cannot read"),
        ("", None, None, None, "--by: the date is empty"),
    ],
)
def test_check_plan_refuses(
    by: str | None, weekly: int | None, hours: float | None, start: str | None, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        check_plan(TODAY, by, weekly, hours, start, False)


def test_plan_for_uses_the_pace_for_the_projection() -> None:
    catalog = load_catalog(bundled_roadmap_path())
    progress = Progress(roadmap="relearn-ai")
    assert plan_for(snapshot(catalog, progress), datetime(2026, 12, 2, tzinfo=UTC), UTC) is None
    spec = PlanSpec(start=date(2026, 11, 30), by=date(2027, 6, 30))
    progress.add(
        Event.of_kind(
            "plan",
            spec.to_json(),
            id="019ad0b1c2e0-00000000",
            at=datetime(2026, 11, 30, tzinfo=UTC),
        )
    )
    for n, topic in enumerate(["dl-theory", "dl-code"]):
        at = datetime(2026, 12, 1, 12, tzinfo=UTC)
        progress.add(Event(id=f"019ad0b1c2e{n + 1}-00000000", at=at, topic=topic, status="done"))
    status = plan_for(
        snapshot(catalog, progress), datetime(2026, 12, 2, tzinfo=UTC), ZoneInfo("UTC")
    )
    assert status is not None
    assert status.done_this_week == 2
    assert status.rate == pytest.approx(2.0)  # two topics in the first week
    assert status.projected_finish is not None and status.basis == "topics"
