"""``roadmap paths``: where the roadmap, the progress file and its backups are."""

from __future__ import annotations

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit

#: Position of this command in 'roadmap --help'.
ORDER = 95


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Print the roadmap file in use, the data folder, the progress file, its lock file
    and its backups.

    Examples:

      roadmap paths

      roadmap --roadmap rust.toml paths --json
    """
    from roadmap_cli.paths import gather_paths

    app = app_context(ctx)
    emit(gather_paths(app), as_json=as_json, lang=app.lang)


def register(app: typer.Typer) -> None:
    """Add ``paths`` to ``app``."""
    app.command("paths")(command)
