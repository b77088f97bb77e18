"""``roadmap next [-n N]``: what to study now, with its resources."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.cli.fastpath import run_next


def command(
    ctx: typer.Context,
    count: Annotated[
        int,
        typer.Option("-n", "--count", min=1, max=1000, help="How many ready topics to show."),
    ] = 1,
    as_json: JsonOption = False,
) -> None:
    """Say what to study now, and list its resources with links.

    Topics you have started come first; then the first topic whose prerequisites are all
    done or skipped, stage by stage in roadmap order, a stage's required topics before its
    optional ones.

    Examples:

      roadmap next

      roadmap next -n 3

      roadmap next --json
    """
    run_next(app_context(ctx), count, as_json)
