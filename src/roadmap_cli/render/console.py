"""The consoles output is printed on.

:func:`make_console` gives a :class:`Console` that prints
:class:`~roadmap_cli.render.text.Text` itself, byte for byte as ``rich`` would, without
importing rich: the text commands (``next``, ``list``, ``done`` …) print only lines they
have folded already. Anything else it is asked to print (a rich table, a print that would
need wrapping or cropping) it hands to a rich console made on first need, with the same
settings, writing to the same stream; :func:`make_rich_console` gives one directly.

Colour follows rich's rules: none when stdout is not a terminal (``FORCE_COLOR`` and
``TTY_COMPATIBLE`` say otherwise), none with ``NO_COLOR`` set or ``TERM=dumb``. Width
comes from ``COLUMNS`` or the terminal (80 when neither says). Markup and emoji codes are
off: text from data files is always printed literally.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from typing import IO, TYPE_CHECKING, Any, cast

from roadmap_cli.render.text import Style, StyleType, Text
from roadmap_cli.support.textsafe import cell_width

if TYPE_CHECKING:
    import rich.console

__all__ = ["THEME", "Console", "make_console", "make_rich_console"]

#: The project's named styles (rich style definitions).
THEME: dict[str, str] = {
    "done": "green",
    "in_progress": "yellow",
    "skipped": "bright_black",
    "todo": "default",
    "orphan": "magenta",
    "id": "cyan",
    "muted": "bright_black",
    "heading": "bold",
    "stage": "bold blue",
    "kind": "magenta",
    "url": "blue underline",
    "warning": "yellow",
    "error": "bold red",
    "bar.done": "green",
    "bar.skipped": "bright_black",
}

# SGR codes of the attributes, in the order rich writes them
_ATTRIBUTES = (("bold", "1"), ("dim", "2"), ("italic", "3"), ("underline", "4"))
_LATER = (("reverse", "7"), ("strike", "9"))
_WORDS = {"b": "bold", "d": "dim", "i": "italic", "u": "underline", "s": "strike", "r": "reverse"}
_COLORS = {
    name: str(30 + n if n < 8 else 82 + n)
    for n, name in enumerate(
        [
            "black",
            "red",
            "green",
            "yellow",
            "blue",
            "magenta",
            "cyan",
            "white",
            "bright_black",
            "bright_red",
            "bright_green",
            "bright_yellow",
            "bright_blue",
            "bright_magenta",
            "bright_cyan",
            "bright_white",
        ]
    )
}
_COLORS["default"] = "39"
_LINK_IDS = itertools.count((os.getpid() * 7919) % 16_777_216)

#: A style resolved for printing: attribute names, colour's SGR code, link (or None).
_Resolved = tuple[frozenset[str], str | None, str | None]
_NULL: _Resolved = (frozenset(), None, None)


def _parse(definition: str) -> _Resolved | None:
    """A style definition of attribute and standard colour words, resolved; None for
    anything else (a rich console prints those)."""
    attributes: set[str] = set()
    color: str | None = None
    for word in definition.lower().split():
        word = _WORDS.get(word, word)
        if word in ("bold", "dim", "italic", "underline", "strike", "reverse"):
            attributes.add(word)
        elif word in _COLORS:
            color = _COLORS[word]
        else:
            return None
    return frozenset(attributes), color, None


def _resolve(style: StyleType) -> _Resolved | None:
    """``style`` resolved through :data:`THEME`; None when this module cannot print it."""
    if isinstance(style, Style):
        if style.color is not None and style.color not in _COLORS:
            return None
        names = frozenset(
            name
            for name in ("bold", "dim", "italic", "underline", "strike", "reverse")
            if getattr(style, name)
        )
        return names, _COLORS.get(style.color or ""), style.link
    return _parse(THEME.get(style, style))


def _combine(styles: list[_Resolved]) -> _Resolved:
    """Styles on top of each other: attributes add up, a later colour or link wins."""
    attributes: frozenset[str] = frozenset()
    color = link = None
    for names, code, url in styles:
        attributes |= names
        color = code or color
        link = url or link
    return attributes, color, link


class Console:
    """Prints :class:`Text` on ``file`` as a rich console with the project's theme would.

    ``print(text, soft_wrap=True)`` writes the text's lines as they are; ``print(text)``
    does the same when every line fits :attr:`width`. Other prints (several objects,
    other options, rich renderables, a line that rich would wrap) go to :attr:`rich`.
    """

    def __init__(self, file: IO[str], *, width: int | None = None) -> None:
        self.file = file
        self._rich: rich.console.Console | None = None
        env = os.environ
        columns = env.get("COLUMNS")
        if width is None and columns is not None and columns.isdigit():
            width = int(columns)
        self._width = width
        lines = env.get("LINES")
        self._height = int(lines) if lines is not None and lines.isdigit() else None
        self.is_terminal = _is_terminal(file)
        term = env.get("TERM", "")
        self._dumb = term == "dumb"
        self.is_dumb_terminal = self.is_terminal and term.lower() in ("dumb", "unknown")
        self.no_color = bool(self._dumb or env.get("NO_COLOR"))
        self.color_system: str | None = None
        if not self._dumb and self.is_terminal and not self.is_dumb_terminal:
            color_term = env.get("COLORTERM", "").strip().lower()
            colors = term.strip().lower().rpartition("-")[2]
            if color_term in ("truecolor", "24bit"):
                self.color_system = "truecolor"
            else:
                self.color_system = "256" if colors in ("256color", "kitty") else "standard"
        self._styles: dict[StyleType, _Resolved | None] = {}

    @property
    def width(self) -> int:
        """Columns to print in: the ``width`` given, else ``COLUMNS``, else the terminal's
        (stdin, stdout or stderr), else 80 (80 on a dumb terminal unless both ``COLUMNS``
        and ``LINES`` are set, as rich has it)."""
        if self._width is not None and self._height is not None:
            return self._width
        if self.is_dumb_terminal:
            return 80
        if self._width is not None:
            return self._width
        for descriptor in (0, 1, 2):
            try:
                columns = os.get_terminal_size(descriptor).columns
            except (AttributeError, ValueError, OSError):
                continue
            return columns or 80
        return 80

    @property
    def rich(self) -> rich.console.Console:
        """A rich console with the same settings and stream (made on first use)."""
        if self._rich is None:
            self._rich = _rich_console(self.file, self._width, self._dumb)
        return self._rich

    def print(self, *objects: Any, soft_wrap: bool | None = None, **options: Any) -> None:
        """Print ``objects`` as ``rich.console.Console.print`` would (same arguments)."""
        if not objects and not options:
            self._write("\n")
            return
        item = objects[0] if len(objects) == 1 and not options else None
        if isinstance(item, str):
            item = Text(item)
        if isinstance(item, Text):
            out = self._render(item, soft_wrap=bool(soft_wrap))
            if out is not None:
                self._write(out)
                return
        self.rich.print(*objects, soft_wrap=soft_wrap, **options)

    def _write(self, text: str) -> None:
        self.file.write(text)
        self.file.flush()

    def _render(self, text: Text, *, soft_wrap: bool) -> str | None:
        """``text`` and a newline as rich prints it; None if that needs rich."""
        if "\t" in text.plain or sys.platform == "win32":
            return None  # tabs to expand; Windows consoles have rules of their own
        width = self.width
        out: list[str] = []
        for line in text.lines():
            if not soft_wrap and cell_width(line.plain) > width:
                return None  # rich would wrap it
            if not soft_wrap and len(line) > width and line.plain[-1].isspace():
                line = line.copy()  # lines() may give the text itself: leave it be
                line.rstrip_end(width)  # as rich's wrap does (zero-width characters)
            if self.color_system is None:
                out.append(line.plain)
            else:
                segments = self._segments(line)
                if segments is None:
                    return None
                out.extend(segments)
            out.append("\n")
        return "".join(out)

    def _style(self, style: StyleType) -> _Resolved | None:
        if style not in self._styles:
            self._styles[style] = _resolve(style)
        return self._styles[style]

    def _segments(self, line: Text) -> list[str] | None:
        """One line's runs with their escape codes, split where rich splits them (at
        every span boundary); None if a style is one this module cannot print."""
        text = line.plain
        styles = [line.style, *(span.style for span in line.spans)]
        resolved = [self._style(style) if style else _NULL for style in styles]
        if any(style is None for style in resolved):
            return None
        marks = [(0, False, 0)]
        marks += [(s.start, False, i) for i, s in enumerate(line.spans, 1)]
        marks += [(s.end, True, i) for i, s in enumerate(line.spans, 1)]
        marks.append((len(text), True, 0))
        marks.sort(key=lambda mark: (mark[0], mark[1]))
        stack: list[int] = []
        out: list[str] = []
        for (offset, leaving, index), (next_offset, _, _) in itertools.pairwise(marks):
            if leaving:
                stack.remove(index)
            else:
                stack.append(index)
            if next_offset > offset:
                current = [cast(_Resolved, resolved[i]) for i in sorted(stack)]
                out.append(self._ansi(text[offset:next_offset], _combine(current)))
        return out

    def _ansi(self, text: str, style: _Resolved) -> str:
        attributes, color, link = style
        codes = [code for name, code in _ATTRIBUTES if name in attributes]
        codes += [code for name, code in _LATER if name in attributes]
        if color is not None and not self.no_color:
            codes.append(color)
        rendered = f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes else text
        if link:
            rendered = f"\x1b]8;id={next(_LINK_IDS)};{link}\x1b\\{rendered}\x1b]8;;\x1b\\"
        return rendered


def _is_terminal(file: IO[str]) -> bool:
    """Whether rich would treat ``file`` as a terminal (``TTY_COMPATIBLE``,
    ``FORCE_COLOR``, else ``isatty``)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return bool(file.isatty())
    except ValueError:
        return False


