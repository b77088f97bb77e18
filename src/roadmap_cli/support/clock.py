"""The current time and the learner's time zone, in one place so tests can pin them."""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo

__all__ = ["local_zone", "now_precise", "now_utc", "pin", "zone_name"]

#: A fixed "now" for tests (see :func:`pin`); None reads the system clock.
_pinned: datetime | None = None


def pin(at: datetime | None) -> None:
    """Make :func:`now_utc` and :func:`now_precise` return ``at`` (an aware time) until
    pinned again; None goes back to the system clock. For tests: no faketime needed."""
    global _pinned
    _pinned = None if at is None else at.astimezone(UTC)


def now_precise() -> datetime:
    """The current time, UTC, with microseconds (event ids use milliseconds)."""
    return _pinned if _pinned is not None else datetime.now(UTC)


def now_utc() -> datetime:
    """The current time, UTC, to the second."""
    return now_precise().replace(microsecond=0)


def local_zone() -> tzinfo:
    """The learner's local time zone: the IANA zone ``TZ`` names ("America/Los_Angeles"),
    with its daylight-saving rules, so a date across a DST change is right; otherwise the
    system's offset now."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and not env.startswith("/"):
        try:
            from zoneinfo import ZoneInfo

            return ZoneInfo(env)
        except (ValueError, OSError, LookupError):
            pass  # "EST5EDT"-style or unknown names: the C library's reading below
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def zone_name(now: datetime, zone: tzinfo) -> str:
    """A name for the local time zone: ``TZ`` when it names one ("Asia/Shanghai"), else
    the zone's abbreviation at ``now`` ("CST")."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and not env.startswith("/"):
        return env
    return now.astimezone(zone).tzname() or "UTC"
