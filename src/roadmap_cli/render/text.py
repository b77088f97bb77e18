"""Styled text without rich: what the text renderers build and
:class:`~roadmap_cli.render.console.Console` prints.

Importing rich costs more than the rest of ``roadmap next`` together (about 30 ms of a
~110 ms run on a 2-core machine), so the renderers build :class:`Text`, a small class
with the part of ``rich.text.Text``'s interface they use and the same meaning: a string,
a base style, and :class:`Span` runs of further styles over parts of it. A style is a
theme name (``"id"``, ``"muted"``), a rich style definition made of attribute and colour
words (``"bold blue"``), or a :class:`Style`.

Where rich is needed after all (a table in ``report``, the terminal UI, a print this
module's console does not handle itself) :meth:`Text.__rich__` gives the same text as a
``rich.text.Text``, importing rich then and only then.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from roadmap_cli.support.textsafe import cell_width

if TYPE_CHECKING:
    import rich.style
    import rich.text

__all__ = ["Span", "Style", "StyleType", "Text"]


class Style(NamedTuple):
    """A style given as attributes rather than words: ``Style(bold=True, link=url)``.

    ``color`` is a colour name of the 16 standard ones (``"blue"``, ``"bright_black"``) or
    ``"default"``; ``link`` a URL the terminal may show as a hyperlink."""

    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    reverse: bool = False
    color: str | None = None
    link: str | None = None

    def to_rich(self) -> rich.style.Style:
        """The same style as a ``rich.style.Style`` (imports rich)."""
        from rich.style import Style as RichStyle

        return RichStyle(
            bold=self.bold or None,
            dim=self.dim or None,
            italic=self.italic or None,
            underline=self.underline or None,
            strike=self.strike or None,
            reverse=self.reverse or None,
            color=self.color,
            link=self.link,
        )


#: A style as the renderers give it: a theme name or style definition, or a Style.
StyleType = str | Style


class Span(NamedTuple):
    """``style`` over ``[start, end)`` of a text (offsets in characters)."""

    start: int
    end: int
    style: StyleType

    def move(self, offset: int) -> Span:
        """This span ``offset`` characters further on."""
        return Span(self.start + offset, self.end + offset, self.style)


# rich drops these from text it is given (bell, backspace, vertical tab, form feed, CR)
_CONTROL = {7: None, 8: None, 11: None, 12: None, 13: None}
_TRAILING_SPACE = re.compile(r"\s+$")


def _strip_control(text: str) -> str:
    return text.translate(_CONTROL) if not text.isprintable() else text


class Text:
    """A string with styles: ``Text("3/9", style="muted")``, then ``append``,
    ``append_text``, ``Text.assemble``, ``join``, ``divide`` and slicing, as with
    ``rich.text.Text`` (same arguments, same results).

    ``plain`` is the string (settable: the spans are cut to fit), ``style`` the base
    style of the whole, ``spans`` the styled runs in the order they were added (a later
    one wins where two set the same thing), ``cell_len`` the width in terminal cells
    (:func:`~roadmap_cli.support.textsafe.cell_width`)."""

    __slots__ = ("_length", "_spans", "_text", "end", "style")

    def __init__(
        self,
        text: str = "",
        style: StyleType = "",
        *,
        end: str = "\n",
        spans: list[Span] | None = None,
    ) -> None:
        text = _strip_control(text)
        self._text = [text]
        self._length = len(text)
        self.style: StyleType = style
        self.end = end
        self._spans: list[Span] = spans or []

    def __len__(self) -> int:
        return self._length

    def __bool__(self) -> bool:
        return bool(self._length)

    def __str__(self) -> str:
        return self.plain

    def __repr__(self) -> str:
        return f"<text {self.plain!r} {self._spans!r}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self.plain == other.plain and self._spans == other._spans

    __hash__ = None  # type: ignore[assignment]  # mutable, as rich's

    def __add__(self, other: object) -> Text:
        if isinstance(other, str | Text):
            result = self.copy()
            result.append(other)
            return result
        return NotImplemented

    def __getitem__(self, index: slice) -> Text:
        start, stop, step = index.indices(self._length)
        if step != 1:
            raise TypeError("slices with a step are not supported")
        return self.divide([start, stop])[1]

    @property
    def plain(self) -> str:
        """The text without styles."""
        if len(self._text) != 1:
            self._text[:] = ["".join(self._text)]
        return self._text[0]

    @plain.setter
    def plain(self, new_text: str) -> None:
        if new_text != self.plain:
            text = _strip_control(new_text)
            self._text[:] = [text]
            old_length, self._length = self._length, len(text)
            if old_length > self._length:
                self._spans[:] = [
                    Span(start, min(self._length, end), style)
                    for start, end, style in self._spans
                    if start < self._length
                ]

    @property
    def spans(self) -> list[Span]:
        """The styled runs, in the order they were added."""
        return self._spans

    @property
    def cell_len(self) -> int:
        """Width in terminal cells (a newline counts none)."""
        plain = self.plain
        return cell_width(plain.replace("\n", "") if "\n" in plain else plain)

    def copy(self) -> Text:
        """A copy (the spans list is new)."""
        return Text(self.plain, self.style, end=self.end, spans=self._spans[:])

    def blank_copy(self, plain: str = "") -> Text:
        """A text with this one's base style and ``end`` but ``plain`` and no spans."""
        return Text(plain, self.style, end=self.end)

    @classmethod
    def assemble(cls, *parts: str | Text | tuple[str, StyleType], style: StyleType = "") -> Text:
        """A text of ``parts`` in order: plain strings, texts, or ``(string, style)``."""
        text = cls(style=style)
        for part in parts:
            if isinstance(part, str | Text):
                text.append(part)
            else:
                text.append(*part)
        return text

    def append(self, text: str | Text, style: StyleType | None = None) -> Text:
        """Add ``text`` at the end, a string in ``style`` (a Text keeps its own styles).

        Raises:
            ValueError: ``style`` given with a Text.
        """
        if not len(text):
            return self
        offset = self._length
        if isinstance(text, str):
            text = _strip_control(text)
            self._text.append(text)
            if style:
                self._spans.append(Span(offset, offset + len(text), style))
            self._length += len(text)
            return self
        if style is not None:
            raise ValueError("style must not be set when appending Text instance")
        return self.append_text(text)

    def append_text(self, text: Text) -> Text:
        """Add ``text`` (with its styles) at the end (an empty one adds its empty spans,
        as rich's does)."""
        offset = self._length
        if text.style:
            self._spans.append(Span(offset, offset + len(text), text.style))
        self._spans.extend(span.move(offset) for span in text._spans)
        self._text.append(text.plain)
        self._length += len(text)
        return self

    def join(self, lines: Iterable[Text]) -> Text:
        """``lines`` with this text between each two (``Text("\\n").join(lines)``)."""
        out = self.blank_copy()
        pieces: list[Text] = []
        for line in lines:
            if pieces and self.plain:
                pieces.append(self)
            pieces.append(line)
        offset = 0
        for piece in pieces:
            out._text.append(piece.plain)
            if piece.style:
                out._spans.append(Span(offset, offset + len(piece), piece.style))
            out._spans.extend(span.move(offset) for span in piece._spans)
            offset += len(piece)
        out._length = offset
        return out

    def divide(self, offsets: Iterable[int]) -> list[Text]:
        """The pieces between ``offsets`` (ascending character offsets): one more piece
        than offsets, each with this text's base style and its share of the spans."""
        cuts = list(offsets)
        if not cuts:
            return [self.copy()]
        text = self.plain
        bounds = [0, *cuts, len(text)]
        ranges = list(itertools.pairwise(bounds))
        pieces = [Text(text[a:b], self.style, end=self.end) for a, b in ranges]
        if not self._spans:
            return pieces
        starts = [a for a, _b in ranges]
        for span in self._spans:
            first = max(0, bisect_right(starts, span.start) - 1)
            for number in range(first, len(ranges)):
                line_start, line_end = ranges[number]
                if line_start >= span.end:
                    break
                new_start = max(0, span.start - line_start)
                new_end = min(span.end - line_start, line_end - line_start)
                if new_end > new_start:
                    pieces[number]._spans.append(Span(new_start, new_end, span.style))
        return pieces

    def right_crop(self, amount: int = 1) -> None:
        """Remove ``amount`` characters from the end."""
        max_offset = len(self.plain) - amount
        self._spans[:] = [
            span
            if span.end < max_offset
            else Span(span.start, min(max_offset, span.end), span.style)
            for span in self._spans
            if span.start < max_offset
        ]
        self._text = [self.plain[:-amount]]
        self._length -= amount

    def rstrip(self) -> None:
        """Remove white space from the end."""
        self.plain = self.plain.rstrip()

    def rstrip_end(self, size: int) -> None:
        """Remove white space from the end beyond ``size`` characters."""
        excess = self._length - size
        if excess > 0:
            match = _TRAILING_SPACE.search(self.plain)
            if match is not None:
                self.right_crop(min(len(match.group(0)), excess))

    def highlight_words(
        self, words: Iterable[str], style: StyleType, *, case_sensitive: bool = True
    ) -> int:
        """Put ``style`` on every occurrence of each of ``words``; returns how many."""
        pattern = "|".join(re.escape(word) for word in words)
        count = 0
        for match in re.finditer(pattern, self.plain, flags=0 if case_sensitive else re.I):
            self._spans.append(Span(*match.span(0), style))
            count += 1
        return count

    def lines(self) -> Iterator[Text]:
        """The text's lines (split at newlines, which are left out), with their styles."""
        text = self.plain
        if "\n" not in text:
            yield self
            return
        cuts: list[int] = []
        for match in re.finditer("\n", text):
            cuts += [match.start(), match.end()]
        yield from self.divide(cuts)[::2]

    def __rich__(self) -> rich.text.Text:
        """The same text as a ``rich.text.Text`` (imports rich)."""
        from rich.text import Span as RichSpan
        from rich.text import Text as RichText

        def convert(style: StyleType) -> str | rich.style.Style:
            return style.to_rich() if isinstance(style, Style) else style

        return RichText(
            self.plain,
            style=convert(self.style),
            end=self.end,
            spans=[RichSpan(start, end, convert(style)) for start, end, style in self._spans],
        )
