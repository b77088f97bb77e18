"""A plan to a date: weeks, this week's quota, how the learner stands, the projected
finish. Pure logic over a :class:`~roadmap_cli.progress.snapshot.Snapshot`; nothing here
reads files or prints.

A plan is a ``plan`` event ``{id, at, plan: {by, from, weekly, hours, include_optional}}``
(``{id, at, plan: null}`` clears it); the newest one in recording order that is not
undone is in effect, so two machines that share a file agree. Weeks run Monday to Sunday
in the learner's local time zone; every date here is a local calendar date.

The quota: at the start of each week, the topics left ÷ the weeks left (this one
included), rounded up. A missed week is not a debt that piles up: next week's quota is
computed afresh from what is left, so the target date holds and the rest spreads over the
remaining weeks. Over a plan the quotas add up to exactly the topics left.
"""

from __future__ import annotations

import math
from dataclasses import field
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from roadmap_cli.progress.events import Event, format_time, recording_key
from roadmap_cli.progress.log import Progress
from roadmap_cli.progress.snapshot import Snapshot, next_topics
from roadmap_cli.progress.timelog import TimeSummary, week_of
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.records import record

__all__ = [
    "PlanSpec",
    "PlanStatus",
    "WeekPlan",
    "current_plan",
    "plan_status",
    "quotas",
    "week_of",
    "weeks_between",
]

Standing = Literal["not_started", "on_track", "behind", "ahead", "finished"]


@record
class PlanSpec:
    """What the learner asked for (the value of a ``plan`` event).

    Attributes:
        start: the local date the plan starts (``--from``; its week is the first week).
        by: the target date (``--by``), or None for a ``--weekly`` plan, whose target
            follows from its rate.
        weekly: topics a week (``--weekly``), or None.
        hours: hours a week the learner has (``--hours``), or None.
        include_optional: whether optional topics count (``--include-optional``).
    """

    start: date
    by: date | None = None
    weekly: int | None = None
    hours: float | None = None
    include_optional: bool = False

    def to_json(self) -> dict[str, object]:
        """``{by, from, weekly, hours, include_optional}``: dates ``YYYY-MM-DD`` (local),
        absent values null. This is the stored value of the ``plan`` event."""
        return {
            "by": self.by.isoformat() if self.by else None,
            "from": self.start.isoformat(),
            "weekly": self.weekly,
            "hours": self.hours,
            "include_optional": self.include_optional,
        }

    @classmethod
    def from_json(cls, value: object) -> PlanSpec:
        """The plan stored as ``value`` (see :meth:`to_json`).

        Raises:
            ValueError: not that shape (a file edited by hand).
        """
        if not isinstance(value, dict):
            raise ValueError("a plan is a JSON object")
        by = value.get("by")
        weekly = value.get("weekly")
        hours = value.get("hours")
        spec = cls(
            start=date.fromisoformat(str(value["from"])),
            by=date.fromisoformat(by) if isinstance(by, str) else None,
            weekly=weekly if type(weekly) is int and weekly > 0 else None,
            hours=float(hours) if isinstance(hours, (int, float)) and hours > 0 else None,
            include_optional=value.get("include_optional") is True,
        )
        if spec.by is None and spec.weekly is None:
            raise ValueError("a plan has a date (by) or a weekly number of topics")
        return spec


def current_plan(progress: Progress) -> tuple[PlanSpec, Event] | None:
    """The plan in effect and the event that set it: the newest live ``plan`` event in
    recording order; None when there is none, or the newest clears the plan. A plan event
    that does not have the documented shape is passed over."""
    undone = progress.undone_ids()
    plans = [e for e in progress.events if e.kind == "plan" and e.id not in undone]
    for event in sorted(plans, key=recording_key, reverse=True):
        if event.value is None:
            return None
        try:
            return PlanSpec.from_json(event.value), event
        except (ValueError, KeyError, TypeError):
            continue
    return None


def quotas(left: int, weeks: int) -> list[int]:
    """Topics for each of ``weeks`` weeks when ``left`` are left: each week the topics
    still left ÷ the weeks still left, rounded up (so the early weeks carry the odd ones).
    They add up to ``left``; ``weeks`` < 1 counts as one week."""
    out = []
    weeks = max(1, weeks)
    for i in range(weeks):
        quota = math.ceil(left / (weeks - i))
        out.append(quota)
        left -= quota
    return out


