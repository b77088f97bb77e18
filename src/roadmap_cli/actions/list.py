"""``roadmap list [STAGE] [--status S]``: stages with their progress and their topics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from roadmap_cli.actions.common import (
    roadmap_ref,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.progress.events import Status
from roadmap_cli.progress.snapshot import Snapshot, StageSummary
from roadmap_cli.roadmap.model import Stage, Topic


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


def list_stages(app: AppContext, stage: str | None, status: str | None) -> ListResult:
    """The list of one stage (or all), optionally only topics with ``status``.

    Raises:
        UnknownTopicError, AmbiguousTopicError: STAGE names no single stage.
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.progress.snapshot import snapshot, stage_summaries

    catalog = app.catalog()
    stages = [catalog.resolve_stage(stage)] if stage else None
    snap = snapshot(catalog, app.store().load())
    return ListResult(snap, stage_summaries(snap, stages), cast("Status | None", status))
