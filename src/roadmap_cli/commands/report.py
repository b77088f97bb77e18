"""``roadmap report``: how far along the learner is."""

from __future__ import annotations

from datetime import datetime

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.context import AppContext
from roadmap_cli.render import emit
from roadmap_cli.results import ReportResult

#: Position of this command in 'roadmap --help'.
ORDER = 60


def build(app: AppContext, now: datetime | None = None) -> ReportResult:
    """Assemble the report at ``now`` (UTC; default the current time), with days counted
    in the local time zone.

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.clock import local_zone, now_utc
    from roadmap_cli.planner import (
        activity_by_day,
        next_topics,
        overall,
        pace,
        snapshot,
        stage_summaries,
        streaks,
    )

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
    done = [
        (catalog.topics[tid], st.since)
        for tid, st in snap.states.items()
        if st.status == "done" and st.since is not None
    ]
    recent = sorted(done, key=lambda p: p[1], reverse=True)[:5]
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
        recent=[(t, at) for t, at in recent if at is not None],
        plan=next_topics(snap, 3),
        activity=dict(activity),
        today=today,
        streak_current=current,
        streak_longest=longest,
        pace=pace(snap, now, zone),
        generated=now,
        orphans=snap.orphans,
    )


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show how far along you are: overall and per-stage progress bars, what is in
    progress, what was done recently, what is next, your streak and pace.

    Examples:

      roadmap report

      roadmap report --json
    """
    app = app_context(ctx)
    emit(build(app), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``report`` to ``app``."""
    app.command("report")(command)
