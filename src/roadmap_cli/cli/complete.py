"""Shell completion of TOPIC and STAGE arguments, kept light: it reads the roadmap TOML
with ``tomllib`` and imports neither pydantic nor rich, so a TAB press stays fast.
:mod:`roadmap_cli.cli.fastcomplete` uses the same functions without starting typer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

__all__ = ["read_roadmap", "stage_ids", "stage_ids_of", "topic_ids", "topic_ids_of"]


def read_roadmap(given: str | os.PathLike[str] | None) -> dict[str, Any]:
    """The TOML data of the roadmap file ``given`` (None: the bundled roadmap); an empty
    dict if it cannot be read or parsed. Never raises."""
    import tomllib

    if given:
        path = Path(given)
    else:
        from roadmap_cli.roadmap.bundled import bundled_roadmap_path

        path = bundled_roadmap_path()
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return {}


def _load(ctx: typer.Context) -> dict[str, Any]:
    root = ctx.find_root()
    return read_roadmap(root.params.get("roadmap") or os.environ.get("ROADMAP_FILE"))


def _stages(data: dict[str, Any]) -> list[dict[str, Any]]:
    stages = data.get("stages")
    return [s for s in stages if isinstance(s, dict)] if isinstance(stages, list) else []


def topic_ids_of(data: dict[str, Any]) -> list[str]:
    """Topic ids in roadmap TOML data (see :func:`read_roadmap`), in roadmap order."""
    ids = []
    for stage in _stages(data):
        topics = stage.get("topics")
        for topic in topics if isinstance(topics, list) else []:
            if isinstance(topic, dict) and isinstance(topic.get("id"), str):
                ids.append(topic["id"])
    return ids


def stage_ids_of(data: dict[str, Any]) -> list[str]:
    """Stage ids in roadmap TOML data, in order."""
    return [s["id"] for s in _stages(data) if isinstance(s.get("id"), str)]


def topic_ids(ctx: typer.Context) -> list[str]:
    """Topic ids of the roadmap in use, in roadmap order; empty if it cannot be read."""
    return topic_ids_of(_load(ctx))


def stage_ids(ctx: typer.Context) -> list[str]:
    """Stage ids of the roadmap in use, in order; empty if it cannot be read."""
    return stage_ids_of(_load(ctx))
