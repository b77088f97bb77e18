"""Result objects: what each command computed, ready to render as text or JSON.

A command builds one of these; :func:`roadmap_cli.render.emit` prints it. ``to_json``
gives the documented JSON document (README.md "JSON output"); times in it are UTC,
ISO 8601. Results hold data only; nothing here prints or changes state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from roadmap_cli.models import Resource, Roadmap, Stage, Topic
from roadmap_cli.planner import Counts, NextPlan, Pace, Snapshot, StageSummary
from roadmap_cli.progress import Event, Status, TopicState, format_time

__all__ = [
    "ChangeResult",
    "ListResult",
    "NextResult",
    "ReportResult",
    "ShowStageResult",
    "ShowTopicResult",
    "UndoResult",
]


def _time(at: datetime | None) -> str | None:
    return format_time(at) if at else None


def resource_json(resource: Resource) -> dict[str, Any]:
    """``{title, url, kind, lang, note}``."""
    return resource.model_dump(mode="json")


def topic_ref(topic: Topic, status: Status | None = None) -> dict[str, Any]:
    """``{id, title, title_en[, status]}``."""
    out: dict[str, Any] = {"id": topic.id, "title": topic.title, "title_en": topic.title_en}
    if status is not None:
        out["status"] = status
    return out


def stage_ref(stage: Stage) -> dict[str, Any]:
    """``{id, title, title_en}``."""
    return {"id": stage.id, "title": stage.title, "title_en": stage.title_en}


def roadmap_ref(roadmap: Roadmap) -> dict[str, Any]:
    """``{id, title, title_en, language, source}``."""
    return {
        "id": roadmap.id,
        "title": roadmap.title,
        "title_en": roadmap.title_en,
        "language": roadmap.language,
        "source": roadmap.source,
    }


def note_json(event: Event) -> dict[str, Any]:
    """``{id, at, text}``."""
    return {"id": event.id, "at": format_time(event.at), "text": event.note}


@dataclass
class ListResult:
    """``roadmap list``: stages with their counts and topics with their statuses."""

    snap: Snapshot
    summaries: list[StageSummary]
    status_filter: Status | None = None

    def topics_of(self, stage: Stage) -> list[Topic]:
        """The stage's topics that pass the status filter."""
        if self.status_filter is None:
            return list(stage.topics)
        return [t for t in stage.topics if self.snap.status(t.id) == self.status_filter]

    def to_json(self) -> dict[str, Any]:
        """``{roadmap, filter, stages: [{id, title, title_en, progress, topics: [...]}]}``."""
        return {
            "roadmap": roadmap_ref(self.snap.catalog.roadmap),
            "filter": {"status": self.status_filter},
            "stages": [
                {
                    **stage_ref(s.stage),
                    "progress": s.counts.to_json(),
                    "topics": [
                        {**topic_ref(t, self.snap.status(t.id)), "optional": t.optional}
                        for t in self.topics_of(s.stage)
                    ],
                }
                for s in self.summaries
            ],
        }


@dataclass
class ShowTopicResult:
    """``roadmap show TOPIC``: a topic, its stage, status, prerequisites, notes, resources."""

    topic: Topic
    stage: Stage
    state: TopicState
    requires: list[tuple[Topic, Status]]
    required_by: list[tuple[Topic, Status]]
    language: str

    def to_json(self) -> dict[str, Any]:
        """``{topic: {id, title, title_en, stage, status, since, optional, summary,
        duration, effort, requires, required_by, notes, resources}}``."""
        t = self.topic
        return {
            "topic": {
                **topic_ref(t, self.state.status),
                "stage": stage_ref(self.stage),
                "since": _time(self.state.since),
                "optional": t.optional,
                "summary": t.summary,
                "duration": t.duration,
                "effort": t.effort,
                "aliases": list(t.aliases),
                "requires": [topic_ref(r, s) for r, s in self.requires],
                "required_by": [topic_ref(r, s) for r, s in self.required_by],
                "notes": [note_json(n) for n in self.state.notes],
                "resources": [resource_json(r) for r in t.resources],
            }
        }


@dataclass
class ShowStageResult:
    """``roadmap show STAGE``: a stage, its summary, counts and topics."""

    summary: StageSummary
    snap: Snapshot

    def to_json(self) -> dict[str, Any]:
        """``{stage: {id, title, title_en, summary, progress, topics: [...]}}``."""
        stage = self.summary.stage
        return {
            "stage": {
                **stage_ref(stage),
                "summary": stage.summary,
                "progress": self.summary.counts.to_json(),
                "topics": [
                    {**topic_ref(t, self.snap.status(t.id)), "optional": t.optional}
                    for t in stage.topics
                ],
            }
        }


