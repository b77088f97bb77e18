"""``roadmap paths``: where the roadmap, the progress file and its backups are."""

from __future__ import annotations

import typer

from roadmap_cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit

#: Position of this command in 'roadmap --help'.
ORDER = 95


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Show where the roadmap in use, the progress file and its backups are.

    Also the data folder and the lock file taken while writing.

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
