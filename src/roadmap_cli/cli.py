"""The ``roadmap`` command line: registers the commands and maps errors to exit codes.

Each command lives in its own module under :mod:`roadmap_cli.commands`; this module only
wires them together. :class:`RoadmapGroup` is the one place where errors become a message,
a hint and an exit status (:class:`~roadmap_cli.errors.ExitStatus`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click import exceptions as click_exceptions  # typer ≥ 0.29 vendors click
from typer.core import TyperGroup

from roadmap_cli import __version__
from roadmap_cli.context import AppContext, check_language, default_language
from roadmap_cli.errors import ExitStatus, RoadmapError, UsageError
from roadmap_cli.textsafe import clean_line

__all__ = ["app", "main"]


def _say_error(message: str, hint: str | None = None, details: Sequence[str] = ()) -> None:
    """Write an error on stderr: ``roadmap: error: …``, the details, then ``hint: …``."""
    color = (
        sys.stderr.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )
    red, dim, reset = ("\x1b[31m", "\x1b[2m", "\x1b[0m") if color else ("", "", "")
    lines = [f"{red}roadmap: error:{reset} {_cut(clean_line(message))}"]
    lines += [f"  {_cut(clean_line(d))}" for d in details[:50]]
    if len(details) > 50:
        lines.append(f"  ... and {len(details) - 50} more")
    if hint:
        lines.append(f"{dim}hint:{reset} {_cut(clean_line(hint))}")
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
        from roadmap_cli.fastparams import install
        from roadmap_cli.streams import make_streams_safe

        make_streams_safe()  # a cp1252 or gbk console never crashes a command
        _install_wait_notice()
        install(self)  # plain option values without pydantic: faster start-up and completion
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
    from roadmap_cli import notices

    def notice(lock: Path) -> None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(
                "roadmap: waiting for another roadmap command to finish "
                f"(it holds {clean_line(str(lock))})...\n"
            )
            sys.stderr.flush()

    notices.WAIT_NOTICE = notice


def _warn_zone() -> None:
    """Say on stderr, once, that ``TZ`` named no time zone (UTC was used), if the command
    looked at the time zone."""
    zones = sys.modules.get("roadmap_cli.zones")
    problem = zones.zone_problem() if zones is not None else None
    if problem:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"roadmap: warning: {problem}\n")
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
        message = exc.format_message().replace("Value error, ", "")
        _say_error(message, f"see '{command} --help'")
        return ExitStatus.USAGE
    except click_exceptions.ClickException as exc:
        _say_error(exc.format_message())
        return exc.exit_code
    except typer.Abort:
        _say_error("aborted")
        return ExitStatus.ERROR
    except RoadmapError as exc:
        _say_error(exc.message, exc.hint, exc.details)
        return int(exc.exit_status)
    except KeyboardInterrupt:
        _say_error("interrupted (a change is saved whole or not at all)")
        return 130
    except BrokenPipeError:
        # the reader went away (`roadmap list | head`): what it wanted was printed
        _silence_stdout()
        return ExitStatus.SUCCESS
    except Exception as exc:
        if os.environ.get("ROADMAP_DEBUG"):
            raise
        _say_error(
            f"internal error: {type(exc).__name__}: {exc}",
            "this is a bug in roadmap; run again with ROADMAP_DEBUG=1 for the traceback",
        )
        return ExitStatus.ERROR
    return int(result) if isinstance(result, int) else ExitStatus.SUCCESS


app = typer.Typer(
    cls=RoadmapGroup,
    name="roadmap",
    help="Track your way through a learning roadmap: what to study next, what is done, "
    "how far along you are.",
    epilog="Start with 'roadmap next'. Every command has --help with examples.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"roadmap {__version__}\n")
        raise typer.Exit()


def _path_option(name: str, value: str | None, what: str) -> Path | None:
    """A path option's value; an empty one is a usage error rather than "here"."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(f"{name}: the path is empty", f"give {name} a {what}, or leave it out")
    return Path(value).expanduser()


@app.callback()
def options(
    ctx: typer.Context,
    roadmap: Annotated[
        str | None,
        typer.Option(
            "--roadmap",
            envvar="ROADMAP_FILE",
            metavar="FILE",
            help="Use this roadmap TOML file instead of the bundled AI roadmap.",
            show_default=False,
        ),
    ] = None,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            envvar="ROADMAP_DATA_DIR",
            metavar="DIR",
            help="Keep progress in this folder (default: your user data folder).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of titles: zh or en (env ROADMAP_LANG; default from the locale).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Track your way through a learning roadmap."""
    ctx.obj = AppContext(
        roadmap_file=_path_option("--roadmap", roadmap, "roadmap file"),
        data_dir=_path_option("--data-dir", data_dir, "folder"),
        lang=check_language(lang or default_language()),
    )


def _register_commands() -> None:
    """Register every module in :mod:`roadmap_cli.commands` (those not starting with "_"),
    in the order of their ``ORDER`` (help lists commands in that order)."""
    import importlib
    import pkgutil

    from roadmap_cli import commands

    modules = [
        importlib.import_module(f"roadmap_cli.commands.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    for module in sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__)):
        module.register(app)


_register_commands()


#: Global options that take a value (the next word is not a command name).
_VALUE_OPTIONS = frozenset({"--roadmap", "--data-dir", "--lang"})


def _command_named(args: Sequence[str]) -> str | None:
    """The command word in ``args`` (``roadmap --lang en next -n 3`` → "next"), or None
    when another option comes first (``--help``, ``--version``…) or there is no command."""
    words = iter(args)
    for word in words:
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not (word.startswith("--") and word.split("=", 1)[0] in _VALUE_OPTIONS):
            return None if word.startswith("-") else word
    return None


def main() -> None:
    """Console-script entry point (``roadmap``).

    When the command line names a command, only that command is built: typer builds every
    registered command on each run, ~7 ms for all of them (help and errors, which list
    the others, still see them all)."""
    for stream in ("stdout", "stderr"):  # started with a closed descriptor (`roadmap next >&-`)
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    name = _command_named(sys.argv[1:])
    commands = list(app.registered_commands)
    groups = list(app.registered_groups)
    chosen = [c for c in commands if c.name == name]
    chosen_groups = [g for g in groups if g.name == name]
    if chosen or chosen_groups:
        app.registered_commands[:] = chosen
        app.registered_groups[:] = chosen_groups
    try:
        app()
    finally:
        app.registered_commands[:] = commands
        app.registered_groups[:] = groups
