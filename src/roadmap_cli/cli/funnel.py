"""The one error funnel: every error of a ``roadmap`` command becomes a message, a hint
and an exit status (:class:`~roadmap_cli.errors.ExitStatus`) here, never a traceback.

:class:`RoadmapGroup` is the top-level typer group; ``ROADMAP_DEBUG=1`` re-raises
unexpected errors so their traceback shows. How an error is written, and what becomes of
errors that are not click's, is :mod:`roadmap_cli.cli.guard` (shared with the fast path).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click import exceptions as click_exceptions  # typer >= 0.29 vendors click
from typer.core import TyperGroup

from roadmap_cli.cli.guard import (
    guarded,
    install_wait_notice,
    say_error,
    say_interrupted,
    say_notice,
    silence_stdout,
    warn_zone,
)
from roadmap_cli.errors import ExitStatus
from roadmap_cli.support.i18n import _

__all__ = ["RoadmapGroup", "say_error", "say_notice"]


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
        from roadmap_cli.support.i18n import set_language
        from roadmap_cli.support.streams import make_streams_safe

        make_streams_safe()  # a cp1252 or gbk console never crashes a command
        install_wait_notice()
        install(self)  # plain option values without pydantic: faster start-up and completion
        argv = sys.argv[1:] if args is None else list(args)
        set_language(preread_language(argv))  # before any help or message is rendered
        if wants_help(argv, self):
            import typer.rich_utils  # noqa: F401  (typer imports it to render help anyway)
        localize_typer_strings()
        localize_command(self, self.context_settings.get("help_option_names", ["--help"]))
        code = _run(self, args, prog_name or "roadmap", complete_var, extra)
        warn_zone()
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        """Run the command; a closed stdout (``roadmap list | head``) ends it quietly with
        status 0 here, before typer would turn it into status 1; Ctrl-C is said as the
        fast path says it (:func:`roadmap_cli.cli.guard.guarded`)."""
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            silence_stdout()
            raise typer.Exit(ExitStatus.SUCCESS) from None
        except KeyboardInterrupt:  # typer would end with 130 and say nothing
            say_interrupted()
            raise typer.Exit(ExitStatus.INTERRUPTED) from None


def _run(
    group: RoadmapGroup,
    args: Sequence[str] | None,
    prog_name: str,
    complete_var: str | None,
    extra: dict[str, Any],
) -> int:
    def typer_main() -> int:
        try:
            result = TyperGroup.main(
                group, args, prog_name, complete_var, standalone_mode=False, **extra
            )
            sys.stdout.flush()  # here, so a closed pipe is met by the guard
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
        return int(result) if isinstance(result, int) else ExitStatus.SUCCESS

    return guarded(typer_main)
