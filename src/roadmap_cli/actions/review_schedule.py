"""``roadmap review --forecast | --retention R | --off/--on TOPIC``: the review schedule
ahead, and the settings that shape it (retention, a topic in or out of review)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from roadmap_cli.actions.common import (
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.actions.review import review_states, reviewing, schedule_json

__all__ = [
    "ForecastResult",
    "ModeResult",
    "RetentionResult",
    "forecast",
    "set_mode",
    "set_retention",
]
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.review import (
    MAX_RETENTION,
    MIN_RETENTION,
    Schedule,
)
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record


@record(frozen=False)
class ModeResult:
    """``roadmap review --off/--on TOPIC``: the topic, the mode now, whether it changed,
    and (when on and done) its next review."""

    topic: Topic
    mode: str
    changed: bool
    schedule: Schedule | None
    zone: tzinfo
    today: date

    def to_json(self) -> dict[str, Any]:
        """``{topic: {id, title, title_en}, review_mode: "on"|"off", changed, next:
        {due, due_day, …} | null}``."""
        return {
            "topic": topic_ref(self.topic),
            "review_mode": self.mode,
            "changed": self.changed,
            "next": schedule_json(self.schedule, self.zone, self.today) if self.schedule else None,
        }


def set_mode(app: AppContext, query: str, mode: str) -> ModeResult:
    """Turn review of the topic ``query`` names "off" or "on": records ``{id, at, topic,
    review_mode}`` unless the mode is already that. The mode holds for any status: a
    topic turned off stays out of review when it is done again.

    Raises:
        UnknownTopicError, AmbiguousTopicError: ``query`` names no single topic (exit 2).
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.review import review_modes
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.clock import local_zone, now_utc

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    now = now_utc()

    def record(progress: Progress) -> bool:
        current = review_modes(progress, catalog.canonical_id).get(topic.id, "on")
        if current == mode:
            return False
        event = Event.of_kind("review_mode", mode, id=progress.new_id(), at=now, topic=topic.id)
        progress.add(event)
        return True

    store = app.store()
    changed = store.update(record)
    snap = snapshot(catalog, store.load())
    zone = local_zone()
    return ModeResult(
        topic=topic,
        mode=mode,
        changed=changed,
        schedule=review_states(snap, now).get(topic.id),
        zone=zone,
        today=now.astimezone(zone).date(),
    )


@record(frozen=False)
class RetentionResult:
    """``roadmap review --retention R``: the retention before and after."""

    before: float
    after: float

    def to_json(self) -> dict[str, Any]:
        """``{retention, previous, changed}``."""
        return {
            "retention": self.after,
            "previous": self.before,
            "changed": self.before != self.after,
        }


def set_retention(app: AppContext, value: float) -> RetentionResult:
    """Record ``{id, at, settings: {"review_retention": value}}`` unless it is already the
    retention in force.

    Raises:
        UsageError: ``value`` outside :data:`MIN_RETENTION`–:data:`MAX_RETENTION` (exit 2).
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.review import retention
    from roadmap_cli.support.clock import now_utc

    if not MIN_RETENTION <= value <= MAX_RETENTION:
        raise UsageError(
            _("--retention: {value} is out of range").format(value=f"{value:g}"),
            _(
                "give the share of topics you want to still recall when due, "
                "{low} to {high} (default 0.9)"
            ).format(low=f"{MIN_RETENTION:g}", high=f"{MAX_RETENTION:g}"),
        )
    app.catalog()
    now = now_utc()

    def record(progress: Progress) -> float:
        before = retention(progress)
        if before != value:
            progress.add(
                Event.of_kind("settings", {"review_retention": value}, id=progress.new_id(), at=now)
            )
        return before

    before = app.store().update(record)
    return RetentionResult(before, value)


@record(frozen=False)
class ForecastResult:
    """``roadmap review --forecast``: reviews per day and every topic in review.

    Attributes:
        days: (local day, topics due that day) from today on; today counts the overdue.
        topics: every topic in review with its schedule, soonest first.
        retention: the desired retention in force.
    """

    days: list[tuple[date, int]]
    topics: list[tuple[Topic, Schedule]]
    retention: float
    today: date
    zone: tzinfo
    language: str
    overdue: int = 0
    later: int = 0

    def to_json(self) -> dict[str, Any]:
        """``{today, retention, overdue, later, days: [{date, due}], topics: [{id,
        title, title_en, due, due_day, days_overdue, since, reviews, last_review,
        last_rating, recall}]}`` (``later``: due after the last day shown)."""
        return {
            "today": self.today.isoformat(),
            "retention": self.retention,
            "overdue": self.overdue,
            "later": self.later,
            "days": [{"date": d.isoformat(), "due": n} for d, n in self.days],
            "topics": [
                {**topic_ref(t), **schedule_json(s, self.zone, self.today)} for t, s in self.topics
            ],
        }


def forecast(app: AppContext, days: int = 14, now: datetime | None = None) -> ForecastResult:
    """The reviews due on each of the ``days`` local days from today (today includes the
    overdue ones), and every topic in review, soonest first.

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.progress.review import retention

    seen = reviewing(app, now)
    snap, today, zone = seen.snap, seen.today, seen.zone
    catalog = snap.catalog
    counts = {today + timedelta(days=i): 0 for i in range(days)}
    overdue = later = 0
    for s in seen.order:
        day = max(s.due_day(zone), today)
        if s.due_day(zone) < today:
            overdue += 1
        if day in counts:
            counts[day] += 1
        else:
            later += 1
    return ForecastResult(
        days=sorted(counts.items()),
        topics=[(catalog.topics[s.topic], s) for s in seen.order],
        retention=retention(snap.progress),
        today=today,
        zone=zone,
        language=catalog.roadmap.language,
        overdue=overdue,
        later=later,
    )