@dataclass
class NextResult:
    """``roadmap next``: what to study now."""

    plan: NextPlan
    snap: Snapshot

    def to_json(self) -> dict[str, Any]:
        """``{next: [{id, title, title_en, status, reason, since, stage, summary,
        resources}], blocked: [{id, …, waiting_for}], remaining, finished}``."""
        return {
            "next": [
                {
                    **topic_ref(i.topic, self.snap.status(i.topic.id)),
                    "reason": i.reason,
                    "since": _time(i.since),
                    "stage": stage_ref(i.stage),
                    "optional": i.topic.optional,
                    "summary": i.topic.summary,
                    "resources": [resource_json(r) for r in i.topic.resources],
                }
                for i in self.plan.items
            ],
            "blocked": [{**topic_ref(t), "waiting_for": unmet} for t, unmet in self.plan.blocked],
            "remaining": self.plan.remaining,
            "finished": self.plan.remaining == 0,
        }


@dataclass
class Change:
    """One topic's status change: ``before`` → ``after`` (equal when nothing changed)."""

    topic: Topic
    before: Status
    after: Status
    at: datetime


@dataclass
class ChangeResult:
    """``roadmap start|done|skip|reset``: what changed, plus the counts after it.
    ``language`` is the roadmap's own language (for choosing titles)."""

    verb: str
    changes: list[Change]
    note: str | None
    counts: Counts
    next_topic: Topic | None = None
    language: str = "en"

    @property
    def changed(self) -> list[Change]:
        """The changes that altered a status."""
        return [c for c in self.changes if c.before != c.after]

    def to_json(self) -> dict[str, Any]:
        """``{changes: [{id, title, title_en, from, to, at, changed}], note, progress, next}``."""
        return {
            "changes": [
                {
                    **topic_ref(c.topic),
                    "from": c.before,
                    "to": c.after,
                    "at": format_time(c.at),
                    "changed": c.before != c.after,
                }
                for c in self.changes
            ],
            "note": self.note,
            "progress": self.counts.to_json(),
            "next": topic_ref(self.next_topic) if self.next_topic else None,
        }


@dataclass
class UndoResult:
    """``roadmap undo``: the events that were reverted and what each topic is now."""

    undone: list[Event]
    topics: dict[str, Topic]
    now_status: dict[str, Status]

    def to_json(self) -> dict[str, Any]:
        """``{undone: [event…], status: {topic id: status}}``."""
        return {"undone": [e.to_json() for e in self.undone], "status": self.now_status}


@dataclass
class ReportResult:
    """``roadmap report``: overall and per-stage progress, work in progress, recent work,
    what is next, activity, streaks, pace and orphaned marks."""

    RENDERER: ClassVar[str] = "roadmap_cli.render.report"

    snap: Snapshot
    summaries: list[StageSummary]
    total: Counts
    required: Counts
    optional: Counts
    in_progress: list[tuple[Topic, datetime | None]]
    recent: list[tuple[Topic, datetime]]
    plan: NextPlan
    activity: dict[date, int]
    today: date
    streak_current: int
    streak_longest: int
    pace: Pace
    generated: datetime
    orphans: dict[str, TopicState] = field(default_factory=dict)
    #: name of the local time zone the dates (``today``, activity days) are in
    zone: str = "UTC"
    #: how many weeks the activity heatmap covers
    weeks: int = 16

    def to_json(self) -> dict[str, Any]:
        """The whole report; see README.md "JSON output"."""
        snap = self.snap
        return {
            "roadmap": roadmap_ref(self.snap.catalog.roadmap),
            "generated": format_time(self.generated),
            "time_zone": self.zone,
            "progress": {
                "all": self.total.to_json(),
                "required": self.required.to_json(),
                "optional": self.optional.to_json(),
            },
            "stages": [
                {
                    **stage_ref(s.stage),
                    "progress": s.counts.to_json(),
                    "required": s.required.to_json(),
                    "optional": s.optional.to_json(),
                    "topics": [
                        {
                            **topic_ref(t, snap.status(t.id)),
                            "optional": t.optional,
                            "since": _time(snap.state(t.id).since),
                        }
                        for t in s.stage.topics
                    ],
                }
                for s in self.summaries
            ],
            "in_progress": [{**topic_ref(t), "since": _time(at)} for t, at in self.in_progress],
            "recently_done": [{**topic_ref(t), "at": format_time(at)} for t, at in self.recent],
            "next": [topic_ref(i.topic) for i in self.plan.items],
            "activity": {
                "today": self.today.isoformat(),
                "weeks": self.weeks,
                "days": {d.isoformat(): n for d, n in sorted(self.activity.items())},
                "streak": {"current": self.streak_current, "longest": self.streak_longest},
            },
            "pace": self.pace.to_json(),
            "orphans": [
                {"id": tid, "status": st.status, "events": len(st.events)}
                for tid, st in sorted(self.orphans.items())
            ],
        }
