"""Make text from a roadmap file or a note safe to print.

Titles, notes and URLs come from files a user may not have written. Before they reach a
terminal, control characters (ANSI and OSC escape sequences start with one), C1 controls
and bidirectional-override marks are removed, so text prints literally and cannot move the
cursor, change colours, set window titles or reorder what is shown. Rich markup is never
interpreted in such text: renderers wrap it in ``rich.text.Text``, which takes no markup.
"""

from __future__ import annotations

import re

__all__ = ["clean_block", "clean_line"]

# C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidirectional
# embedding/override/isolate controls plus the Arabic letter mark.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_BLOCK = re.compile(f"[{_UNSAFE}]")
_UNSAFE_LINE = re.compile(f"[{_UNSAFE}]|[\t\n]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029")


def clean_line(text: str) -> str:
    """One line of safe text: line breaks and tabs become spaces, other control and
    bidi-override characters are removed."""
    text = _LINE_BREAKS.sub(" ", text)
    return _UNSAFE_LINE.sub(lambda m: " " if m.group() in "\t\n" else "", text)


def clean_block(text: str) -> str:
    """Safe multi-line text: line breaks kept (normalised to ``\\n``), tabs become four
    spaces, other control and bidi-override characters are removed."""
    text = _LINE_BREAKS.sub("\n", text).replace("\t", "    ")
    return _UNSAFE_BLOCK.sub("", text)
