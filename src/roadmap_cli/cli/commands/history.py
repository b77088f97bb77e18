"""``roadmap history [--since DATE] [--limit N]``: the recorded events, newest first."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json


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
    from roadmap_cli.actions.history import history
    from roadmap_cli.support.dates import parse_since

    app = app_context(ctx)
    result = history(app, parse_since(since) if since is not None else None, limit)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.history import render_history

    render_history(result, app.lang)
