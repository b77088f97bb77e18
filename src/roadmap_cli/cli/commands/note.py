"""``roadmap note TOPIC TEXT``: attach a dated note to a topic."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, TopicArgument, WhenOption, app_context
from roadmap_cli.render import emit_json


def command(
    ctx: typer.Context,
    topic: TopicArgument,
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT...",
            help="The note; several words are joined with spaces (quote it to keep spacing).",
            show_default=False,
        ),
    ],
    when: WhenOption = None,
    as_json: JsonOption = False,
) -> None:
    """Attach a dated note to a topic; 'roadmap show TOPIC' lists its notes.

    The status does not change. 'start', 'done' and 'skip' take --note too.

    Examples:

      roadmap note attention "re-derived the softmax scaling by hand"

      roadmap note ddpm 第二遍看懂了 ELBO 推导

      roadmap note pandas --date yesterday "groupby finally makes sense"
    """
    from roadmap_cli.actions.note import add_note

    app = app_context(ctx)
    result = add_note(app, topic, " ".join(text), when)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.note import render_note

    render_note(result, app.lang)
