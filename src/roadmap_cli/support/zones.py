"""The learner's real time zone: an IANA zone, so every time gets its own UTC offset.

A fixed offset (today's) would move every event from before a daylight-saving switch by
an hour: a note at 23:30 on 1 February would show on 2 February in July, and streaks
would change. So the zone is:

1. ``TZ`` when it is set: an IANA name (``Europe/Berlin``, ``:Europe/Berlin``), a path to a
   zone file (``:/usr/share/zoneinfo/Asia/Tokyo``), or a POSIX rule the C library reads
   (``CET-1CEST,M3.5.0,M10.5.0/3``: offsets come from ``time.localtime`` per instant). An
   empty ``TZ`` is UTC. Anything else is named as invalid (:func:`zone_problem`) and UTC is
   used, as the C library would silently do.
2. Otherwise the system's zone, found by ``tzlocal`` (imported only then: ~25 ms).
   Should that fail, the C library's idea of local time is used, per instant.

Pure logic: nothing is printed here; the CLI says :func:`zone_problem` once on stderr.
"""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime, timedelta, tzinfo

from roadmap_cli.support.i18n import Msg

__all__ = ["SystemZone", "find_zone", "zone_name", "zone_problem"]

#: A POSIX TZ rule: std name, offset, optional dst name [offset] [,rules].
_POSIX_RULE = re.compile(
    r"(?:[A-Za-z]{3,}|<[+-]?[A-Za-z0-9]+>)[+-]?\d{1,2}(?::\d{2}){0,2}"
    r"(?:(?:[A-Za-z]{3,}|<[+-]?[A-Za-z0-9]+>)(?:[+-]?\d{1,2}(?::\d{2}){0,2})?"
    r"(?:,[^,]+,[^,]+)?)?"
)

_problem: Msg | None = None


class SystemZone(tzinfo):
    """Local time as the C library sees it (``TZ`` or the system), with each instant's
    own offset (``time.localtime``). Used for POSIX ``TZ`` rules and as a fallback."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        """The offset at ``dt`` (taken as local wall time when naive)."""
        return timedelta(seconds=self._local(dt).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        """The daylight-saving part of the offset at ``dt`` (0 or one hour)."""
        return timedelta(hours=1) if self._local(dt).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        """The abbreviation at ``dt`` ("CET", "CEST")."""
        return self._local(dt).tm_zone

    def fromutc(self, dt: datetime) -> datetime:
        """``dt`` (UTC wall time, this zone attached) as local wall time."""
        stamp = dt.replace(tzinfo=UTC).timestamp()
        local = time.localtime(stamp)
        return (dt + timedelta(seconds=local.tm_gmtoff)).replace(fold=0)

    @staticmethod
    def _local(dt: datetime | None) -> time.struct_time:
        if dt is None:
            return time.localtime()
        if dt.tzinfo is not None and not isinstance(dt.tzinfo, SystemZone):
            return time.localtime(dt.timestamp())
        naive = dt.replace(tzinfo=None)
        try:
            return time.localtime(time.mktime((*naive.timetuple()[:8], -1)))
        except (OverflowError, ValueError):
            return time.localtime(0)

    def __repr__(self) -> str:
        return "SystemZone()"


def find_zone(environ: dict[str, str] | None = None) -> tzinfo:
    """The learner's time zone (see the module doc); sets :func:`zone_problem` when
    ``TZ`` names no zone (then UTC is returned)."""
    global _problem
    env = os.environ if environ is None else environ
    _problem = None
    raw = env.get("TZ")
    if raw is None:
        return _system_zone()
    name = raw.strip().removeprefix(":")
    if not name or name.upper() in ("UTC", "UTC0", "GMT", "GMT0", "Z"):
        return UTC
    from zoneinfo import ZoneInfo

    try:
        if name.startswith("/"):
            with open(name, "rb") as handle:
                return ZoneInfo.from_file(handle, key=name)
        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        pass
    if _POSIX_RULE.fullmatch(name):
        return SystemZone()
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    _problem = Msg(
        "TZ={value!r} is not a valid time zone; times are shown in UTC "
        "(set TZ to a name such as Europe/Berlin, or unset it)",
        value=shown,
    )
    return UTC


def _system_zone() -> tzinfo:
    """The system's zone: the IANA name ``/etc/localtime`` links to (the common case, read
    without importing tzlocal), else what tzlocal finds, else the C library's."""
    try:
        target = os.path.realpath("/etc/localtime")
        _, found, name = target.partition("/zoneinfo/")
        if found and name:
            from zoneinfo import ZoneInfo

            return ZoneInfo(name)
    except (OSError, ValueError, KeyError):
        pass
    try:
        import tzlocal

        zone: tzinfo = tzlocal.get_localzone()
        return zone
    except Exception:  # any failure: the C library's local time still works
        return SystemZone()


def zone_problem() -> str | None:
    """What was wrong with ``TZ`` when the zone was last found, in the interface
    language, else None."""
    return _problem.translated() if _problem is not None else None


def zone_name(zone: tzinfo, now: datetime) -> str:
    """A name for ``zone``: its IANA key ("Europe/Berlin"), "UTC", or its abbreviation at
    ``now`` ("CET")."""
    key = getattr(zone, "key", None)
    if isinstance(key, str) and key and not key.startswith("/"):
        return key
    if zone is UTC:
        return "UTC"
    return now.astimezone(zone).tzname() or "UTC"
