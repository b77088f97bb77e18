"""Make text from a roadmap file or a note safe to print.

Titles, notes and URLs come from files a user may not have written. Before they reach a
terminal, control characters (ANSI and OSC escape sequences start with one), C1 controls
and bidirectional-override marks are removed, so text prints literally and cannot move the
cursor, change colours, set window titles or reorder what is shown. Rich markup is never
interpreted in such text: renderers wrap it in ``Text`` (render/text.py; rich's in the tui),
which takes no markup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["cell_width", "clean_block", "clean_line", "encodable", "safe_json"]

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidirectional
# embedding/override/isolate controls plus the Arabic letter mark.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_BLOCK = re.compile(f"[{_UNSAFE}]")
_UNSAFE_LINE = re.compile(f"[{_UNSAFE}]|[\t\n]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029")
_SURROGATES = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with lone UTF-16 surrogates replaced by U+FFFD, so it can be written as
    UTF-8. Python turns undecodable command-line bytes into such surrogates, and JSON may
    spell one as ``"\\ud800"``; written as they are they would crash the write."""
    if text.isascii():  # the common case, checked in constant time: ids, times, batches
        return text
    return _SURROGATES.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """One line of safe text: line breaks and tabs become spaces, other control and
    bidi-override characters are removed."""
    text = _LINE_BREAKS.sub(" ", encodable(text))
    return _UNSAFE_LINE.sub(lambda m: " " if m.group() in "\t\n" else "", text)


def clean_block(text: str) -> str:
    """Safe multi-line text: line breaks kept (normalised to ``\\n``), tabs become four
    spaces, other control and bidi-override characters are removed."""
    text = _LINE_BREAKS.sub("\n", encodable(text)).replace("\t", "    ")
    return _UNSAFE_BLOCK.sub("", text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def safe_json(document: str) -> str:
    """A JSON document (from ``json.dumps(..., ensure_ascii=False)``) safe to show on a
    terminal, meaning the same data: lone surrogates become U+FFFD, and C1 controls,
    bidirectional-override marks and line separators are written as ``\\uXXXX`` escapes
    (``json.dumps`` already escapes C0 controls such as ESC)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encodable(document))


@lru_cache(maxsize=8192)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0  # combining marks and zero-width format characters
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cell_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK, full-width) characters count 2,
    combining marks and zero-width characters 0, others 1. The one width function of the
    project (renderers, importer and TOML writer alike); ``text`` has no control
    characters (see :func:`clean_line`)."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))
