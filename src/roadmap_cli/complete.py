"""Shell completion of TOPIC and STAGE arguments, kept light: it reads the roadmap TOML
with ``tomllib`` and imports neither pydantic nor rich, so a TAB press stays fast."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import typer

__all__ = ["stage_ids", "topic_ids"]


def _roadmap_file(ctx: typer.Context) -> Path:
    root = ctx.find_root()
    given = root.params.get("roadmap") or os.environ.get("ROADMAP_FILE")
    if given:
        return Path(given)
    from roadmap_cli.bundled import bundled_roadmap_path

    return bundled_roadmap_path()


def _load(ctx: typer.Context) -> dict[str, Any]:
    try:
        with _roadmap_file(ctx).open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def _stages(data: dict[str, Any]) -> list[dict[str, Any]]:
    stages = data.get("stages")
    return [s for s in stages if isinstance(s, dict)] if isinstance(stages, list) else []


def topic_ids(ctx: typer.Context) -> list[str]:
    """Topic ids of the roadmap in use, in roadmap order; empty if it cannot be read."""
    ids = []
    for stage in _stages(_load(ctx)):
        topics = stage.get("topics")
        for topic in topics if isinstance(topics, list) else []:
            if isinstance(topic, dict) and isinstance(topic.get("id"), str):
                ids.append(topic["id"])
    return ids


def stage_ids(ctx: typer.Context) -> list[str]:
    """Stage ids of the roadmap in use, in order; empty if it cannot be read."""
    return [s["id"] for s in _stages(_load(ctx)) if isinstance(s.get("id"), str)]
