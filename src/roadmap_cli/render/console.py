"""The rich consoles used for output.

Colour follows rich's rules: none when stdout is not a terminal, none with ``NO_COLOR``
set or ``TERM=dumb``. Width comes from the terminal or ``COLUMNS`` (80 when piped).
Markup and emoji codes are off: text from data files is always printed literally.
"""

from __future__ import annotations

import os
import re
import sys
from typing import IO, cast

from rich.console import Console
from rich.theme import Theme

__all__ = ["THEME", "make_console"]

THEME = Theme(
    {
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
)


def make_console(
    *, stderr: bool = False, record: bool = False, width: int | None = None
) -> Console:
    """A console writing to stdout (or stderr) with the project's theme.

    ``record=True`` keeps what is printed for ``export_svg``/``export_html``.
    """
    dumb = os.environ.get("TERM") == "dumb"
    return _Console(
        file=cast(IO[str], _RStrip(sys.stderr if stderr else sys.stdout)),
        theme=THEME,
        highlight=False,
        markup=False,
        emoji=False,
        record=record,
        width=width,
        no_color=True if dumb or os.environ.get("NO_COLOR") else None,
        color_system=None if dumb else "auto",
    )


class _Console(Console):
    """A rich console that leaves a closed pipe (``roadmap list | head``) to the CLI's one
    error handler, which exits quietly with status 0, instead of exiting 1 itself."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


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
