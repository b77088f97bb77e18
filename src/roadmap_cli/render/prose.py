"""Line breaking that suits Chinese: break between any two CJK characters, and between
words elsewhere, measuring width in terminal cells.

Rich breaks lines only at white space, so a Chinese paragraph (which has none) is one
long "word" that it chops at the right margin, leaving fragments such as "fr" / "om". The
:class:`Prose` renderable folds text itself and never cuts a Latin word unless the word
alone is wider than the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import StyleType
from rich.text import Text

__all__ = ["Prose", "fold_lines"]

_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_TOKENS = re.compile(f"[{_WIDE}]|[^\\s{_WIDE}]+|\\s+")
# Punctuation that must not begin a line (it stays with the character before it).
_NO_LINE_START = set("，。、；：！？）」』》〉】,.;:!?)]}%")


def _fold_word(word: str, width: int) -> Iterator[str]:
    piece = ""
    for ch in word:
        if piece and cell_len(piece + ch) > width:
            yield piece
            piece = ""
        piece += ch
    if piece:
        yield piece


def fold_lines(text: str, width: int) -> list[str]:
    """Break ``text`` into lines at most ``width`` cells wide (explicit newlines kept).

    CJK characters may break anywhere except before closing punctuation; other text breaks
    at spaces; a single word wider than ``width`` is folded by characters.
    """
    width = max(1, width)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKENS.findall(paragraph):
            if token.isspace():
                if line and cell_len(line) + cell_len(token) <= width:
                    line += token
                elif line:
                    out.append(line.rstrip())
                    line = ""
                continue
            if cell_len(line) + cell_len(token) <= width:
                line += token
                continue
            if token[0] in _NO_LINE_START and len(token) == 1 and line:
                # keep the mark with the previous character: move that character down
                carry = line[-1]
                out.append(line[:-1].rstrip())
                line = carry + token
                continue
            if line.strip():
                out.append(line.rstrip())
            line = ""
            if cell_len(token) > width:
                *full, line = list(_fold_word(token, width))
                out.extend(full)
            else:
                line = token
        out.append(line.rstrip())
    return out


class Prose:
    """A paragraph (or several) that folds at CJK characters as well as spaces."""

    def __init__(self, text: str, style: StyleType = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in fold_lines(self.text, options.max_width):
            yield Text(line, style=self.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.split("\n")
        widest = max((cell_len(line) for line in lines), default=0)
        return Measurement(min(widest, 8), widest)
