"""``roadmap list [STAGE] [--status S]``: stages with their progress and their topics."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context, complete_stage
from roadmap_cli.context import AppContext
from roadmap_cli.render import emit

if TYPE_CHECKING:  # imported where used: keeps start-up and completion light
    from roadmap_cli.results import ListResult

#: Position of this command in 'roadmap --help'.
ORDER = 20


class StatusChoice(StrEnum):
    """Values of ``--status``."""

    todo = "todo"
    in_progress = "in_progress"
    done = "done"
    skipped = "skipped"


def build(app: AppContext, stage: str | None, status: StatusChoice | None) -> ListResult:
    """The list of one stage (or all), optionally only topics with ``status``.

    Raises:
        UnknownTopicError, AmbiguousTopicError: STAGE names no single stage.
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.planner import snapshot, stage_summaries
    from roadmap_cli.results import ListResult

    catalog = app.catalog()
    stages = [catalog.resolve_stage(stage)] if stage else None
    snap = snapshot(catalog, app.store().load())
    return ListResult(snap, stage_summaries(snap, stages), status.value if status else None)


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
    app = app_context(ctx)
    emit(build(app, stage, status), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``list`` to ``app``."""
    app.command("list")(command)
