"""``roadmap next [-n N]``: what to study now, with its resources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from roadmap_cli.actions.common import (
    guidance_json,
    iso_or_none,
    resource_json,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.progress.snapshot import NextPlan, Snapshot


@dataclass
class NextResult:
    """``roadmap next``: what to study now."""

    plan: NextPlan
    snap: Snapshot
    #: topics due for spaced review today (``roadmap review``)
    reviews_due: int = 0

    def to_json(self) -> dict[str, Any]:
        """``{next: [{id, title, title_en, status, reason, since, stage, summary,
        summary_en, editor_note, editor_note_en, resources}], blocked: [{id, …,
        waiting_for}], remaining, finished, reviews_due}``."""
        return {
            "next": [
                {
                    **topic_ref(i.topic, self.snap.status(i.topic.id)),
                    "reason": i.reason,
                    "since": iso_or_none(i.since),
                    "stage": stage_ref(i.stage),
                    "optional": i.topic.optional,
                    **guidance_json(i.topic),
                    "resources": [resource_json(r) for r in i.topic.resources],
                }
                for i in self.plan.items
            ],
            "blocked": [{**topic_ref(t), "waiting_for": unmet} for t, unmet in self.plan.blocked],
            "remaining": self.plan.remaining,
            "finished": self.plan.remaining == 0,
            "reviews_due": self.reviews_due,
        }


def suggest(app: AppContext, count: int) -> NextResult:
    """Topics in progress, then the next ``count`` ready topics in roadmap order, and how
    many topics are due for review (``fsrs`` is imported only if any topic is in review).

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.actions.review import due_count
    from roadmap_cli.progress.snapshot import next_topics, snapshot
    from roadmap_cli.support.clock import local_zone, now_utc

    snap = snapshot(app.catalog(), app.store().load())
    return NextResult(next_topics(snap, count), snap, due_count(snap, now_utc(), local_zone()))
