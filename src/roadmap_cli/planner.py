"""What to study next and how far along the learner is: pure functions over a roadmap
(:class:`~roadmap_cli.catalog.Catalog`) and its progress (:class:`~roadmap_cli.progress.Progress`).

Times are UTC datetimes; "days" (streaks, activity, recent work) are calendar days in the
time zone passed in, the learner's local zone. Nothing here reads files or prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from roadmap_cli.catalog import Catalog
from roadmap_cli.models import Stage, Topic
from roadmap_cli.progress import Progress, Status, TopicState, fold, format_time

__all__ = [
    "Counts",
    "NextItem",
    "Pace",
    "Snapshot",
    "StageSummary",
    "activity_by_day",
    "next_topics",
    "pace",
    "snapshot",
    "stage_summaries",
    "streaks",
]


@dataclass(frozen=True)
class Counts:
    """How many topics have each status. ``percent`` = (done + skipped) ÷ total × 100."""

    total: int = 0
    done: int = 0
    in_progress: int = 0
    skipped: int = 0
    todo: int = 0

    @property
    def finished(self) -> int:
        """Topics done or skipped."""
        return self.done + self.skipped

    @property
    def percent(self) -> float:
        """Percent complete, 0–100 (100 for an empty set)."""
        return 100.0 if self.total == 0 else 100.0 * self.finished / self.total

    @classmethod
    def of(cls, statuses: list[Status]) -> Counts:
        """Count a list of statuses."""
        c = Counter(statuses)
        return cls(len(statuses), c["done"], c["in_progress"], c["skipped"], c["todo"])

    def to_json(self) -> dict[str, float | int]:
        """``{total, done, in_progress, skipped, todo, percent}``."""
        return {
            "total": self.total,
            "done": self.done,
            "in_progress": self.in_progress,
            "skipped": self.skipped,
            "todo": self.todo,
            "percent": round(self.percent, 1),
        }


@dataclass
class Snapshot:
    """A roadmap with its progress folded onto it.

    Attributes:
        catalog: the roadmap.
        progress: the events it was folded from.
        states: current topic id → its state (marks under an alias are folded in).
        orphans: recorded topic id → state, for marks of topics no longer in the roadmap.
    """

    catalog: Catalog
    progress: Progress
    states: dict[str, TopicState]
    orphans: dict[str, TopicState]

    def state(self, topic_id: str) -> TopicState:
        """The state of a current topic (a fresh "todo" state if it has no events)."""
        return self.states.get(topic_id) or TopicState()

    def status(self, topic_id: str) -> Status:
        """The status of a current topic."""
        state = self.states.get(topic_id)
        return state.status if state else "todo"

    def unmet(self, topic: Topic) -> list[str]:
        """Prerequisite ids of ``topic`` that are neither done nor skipped."""
        return [r for r in topic.requires if self.status(r) not in ("done", "skipped")]


def snapshot(catalog: Catalog, progress: Progress) -> Snapshot:
    """Fold ``progress`` onto ``catalog``: marks follow aliases; others become orphans."""
    folded = fold(progress.events, catalog.canonical_id)
    states = {k: v for k, v in folded.items() if k in catalog.topics}
    orphans = {k: v for k, v in folded.items() if k not in catalog.topics}
    return Snapshot(catalog, progress, states, orphans)


@dataclass(frozen=True)
class StageSummary:
    """A stage's counts: all topics, required ones and optional ones."""

    stage: Stage
    counts: Counts
    required: Counts
    optional: Counts


def stage_summaries(snap: Snapshot, stages: list[Stage] | None = None) -> list[StageSummary]:
    """Counts for each stage (all stages by default), in roadmap order."""
    out = []
    for stage in stages if stages is not None else snap.catalog.stages:
        req = [snap.status(t.id) for t in stage.topics if not t.optional]
        opt = [snap.status(t.id) for t in stage.topics if t.optional]
        out.append(StageSummary(stage, Counts.of(req + opt), Counts.of(req), Counts.of(opt)))
    return out


