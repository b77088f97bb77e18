"""``roadmap report``: how far along the learner is, in the terminal or written to a file
(text, GitHub Markdown checklist, JSON, SVG or HTML picture)."""

from __future__ import annotations

import sys
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.context import AppContext
from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.render import emit

if TYPE_CHECKING:
    from roadmap_cli.results import ReportResult

#: Position of this command in 'roadmap --help'.
ORDER = 60

#: The values of ``--format``.
FORMATS = ("text", "markdown", "json", "svg", "html")


def zone_name(now: datetime, zone: tzinfo) -> str:
    """A name for the local time zone: its IANA name ("Asia/Shanghai"), else the zone's
    abbreviation at ``now`` ("CST")."""
    from roadmap_cli.zones import zone_name as name_of

    return name_of(zone, now)


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
    from roadmap_cli.results import ReportResult

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
    )


def render_document(result: ReportResult, fmt: str, lang: str) -> str:
    """The report as the text of a file in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        import json

        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from roadmap_cli.render.markdown_report import report_markdown

        return report_markdown(result, lang)
    from roadmap_cli.render.report import export_report

    return export_report(result, lang, fmt)


def write_report(path: Path, text: str, *, force: bool, data_dir: Path) -> None:
    """Write ``text`` to ``path`` atomically (see :mod:`roadmap_cli.atomic`).

    An existing file is replaced only with ``force``; nothing inside the progress folder
    ``data_dir`` (the progress file, its lock and backups) is ever written.

    Raises:
        RoadmapError: the folder does not exist, ``path`` is a folder, the file exists and
            ``force`` is False, ``path`` is in the progress folder, or writing failed.
    """
    from roadmap_cli.atomic import write_file

    if not path.parent.is_dir():
        raise RoadmapError(
            f"--output: the folder {path.parent} does not exist",
            "create it first, or write the report somewhere else",
        )
    if path.resolve().is_relative_to(data_dir.resolve()):
        raise RoadmapError(
            f"--output: {path} is in your progress folder ({data_dir}); the report was not written",
            "write the report somewhere else: that folder holds your progress and its backups",
        )
    write_file(path, text, force=force, what="report")


def _check_format(fmt: str | None, as_json: bool) -> str:
    chosen = (fmt or ("json" if as_json else "text")).strip().lower()
    if chosen not in FORMATS:
        raise UsageError(f"--format: unknown format {fmt!r}", f"use one of {', '.join(FORMATS)}")
    if as_json and chosen != "json":
        raise UsageError(
            f"--json conflicts with --format {chosen}", "use one of them (--json = --format json)"
        )
    return chosen


def _complete_format(incomplete: str) -> list[str]:
    return [f for f in FORMATS if f.startswith(incomplete)]


FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="text (default), markdown (a GitHub checklist), json, svg or html (a picture).",
        autocompletion=_complete_format,
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file instead of the terminal.",
        show_default=False,
    ),
]


def command(
    ctx: typer.Context,
    fmt: FormatOption = None,
    output: OutputOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it exists.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show how far along you are: progress, activity, streak, pace and finish date.

    Progress bars per stage, what is in progress, done lately and next, a 16-week activity
    heatmap, your streak, pace and projected finish date. Dates are in your local time
    zone. --format markdown writes the roadmap as a GitHub checklist; svg and html draw
    the report as a picture.

    Examples:

      roadmap report

      roadmap report --format markdown --output progress.md --force

      roadmap report --format svg --output report.svg

      roadmap report --json
    """
    app = app_context(ctx)
    chosen = _check_format(fmt, as_json)
    result = build(app)
    if output is None and chosen in ("text", "json"):
        emit(result, as_json=chosen == "json", lang=app.lang)
        return
    text = render_document(result, chosen, app.lang)
    if output is None or str(output) == "-":  # "-o -" is stdout, as for progress export
        sys.stdout.write(text)
        return
    write_report(output, text, force=force, data_dir=app.store().data_dir)
    sys.stderr.write(f"roadmap: wrote the report ({chosen}) to {output}\n")


def register(app: typer.Typer) -> None:
    """Add ``report`` to ``app``."""
    app.command("report")(command)
