"""``roadmap show TOPIC|STAGE``: everything about one topic or one stage."""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import TYPE_CHECKING, Any

from roadmap_cli.actions.common import (
    guidance_json,
    iso_or_none,
    note_json,
    resource_json,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import UnknownTopicError
from roadmap_cli.progress.events import Status
from roadmap_cli.progress.log import TopicState
from roadmap_cli.progress.review import Schedule
from roadmap_cli.progress.snapshot import Snapshot, StageSummary
from roadmap_cli.roadmap.model import Resource, Stage, Topic
from roadmap_cli.support.clock import local_zone
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.library.index import DoneElsewhere


@record(frozen=False)
class ShowTopicResult:
    """``roadmap show TOPIC``: a topic, its stage, status, prerequisites, notes, resources."""

    topic: Topic
    stage: Stage
    state: TopicState
    requires: list[tuple[Topic, Status]]
    required_by: list[tuple[Topic, Status]]
    language: str
    #: the roadmap's resources, then the learner's own links (``origin = "yours"``)
    resources: list[Resource] = field(default_factory=list)

    #: done topics of other installed roadmaps sharing one of its resources
    elsewhere: list[DoneElsewhere] = field(default_factory=list)
    #: its spaced-review schedule (None when not in review), its review mode, the local day
    review: Schedule | None = None
    review_mode: str = "on"
    today: date | None = None

    def to_json(self) -> dict[str, Any]:
        """``{topic: {id, title, title_en, stage, status, since, optional, summary,
        summary_en, duration, effort, editor_note, editor_note_en, requires, required_by, notes,
        resources, done_elsewhere: [{roadmap, topic, at}], review: {mode, in_review, due,
        due_day, reviews, last_review, last_rating, recall}}}``."""
        t = self.topic
        return {
            "topic": {
                **topic_ref(t, self.state.status),
                "stage": stage_ref(self.stage),
                "since": iso_or_none(self.state.since),
                "optional": t.optional,
                **guidance_json(t),
                "duration": t.duration,
                "effort": t.effort,
                "aliases": list(t.aliases),
                "requires": [topic_ref(r, s) for r, s in self.requires],
                "required_by": [topic_ref(r, s) for r, s in self.required_by],
                "notes": [note_json(n) for n in self.state.notes],
                "resources": [resource_json(r) for r in self.resources],
                "done_elsewhere": [h.to_json() for h in self.elsewhere],
                "review": self._review_json(),
            }
        }

    def _review_json(self) -> dict[str, Any]:
        s = self.review
        return {
            "mode": self.review_mode,
            "in_review": s is not None,
            "due": iso_or_none(s.due) if s else None,
            "due_day": s.due.astimezone(local_zone()).date().isoformat() if s else None,
            "reviews": s.reviews if s else 0,
            "last_review": iso_or_none(s.last_review) if s else None,
            "last_rating": s.last_rating if s else None,
            "recall": None if s is None else round(s.recall, 3),
        }


@record(frozen=False)
class ShowStageResult:
    """``roadmap show STAGE``: a stage, its summary, counts and topics."""

    summary: StageSummary
    snap: Snapshot

    def to_json(self) -> dict[str, Any]:
        """``{stage: {id, title, title_en, summary, summary_en, editor_note,
        editor_note_en, progress, topics: [...]}}``."""
        stage = self.summary.stage
        return {
            "stage": {
                **stage_ref(stage),
                **guidance_json(stage),
                "progress": self.summary.counts.to_json(),
                "topics": [
                    {**topic_ref(t, self.snap.status(t.id)), "optional": t.optional}
                    for t in stage.topics
                ],
            }
        }


def show(app: AppContext, query: str) -> ShowTopicResult | ShowStageResult:
    """Resolve ``query`` as a topic, else as a stage, and describe it. An exact topic id
    comes first, then an exact stage id, then titles and prefixes (topics first).

    Raises:
        UnknownTopicError: neither a topic nor a stage (suggestions are topics).
        AmbiguousTopicError: several topics or stages match.
    """
    from roadmap_cli.progress.snapshot import snapshot, stage_summaries

    catalog = app.catalog()
    snap = snapshot(catalog, app.store().load())
    key = query.strip()
    # an exact stage id wins over a topic id prefix; an exact topic id wins over both
    stage = None if key in catalog.topics else catalog.stage(key)
    if stage is None:
        try:
            topic = catalog.resolve_topic(query)
        except UnknownTopicError as unknown:
            try:
                stage = catalog.resolve_stage(query)
            except UnknownTopicError:
                raise unknown from None
        else:
            from roadmap_cli.actions.review import topic_review
            from roadmap_cli.library.index import done_elsewhere_for
            from roadmap_cli.support.clock import now_utc

            required_by = [t for t in catalog.topics.values() if topic.id in t.requires]
            elsewhere = done_elsewhere_for(app.data_folder, catalog.roadmap.id, [topic])
            now = now_utc()
            review, mode = topic_review(snap, topic.id, now)
            return ShowTopicResult(
                topic=topic,
                stage=catalog.stage_of[topic.id],
                state=snap.state(topic.id),
                requires=[(catalog.topics[r], snap.status(r)) for r in topic.requires],
                required_by=[(t, snap.status(t.id)) for t in required_by],
                language=catalog.roadmap.language,
                resources=snap.resources(topic),
                elsewhere=elsewhere.get(topic.id, []),
                review=review,
                review_mode=mode,
                today=now.astimezone(local_zone()).date(),
            )
    return ShowStageResult(stage_summaries(snap, [stage])[0], snap)
