"""The current time and the learner's time zone, in one place so tests can pin them."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo

__all__ = ["local_zone", "now_utc", "zone_name"]


def now_utc() -> datetime:
    """The current time, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def local_zone() -> tzinfo:
    """The learner's local time zone (from ``TZ`` or the system)."""
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def zone_name(now: datetime, zone: tzinfo) -> str:
    """A name for the local time zone: ``TZ`` when it names one ("Asia/Shanghai"), else
    the zone's abbreviation at ``now`` ("CST")."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and not env.startswith("/"):
        return env
    return now.astimezone(zone).tzname() or "UTC"
