"""``roadmap review``: finished topics due for spaced review, rating one, the forecast,
the retention setting and turning review off or on for a topic.

The logic is in :mod:`roadmap_cli.progress.review`; this module loads, calls and saves,
and returns result objects with ``to_json()``. Times are UTC; days are local calendar
days (:func:`roadmap_cli.support.clock.local_zone`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from roadmap_cli.actions.common import (
    iso_or_none,
    note_json,
    resource_json,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import UsageError
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress, TopicState
from roadmap_cli.progress.review import (
    FIRST_REVIEW_DAYS,
    RATINGS,
    ReviewSummary,
    Schedule,
)
from roadmap_cli.progress.snapshot import Snapshot
from roadmap_cli.roadmap.model import Stage, Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

__all__ = [
    "DueItem",
    "DueResult",
    "RateResult",
    "Reviewing",
    "due_count",
    "due_reviews",
    "parse_rating",
    "rate",
    "review_states",
    "review_summary",
    "reviewing",
    "schedule_json",
    "topic_review",
]


def parse_rating(text: str) -> str:
    """``again``/``hard``/``good``/``easy`` (any case) or ``1``–``4`` → the rating name.

    Raises:
        UsageError: anything else; the message lists the four.
    """
    key = text.strip().lower()
    if key in RATINGS:
        return key
    if key in ("1", "2", "3", "4"):
        return RATINGS[int(key) - 1]
    raise UsageError(
        _("RATING: unknown rating {text!r}").format(text=text),
        _("rate with again (1), hard (2), good (3) or easy (4)"),
    )


def review_states(snap: Snapshot, now: datetime) -> dict[str, Schedule]:
    """Topic id → :class:`Schedule` at ``now`` for every current topic in review."""
    from roadmap_cli.progress.review import enrolments, retention, schedule

    enrolled = enrolments(snap.progress, snap.states, snap.catalog.canonical_id)
    if not enrolled:
        return {}
    return schedule(enrolled.values(), retention(snap.progress), now)


def topic_review(snap: Snapshot, topic_id: str, now: datetime) -> tuple[Schedule | None, str]:
    """One topic's review state at ``now``: its schedule (None when not in review) and its
    review mode ("on" or "off"). Schedules that topic alone."""
    from roadmap_cli.progress.review import enrolments, retention, review_modes, schedule

    mode = review_modes(snap.progress, snap.catalog.canonical_id).get(topic_id, "on")
    state = snap.states.get(topic_id)
    if state is None or state.status != "done":
        return None, mode
    enrolled = enrolments(snap.progress, {topic_id: state}, snap.catalog.canonical_id)
    if topic_id not in enrolled:
        return None, mode
    found = schedule([enrolled[topic_id]], retention(snap.progress), now)
    return found[topic_id], mode


def review_summary(snap: Snapshot, now: datetime, zone: tzinfo) -> ReviewSummary:
    """The report's Review section at ``now`` (UTC), days in ``zone``."""
    from roadmap_cli.progress.review import summarize

    return summarize(review_states(snap, now).values(), now.astimezone(zone).date(), zone)


def due_count(snap: Snapshot, now: datetime, zone: tzinfo) -> int:
    """How many topics are due for review on the local day of ``now``. Imports ``fsrs``
    only when a topic in review has been rated (``next`` stays light otherwise): before
    its first rating, a topic's review falls due :data:`FIRST_REVIEW_DAYS` days after its
    completion whatever FSRS says (:func:`roadmap_cli.progress.review.schedule`)."""
    from roadmap_cli.progress.review import FIRST_REVIEW_DAYS, enrolments

    enrolled = enrolments(snap.progress, snap.states, snap.catalog.canonical_id)
    today = now.astimezone(zone).date()
    if not any(e.ratings for e in enrolled.values()):
        first = timedelta(days=FIRST_REVIEW_DAYS)
        return sum(
            1 for e in enrolled.values() if (e.since + first).astimezone(zone).date() <= today
        )
    return sum(1 for s in review_states(snap, now).values() if s.is_due(today, zone))


