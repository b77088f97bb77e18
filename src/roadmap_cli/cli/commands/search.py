"""``roadmap search QUERY``: topics and resources whose titles, summaries, notes or URLs
match."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.cli.fastpath import run_search


def command(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            help="Words to look for; a hit contains every word (any case, Chinese too).",
            show_default=False,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Find topics and resources by title, summary, note or URL.

    Titles match in Chinese or English, in any case; your notes and the
    author's notes are searched too. Each hit names its stage and topic.

    Examples:

      roadmap search attention

      roadmap search 扩散

      roadmap search arxiv.org diffusion
    """
    run_search(app_context(ctx), query, as_json)