def weeks_between(first_monday: date, last_day: date) -> int:
    """Weeks from the week starting ``first_monday`` to the week ``last_day`` is in, both
    included (0 when ``last_day``'s week is earlier)."""
    return max(0, (week_of(last_day) - first_monday).days // 7 + 1)


@record
class WeekPlan:
    """One week of the schedule: Monday and Sunday (local dates), how many topics, which
    ones (in ``next``'s order, then roadmap order)."""

    monday: date
    count: int
    topics: tuple[Topic, ...] = ()

    @property
    def sunday(self) -> date:
        """The last day of the week."""
        return self.monday + timedelta(days=6)

    def to_json(self) -> dict[str, object]:
        """``{from, to, topics: int, ids: [topic id]}``."""
        return {
            "from": self.monday.isoformat(),
            "to": self.sunday.isoformat(),
            "topics": self.count,
            "ids": [t.id for t in self.topics],
        }


@record(frozen=False)
class PlanStatus:
    """Where the learner stands against the plan, on ``today`` (local date).

    Attributes:
        spec, event: the plan and the event that recorded it.
        target: the target date (``by``, or for a weekly plan the Sunday of its last week).
        today, monday: today and the Monday of this week.
        total: topics the plan covers (required ones, plus optional ones if included).
        left: those neither done nor skipped now.
        left_at_week_start: those that were left when this week began.
        weeks_left: weeks from this one to the target's, both included (0 when the
            target's week is over; before the plan starts, counted from its first week).
        quota: this week's topics (0 before the plan starts).
        done_this_week: plan topics done or skipped since Monday.
        this_week: what to study for the rest of this week's quota, in ``next``'s order
            (topics in progress, then ready ones).
        standing: ``not_started``, ``on_track``, ``behind``, ``ahead`` or ``finished``;
            ``difference`` is by how many topics (behind/ahead).
        schedule: the remaining weeks, this one first (its count is what is left of its
            quota).
        basis: what the schedule goes by: ``"hours"`` (the learner's median hours per
            topic and ``--hours``) or ``"topics"`` (topic counts).
        rate: topics a week the projection uses (hours ÷ median, or the current pace);
            0 when unknown.
        projected_finish: the local date the plan's topics are done at that rate, None
            when there is no rate yet or that date is past 9999-12-31
            (:attr:`beyond_reach`).
        median_minutes, timed_done: the learner's median minutes per done topic (None
            under :data:`~roadmap_cli.progress.timelog.MIN_TIMED_TOPICS` timed ones) and
            how many done topics have time.
    """

    spec: PlanSpec
    event: Event
    target: date
    today: date
    monday: date
    total: int
    left: int
    left_at_week_start: int
    weeks_left: int
    quota: int
    done_this_week: int
    this_week: list[Topic]
    standing: Standing
    difference: int
    schedule: list[WeekPlan] = field(default_factory=list)
    basis: Literal["hours", "topics"] = "topics"
    rate: float = 0.0
    projected_finish: date | None = None
    median_minutes: float | None = None
    timed_done: int = 0

    @property
    def beyond_reach(self) -> bool:
        """Whether topics are left at a known rate whose finish is past 9999-12-31."""
        return self.projected_finish is None and self.left > 0 and self.rate > 0

    @property
    def overdue(self) -> bool:
        """Whether the target's week is over with topics still left."""
        return self.weeks_left == 0 and self.left > 0

    def to_json(self) -> dict[str, object]:
        """The plan and the learner's standing; see README.md "JSON output"."""
        return {
            "plan": {**self.spec.to_json(), "id": self.event.id, "at": format_time(self.event.at)},
            "target": self.target.isoformat(),
            "today": self.today.isoformat(),
            "week": {
                "from": self.monday.isoformat(),
                "to": (self.monday + timedelta(6)).isoformat(),
            },
            "topics": {"total": self.total, "left": self.left},
            "weeks_left": self.weeks_left,
            "quota": self.quota,
            "done_this_week": self.done_this_week,
            "this_week": [t.id for t in self.this_week],
            "standing": self.standing,
            "difference": self.difference,
            "overdue": self.overdue,
            "basis": self.basis,
            "rate_per_week": round(self.rate, 2),
            "projected_finish": self.projected_finish.isoformat()
            if self.projected_finish
            else None,
            "median_minutes_per_topic": None
            if self.median_minutes is None
            else round(self.median_minutes, 1),
            "timed_done_topics": self.timed_done,
            "schedule": [w.to_json() for w in self.schedule],
        }


def _in_scope(topic: Topic, spec: PlanSpec) -> bool:
    return spec.include_optional or not topic.optional


def _order(snap: Snapshot, spec: PlanSpec) -> list[Topic]:
    """The plan's topics still left, in ``next``'s order (in progress, then ready), then
    the rest in roadmap order."""
    catalog = snap.catalog
    suggested = next_topics(snap, len(catalog.topics)).items
    seen: set[str] = set()
    out = []
    for topic in [*(i.topic for i in suggested), *catalog.topics.values()]:
        if topic.id in seen or not _in_scope(topic, spec):
            continue
        seen.add(topic.id)
        if snap.status(topic.id) not in ("done", "skipped"):
            out.append(topic)
    return out


def plan_status(
    snap: Snapshot,
    spec: PlanSpec,
    event: Event,
    now: datetime,
    zone: tzinfo,
    *,
    pace_per_week: float = 0.0,
    time: TimeSummary | None = None,
) -> PlanStatus:
    """The learner's standing against ``spec`` at ``now`` (UTC), weeks in ``zone``.

    ``pace_per_week`` is the current pace (topics a week, from
    :func:`roadmap_cli.progress.activity.pace`), used for the projected finish unless the
    plan has ``hours`` and ``time`` shows at least three timed done topics: then the rate
    is ``hours`` ÷ the median hours per topic (and a weekly plan's rate is that too).
    """
    today = now.astimezone(zone).date()
    monday = week_of(today)
    first_monday = week_of(spec.start)
    scope = [t for t in snap.catalog.topics.values() if _in_scope(t, spec)]

    def finished_on(topic: Topic) -> date | None:
        state = snap.state(topic.id)
        if state.status not in ("done", "skipped") or state.since is None:
            return None
        return state.since.astimezone(zone).date()

    finished = [finished_on(t) for t in scope if snap.status(t.id) in ("done", "skipped")]
    left = len(scope) - len(finished)
    done_this_week = sum(1 for d in finished if d is not None and d >= monday)
    since_start = sum(1 for d in finished if d is not None and d >= first_monday)
    left_at_start = left + since_start  # topics left when the plan's first week began

    median = time.median_per_topic if time else None
    basis: Literal["hours", "topics"] = "topics"
    rate = pace_per_week
    if spec.hours is not None and median:
        basis = "hours"
        rate = spec.hours * 60 / median
    if spec.by is not None:
        target = spec.by
    else:
        weekly = rate if basis == "hours" else float(spec.weekly or 1)
        weeks = max(1, math.ceil(left_at_start / weekly)) if left_at_start else 1
        target = first_monday + timedelta(weeks=weeks, days=-1)
    planned_weeks = weeks_between(first_monday, target)
    original = quotas(left_at_start, planned_weeks)

    order = _order(snap, spec)
    started = monday >= first_monday
    if not started:
        weeks_left = planned_weeks
        left_at_week_start = left
        quota = 0
    else:
        weeks_left = weeks_between(monday, target)
        left_at_week_start = left + done_this_week
        quota = quotas(left_at_week_start, weeks_left)[0] if left_at_week_start else 0

    # how the learner stands against the schedule made when the plan began
    standing: Standing
    difference = 0
    if left == 0:
        standing = "finished"
    elif not started:
        standing = "not_started"
    else:
        index = (monday - first_monday).days // 7
        before = sum(original[:index])
        through = sum(original[: index + 1])
        done = left_at_start - left
        if done < before:
            standing, difference = "behind", before - done
        elif done > through:
            standing, difference = "ahead", done - through
        else:
            standing = "on_track"

    # the rest of this week, then the coming weeks
    schedule: list[WeekPlan] = []
    remaining = list(order)
    if started:
        now_count = max(0, quota - done_this_week) if weeks_left else len(remaining)
        week_quotas = [now_count, *quotas(left - now_count, weeks_left - 1)[: weeks_left - 1]]
        start = monday
    else:
        week_quotas = quotas(left, planned_weeks)
        start = first_monday
    for i, count in enumerate(week_quotas):
        count = min(count, len(remaining))
        schedule.append(WeekPlan(start + timedelta(weeks=i), count, tuple(remaining[:count])))
        remaining = remaining[count:]
    schedule = [w for w in schedule if w.count] if left else []

    this_week: list[Topic] = []
    if started and left:
        wanted = max(0, quota - done_this_week) if weeks_left else left
        if wanted:
            suggested = next_topics(snap, len(snap.catalog.topics)).items
            chosen = [i for i in suggested if _in_scope(i.topic, spec)]
            doing = [i.topic for i in chosen if i.reason == "in_progress"]
            ready = [i.topic for i in chosen if i.reason == "ready"]
            # topics in progress count toward the quota; ready ones fill what is left
            this_week = doing + ready[: max(0, wanted - len(doing))]

    projected = None
    if left == 0:
        projected = today
    elif rate > 0:
        try:
            projected = today + timedelta(days=math.ceil(left / rate * 7))
        except OverflowError:  # past 9999-12-31: see PlanStatus.beyond_reach
            projected = None
    return PlanStatus(
        spec=spec,
        event=event,
        target=target,
        today=today,
        monday=monday,
        total=len(scope),
        left=left,
        left_at_week_start=left_at_week_start,
        weeks_left=weeks_left,
        quota=quota,
        done_this_week=done_this_week,
        this_week=this_week,
        standing=standing,
        difference=difference,
        schedule=schedule,
        basis=basis,
        rate=rate,
        projected_finish=projected,
        median_minutes=median,
        timed_done=time.timed_done if time else 0,
    )
