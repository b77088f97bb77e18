"""``roadmap list [STAGE] [--status S]``: stages with their progress and their topics."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context, complete_stage
from roadmap_cli.cli.fastpath import run_list


class StatusChoice(StrEnum):
    """Values of ``--status``."""

    todo = "todo"
    in_progress = "in_progress"
    done = "done"
    skipped = "skipped"


def command(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Argument(
            help="Only this stage (id, id prefix or title).",
            autocompletion=complete_stage,
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        StatusChoice | None,
        typer.Option("--status", "-s", help="Only topics with this status.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the stages with their progress, and under each its topics.

    Each topic shows its status mark (\\[x] done, \\[>] in progress, \\[-] skipped,
    \\[ ] to do), its id and its title.

    Examples:

      roadmap list

      roadmap list diffusion --status todo

      roadmap list --json
    """
    run_list(app_context(ctx), stage, status.value if status else None, as_json)
