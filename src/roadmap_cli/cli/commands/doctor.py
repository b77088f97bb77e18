"""``roadmap doctor``: check the roadmap and the progress together."""

from __future__ import annotations

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Check the roadmap and your progress together.

    Reports roadmap problems, whether the progress file is readable, marks of topics that
    left the roadmap (orphans), marks under a renamed topic's former id, backups,
    files left by an interrupted write, and sync services' conflict copies that
    were not merged (another roadmap's, damaged), with the reason.

    Changes nothing (a conflict copy that can be merged is merged, as by every
    command). Exits 0 when healthy, 1 when the roadmap or the progress file is
    damaged.

    Examples:

      roadmap doctor

      roadmap doctor --json
    """
    from roadmap_cli.actions.doctor import diagnose

    app = app_context(ctx)
    result = diagnose(app)
    if as_json:
        emit_json(result)
    else:
        from roadmap_cli.render.doctor import render_doctor

        render_doctor(result, app.lang)
    if not result.healthy:
        raise typer.Exit(1)
