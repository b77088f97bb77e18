"""``roadmap sync [--init REMOTE]``: keep two machines' progress the same through git."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json
from roadmap_cli.support.i18n import _


def command(
    ctx: typer.Context,
    init: Annotated[
        str | None,
        typer.Option(
            "--init",
            metavar="REMOTE",
            help="Make the data folder a git repository syncing with REMOTE (a repository "
            "URL or path), then sync.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Sync your progress with your other machines through a git repository.

    Commits this machine's changes, pulls (a merge, never a rebase) and pushes.
    Progress files merge through roadmap's own merge driver: every mark of
    either machine is kept, so syncing never conflicts on them. Uses your own
    git, with your credentials; it never asks for a password (set up an SSH
    key or a credential helper first).

    --init REMOTE makes the data folder a repository (or adopts the one it
    is), writes .gitattributes and .gitignore (locks and backups stay on each
    machine), registers the merge driver, adds REMOTE as 'origin' and syncs.
    Run it once on each machine with the same REMOTE.

    Examples:

      roadmap sync --init git@github.com:me/roadmap-progress.git

      roadmap sync
    """
    from roadmap_cli.actions.sync import sync

    app = app_context(ctx)
    if init is not None and not init.strip():
        from roadmap_cli.errors import UsageError

        raise UsageError(
            _("--init: the remote is empty"), _("give --init a repository URL or path")
        )
    result = sync(app, init)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.sync import render_sync

    render_sync(result, app.lang)
