"""The names of roadmap cache entries (see :mod:`roadmap_cli.roadmap.cache`), worked out
without importing the models: TAB completion looks an entry up to read a roadmap's ids
from JSON (~2 ms) instead of parsing its TOML (~20 ms for the bundled roadmap)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from roadmap_cli import __version__

__all__ = [
    "CACHE_FORMAT",
    "MODEL_FIELDS",
    "cache_dir",
    "cache_key",
    "digest_hex",
    "entry_bytes",
    "entry_path",
    "read_entry",
]

#: Bumped when the layout of a cache entry changes, or the checks (warnings) do.
CACHE_FORMAT = 6  # 2: topic id that is also a stage id; 3: origin, note_en; 4: English twins
# 5: warnings kept as message templates and fields (translated when shown); 6: the CRC-32 of
# the entry in its first field, and names from BLAKE2b instead of SHA-256


#: The field names of Roadmap, Stage, Topic and Resource, as the entry names include them
#: (tests/unit/roadmap/test_cache.py holds this equal to the models).
MODEL_FIELDS = (
    "schema_version:id:title:title_en:language:source:description:description_en:stages,"
    "id:title:title_en:summary:summary_en:editor_note:editor_note_en:topics,"
    "id:title:title_en:summary:summary_en:editor_note:editor_note_en:requires:optional:"
    "aliases:resources:duration:effort,"
    "title:url:kind:lang:note:note_en:origin:editor_note:editor_note_en"
)


def cache_dir() -> Path:
    """The folder cache entries live in: ``ROADMAP_CACHE_DIR`` if set, else the user
    cache folder."""
    env = os.environ.get("ROADMAP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from roadmap_cli.support.userdirs import user_cache_path

    return user_cache_path()


def cache_key(data: bytes) -> str:
    """The cache entry name of roadmap file contents ``data``: a hex digest of the bytes,
    the program version, the cache format and the field names of the models
    (:data:`MODEL_FIELDS`)."""
    suffix = f"\0{__version__}\0{CACHE_FORMAT}\0{MODEL_FIELDS}".encode()
    return digest_hex(data, suffix)


def digest_hex(*chunks: bytes) -> str:
    """The 20-byte BLAKE2b digest of ``chunks`` one after the other, in hex (40
    characters), as ``hashlib.blake2b(digest_size=20)`` gives it.

    BLAKE2b is built into the interpreter (``_blake2``): no ``import hashlib``, which
    costs ~3 ms and ~3.6 MiB at every start (it loads OpenSSL, which reads openssl.cnf),
    and it hashes a 28 MB roadmap in ~45 ms (the built-in SHA-256 took ~100 ms). hashlib
    only where ``_blake2`` is missing. Raises nothing."""
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter without the built-in module
        from hashlib import blake2b
    digest = blake2b(digest_size=20)
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


#: How an entry starts: its first field is the CRC-32 of everything after it.
_HEAD = b'{"crc32":"'
_HEAD_END = len(_HEAD) + 8


def _crc32(data: bytes | memoryview) -> bytes:
    import zlib

    return b"%08x" % zlib.crc32(data)


def entry_path(folder: Path, key: str) -> Path:
    """The file of the cache entry named ``key`` (:func:`cache_key`) in ``folder``."""
    return folder / f"roadmap-{key}.json"


def entry_bytes(entry: dict[str, Any]) -> bytes:
    """``entry`` as the bytes of a cache file: compact UTF-8 JSON whose first field,
    ``crc32``, is the CRC-32 of the bytes after it (``,"roadmap":…}``), so an entry changed
    or damaged on disk is found out when read. (A check against accidents, not an
    attacker, who could write the cache anyway; CRC-32 reads a 50 MB entry in ~25 ms,
    where the interpreter's SHA-256 takes ~300 ms.)"""
    import json

    # dumps, not dump: dump streams through the pure-Python encoder (~10x slower)
    body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    rest = b"," + body[1:] if len(body) > 2 else b"}"
    return _HEAD + _crc32(rest) + b'"' + rest


def read_entry(path: Path) -> dict[str, Any] | None:
    """The cache entry in ``path``, or None when it is missing, unreadable, not written by
    :func:`entry_bytes` or does not match its CRC-32. Never raises."""
    import json

    try:
        data = path.read_bytes()
        if not data.startswith(_HEAD) or data[_HEAD_END : _HEAD_END + 1] != b'"':
            return None
        with memoryview(data) as view:  # checked in place: no copy of a 50 MB entry
            if _crc32(view[_HEAD_END + 1 :]) != data[len(_HEAD) : _HEAD_END]:
                return None
        text = data.decode("utf-8")
        del data  # as json.loads(bytes) would: the bytes go before the objects are made
        entry = json.loads(text)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict):
        return None
    entry.pop("crc32", None)
    return entry
