"""Time zones: each time is shown with its own offset, across daylight-saving switches.

The clock is pinned through :mod:`roadmap_cli.support.clock`; the zone comes from ``TZ``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from roadmap_cli.support import clock
from roadmap_cli.support.zones import SystemZone, find_zone, zone_problem


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    clock.pin(None)


# (zone, a late-evening local time before a switch, its UTC time, a date after the switch)
LATE = [
    ("America/Los_Angeles", "2026-02-01T23:30:00", "2026-02-02T07:30:00Z", "2026-07-15"),  # PST
    ("America/Los_Angeles", "2026-07-01T23:30:00", "2026-07-02T06:30:00Z", "2026-12-15"),  # PDT
    ("Europe/Berlin", "2026-02-01T23:30:00", "2026-02-01T22:30:00Z", "2026-07-15"),  # CET
    ("Europe/Berlin", "2026-07-01T23:30:00", "2026-07-01T21:30:00Z", "2026-12-15"),  # CEST
]


@pytest.mark.parametrize(("name", "local", "utc", "later"), LATE)
def test_a_late_mark_stays_on_its_day_after_a_daylight_saving_switch(
    roadmap, zone, name: str, local: str, utc: str, later: str
) -> None:
    zone(name)
    clock.pin(datetime.fromisoformat(later + "T12:00:00+00:00"))
    run = roadmap("done", "pandas", "--date", local, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["changes"][0]["at"] == utc
    day = local[:10]
    report = roadmap("report", "--json").json()
    assert report["activity"]["days"] == {day: 1}
    assert report["time_zone"] == name
    history = roadmap("history")
    assert f"{day} 23:30  pandas" in history.stdout
    assert f"times in {name}" in history.stdout


@pytest.mark.parametrize(
    ("name", "date", "utc"),
    [
        # a calendar day is noon local time, with that day's offset
        ("America/Los_Angeles", "2026-03-07", "2026-03-07T20:00:00Z"),  # PST, day before
        ("America/Los_Angeles", "2026-03-08", "2026-03-08T19:00:00Z"),  # PDT from 02:00
        ("America/Los_Angeles", "2026-10-31", "2026-10-31T19:00:00Z"),
        ("America/Los_Angeles", "2026-11-01", "2026-11-01T20:00:00Z"),  # PST from 02:00
        ("Europe/Berlin", "2026-03-28", "2026-03-28T11:00:00Z"),
        ("Europe/Berlin", "2026-03-29", "2026-03-29T10:00:00Z"),
        ("Europe/Berlin", "2026-10-24", "2026-10-24T10:00:00Z"),
        ("Europe/Berlin", "2026-10-25", "2026-10-25T11:00:00Z"),
        # compact and week forms are days too, anchored at noon
        ("Europe/Berlin", "20261025", "2026-10-25T11:00:00Z"),
        ("Europe/Berlin", "2026-W43-7", "2026-10-25T11:00:00Z"),
        ("UTC", "2026-W48-1", "2026-11-23T12:00:00Z"),
        # ISO date-times take the offset in force at that time
        ("Europe/Berlin", "2026-03-29T01:30:00", "2026-03-29T00:30:00Z"),
        ("Europe/Berlin", "2026-03-29T03:30:00", "2026-03-29T01:30:00Z"),
        ("America/Los_Angeles", "2026-11-01T00:30:00", "2026-11-01T07:30:00Z"),
        ("America/Los_Angeles", "2026-11-01T03:30:00", "2026-11-01T11:30:00Z"),
    ],
)
def test_date_values_use_the_offset_of_their_own_day(
    roadmap, zone, name: str, date: str, utc: str
) -> None:
    zone(name)
    clock.pin(datetime(2026, 12, 1, 20, 0, tzinfo=UTC))
    run = roadmap("done", "numpy", "--date", date, "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json()["changes"][0]["at"] == utc


def test_streaks_do_not_change_when_the_offset_does(roadmap, zone) -> None:
    zone("Europe/Berlin")
    clock.pin(datetime(2026, 3, 28, 22, 45, tzinfo=UTC))  # 23:45 CET
    assert roadmap("done", "numpy", "--date", "2026-03-27T23:30:00").exit_code == 0
    assert roadmap("done", "pandas", "--date", "2026-03-28T23:30:00").exit_code == 0
    winter = roadmap("report", "--json").json()["activity"]
    clock.pin(datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    summer = roadmap("report", "--json").json()["activity"]
    assert winter["days"] == summer["days"] == {"2026-03-27": 1, "2026-03-28": 1}
    assert summer["streak"]["longest"] == 2


def test_an_invalid_tz_is_named_and_utc_is_used(roadmap, zone) -> None:
    zone("Mars/Olympus_Mons")
    clock.pin(datetime(2026, 12, 1, 20, 0, tzinfo=UTC))
    run = roadmap("report", "--json")
    assert run.exit_code == 0
    assert run.json()["time_zone"] == "UTC"
    assert "TZ='Mars/Olympus_Mons' is not a valid time zone" in run.stderr
    assert "UTC" in run.stderr
    assert run.stderr.count("\n") == 1  # said once
    quiet = roadmap("list")
    zone("Europe/Berlin")
    assert "warning" not in roadmap("report").stderr
    assert quiet.exit_code == 0


@pytest.mark.parametrize("value", ["", ":UTC", "UTC0", "GMT"])
def test_utc_spellings_are_utc(value: str) -> None:
    assert find_zone({"TZ": value}) is UTC
    assert zone_problem() is None


def test_posix_rules_follow_the_c_library(zone) -> None:
    rule = "CET-1CEST,M3.5.0,M10.5.0/3"
    zone(rule)
    found = find_zone({"TZ": rule})
    assert isinstance(found, SystemZone)
    assert zone_problem() is None
    winter = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(found)
    summer = datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(found)
    assert (winter.hour, summer.hour) == (13, 14)
    assert (winter.tzname(), summer.tzname()) == ("CET", "CEST")


def test_a_zone_file_path_and_a_colon_name_work() -> None:
    assert str(find_zone({"TZ": ":Asia/Tokyo"})) == "Asia/Tokyo"
    path = "/usr/share/zoneinfo/Asia/Tokyo"
    try:
        found = find_zone({"TZ": path})
    except OSError:  # pragma: no cover - no system zone files
        pytest.skip("no /usr/share/zoneinfo")
    assert datetime(2026, 1, 1, tzinfo=UTC).astimezone(found).hour == 9


def test_no_tz_uses_the_system_zone() -> None:
    found = find_zone({})
    assert zone_problem() is None
    assert datetime(2026, 1, 1, tzinfo=UTC).astimezone(found).utcoffset() is not None
