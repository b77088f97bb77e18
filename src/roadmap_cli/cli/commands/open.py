"""``roadmap open TOPIC [--all | --index N]``: open a topic's resources in the browser."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, TopicArgument, app_context
from roadmap_cli.render import emit_json


def command(
    ctx: typer.Context,
    topic: TopicArgument,
    every: Annotated[bool, typer.Option("--all", "-a", help="Open every resource.")] = False,
    index: Annotated[
        int | None,
        typer.Option(
            "--index",
            "-i",
            help="Open resource N (numbered as in 'roadmap show').",
            show_default=False,
        ),
    ] = None,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Only print the URLs; start no browser.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Open a topic's first resource (or resource N, or all) in the browser.

    The URLs are printed too, for SSH sessions. Only http and https links
    are opened. BROWSER (commands separated by ':') picks the browser; when
    it is set, nothing else is tried. Exits 1 when no browser starts.

    Examples:

      roadmap open flash-attention

      roadmap open attention --index 2

      roadmap open ddpm --all

      BROWSER=firefox roadmap open flash-attention
    """
    from roadmap_cli.actions.open import browser_problem, open_resources

    app = app_context(ctx)
    result = open_resources(app, topic, index, every, launch=not no_browser)
    if as_json:
        emit_json(result)
    else:
        from roadmap_cli.render.open import render_open

        render_open(result, app.lang)
    if result.launch and not all(c.opened for c in result.chosen):
        from roadmap_cli.errors import RoadmapError

        failed = [c.resource.url for c in result.chosen if not c.opened]
        raise RoadmapError(*browser_problem(failed))
