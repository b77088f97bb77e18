"""``roadmap history [--since DATE] [--limit N]``: the recorded events, newest first."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.context import AppContext
from roadmap_cli.errors import UsageError
from roadmap_cli.render import emit

if TYPE_CHECKING:
    from roadmap_cli.history import HistoryResult

#: Position of this command in 'roadmap --help'.
ORDER = 65


def parse_since(text: str) -> date:
    """Parse ``--since``: a local calendar date, ``YYYY-MM-DD``, ``today`` or
    ``yesterday`` (as ``--date`` reads them, :func:`roadmap_cli.dates.parse_day`).

    Raises:
        UsageError: empty, or anything else.
    """
    from roadmap_cli.clock import local_zone, now_utc
    from roadmap_cli.dates import DAY_WORDS, parse_day

    day = parse_day(text, now_utc().astimezone(local_zone()).date(), "--since")
    if day is None:
        raise UsageError(f"--since: cannot read {text!r} as a date", f"use {DAY_WORDS}")
    return day


def build(app: AppContext, since: date | None = None, limit: int | None = None) -> HistoryResult:
    """The events of the progress in use from local midnight of ``since`` on, newest
    first, at most ``limit``.

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.clock import local_zone, now_utc
    from roadmap_cli.commands.report import zone_name
    from roadmap_cli.history import HistoryResult, build_history, local_midnight

    zone = local_zone()
    start = local_midnight(since, zone) if since else None
    catalog = app.catalog()
    entries, total = build_history(catalog, app.store().load(), since=start, limit=limit)
    return HistoryResult(
        entries, total, since, zone_name(now_utc(), zone), catalog.roadmap.language
    )


def command(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Only events on or after this local date (YYYY-MM-DD, today, yesterday).",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="Show at most N events.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List what you recorded, newest first, in local time.

    Status changes, notes and undos; an event that was undone is marked (undone).

    Examples:

      roadmap history

      roadmap history --since 2026-11-01

      roadmap history --since yesterday

      roadmap history -n 10 --json
    """
    app = app_context(ctx)
    day = parse_since(since) if since is not None else None
    emit(build(app, day, limit), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``history`` to ``app``."""
    app.command("history")(command)
