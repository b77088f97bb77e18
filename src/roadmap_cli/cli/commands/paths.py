"""``roadmap paths``: where the roadmap, the progress file and its backups are."""

from __future__ import annotations

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show where the roadmap in use, the progress file and its backups are.

    Also the data folder and the lock file taken while writing.

    Examples:

      roadmap paths

      roadmap --roadmap rust.toml paths --json
    """
    from roadmap_cli.actions.paths import gather_paths

    app = app_context(ctx)
    result = gather_paths(app)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.paths import render_paths

    render_paths(result, app.lang)
