"""``roadmap show TOPIC|STAGE``: everything about one topic or one stage."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context, complete_topic_or_stage
from roadmap_cli.cli.fastpath import run_show


def command(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="TOPIC|STAGE",
            help="A topic or stage: id, unique id prefix, or title (Chinese or English).",
            autocompletion=complete_topic_or_stage,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show a topic: summary, prerequisites, status, notes and resources with links.

    Given a stage instead, show its summary, progress and topics.

    Examples:

      roadmap show flash-attention

      roadmap show 注意力机制

      roadmap show diffusion --json
    """
    run_show(app_context(ctx), target, as_json)
