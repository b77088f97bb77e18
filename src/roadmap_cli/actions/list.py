"""``roadmap list [STAGE] [--status S]``: stages with their progress and their topics."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any, cast

from roadmap_cli.actions.common import (
    roadmap_ref,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.progress.events import Status
from roadmap_cli.progress.snapshot import Snapshot, StageSummary
from roadmap_cli.roadmap.model import Stage, Topic
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.library.index import DoneElsewhere


@record(frozen=False)
class ListResult:
    """``roadmap list``: stages with their counts and topics with their statuses."""

    snap: Snapshot
    summaries: list[StageSummary]
    status_filter: Status | None = None
    #: topic id (not done or skipped here) → done topics of other installed roadmaps
    #: sharing one of its resources
    elsewhere: dict[str, list[DoneElsewhere]] = field(default_factory=dict)

    def topics_of(self, stage: Stage) -> list[Topic]:
        """The stage's topics that pass the status filter."""
        if self.status_filter is None:
            return list(stage.topics)
        return [t for t in stage.topics if self.snap.status(t.id) == self.status_filter]

    def to_json(self) -> dict[str, Any]:
        """``{roadmap, filter, stages: [{id, title, title_en, progress, topics: [{…,
        done_elsewhere: [{roadmap, topic, at}]}]}]}``."""
        return {
            "roadmap": roadmap_ref(self.snap.catalog.roadmap),
            "filter": {"status": self.status_filter},
            "stages": [
                {
                    **stage_ref(s.stage),
                    "progress": s.counts.to_json(),
                    "topics": [
                        {
                            **topic_ref(t, self.snap.status(t.id)),
                            "optional": t.optional,
                            "done_elsewhere": [h.to_json() for h in self.elsewhere.get(t.id, [])],
                        }
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
    from roadmap_cli.library.index import done_elsewhere_for

    snap = snapshot(catalog, app.store().load())
    summaries = stage_summaries(snap, stages)
    open_topics = [
        t for s in summaries for t in s.stage.topics if snap.status(t.id) not in ("done", "skipped")
    ]
    elsewhere = done_elsewhere_for(app.data_folder, catalog.roadmap.id, open_topics)
    return ListResult(snap, summaries, cast("Status | None", status), elsewhere)
