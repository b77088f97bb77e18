"""Output that never fails on the stream's encoding (cp1252, latin-1, gbk, ascii, ...).

A console whose encoding cannot carry a character (a CJK title on cp1252, a bar ``░`` on
latin-1) must not crash a command. Text goes out with unencodable characters replaced
(``?``); JSON escapes them (``\\u00e9``), so it still means the same data.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys
from typing import IO

__all__ = ["ascii_marks", "fit_json", "make_streams_safe", "stream_encoding"]

#: The marks the text output uses, and what stands for them where they cannot be shown.
MARKS = {
    "█": "#",
    "▓": "=",
    "░": "-",
    "→": "->",
    "✓": "x",
    "…": "...",
    "—": "-",
    "–": "-",
    "·": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "\u00a0": " ",
}

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def stream_encoding(stream: IO[str] | None = None) -> str:
    """The normalised codec name of ``stream`` (default stdout), ``utf-8`` when unknown."""
    stream = sys.stdout if stream is None else stream
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def make_streams_safe() -> None:
    """Make stdout and stderr replace what their encoding cannot carry instead of
    raising UnicodeEncodeError (UTF-8 streams are left as they are)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or stream_encoding(stream).startswith("utf-"):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="replace")


def ascii_marks(stream: IO[str] | None = None) -> dict[int, str] | None:
    """A ``str.translate`` table for the :data:`MARKS` that ``stream`` (default stdout)
    cannot encode; None when it can encode them all (any UTF-8 stream)."""
    encoding = stream_encoding(stream)
    if encoding.startswith("utf-"):
        return None
    table = {}
    for mark, plain in MARKS.items():
        try:
            mark.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            table[ord(mark)] = plain
    return table or None


def fit_json(document: str, stream: IO[str] | None = None) -> str:
    """``document`` (JSON text) with every character ``stream`` (default stdout) cannot
    encode written as a ``\\uXXXX`` escape (a surrogate pair beyond U+FFFF): the same
    JSON value, printable on that stream."""
    encoding = stream_encoding(stream)
    if encoding.startswith("utf-"):
        return document
    cache: dict[str, str] = {}

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        out = cache.get(char)
        if out is None:
            try:
                char.encode(encoding)
                out = char
            except (UnicodeEncodeError, LookupError):
                code = ord(char)
                if code > 0xFFFF:
                    code -= 0x10000
                    out = f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
                else:
                    out = f"\\u{code:04x}"
            cache[char] = out
        return out

    return _NON_ASCII.sub(escape, document)
