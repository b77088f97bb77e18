"""``roadmap report``: how far along the learner is (the result behind every format)."""

from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.actions.common import (
    iso_or_none,
    roadmap_ref,
    stage_ref,
    topic_ref,
)
from roadmap_cli.actions.context import AppContext
from roadmap_cli.errors import RoadmapError
from roadmap_cli.progress.activity import Pace
from roadmap_cli.progress.events import format_time
from roadmap_cli.progress.log import TopicState
from roadmap_cli.progress.review import ReviewSummary
from roadmap_cli.progress.snapshot import Counts, NextPlan, Snapshot, StageSummary
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.progress.plan import PlanStatus
    from roadmap_cli.progress.timelog import TimeSummary


@record(frozen=False)
class ReportResult:
    """``roadmap report``: overall and per-stage progress, work in progress, recent work,
    what is next, activity, streaks, pace and orphaned marks."""

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
    #: the standing against the learner's plan (``roadmap plan``), None without one
    schedule: PlanStatus | None = None
    #: the study time logged (``roadmap log``)
    time: TimeSummary | None = None
    #: finished topics in spaced review (``roadmap review``)
    review: ReviewSummary | None = None

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
                            "since": iso_or_none(snap.state(t.id).since),
                        }
                        for t in s.stage.topics
                    ],
                }
                for s in self.summaries
            ],
            "in_progress": [
                {**topic_ref(t), "since": iso_or_none(at)} for t, at in self.in_progress
            ],
            "recently_done": [{**topic_ref(t), "at": format_time(at)} for t, at in self.recent],
            "next": [topic_ref(i.topic) for i in self.plan.items],
            "activity": {
                "today": self.today.isoformat(),
                "weeks": self.weeks,
                "days": {d.isoformat(): n for d, n in sorted(self.activity.items())},
                "streak": {"current": self.streak_current, "longest": self.streak_longest},
            },
            "pace": self.pace.to_json(),
            "review": (self.review or ReviewSummary()).to_json(),
            "orphans": [
                {"id": tid, "status": st.status, "events": len(st.events)}
                for tid, st in sorted(self.orphans.items())
            ],
            "plan": self.schedule.to_json() if self.schedule else None,
            "time": self.time.to_json() if self.time else None,
        }


#: The values of ``--format``.
FORMATS = ("text", "markdown", "json", "svg", "html")


def build_report(app: AppContext, now: datetime | None = None) -> ReportResult:
    """Assemble the report at ``now`` (UTC; default the current time), with days counted
    in the local time zone.

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.actions.review import review_summary
    from roadmap_cli.progress.activity import activity_by_day, pace, streaks
    from roadmap_cli.progress.snapshot import next_topics, overall, snapshot, stage_summaries
    from roadmap_cli.support.clock import local_zone, now_utc, zone_name

    now = now or now_utc()
    zone = local_zone()
    catalog = app.catalog()
    snap = snapshot(catalog, app.store().load())
    summaries = stage_summaries(snap)
    total, required, optional = overall(summaries)
    in_progress = sorted(
        (
            (catalog.topics[tid], st.started or st.since)
            for tid, st in snap.states.items()
            if st.status == "in_progress"
        ),
        key=lambda p: catalog.position[p[0].id],
    )
    done = [  # (time, id of the event that marked it done, topic): ties broken by record order
        (st.since, next(e.id for e in reversed(st.events) if e.status), catalog.topics[tid])
        for tid, st in snap.states.items()
        if st.status == "done" and st.since is not None
    ]
    recent = [(topic, at) for at, _, topic in sorted(done, key=lambda d: d[:2], reverse=True)[:5]]
    activity = activity_by_day(snap, zone)
    today = now.astimezone(zone).date()
    current, longest = streaks(activity, today)
    return ReportResult(
        snap=snap,
        summaries=summaries,
        total=total,
        required=required,
        optional=optional,
        in_progress=in_progress,
        recent=recent,
        plan=next_topics(snap, 3),
        activity=dict(activity),
        today=today,
        streak_current=current,
        streak_longest=longest,
        pace=pace(snap, now, zone),
        generated=now,
        orphans=snap.orphans,
        zone=zone_name(now, zone),
        **_plan_and_time(snap, now, zone),
        review=review_summary(snap, now, zone),
    )


def _plan_and_time(snap: Snapshot, now: datetime, zone: Any) -> dict[str, Any]:
    """The report's Plan and Time parts: ``{schedule, time}`` (see ``roadmap plan`` and
    ``roadmap log``)."""
    from roadmap_cli.actions.plan import plan_for
    from roadmap_cli.progress.timelog import time_summary

    return {"schedule": plan_for(snap, now, zone), "time": time_summary(snap, zone)}


def write_report(path: Path, text: str, *, force: bool, data_dir: Path) -> None:
    """Write ``text`` to ``path`` atomically (see :mod:`roadmap_cli.support.atomic`).

    An existing file is replaced only with ``force``; nothing inside the progress folder
    ``data_dir`` (the progress file, its lock and backups) is ever written.

    Raises:
        RoadmapError: the folder does not exist, ``path`` is a folder, the file exists and
            ``force`` is False, ``path`` is in the progress folder, or writing failed.
    """
    from roadmap_cli.support.atomic import write_file

    if not path.parent.is_dir():
        raise RoadmapError(
            _("--output: the folder {folder} does not exist").format(folder=path.parent),
            _("create it first, or write the report somewhere else"),
        )
    if path.resolve().is_relative_to(data_dir.resolve()):
        raise RoadmapError(
            _(
                "--output: {path} is in your progress folder ({folder}); the report was not written"
            ).format(path=path, folder=data_dir),
            _("write the report somewhere else: that folder holds your progress and its backups"),
        )
    write_file(path, text, force=force, what=_("report"))
