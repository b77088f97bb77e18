"""Reading the calendar days users type (``--date``, ``--since``), in one place."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import N_, _

__all__ = ["DAY_WORDS", "parse_day", "parse_since", "parse_when", "require_text"]

#: What a day option accepts besides an ISO 8601 date, for hints.
DAY_WORDS = N_("YYYY-MM-DD (e.g. 2026-11-01), 'today' or 'yesterday'")


def require_text(text: str, option: str) -> str:
    """``text`` stripped.

    Raises:
        UsageError: ``text`` is empty or blank (``--date ""``), naming ``option``.
    """
    word = text.strip()
    if not word:
        raise UsageError(
            _("{option}: the date is empty").format(option=option),
            _("give {forms}").format(forms=_(DAY_WORDS)),
        )
    return word


def parse_day(text: str, today: date, option: str) -> date | None:
    """The local calendar day ``text`` names: ``today``, ``yesterday`` (relative to
    ``today``, the local date) or an ISO 8601 date (``YYYY-MM-DD``, and the compact and
    week forms ``20261101``, ``2026-W48-1``); None for anything else (the caller may try
    other forms, such as a date-time, or raise).

    Raises:
        UsageError: ``text`` is empty or blank.
    """
    word = require_text(text, option).lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if 7 <= len(word) <= 10 and "t" not in word and " " not in word:
        try:
            return date.fromisoformat(word.upper())
        except ValueError:
            return None
    return None


def parse_when(text: str, now: datetime) -> datetime:
    """Parse ``--date``: ``YYYY-MM-DD`` (noon local time that day), ``today``,
    ``yesterday``, or an ISO 8601 date-time (local time if it has no zone). Returns UTC.

    Raises:
        UsageError: empty, unparseable, or later than ``now``.
    """
    from roadmap_cli.support.clock import local_zone

    zone = local_zone()
    today = now.astimezone(zone).date()
    day = parse_day(text, today, "--date")
    try:
        when = datetime.fromisoformat(text.strip()) if day is None else now
    except ValueError:
        raise UsageError(
            _("--date: cannot read {text!r} as a date").format(text=text),
            _("use {forms}, or an ISO 8601 date-time").format(forms=_(DAY_WORDS)),
        ) from None
    if (day or when).year < 1900:  # progress files keep times from 1900 on
        raise UsageError(
            _("--date: {text!r} is before 1900").format(text=text),
            _("give the date the work was done"),
        )
    if day is not None:  # a calendar day: noon local time, or now if that is later today
        if day > today:
            raise _future(text)
        return min(datetime.combine(day, time(12), zone).astimezone(UTC), now)
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone)
    when = when.astimezone(UTC).replace(microsecond=0)
    if when > now:
        raise _future(text)
    return when


def _future(text: str) -> UsageError:
    return UsageError(
        _("--date: {text!r} is in the future").format(text=text),
        _("record work once it is done"),
    )


def parse_since(text: str) -> date:
    """Parse ``--since``: a local calendar date, ``YYYY-MM-DD``, ``today`` or
    ``yesterday`` (as ``--date`` reads them, :func:`roadmap_cli.support.dates.parse_day`).

    Raises:
        UsageError: empty, or anything else.
    """
    from roadmap_cli.support.clock import local_zone, now_utc

    day = parse_day(text, now_utc().astimezone(local_zone()).date(), "--since")
    if day is None:
        raise UsageError(
            _("--since: cannot read {text!r} as a date").format(text=text),
            _("use {forms}").format(forms=_(DAY_WORDS)),
        )
    return day
