"""``roadmap undo``: revert the last change by appending an undo event."""

from __future__ import annotations

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json


def command(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Revert the last change (a whole 'done a b c' at once).

    History is kept: the undo is itself recorded, so undoing again goes one step further
    back.

    Examples:

      roadmap done attention

      roadmap undo
    """
    from roadmap_cli.actions.undo import undo

    app = app_context(ctx)
    result = undo(app)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.undo import render_undo

    render_undo(result, app.lang)
