"""``roadmap import FILE.md``: turn a Markdown learning roadmap into a roadmap TOML file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json
from roadmap_cli.support.i18n import _


def command(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE.md", help="The Markdown file to import.", show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the roadmap TOML to FILE (default: print it on stdout).",
            show_default=False,
        ),
    ] = None,
    roadmap_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="Roadmap id (names its progress file); default: from the file name.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="URL",
            help="Address of the original, recorded as the roadmap's source.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace FILE if it exists, keeping the ids of unchanged topics."
        ),
    ] = False,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress",
            help="Record ticked boxes ('- \\[x]') as done in the roadmap's progress (undoable).",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("-v", "--verbose", help="List everything left out, one by one."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Turn a Markdown learning roadmap into a roadmap TOML file.

    Headings become stages and topics, list items topics and resources, links resources
    with the text around them as notes. The result passes 'roadmap validate' and works at
    once with --roadmap. Re-importing with --force keeps the ids (and so the progress) of
    topics whose titles are unchanged. A summary follows every import: what was made, and
    everything left out by reason (badges, boilerplate sections, relative links…; -v lists
    them). --progress records ticked boxes ('- \\[x]') as done; 'roadmap undo' reverts it.

    Examples:

      roadmap import agent.zh.md -o agent.toml

      roadmap --roadmap agent.toml next

      roadmap import agent.zh.md -o agent.toml --force

      roadmap import checklist.md -o plan.toml --progress
    """
    from roadmap_cli.actions.import_ import run_import
    from roadmap_cli.errors import UsageError

    app = app_context(ctx)
    if progress and output is None:
        raise UsageError(
            _("--progress: the roadmap must be saved for its progress to mean anything"),
            _("add -o FILE.toml, then use it with --roadmap FILE.toml"),
        )
    result = run_import(file, output=output, roadmap_id=roadmap_id, source=source, force=force)
    result.verbose = verbose
    if progress and result.ticked:
        from roadmap_cli.importing.ticked import record_ticked
        from roadmap_cli.support.clock import now_utc

        store = app.store_for(result.roadmap_id)
        result.recorded = record_ticked(store, result.ticked, now_utc()).recorded
    if output is None and not as_json:
        sys.stdout.write(result.text)
        result.to_stderr = True
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.import_ import render_import

    render_import(result, app.lang)
