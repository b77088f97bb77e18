"""Reading the calendar days users type (``--date``, ``--since``), in one place."""

from __future__ import annotations

from datetime import date, timedelta

from roadmap_cli.errors import UsageError

__all__ = ["DAY_WORDS", "parse_day", "require_text"]

#: What a day option accepts besides an ISO 8601 date, for hints.
DAY_WORDS = "YYYY-MM-DD (e.g. 2026-11-01), 'today' or 'yesterday'"


def require_text(text: str, option: str) -> str:
    """``text`` stripped.

    Raises:
        UsageError: ``text`` is empty or blank (``--date ""``), naming ``option``.
    """
    word = text.strip()
    if not word:
        raise UsageError(f"{option}: the date is empty", f"give {DAY_WORDS}")
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
