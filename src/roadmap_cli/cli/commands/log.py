"""``roadmap log TOPIC DURATION``: record time spent studying a topic."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, TopicArgument, WhenOption, app_context
from roadmap_cli.render import emit_json


def command(
    ctx: typer.Context,
    topic: TopicArgument,
    duration: Annotated[
        str,
        typer.Argument(
            metavar="DURATION",
            help="Time spent: 90m, 1h30m or 2h (at most 24h for one entry).",
            show_default=False,
        ),
    ],
    when: WhenOption = None,
    note: Annotated[
        str | None,
        typer.Option("--note", "-m", help="A note on the session.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Record time spent on a topic; 'roadmap report' adds it up.

    Hours per stage and week and your median hours per topic appear in 'roadmap report';
    'roadmap plan --hours H' schedules by them once three done topics have time logged.
    The topic's status does not change.

    Examples:

      roadmap log attention 1h30m

      roadmap log ddpm 45m --date yesterday -m "the ELBO derivation again"
    """
    from roadmap_cli.actions.log import log_time

    app = app_context(ctx)
    result = log_time(app, topic, duration, when, note)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.log import render_log

    render_log(result, app.lang)
