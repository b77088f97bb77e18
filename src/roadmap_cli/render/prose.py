"""Line breaking that suits Chinese: break between any two CJK characters, and between
words elsewhere, measuring width in terminal cells.

Rich breaks lines only at white space, so a Chinese paragraph (which has none) is one
long "word" that it chops at the right margin, leaving fragments such as "fr" / "om". The
functions here fold text themselves:

- a break may fall at white space (which is dropped) or between two CJK characters, or
  between a CJK character and a Latin word;
- closing punctuation (``、，。）」`` …) never starts a line and opening brackets or quotes
  (``（「《`` …) never end one: they stay with their neighbour;
- a Latin word is never cut unless it alone is wider than the line (and with
  ``split_long=False`` never at all: it runs past the edge, as a URL or path must);
- a no-break space (U+00A0) joins what it separates, and prints as a plain space.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from roadmap_cli.render.console import Console
from roadmap_cli.render.text import Text
from roadmap_cli.support.textsafe import cell_width

__all__ = [
    "NBSP",
    "fold_indented",
    "fold_lines",
    "fold_ranges",
    "fold_text",
    "hang",
    "say",
    "whole",
]

#: Joins two words that must stay on one line (printed as a plain space).
NBSP = "\u00a0"

#: The CJK blocks a line may break inside (between any two characters), as
#: ``[first, last + 1)`` bounds in one sorted list: a character is in a block when
#: ``bisect_right`` puts its code point at an odd index. (A regular expression with these
#: ranges as a class costs 3 ms to compile at every start.)
_WIDE = (
    0x1100, 0x1160, 0x2E80, 0x303F, 0x3041, 0x4DC0, 0x4E00, 0xA000, 0xA960, 0xA980,
    0xAC00, 0xD7A4, 0xF900, 0xFB00, 0xFE30, 0xFE50, 0xFF00, 0xFF61, 0xFFE0, 0xFFE7,
)  # fmt: skip
# runs of non-space characters; no-break spaces join, and the ideographic space (a CJK
# character) stands alone as the others do
_RUNS = re.compile("(?:\\S|[\u00a0\u3000])+")


def _tokens(paragraph: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each CJK character and each run of other non-space characters
    (no-break spaces included) in ``paragraph``."""
    ascii_only = paragraph.isascii()  # once: per token it would read the paragraph again
    for match in _RUNS.finditer(paragraph):
        start, end = match.span()
        if ascii_only or match.group().isascii():
            yield start, end
            continue
        run = start
        for index in range(start, end):
            if bisect_right(_WIDE, ord(paragraph[index])) % 2:
                if run < index:
                    yield run, index
                yield index, index + 1
                run = index + 1
        if run < end:
            yield run, end


#: Punctuation that must not begin a line (it stays with the character before it).
NO_LINE_START = frozenset("、，。；：！？）」』》〉】)]}”’,.;:!?%")
#: Brackets and quotes that must not end a line (they stay with the character after them).
NO_LINE_END = frozenset("（「『《〈【([{“‘")


