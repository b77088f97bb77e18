"""Shell completion of TOPIC and STAGE arguments, kept light: it reads the roadmap TOML
with ``tomllib`` and imports neither pydantic nor rich, so a TAB press stays fast.
:mod:`roadmap_cli.cli.fastcomplete` uses the same functions without starting typer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

__all__ = [
    "installed_ids",
    "read_roadmap",
    "roadmap_ids",
    "stage_ids",
    "stage_ids_of",
    "topic_ids",
    "topic_ids_of",
]


def _data_dir(given: str | os.PathLike[str] | None) -> Path:
    from roadmap_cli.progress.datadir import default_data_dir

    return Path(given).expanduser() if given else default_data_dir()


def installed_ids(data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """The bundled roadmap's id, then the installed roadmaps' ids (``data_dir``: the
    ``--data-dir`` given, else ``ROADMAP_DATA_DIR`` / the platform folder). Never raises."""
    from roadmap_cli.library.store import BUNDLED_ID, Library

    return [BUNDLED_ID, *Library(_data_dir(data_dir)).ids()]


def read_roadmap(
    given: str | os.PathLike[str] | None, data_dir: str | os.PathLike[str] | None = None
) -> dict[str, Any]:
    """The data of the roadmap ``given`` (a path or an installed id; None: the one chosen
    with ``roadmap use``, else the bundled roadmap), stages and topics with their ids as
    in the TOML file: from the roadmap cache's entry for the file when there is one, else
    parsed from the TOML; an empty dict if it cannot be read or parsed. Never raises."""
    from roadmap_cli.library.select import resolve_roadmap

    try:
        path = resolve_roadmap(
            Path(given).expanduser() if given else None, _data_dir(data_dir), strict=False
        )
        data = path.read_bytes()
    except Exception:  # completion never fails
        return {}
    cached = _cached(data)
    if cached is not None:
        return cached
    import tomllib

    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        return {}


def _cached(data: bytes) -> dict[str, Any] | None:
    """The roadmap stored in the cache for file contents ``data`` (validated when it was
    stored), or None."""
    from roadmap_cli.roadmap.cachekey import cache_dir, cache_key, entry_path, read_entry

    entry = read_entry(entry_path(cache_dir(), cache_key(data)))
    roadmap = entry.get("roadmap") if entry is not None else None
    return roadmap if isinstance(roadmap, dict) else None


def _load(ctx: typer.Context) -> dict[str, Any]:
    root = ctx.find_root()
    return read_roadmap(
        root.params.get("roadmap") or os.environ.get("ROADMAP_FILE"),
        root.params.get("data_dir") or os.environ.get("ROADMAP_DATA_DIR"),
    )


def roadmap_ids(ctx: typer.Context) -> list[str]:
    """The bundled and installed roadmap ids of the data folder in use."""
    root = ctx.find_root()
    return installed_ids(root.params.get("data_dir") or os.environ.get("ROADMAP_DATA_DIR"))


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