def make_console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A console writing to stdout (or stderr) with the project's theme."""
    return Console(_stream(stderr), width=width)


def make_rich_console(
    *, stderr: bool = False, record: bool = False, width: int | None = None
) -> rich.console.Console:
    """A rich console writing to stdout (or stderr) with the project's theme (imports
    rich). ``record=True`` keeps what is printed for ``export_svg``/``export_html``."""
    return _rich_console(_stream(stderr), width, os.environ.get("TERM") == "dumb", record)


def _stream(stderr: bool) -> IO[str]:
    return cast(IO[str], _RStrip(sys.stderr if stderr else sys.stdout))


def _rich_console(
    file: IO[str], width: int | None, dumb: bool, record: bool = False
) -> rich.console.Console:
    from rich.console import Console as RichConsole
    from rich.theme import Theme

    class _Console(RichConsole):
        """A rich console that leaves a closed pipe (``roadmap list | head``) to the CLI's
        one error handler, which exits quietly with status 0, instead of exiting 1."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return _Console(
        file=file,
        theme=Theme(THEME),
        highlight=False,
        markup=False,
        emoji=False,
        record=record,
        width=width,
        no_color=True if dumb or os.environ.get("NO_COLOR") else None,
        color_system=None if dumb else "auto",
    )


_TRAILING = re.compile(r"[ ]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


class _RStrip:
    """A text stream wrapper that drops the spaces rich pads lines with, so piped or
    copied output has no trailing white space."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        from roadmap_cli.support.streams import ascii_marks

        self._marks = ascii_marks(stream)

    def write(self, text: str) -> int:
        out = _TRAILING.sub(r"\1", text)
        if self._marks is not None:  # a console that cannot show the marks gets ASCII ones
            out = out.translate(self._marks)
        self._stream.write(out)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", "utf-8") or "utf-8"
