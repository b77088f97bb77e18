"""Running a full-screen program in a pseudo-terminal and timing when its screen arrives.

A Textual app draws on stderr (its driver writes to ``sys.__stderr__``), sizes itself from
``COLUMNS``/``LINES`` or the terminal, and on exit restores the terminal with escape
sequences only (bracketed paste, line wrap, mouse and keyboard modes, the alternate
screen, the cursor). So :func:`run_in_terminal` gives the program a terminal on stdin,
stdout *and* stderr, as a learner's terminal emulator does, drops ``COLUMNS``/``LINES``,
and timestamps every chunk of output as it arrives. The screen was complete when the last
chunk carrying text (anything but escape sequences and line ends) arrived: that is the
time to the first screen, without the program's shutdown (Textual's input thread waits up
to 0.1 s in ``select()`` twice before the terminal is restored).

Nothing here imports ``roadmap_cli``.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Mapping, Sequence

from _util import Run

__all__ = ["SIZE", "last_text_offset", "run_in_terminal"]

#: The terminal's size: columns, rows (the issue's smallest snapshot size).
SIZE = (80, 24)

# An escape sequence: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/APC/PM
# strings, or a two-byte ESC sequence. Everything else that is not a line end is text.
_ESCAPE = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[ -~]"
)


def last_text_offset(data: bytes) -> int:
    """The offset just past the last byte of text in ``data`` (terminal output), where
    text is anything outside escape sequences other than CR and LF; 0 when there is none.

    >>> last_text_offset(b"\\x1b[2;5Hhi\\x1b[0m\\r\\n\\x1b[?1049l")
    8
    """
    last = 0
    position = 0
    for match in _ESCAPE.finditer(data):
        if data[position : match.start()].strip(b"\r\n"):
            last = position + len(data[position : match.start()].rstrip(b"\r\n"))
        position = match.end()
    if data[position:].strip(b"\r\n"):
        last = position + len(data[position:].rstrip(b"\r\n"))
    return last


def run_in_terminal(argv: Sequence[str], env: Mapping[str, str]) -> Run:
    """Run ``argv`` with stdin, stdout and stderr on a pseudo-terminal of :data:`SIZE`
    (``TERM=xterm-256color``) until it exits, reading its output as a terminal would.

    Returns a :class:`~_util.Run` whose ``seconds`` is the time from process creation to
    the arrival of the last text the program drew (its screen as last drawn before it
    exited), ``exit_seconds`` the time to its exit, and ``stderr`` everything it wrote to
    the terminal (``stdout`` is empty: the two are one stream on a terminal).
    """
    columns, rows = SIZE
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    chunks: list[tuple[float, bytes]] = []

    def drain() -> None:
        try:
            while chunk := os.read(master, 65536):
                chunks.append((time.perf_counter(), chunk))
        except OSError:  # EIO once the child and every copy of the slave are gone
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    child_env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
    child_env["TERM"] = "xterm-256color"
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, env=child_env, close_fds=True
    )
    os.close(slave)
    _, status, usage = os.wait4(proc.pid, 0)
    exit_seconds = time.perf_counter() - start
    reader.join(timeout=5)
    os.close(master)
    proc.returncode = os.waitstatus_to_exitcode(status)
    output = b"".join(chunk for _, chunk in chunks)
    drawn = last_text_offset(output)
    seconds, offset = exit_seconds, 0
    for arrived, chunk in chunks:
        offset += len(chunk)
        if offset >= drawn:
            seconds = arrived - start
            break
    factor = 1024 if sys.platform != "darwin" else 1  # ru_maxrss: KiB on Linux
    return Run(
        seconds,
        usage.ru_maxrss * factor / 2**20,
        proc.returncode,
        b"",
        output,
        usage.ru_utime + usage.ru_stime,
        exit_seconds=exit_seconds,
    )
