"""Where the learner stands: each topic's status, counts per stage, and what to study
next. Pure functions over a roadmap (:class:`~roadmap_cli.roadmap.catalog.Catalog`) and its
progress (:class:`~roadmap_cli.progress.log.Progress`); activity over time (streaks,
pace) is in :mod:`roadmap_cli.progress.activity`. Nothing here reads files or prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from datetime import datetime

from roadmap_cli.progress.events import Status
from roadmap_cli.progress.links import UserLink, user_links
from roadmap_cli.progress.log import Progress, TopicState, fold
from roadmap_cli.roadmap.catalog import Catalog
from roadmap_cli.roadmap.model import Resource, Stage, Topic
from roadmap_cli.support.records import record

__all__ = [
    "Counts",
    "NextItem",
    "Snapshot",
    "StageSummary",
    "next_topics",
    "snapshot",
    "stage_summaries",
]


@record
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


@record(frozen=False)
class Snapshot:
    """A roadmap with its progress folded onto it.

    Attributes:
        catalog: the roadmap.
        progress: the events it was folded from.
        states: current topic id → its state (marks under an alias are folded in).
        orphans: recorded topic id → state, for marks of topics no longer in the roadmap.
        links: topic id → the learner's own links (``roadmap link``), oldest first.
    """

    catalog: Catalog
    progress: Progress
    states: dict[str, TopicState]
    orphans: dict[str, TopicState]
    links: dict[str, list[UserLink]] = field(default_factory=dict)

    def resources(self, topic: Topic) -> list[Resource]:
        """The topic's resources as shown and numbered everywhere: the roadmap's own
        (author's and editor's), then the learner's links (``origin = "yours"``)."""
        own = self.links.get(topic.id)
        if not own:
            return list(topic.resources)
        return [*topic.resources, *(link.resource for link in own)]

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
    links = user_links(progress.events, progress.undone_ids(), catalog.canonical_id)
    return Snapshot(catalog, progress, states, orphans, links)


@record
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


@record
class NextItem:
    """A topic to study: ``reason`` is "in_progress" (already started, ``since`` when) or
    "ready" (every prerequisite done or skipped)."""

    topic: Topic
    stage: Stage
    reason: str
    since: datetime | None = None


@record(frozen=False)
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