def schedule_json(s: Schedule, zone: tzinfo, today: date) -> dict[str, Any]:
    """A schedule as ``--json`` gives it: ``{due, due_day, days_overdue, since, reviews,
    last_review, last_rating, recall}`` (times UTC ISO 8601, days local to ``zone``,
    overdue counted from ``today``, recall 0–1 to three places)."""
    return {
        "due": iso_or_none(s.due),
        "due_day": s.due_day(zone).isoformat(),
        "days_overdue": max(0, (today - s.due_day(zone)).days),
        "since": iso_or_none(s.since),
        "reviews": s.reviews,
        "last_review": iso_or_none(s.last_review),
        "last_rating": s.last_rating,
        "recall": round(s.recall, 3),
    }


@record(frozen=False)
class DueItem:
    """One topic due for review: the topic (its first resource is the one to check
    against), its stage, its schedule, the learner's notes on it (oldest first) and its
    state."""

    topic: Topic
    stage: Stage
    schedule: Schedule
    notes: list[Event]
    state: TopicState


@record(frozen=False)
class DueResult:
    """``roadmap review``: the topics due now, most overdue first.

    Attributes:
        items: at most ``limit`` topics due.
        due: how many are due in all.
        scheduled: how many topics are in review.
        upcoming: when nothing is due, the topic that falls due next (None if none).
        today: the local day.
        zone: the local time zone (for dates).
        language: the roadmap's own language.
    """

    items: list[DueItem]
    due: int
    scheduled: int
    upcoming: DueItem | None
    today: date
    zone: tzinfo
    language: str

    def _item(self, item: DueItem) -> dict[str, Any]:
        topic = item.topic
        return {
            **topic_ref(topic),
            "stage": stage_ref(item.stage),
            **schedule_json(item.schedule, self.zone, self.today),
            "notes": [note_json(n) for n in item.notes],
            "resource": resource_json(topic.resources[0]) if topic.resources else None,
        }

    def to_json(self) -> dict[str, Any]:
        """``{today, due, scheduled, topics: [{id, title, title_en, stage, due, due_day,
        days_overdue, since, reviews, last_review, last_rating, recall, notes, resource}],
        next: {…same…} | null}`` (``next``: the next one to fall due when none is due)."""
        return {
            "today": self.today.isoformat(),
            "due": self.due,
            "scheduled": self.scheduled,
            "topics": [self._item(i) for i in self.items],
            "next": self._item(self.upcoming) if self.upcoming else None,
        }


def _item(snap: Snapshot, topic_id: str, s: Schedule) -> DueItem:
    catalog = snap.catalog
    state = snap.state(topic_id)
    return DueItem(catalog.topics[topic_id], catalog.stage_of[topic_id], s, state.notes, state)


@record
class Reviewing:
    """Every current topic in review at one moment, as ``review`` and its forecast read it.

    Attributes:
        snap: the roadmap and progress folded.
        order: the topics' schedules, soonest due first (ties in roadmap order).
        now: the moment (UTC); ``zone`` the local time zone and ``today`` its day there.
    """

    snap: Snapshot
    order: list[Schedule]
    now: datetime
    zone: tzinfo
    today: date


def reviewing(app: AppContext, now: datetime | None = None) -> Reviewing:
    """Load the roadmap and progress of ``app`` and schedule every topic in review at
    ``now`` (UTC, default the current time).

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.clock import local_zone, now_utc

    now = now or now_utc()
    zone = local_zone()
    catalog = app.catalog()
    snap = snapshot(catalog, app.store().load())
    states = review_states(snap, now)
    order = sorted(states.values(), key=lambda s: (s.due, catalog.position[s.topic]))
    return Reviewing(snap, order, now, zone, now.astimezone(zone).date())


def due_reviews(app: AppContext, limit: int | None = 5, now: datetime | None = None) -> DueResult:
    """The topics due for review at ``now`` (UTC, default the current time), most overdue
    first (ties in roadmap order), at most ``limit`` (None: all).

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    seen = reviewing(app, now)
    snap, order, today, zone = seen.snap, seen.order, seen.today, seen.zone
    catalog = snap.catalog
    due = [s for s in order if s.is_due(today, zone)]
    shown = due if limit is None else due[:limit]
    upcoming = _item(snap, order[0].topic, order[0]) if order and not due else None
    return DueResult(
        items=[_item(snap, s.topic, s) for s in shown],
        due=len(due),
        scheduled=len(order),
        upcoming=upcoming,
        today=today,
        zone=zone,
        language=catalog.roadmap.language,
    )


