"""The typer-free half of the error funnel: how an error of any run is written on stderr,
and the guard every run goes through, whether typer parsed its arguments
(:mod:`roadmap_cli.cli.funnel`) or the fast path did (:mod:`roadmap_cli.cli.fastpath`).

Importing this module imports neither typer nor rich.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from roadmap_cli.errors import ExitStatus, RoadmapError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line

__all__ = [
    "MAX_ERROR_LINE",
    "guarded",
    "install_wait_notice",
    "open_closed_streams",
    "say_error",
    "say_interrupted",
    "say_notice",
    "silence_stdout",
    "warn_zone",
]


def say_error(message: str, hint: str | None = None, details: Sequence[str] = ()) -> None:
    """Write an error on stderr: ``roadmap: error: …``, the details, then ``hint: …``."""
    color = (
        sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )
    red, dim, reset = ("\x1b[31m", "\x1b[2m", "\x1b[0m") if color else ("", "", "")
    error, hint_label = _("error:"), _("hint:")
    lines = [f"{red}roadmap: {error}{reset} {_cut(clean_line(message))}"]
    lines += [f"  {_cut(clean_line(d))}" for d in details[:50]]
    if len(details) > 50:
        lines.append("  " + _("... and {n} more").format(n=len(details) - 50))
    if hint:
        lines.append(f"{dim}{hint_label}{reset} {_cut(clean_line(hint))}")
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()


#: The longest error line written in full; a longer one (an argument of 130 KB echoed
#: back) is cut in the middle.
MAX_ERROR_LINE = 400


def _cut(line: str) -> str:
    """``line``, its middle replaced by "…(N characters)…" when longer than
    :data:`MAX_ERROR_LINE` characters."""
    if len(line) <= MAX_ERROR_LINE:
        return line
    keep = MAX_ERROR_LINE // 2
    return f"{line[:keep]}…({len(line) - 2 * keep:,} characters)…{line[-keep:]}"


def say_notice(line: str) -> None:
    """Write one line about something done on the side on stderr: ``roadmap: …``."""
    sys.stderr.write(f"roadmap: {clean_line(line)}\n")
    sys.stderr.flush()


def say_interrupted() -> None:
    """Say on stderr that Ctrl-C ended the command (exit status 130), and whether a change
    had been saved by then (:data:`roadmap_cli.support.notices.SAVED`)."""
    from roadmap_cli.support import notices

    if notices.SAVED:
        say_error(
            _("interrupted after the change was saved"),
            _("'roadmap history' shows it; 'roadmap undo' takes it back"),
        )
    else:
        say_error(_("interrupted (a change is saved whole or not at all)"))


def install_wait_notice() -> None:
    """Have the store say once on stderr when a write waits for another command's lock."""
    from roadmap_cli.support import notices

    def notice(lock: Path) -> None:
        with contextlib.suppress(OSError, ValueError):
            waiting = _("waiting for another roadmap command to finish (it holds {lock})...")
            sys.stderr.write(f"roadmap: {waiting.format(lock=clean_line(str(lock)))}\n")
            sys.stderr.flush()

    notices.WAIT_NOTICE = notice


def warn_zone() -> None:
    """Say on stderr, once, that ``TZ`` named no time zone (UTC was used), if the command
    looked at the time zone."""
    zones = sys.modules.get("roadmap_cli.support.zones")
    problem = zones.zone_problem() if zones is not None else None
    if problem:
        with contextlib.suppress(OSError, ValueError):
            warning = _("warning:")
            sys.stderr.write(f"roadmap: {warning} {problem}\n")
            sys.stderr.flush()


def silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush into a closed pipe
    neither fails nor prints."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def open_closed_streams() -> None:
    """Give a process started with a closed stdout or stderr (``roadmap next >&-``) a
    stream to /dev/null instead, so writing to it is not an error."""
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


#: Errors of a write that failed for want of room or a device that failed.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", -1)})


def _output_failed(exc: OSError) -> bool:
    """Whether ``exc`` is writing the output (stdout) failing: an OSError of
    :data:`_OUTPUT_ERRNOS` raised in a ``write`` or ``flush`` of a stream, or while
    printing (the progress and cache files have their own errors, never this one)."""
    if exc.errno not in _OUTPUT_ERRNOS:
        return False
    names = set()
    trace = exc.__traceback__
    while trace is not None:
        names.add(trace.tb_frame.f_code.co_name)
        trace = trace.tb_next
    return bool(names & {"write", "flush", "print", "echo", "emit_json"})


def guarded(body: Callable[[], int]) -> int:
    """Run ``body`` and return its exit status, or the status of the error it raised
    after writing that error on stderr: a :class:`RoadmapError` (its message, hint and
    status), Ctrl-C (130), a closed stdout (``roadmap list | head``: what was wanted was
    printed, 0), stdout on a full or failing device (1), anything else (an internal error,
    1; ``ROADMAP_DEBUG=1`` re-raises it)."""
    try:
        return body()
    except RoadmapError as exc:
        say_error(exc.message, exc.hint, exc.details)
        return int(exc.exit_status)
    except KeyboardInterrupt:
        say_interrupted()
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return ExitStatus.SUCCESS
    except Exception as exc:
        if os.environ.get("ROADMAP_DEBUG"):
            raise
        if isinstance(exc, OSError) and _output_failed(exc):  # next > /dev/full: no bug
            silence_stdout()
            say_error(
                _("cannot write the output ({reason})").format(
                    reason=clean_line(str(exc.strerror))
                ),
                _(
                    "the disk or device the output goes to is full or failing; free space, or "
                    "send the output elsewhere"
                ),
            )
            return ExitStatus.ERROR
        say_error(
            _("internal error: {error}").format(error=f"{type(exc).__name__}: {exc}"),
            _("this is a bug in roadmap; run again with ROADMAP_DEBUG=1 for the traceback"),
        )
        return ExitStatus.ERROR
