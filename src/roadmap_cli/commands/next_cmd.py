"""``roadmap next [-n N]``: what to study now, with its resources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.context import AppContext
from roadmap_cli.render import emit

if TYPE_CHECKING:  # imported where used: keeps start-up and completion light
    from roadmap_cli.results import NextResult

#: Position of this command in 'roadmap --help'.
ORDER = 10


def build(app: AppContext, count: int) -> NextResult:
    """Topics in progress, then the next ``count`` ready topics (stage by stage, a stage's
    required topics before its optional ones).

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.planner import next_topics, snapshot
    from roadmap_cli.results import NextResult

    snap = snapshot(app.catalog(), app.store().load())
    return NextResult(next_topics(snap, count), snap)


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
    app = app_context(ctx)
    emit(build(app, count), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``next`` to ``app``."""
    app.command("next")(command)
