"""``roadmap next [-n N]``: what to study now, with its resources."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any

from roadmap_cli.actions.common import (
    guidance_json,
    iso_or_none,
    resource_json,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.progress.snapshot import NextPlan, Snapshot
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.library.index import DoneElsewhere
    from roadmap_cli.progress.plan import PlanStatus


@record(frozen=False)
class NextResult:
    """``roadmap next``: what to study now."""

    plan: NextPlan
    snap: Snapshot
    #: topic id → done topics of other installed roadmaps sharing one of its resources
    elsewhere: dict[str, list[DoneElsewhere]] = field(default_factory=dict)

    #: the standing against the learner's plan (``roadmap plan``), None without one
    schedule: PlanStatus | None = None

    #: topics due for spaced review today (``roadmap review``)
    reviews_due: int = 0

    def to_json(self) -> dict[str, Any]:
        """``{next: [{id, title, title_en, status, reason, since, stage, summary,
        summary_en, editor_note, editor_note_en, resources, done_elsewhere: [{roadmap,
        topic, at}]}], blocked: [{id, …, waiting_for}], remaining, finished, plan: null |
        {target, quota, done_this_week, standing, difference}, reviews_due}``."""
        return {
            "next": [
                {
                    **topic_ref(i.topic, self.snap.status(i.topic.id)),
                    "reason": i.reason,
                    "since": iso_or_none(i.since),
                    "stage": stage_ref(i.stage),
                    "optional": i.topic.optional,
                    **guidance_json(i.topic),
                    "resources": [resource_json(r) for r in self.snap.resources(i.topic)],
                    "done_elsewhere": [h.to_json() for h in self.elsewhere.get(i.topic.id, [])],
                }
                for i in self.plan.items
            ],
            "blocked": [{**topic_ref(t), "waiting_for": unmet} for t, unmet in self.plan.blocked],
            "remaining": self.plan.remaining,
            "finished": self.plan.remaining == 0,
            "plan": _plan_json(self.schedule),
            "reviews_due": self.reviews_due,
        }


def _plan_json(status: PlanStatus | None) -> dict[str, Any] | None:
    """The plan's week in ``next --json``: ``{target, quota, done_this_week, standing,
    difference}``."""
    if status is None:
        return None
    return {
        "target": status.target.isoformat(),
        "quota": status.quota,
        "done_this_week": status.done_this_week,
        "standing": status.standing,
        "difference": status.difference,
    }


def suggest(app: AppContext, count: int) -> NextResult:
    """Topics in progress, then the next ``count`` ready topics in roadmap order, and how
    many topics are due for review (``fsrs`` is imported only if any topic is in review).

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.progress.snapshot import next_topics, snapshot

    catalog = app.catalog()
    snap = snapshot(catalog, app.store().load())
    plan = next_topics(snap, count)
    elsewhere: dict[str, list[DoneElsewhere]] = {}
    if (app.data_folder / "roadmaps").is_dir():  # a library: done-elsewhere hints
        from roadmap_cli.library.index import done_elsewhere_for

        topics = [i.topic for i in plan.items]
        elsewhere = done_elsewhere_for(app.data_folder, catalog.roadmap.id, topics)
    # the plan line and the reviews due need the time zone, the plan's and review's code
    # (and fsrs): only when the progress holds a plan or a done topic
    kinds = {e.extra[0][0] for e in snap.progress.events if e.extra}
    has_done = any(state.status == "done" for state in snap.states.values())
    schedule, reviews = None, 0
    if "plan" in kinds or has_done:
        from roadmap_cli.actions.plan import plan_for
        from roadmap_cli.actions.review import due_count
        from roadmap_cli.support.clock import local_zone, now_utc

        now, zone = now_utc(), local_zone()
        schedule = plan_for(snap, now, zone) if "plan" in kinds else None
        reviews = due_count(snap, now, zone) if has_done else 0
    return NextResult(plan, snap, elsewhere, schedule, reviews)
