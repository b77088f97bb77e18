"""Day parsing shared by --date and --since: words, ISO dates, empty values."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap_cli.errors import UsageError
from roadmap_cli.support.dates import parse_day

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("today", TODAY),
        (" Yesterday ", date(2026, 11, 29)),
        ("2026-11-01", date(2026, 11, 1)),
        ("2026-13-01", None),
        ("2026-11-01T10:00", None),
        ("last week", None),
    ],
)
def test_parse_day(text: str, day: date | None) -> None:
    assert parse_day(text, TODAY, "--since") == day


@pytest.mark.parametrize("text", ["", " \t"])
def test_parse_day_refuses_an_empty_value(text: str) -> None:
    with pytest.raises(UsageError, match="--since: the date is empty"):
        parse_day(text, TODAY, "--since")


def test_the_system_zone_is_the_iana_zone_etc_localtime_names() -> None:
    import os

    from roadmap_cli.support.zones import find_zone

    target = os.path.realpath("/etc/localtime")
    if "/zoneinfo/" not in target:
        pytest.skip("/etc/localtime does not link into a zoneinfo folder here")
    zone = find_zone({})
    assert getattr(zone, "key", None) == target.partition("/zoneinfo/")[2]
