"""The one error funnel: every error of a ``roadmap`` command becomes a message, a hint
and an exit status (:class:`~roadmap_cli.errors.ExitStatus`) here, never a traceback.

:class:`RoadmapGroup` is the top-level typer group; ``ROADMAP_DEBUG=1`` re-raises
unexpected errors so their traceback shows.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from typer._click import exceptions as click_exceptions  # typer >= 0.29 vendors click
from typer.core import TyperGroup

from roadmap_cli.errors import ExitStatus, RoadmapError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line

__all__ = ["RoadmapGroup", "say_error", "say_notice"]


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


class RoadmapGroup(TyperGroup):
    """The top-level command group: turns every error into at most a few lines on stderr
    and an exit status, never a traceback (``ROADMAP_DEBUG=1`` re-raises)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        from roadmap_cli.cli.fastparams import install
        from roadmap_cli.cli.localize import (
            localize_command,
            localize_typer_strings,
            preread_language,
            wants_help,
        )
        from roadmap_cli.support.i18n import get_language, set_language
        from roadmap_cli.support.streams import make_streams_safe

        make_streams_safe()  # a cp1252 or gbk console never crashes a command
        _install_wait_notice()
        install(self)  # plain option values without pydantic: faster start-up and completion
        argv = sys.argv[1:] if args is None else list(args)
        set_language(preread_language(argv))  # before any help or message is rendered
        if get_language() != "en" and wants_help(argv, self):
            import typer.rich_utils  # noqa: F401  (typer imports it to render help anyway)
        localize_typer_strings()
        localize_command(self, self.context_settings.get("help_option_names", ["--help"]))
        code = _run(self, args, prog_name or "roadmap", complete_var, extra)
        _warn_zone()
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a closed stdout (``roadmap list | head``) ends it quietly with
        status 0 here, before typer would turn it into status 1."""
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(ExitStatus.SUCCESS) from None


def _install_wait_notice() -> None:
    """Have the store say once on stderr when a write waits for another command's lock."""
    from roadmap_cli.support import notices

    def notice(lock: Path) -> None:
        with contextlib.suppress(OSError, ValueError):
            waiting = _("waiting for another roadmap command to finish (it holds {lock})...")
            sys.stderr.write(f"roadmap: {waiting.format(lock=clean_line(str(lock)))}\n")
            sys.stderr.flush()

    notices.WAIT_NOTICE = notice


def _warn_zone() -> None:
    """Say on stderr, once, that ``TZ`` named no time zone (UTC was used), if the command
    looked at the time zone."""
    zones = sys.modules.get("roadmap_cli.support.zones")
    problem = zones.zone_problem() if zones is not None else None
    if problem:
        with contextlib.suppress(OSError, ValueError):
            warning = _("warning:")
            sys.stderr.write(f"roadmap: {warning} {problem}\n")
            sys.stderr.flush()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush into a closed pipe
    neither fails nor prints."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(
    group: RoadmapGroup,
    args: Sequence[str] | None,
    prog_name: str,
    complete_var: str | None,
    extra: dict[str, Any],
) -> int:
    try:
        result = TyperGroup.main(
            group, args, prog_name, complete_var, standalone_mode=False, **extra
        )
        sys.stdout.flush()  # here, so a closed pipe is met by the handler below
    except click_exceptions.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        return ExitStatus.SUCCESS
    except click_exceptions.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else prog_name
        from roadmap_cli.cli.localize import translate_click_message

        message = translate_click_message(exc.format_message().replace("Value error, ", ""))
        say_error(message, _("see '{command}'").format(command=f"{command} --help"))
        return ExitStatus.USAGE
    except click_exceptions.ClickException as exc:
        from roadmap_cli.cli.localize import translate_click_message

        say_error(translate_click_message(exc.format_message()))
        return exc.exit_code
    except typer.Abort:
        say_error(_("aborted"))
        return ExitStatus.ERROR
    except RoadmapError as exc:
        say_error(exc.message, exc.hint, exc.details)
        return int(exc.exit_status)
    except KeyboardInterrupt:
        say_error(_("interrupted (a change is saved whole or not at all)"))
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`roadmap list | head`): what it wanted was printed
        _silence_stdout()
        return ExitStatus.SUCCESS
    except Exception as exc:
        if os.environ.get("ROADMAP_DEBUG"):
            raise
        say_error(
            _("internal error: {error}").format(error=f"{type(exc).__name__}: {exc}"),
            _("this is a bug in roadmap; run again with ROADMAP_DEBUG=1 for the traceback"),
        )
        return ExitStatus.ERROR
    return int(result) if isinstance(result, int) else ExitStatus.SUCCESS