def overall(summaries: list[StageSummary]) -> tuple[Counts, Counts, Counts]:
    """Sum stage counts: ``(all, required, optional)``."""

    def add(parts: list[Counts]) -> Counts:
        return Counts(
            sum(c.total for c in parts),
            sum(c.done for c in parts),
            sum(c.in_progress for c in parts),
            sum(c.skipped for c in parts),
            sum(c.todo for c in parts),
        )

    return (
        add([s.counts for s in summaries]),
        add([s.required for s in summaries]),
        add([s.optional for s in summaries]),
    )


@dataclass(frozen=True)
class NextItem:
    """A topic to study: ``reason`` is "in_progress" (already started, ``since`` when) or
    "ready" (every prerequisite done or skipped)."""

    topic: Topic
    stage: Stage
    reason: str
    since: datetime | None = None


@dataclass
class NextPlan:
    """What to study now.

    Attributes:
        items: in-progress topics first (oldest start first), then ready topics stage by
            stage, in each stage the required ones before the optional ones, otherwise in
            roadmap order; at most ``n`` ready ones.
        blocked: the first topics still to do whose prerequisites are not met, with the
            unmet ids (shown when nothing is ready).
        remaining: topics neither done nor skipped.
    """

    items: list[NextItem] = field(default_factory=list)
    blocked: list[tuple[Topic, list[str]]] = field(default_factory=list)
    remaining: int = 0


def next_topics(snap: Snapshot, n: int = 1) -> NextPlan:
    """Topics in progress, then the first ``n`` topics that are to do and whose
    prerequisites are all done or skipped ("ready"): stage by stage in roadmap order, and
    within a stage a required topic before an optional one that is equally ready (so
    "go deeper" extras never jump ahead of what the stage is about)."""
    catalog = snap.catalog
    plan = NextPlan()
    started = [
        (snap.states[tid].since, tid)
        for tid in catalog.topics
        if tid in snap.states and snap.states[tid].status == "in_progress"
    ]
    for since, tid in sorted(started, key=lambda p: (p[0] or datetime.min, catalog.position[p[1]])):
        plan.items.append(
            NextItem(catalog.topics[tid], catalog.stage_of[tid], "in_progress", since)
        )
    ready: list[Topic] = []  # in roadmap order; the stage's optional ones wait in `extras`
    extras: list[Topic] = []
    stage: Stage | None = None
    for tid, topic in catalog.topics.items():
        if catalog.stage_of[tid] is not stage:
            stage = catalog.stage_of[tid]
            ready += extras
            extras = []
        status = snap.status(tid)
        if status in ("done", "skipped"):
            continue
        plan.remaining += 1
        if status != "todo":
            continue
        unmet = snap.unmet(topic)
        if unmet:
            if len(plan.blocked) < 3:
                plan.blocked.append((topic, unmet))
        elif len(ready) < n:
            (extras if topic.optional else ready).append(topic)
    ready += extras
    for topic in ready[:n]:
        plan.items.append(NextItem(topic, catalog.stage_of[topic.id], "ready"))
    return plan


def activity_by_day(snap: Snapshot, zone: tzinfo) -> Counter[date]:
    """Number of completions ("done" events) and notes on each local calendar day, from
    the live (not undone) events of current and orphaned topics."""
    days: Counter[date] = Counter()
    for state in [*snap.states.values(), *snap.orphans.values()]:
        for event in state.events:
            if event.status == "done" or event.note is not None:
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


@dataclass(frozen=True)
class Pace:
    """Topics finished per week and the finish date that pace implies.

    Attributes:
        recent_per_week: topics done in the last four weeks, per week (over the time since
            the first event when that is shorter, but at least a week).
        overall_per_week: topics done ÷ weeks since the first event (at least one week).
        remaining: topics neither done nor skipped.
        projected_finish: local date at ``recent_per_week`` (or ``overall_per_week`` when
            there was nothing recent); None when there is not enough data yet.
        first: the time (UTC) of the first recorded event, None when there is none.
    """

    recent_per_week: float
    overall_per_week: float
    remaining: int
    projected_finish: date | None
    first: datetime | None = None

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
        finish = (now + timedelta(weeks=remaining / rate)).astimezone(zone).date()
    return Pace(recent, overall_rate, remaining, finish, first)
