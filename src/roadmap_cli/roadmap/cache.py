"""A cache of validated roadmaps, so a command does not parse and validate the same TOML
file on every run.

Parsing a roadmap with ``tomllib`` and validating it with pydantic costs ~60 ms for the
bundled roadmap (most of it importing pydantic and building its validators) and about a
second for one of 10,000 topics. Once a file has validated, its contents are stored as
JSON under a name derived from the BLAKE2b digest of the file's bytes, this program's version and
the models' field names, so any change to the file or to the program misses the cache. A
hit rebuilds the plain :mod:`roadmap_cli.roadmap.model` objects without validating again (the
data was validated when it was stored) and without importing pydantic. Each entry starts
with the CRC-32 of the rest of its bytes (:func:`~roadmap_cli.roadmap.cachekey.entry_bytes`),
so an entry changed on disk in any way, even into valid JSON of the wrong types, misses.
The cache is only an accelerator: a missing, unreadable or damaged entry, or a folder that
cannot be written, silently means "validate again".

The cache folder is ``ROADMAP_CACHE_DIR`` if set, else
``platformdirs.user_cache_path("roadmap-cli")`` (``~/.cache/roadmap-cli`` on Linux); it is
never inside the data folder, so commands that only read leave the data folder untouched.
"""

from __future__ import annotations

import contextlib
import gc
import os
from pathlib import Path
from typing import Any

from roadmap_cli.roadmap.cachekey import (
    CACHE_FORMAT,
    cache_dir,
    cache_key,
    digest_hex,
    entry_bytes,
    entry_path,
    read_entry,
)
from roadmap_cli.roadmap.model import Roadmap

__all__ = [
    "CACHE_FORMAT",
    "KEEP",
    "cache_dir",
    "cache_key",
    "digest_hex",
    "read_cached",
    "read_cached_key",
    "write_cached",
]

#: How many entries (validated versions of roadmap files) are kept.
KEEP = 8


def write_cached(folder: Path, data: bytes, roadmap: Roadmap, warnings: list[list[Any]]) -> None:
    """Store the validated ``roadmap`` read from ``data`` with its warnings
    (``[location, message template, {field: value}, severity]``). Never raises: a failed
    write only means the next run validates again."""
    entry = {
        "roadmap": roadmap.model_dump(),
        "warnings": warnings,
    }
    from roadmap_cli.support.atomic import make_temp

    with contextlib.suppress(OSError, ValueError, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = make_temp(folder, ".roadmap-", ".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(entry_bytes(entry))
            os.replace(tmp, entry_path(folder, cache_key(data)))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the :data:`KEEP` most recently written entries (each edit of a roadmap file
    makes a new one)."""
    entries = sorted(folder.glob("roadmap-*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()


def read_cached(folder: Path, data: bytes) -> tuple[Roadmap, list[list[Any]]] | None:
    """The roadmap and warnings stored for file contents ``data``, or None when there is
    no usable entry (:func:`read_cached_key` with ``data``'s key). Never raises."""
    return read_cached_key(folder, cache_key(data))


def read_cached_key(folder: Path, key: str) -> tuple[Roadmap, list[list[Any]]] | None:
    """The roadmap and warnings stored under ``key`` (:func:`cache_key` of a file's
    contents), or None when there is no usable entry. Never raises. The cyclic garbage
    collector is paused meanwhile (a large roadmap is hundreds of thousands of objects,
    none of them garbage)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        entry = read_entry(entry_path(folder, key))
        if entry is None:
            return None
        return Roadmap.from_dict(entry["roadmap"]), [list(w) for w in entry["warnings"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    finally:
        if enabled:
            gc.enable()
