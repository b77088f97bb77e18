"""``roadmap validate FILE`` and ``roadmap init FILE``: check a roadmap file; write an
example one to start from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json

FileArgument = Annotated[
    Path,
    typer.Argument(metavar="FILE", help="A roadmap TOML file.", show_default=False),
]


def validate(ctx: typer.Context, file: FileArgument, as_json: JsonOption = False) -> None:
    """Check a roadmap file: every problem with its location, warnings too.

    Exits 1 if there is any error, 0 otherwise.

    Examples:

      roadmap validate my-roadmap.toml

      roadmap validate my-roadmap.toml --json
    """
    from roadmap_cli.actions.validate import validate_file

    app = app_context(ctx)
    result = validate_file(file)
    if as_json:
        emit_json(result)
    else:
        from roadmap_cli.render.validate import render_validate

        render_validate(result, app.lang)
    if not result.valid:
        raise typer.Exit(1)


def init(
    ctx: typer.Context,
    file: FileArgument,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Write a small, commented example roadmap to FILE, to edit into your own.

    Its id comes from the file name; it passes 'roadmap validate' and works
    at once with 'roadmap --roadmap FILE next'. An existing FILE is kept
    unless --force.

    Examples:

      roadmap init rust.toml

      roadmap --roadmap rust.toml next
    """
    from roadmap_cli.actions.validate import init_roadmap

    app = app_context(ctx)
    result = init_roadmap(file, force)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.validate import render_init

    render_init(result, app.lang)