@record(frozen=False)
class RateResult:
    """``roadmap review TOPIC RATING``: the rating recorded and the schedule after it."""

    topic: Topic
    event: Event
    schedule: Schedule
    today: date
    zone: tzinfo
    language: str

    @property
    def days(self) -> int:
        """Days from today (local) to the next review."""
        return (self.schedule.due_day(self.zone) - self.today).days

    def to_json(self) -> dict[str, Any]:
        """``{topic: {id, title, title_en}, review: {id, at, rating}, next: {due, due_day,
        days, reviews, recall, …}}``."""
        return {
            "topic": topic_ref(self.topic),
            "review": {
                "id": self.event.id,
                "at": iso_or_none(self.event.at),
                "rating": self.event.value,
            },
            "next": {
                **schedule_json(self.schedule, self.zone, self.today),
                "days": self.days,
            },
        }


def _not_in_review(topic: Topic, state: TopicState, off: bool) -> UsageError:
    if off:
        return UsageError(
            _("{id} is not in review: you turned its review off").format(id=topic.id),
            _("turn it back on with {command}").format(command=f"'roadmap review --on {topic.id}'"),
        )
    status = {"todo": _("not started"), "in_progress": _("in progress"), "skipped": _("skipped")}
    return UsageError(
        _("{id} is not in review: it is {status}").format(
            id=topic.id, status=status.get(state.status, state.status)
        ),
        _(
            "topics enter review when marked done ({command}); "
            "the first review is due {days} days later"
        ).format(command=f"'roadmap done {topic.id}'", days=FIRST_REVIEW_DAYS),
    )


def rate(app: AppContext, query: str, rating: str, when: str | None = None) -> RateResult:
    """Record a rating ``{id, at, topic, review: rating}`` for the topic ``query`` names,
    at ``when`` (``--date``, see :func:`~roadmap_cli.support.dates.parse_when`; default
    now), and return its next review.

    Raises:
        UnknownTopicError, AmbiguousTopicError: ``query`` names no single topic (exit 2).
        UsageError: an unknown rating, a bad ``--date``, a topic not in review, or a date
            before the topic entered review (exit 2); nothing is written.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.review import enrolments, review_modes
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.support.clock import local_zone, now_utc
    from roadmap_cli.support.dates import parse_when

    name = parse_rating(rating)
    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    now = now_utc()
    at = parse_when(when, now) if when is not None else now

    def record(progress: Progress) -> Event:
        snap = snapshot(catalog, progress)
        enrolled = enrolments(progress, snap.states, catalog.canonical_id)
        if topic.id not in enrolled:
            off = review_modes(progress, catalog.canonical_id).get(topic.id) == "off"
            raise _not_in_review(topic, snap.state(topic.id), off)
        since = enrolled[topic.id].since
        if at < since:
            raise UsageError(
                _("--date: {id} entered review when it was done, after that date ({date})").format(
                    id=topic.id, date=since.astimezone(local_zone()).date().isoformat()
                ),
                _("give a date on or after the day it was marked done"),
            )
        event = Event.of_kind("review", name, id=progress.new_id(), at=at, topic=topic.id)
        progress.add(event)
        return event

    store = app.store()
    event = store.update(record)
    snap = snapshot(catalog, store.load())
    zone = local_zone()
    return RateResult(
        topic=topic,
        event=event,
        schedule=review_states(snap, now)[topic.id],
        today=now.astimezone(zone).date(),
        zone=zone,
        language=catalog.roadmap.language,
    )
