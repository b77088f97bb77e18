"""``roadmap link TOPIC URL`` and ``roadmap unlink TOPIC N``: your own resources on a topic."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, TopicArgument, app_context
from roadmap_cli.render import emit_json


def link(
    ctx: typer.Context,
    topic: TopicArgument,
    url: Annotated[str, typer.Argument(metavar="URL", help="An http:// or https:// link.")],
    title: Annotated[
        str | None,
        typer.Option("--title", "-t", help="Its title (default: the URL).", show_default=False),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help="paper, video, course, book, article, blog, code, docs or site.",
        ),
    ] = "site",
    note: Annotated[
        str | None,
        typer.Option("--note", "-m", help="Why it is worth it.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Add a resource of your own to a topic (marked "yours" in show, next and open).

    It is recorded in your progress, so it merges, syncs and undoes like a mark.

    Examples:

      roadmap link attention https://jalammar.github.io/illustrated-transformer/ --kind blog

      roadmap link ddpm https://www.bilibili.com/video/BV1b541197HX -t "DDPM 讲解" -k video
    """
    from roadmap_cli.actions.link import link as add_link

    app = app_context(ctx)
    result = add_link(app, topic, url, title, kind, note)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.link import render_link

    render_link(result, app.lang)


def unlink(
    ctx: typer.Context,
    topic: TopicArgument,
    number: Annotated[
        int,
        typer.Argument(metavar="N", min=1, help="The link's number, as 'roadmap show' lists it."),
    ],
    as_json: JsonOption = False,
) -> None:
    """Remove a resource you added with 'roadmap link' (the roadmap's own stay).

    Examples:

      roadmap show attention

      roadmap unlink attention 3
    """
    from roadmap_cli.actions.link import unlink as remove_link

    app = app_context(ctx)
    result = remove_link(app, topic, number)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.link import render_link

    render_link(result, app.lang)
