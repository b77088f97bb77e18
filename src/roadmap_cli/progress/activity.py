"""Activity over time: completions, notes and review ratings per local day, streaks, and pace with a
projected finish date. Pure functions over a :class:`~roadmap_cli.progress.snapshot.Snapshot`.

Times are UTC datetimes; "days" are calendar days in the time zone passed in, the
learner's local zone. Nothing here reads files or prints.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, tzinfo

from roadmap_cli.progress.events import format_time
from roadmap_cli.progress.review import review_ratings
from roadmap_cli.progress.snapshot import Snapshot
from roadmap_cli.support.records import record

__all__ = ["Pace", "activity_by_day", "pace", "streaks"]


def activity_by_day(snap: Snapshot, zone: tzinfo) -> Counter[date]:
    """Number of completions, notes and review ratings on each local calendar day, from
    the live (not undone) events of current and orphaned topics. A completion whose date
    was moved (``done --date`` on a done topic) counts once, on its new date."""
    days: Counter[date] = Counter()
    for state in [*snap.states.values(), *snap.orphans.values()]:
        for event in (*state.completions, *state.notes):
            days[event.at.astimezone(zone).date()] += 1
    for event in review_ratings(snap.progress):
        days[event.at.astimezone(zone).date()] += 1
    return days


def streaks(days: set[date] | Counter[date], today: date) -> tuple[int, int]:
    """``(current, longest)``: runs of consecutive active days. The current run ends
    today, or yesterday if today has no activity yet; 0 when neither is active."""
    active = {d for d in days if days[d]} if isinstance(days, Counter) else set(days)
    longest = 0
    for day in active:
        if day - timedelta(days=1) in active:
            continue
        length = 1
        while day + timedelta(days=length) in active:
            length += 1
        longest = max(longest, length)
    current = 0
    cursor = today if today in active else today - timedelta(days=1)
    while cursor in active:
        current += 1
        cursor -= timedelta(days=1)
    return current, longest


@record
class Pace:
    """Topics finished per week and the finish date that pace implies.

    Attributes:
        recent_per_week: topics done in the last four weeks, per week (over the time since
            the first event when that is shorter, but at least a week).
        overall_per_week: topics done ÷ weeks since the first event (at least one week).
        remaining: topics neither done nor skipped.
        projected_finish: local date at ``recent_per_week`` (or ``overall_per_week`` when
            there was nothing recent); None when there is not enough data yet, or when
            that date is past 9999-12-31 (:attr:`beyond_reach`).
        first: the time (UTC) of the first recorded event, None when there is none.
    """

    recent_per_week: float
    overall_per_week: float
    remaining: int
    projected_finish: date | None
    first: datetime | None = None

    @property
    def beyond_reach(self) -> bool:
        """Whether topics are left and there is a pace, but the finish it implies is past
        the last date there is (9999-12-31), so ``projected_finish`` is None."""
        rate = self.recent_per_week or self.overall_per_week
        return self.projected_finish is None and self.remaining > 0 and rate > 0

    def to_json(self) -> dict[str, object]:
        """``{recent_per_week, overall_per_week, remaining, projected_finish, since}``
        (``projected_finish`` a local date, ``since`` a UTC time, ISO 8601)."""
        return {
            "recent_per_week": round(self.recent_per_week, 2),
            "overall_per_week": round(self.overall_per_week, 2),
            "remaining": self.remaining,
            "projected_finish": self.projected_finish.isoformat()
            if self.projected_finish
            else None,
            "since": format_time(self.first) if self.first else None,
        }


def pace(snap: Snapshot, now: datetime, zone: tzinfo) -> Pace:
    """Compute :class:`Pace` at ``now`` (UTC) for dates in ``zone``."""
    done_at = [s.since for s in snap.states.values() if s.status == "done" and s.since is not None]
    remaining = sum(1 for t in snap.catalog.topics if snap.status(t) not in ("done", "skipped"))
    live = (e.at for st in (*snap.states.values(), *snap.orphans.values()) for e in st.events)
    first = min(live, default=None)  # the first change still in effect: undone ones don't count
    weeks = max(1.0, (now - first).total_seconds() / (7 * 86400)) if first else 1.0
    window = min(4.0, weeks)
    recent = sum(1 for at in done_at if now - at <= timedelta(weeks=window)) / window
    overall_rate = len(done_at) / weeks
    rate = recent or overall_rate
    finish = None
    if remaining == 0:
        finish = now.astimezone(zone).date()
    elif rate > 0:
        try:
            finish = (now + timedelta(weeks=remaining / rate)).astimezone(zone).date()
        except OverflowError:  # 50,000 topics at one a year: past 9999-12-31 (beyond_reach)
            finish = None
    return Pace(recent, overall_rate, remaining, finish, first)