def _units(paragraph: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, space_before)`` of the pieces no line break may fall inside."""
    start = end = -1
    for token_start, token_end in _tokens(paragraph):
        glued = (
            start >= 0
            and token_start == end
            and (paragraph[token_start] in NO_LINE_START or paragraph[end - 1] in NO_LINE_END)
        )
        if glued:
            end = token_end
            continue
        if start >= 0:
            yield start, end, start > 0 and paragraph[start - 1].isspace()
        start, end = token_start, token_end
    if start >= 0:
        yield start, end, start > 0 and paragraph[start - 1].isspace()


def _cut(text: str, start: int, end: int, width: int) -> int:
    """Where to cut ``text[start:end]`` so the first piece is at most ``width`` cells wide
    (at least one character)."""
    cells = 0
    for i in range(start, end):
        cells += cell_width(text[i])
        if i > start and cells > width:
            return i
    return end


def fold_ranges(
    text: str, width: int, *, first: int | None = None, split_long: bool = True
) -> list[tuple[int, int]]:
    """Where ``text`` breaks into lines at most ``width`` cells wide (``first``: the first
    line's width, if different), as ``(start, end)`` offsets into ``text``, one per line.

    Explicit newlines are kept; the white space at a break is left out of both lines. A
    paragraph's indentation is kept on its first line when narrower than half the line.
    A piece wider than its line is cut by characters, or with ``split_long=False`` is left
    whole on a line of its own, wider than ``width``.
    """
    width = max(1, width)
    room = max(1, width if first is None else first)
    out: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        line: list[int] = []  # [start, end] of the current line, offsets in paragraph
        cells = 0
        indent = len(paragraph) - len(paragraph.lstrip())
        if 0 < indent < len(paragraph) and cell_width(paragraph[:indent]) < room // 2:
            line, cells = [0, indent], cell_width(paragraph[:indent])  # an indented paragraph
        for start, end, space in _units(paragraph):
            w = cell_width(paragraph[start:end])
            gap = cell_width(paragraph[line[1] : start]) if line and space else 0
            if line and cells + gap + w <= room:
                line[1], cells = end, cells + gap + w
                continue
            if line and not paragraph[line[0] : line[1]].isspace():
                out.append((offset + line[0], offset + line[1]))
                room = width
            while w > room and split_long:
                cut = _cut(paragraph, start, end, room)
                if cut == end:
                    break
                out.append((offset + start, offset + cut))
                w -= cell_width(paragraph[start:cut])  # not measured again: linear time
                start, room = cut, width
            line, cells = [start, end], w
        out.append((offset + line[0], offset + line[1]) if line else (offset, offset))
        room = width
        offset += len(paragraph) + 1
    return out


def fold_lines(text: str, width: int, *, split_long: bool = True) -> list[str]:
    """Break ``text`` into lines at most ``width`` cells wide (explicit newlines kept),
    by the rules of this module; no-break spaces come back as plain spaces."""
    return [
        text[a:b].replace(NBSP, " ") for a, b in fold_ranges(text, width, split_long=split_long)
    ]


def fold_text(
    text: Text, width: int, *, first: int | None = None, split_long: bool = True
) -> list[Text]:
    """:func:`fold_lines` for styled text: the lines keep their styles and links."""
    plain = text.plain
    ranges = fold_ranges(plain, width, first=first, split_long=split_long)
    # one divide at every boundary (linear), not a slice per line (each copies the text)
    cuts = sorted({x for r in ranges for x in r} - {0, len(plain)})
    pieces = dict(zip([0, *cuts], text.divide(cuts), strict=True))
    lines = []
    for a, b in ranges:
        line = pieces[a] if b > a else Text("", style=text.style)
        if NBSP in line.plain:
            line.plain = line.plain.replace(NBSP, " ")
        lines.append(line)
    return lines


def hang(
    head: Text | str,
    body: Text | str,
    width: int,
    *,
    indent: int | None = None,
    split_long: bool = True,
) -> Text:
    """``head`` then ``body`` folded to ``width`` cells, every line after the first
    indented by ``indent`` cells (default: the width of ``head``), so a long title or
    note stays in its own column. Returns one Text (lines joined by newlines)."""
    out = Text()
    out.append_text(Text(head) if isinstance(head, str) else head)
    body = Text(body) if isinstance(body, str) else body
    indent = out.cell_len if indent is None else indent
    room = max(10, width - indent)
    first = max(1, width - out.cell_len) if out.cell_len < width else room
    lines = fold_text(body, room, first=first, split_long=split_long)
    pad = " " * indent
    for i, line in enumerate(lines):
        if i:
            out.append("\n" + pad if line.plain else "\n")
        out.append_text(line)
    return out


def fold_indented(
    line: Text | str, width: int, *, indent: int | None = None, split_long: bool = True
) -> Text:
    """``line`` folded to ``width`` cells, its leading spaces kept and every further line
    indented by ``indent`` cells (default: as many as ``line`` starts with)."""
    line = Text(line) if isinstance(line, str) else line
    lead = len(line.plain) - len(line.plain.lstrip(" "))
    return hang(line[:lead], line[lead:], width, indent=indent, split_long=split_long)


def say(console: Console, *lines: Text | str, split_long: bool = False) -> None:
    """Print each of ``lines`` folded to the console's width (continuation lines indented
    like the line) and then left alone: a word wider than the console (a path, a URL)
    runs on past the edge unless ``split_long``, for the terminal to wrap softly."""
    for line in lines:
        folded = fold_indented(line, console.width, split_long=split_long)
        console.print(folded, soft_wrap=True)


def whole(text: str) -> str:
    """``text`` (a path, a command) with its spaces made no-break: it is never folded."""
    return text.replace(" ", NBSP)
