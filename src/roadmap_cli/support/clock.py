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


_zone: tuple[str | None, tzinfo] | None = None


def local_zone() -> tzinfo:
    """The learner's real time zone (from ``TZ`` or the system, see
    :mod:`roadmap_cli.support.zones`): an IANA zone, so each time is converted with its own UTC
    offset, before or after a daylight-saving switch. An invalid ``TZ`` gives UTC (and
    :func:`roadmap_cli.zones.zone_problem` says so). Found once per ``TZ`` value."""
    global _zone
    key = os.environ.get("TZ")
    if _zone is None or _zone[0] != key:
        from roadmap_cli.support.zones import find_zone

        _zone = (key, find_zone())
    return _zone[1]


def zone_name(now: datetime, zone: tzinfo) -> str:
    """A name for the local time zone: its IANA name ("Asia/Shanghai"), else the zone's
    abbreviation at ``now`` ("CST")."""
    from roadmap_cli.support.zones import zone_name as name_of

    return name_of(zone, now)
