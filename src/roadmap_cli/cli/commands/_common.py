"""Pieces the command modules share: option types, and reaching the app context."""

from __future__ import annotations

from typing import Annotated

import typer

from roadmap_cli.actions.context import AppContext

__all__ = [
    "JsonOption",
    "TopicArgument",
    "WhenOption",
    "app_context",
    "complete_stage",
    "complete_topic",
    "complete_topic_or_stage",
]


def app_context(ctx: typer.Context) -> AppContext:
    """The :class:`AppContext` the top-level callback stored on the click context."""
    obj = ctx.find_root().obj
    if not isinstance(obj, AppContext):  # called without the group callback (unit use)
        obj = AppContext()
        ctx.find_root().obj = obj
    return obj


def complete_topic(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for TOPIC arguments: ids of the roadmap in use (no pydantic, no rich)."""
    from roadmap_cli.cli.complete import topic_ids

    return [i for i in topic_ids(ctx) if i.startswith(incomplete)]


def complete_topic_or_stage(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for TOPIC|STAGE arguments: topic ids, then stage ids."""
    from roadmap_cli.cli.complete import stage_ids, topic_ids

    topics = topic_ids(ctx)
    known = set(topics)
    ids = topics + [s for s in stage_ids(ctx) if s not in known]
    return [i for i in ids if i.startswith(incomplete)]


def complete_stage(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for STAGE arguments: stage ids of the roadmap in use."""
    from roadmap_cli.cli.complete import stage_ids

    return [i for i in stage_ids(ctx) if i.startswith(incomplete)]


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON document on stdout instead of text.")
]

TopicArgument = Annotated[
    str,
    typer.Argument(
        metavar="TOPIC",
        help="A topic: id, unique id prefix, or title (Chinese or English).",
        autocompletion=complete_topic,
        show_default=False,
    ),
]
"""One TOPIC argument, completing to the topic ids of the roadmap in use."""

WhenOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        "-d",
        help="When: YYYY-MM-DD, 'yesterday', or an ISO date-time (default: now).",
        show_default=False,
    ),
]
"""``--date``/``-d`` of a record made now unless told otherwise (``note``, ``log``)."""
