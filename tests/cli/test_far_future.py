"""A pace so slow that the finish it implies is past 9999-12-31: report and plan say so
instead of failing with an internal error (OverflowError)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from roadmap_cli.support import clock
from tests.cli.conftest import Run


@pytest.fixture
def slow(roadmap: Callable[..., Run]) -> Iterator[None]:
    """One topic done in 2026, then nothing until the year 9000."""
    clock.pin(datetime(2026, 1, 5, 4, tzinfo=UTC))
    assert roadmap("done", "pandas").exit_code == 0
    clock.pin(datetime(9000, 1, 1, 12, tzinfo=UTC))
    assert roadmap("plan", "--by", "9999-12-30").exit_code == 0
    yield
    clock.pin(None)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_and_plan_say_the_finish_is_past_9999(
    slow: None, roadmap: Callable[..., Run], lang: str
) -> None:
    report = roadmap("--lang", lang, "report")
    assert report.exit_code == 0, report.stderr
    assert report.stderr == ""
    finish = "after 9999-12-31" if lang == "en" else "9999-12-31 之后"
    assert finish in report.stdout
    plan = roadmap("--lang", lang, "plan")
    assert plan.exit_code == 0, plan.stderr
    expected = "projected after 9999-12-31" if lang == "en" else "预计 9999-12-31 之后才能学完"
    assert expected in plan.stdout
    assert roadmap("report", "--json").json()["pace"]["projected_finish"] is None
    assert roadmap("plan", "--json").json()["plan"]["projected_finish"] is None
