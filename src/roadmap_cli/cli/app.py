"""The ``roadmap`` command line: global options and the command table.

Each command lives in :mod:`roadmap_cli.cli.commands`, in a module named as it is typed;
:data:`COMMANDS` lists them in the order ``roadmap --help`` shows them. Errors become
messages and exit statuses in one place, :mod:`roadmap_cli.cli.funnel`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import typer

from roadmap_cli.cli.commands import (
    doctor,
    history,
    import_,
    library,
    link,
    log,
    mark,
    note,
    paths,
    plan,
    progress,
    report,
    review,
    search,
    show,
    sync,
    tui,
    undo,
    validate,
)
from roadmap_cli.cli.commands import list as list_
from roadmap_cli.cli.commands import next as next_
from roadmap_cli.cli.commands import open as open_
from roadmap_cli.cli.funnel import RoadmapGroup
from roadmap_cli.cli.guard import open_closed_streams
from roadmap_cli.cli.options import options

__all__ = ["COMMANDS", "app", "main"]

#: Every command, in the order 'roadmap --help' lists them: (name, function).
COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("next", next_.command),
    ("list", list_.command),
    ("show", show.command),
    ("start", mark.start),
    ("done", mark.done),
    ("skip", mark.skip),
    ("reset", mark.reset),
    ("note", note.command),
    ("link", link.link),
    ("unlink", link.unlink),
    ("log", log.command),
    ("plan", plan.command),
    ("undo", undo.command),
    ("review", review.command),
    ("report", report.command),
    ("history", history.command),
    ("search", search.command),
    ("open", open_.command),
    ("tui", tui.command),
    ("validate", validate.validate),
    ("init", validate.init),
    ("import", import_.command),
    ("add", library.add),
    ("roadmaps", library.roadmaps),
    ("use", library.use),
    ("update", library.update),
    ("remove", library.remove),
    ("doctor", doctor.command),
    ("paths", paths.command),
    ("sync", sync.command),
]
#: Command names, and the groups of subcommands (``progress``).
NAMES = frozenset({name for name, _ in COMMANDS} | {"progress"})


def build_app(only: str | None = None) -> typer.Typer:
    """A new typer app with the global options and every command of :data:`COMMANDS`, or
    only the command (or group) named ``only``: building all of them costs ~1.5 ms each,
    and a run needs one. Nothing shared is changed, so it can be built any number of
    times."""
    new = typer.Typer(
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
    new.callback()(options)
    for name, function in COMMANDS:
        if only in (None, name):
            new.command(name)(function)
    if only in (None, "progress"):
        new.add_typer(progress.group(), name="progress")
    return new


#: The whole app: help, documentation, tests, and any command line not read below.
app = build_app()

#: Global options that take a value (the next word is theirs, not a command's).
_VALUE_OPTIONS = frozenset({"--roadmap", "--data-dir", "--lang"})


def command_word(args: list[str]) -> str | None:
    """The command a command line names (``--lang en next -n 3`` → "next"); None when an
    option such as ``--help`` or ``--version`` comes first, or there is no command."""
    words = iter(args)
    for word in words:
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not (word.startswith("--") and word.split("=", 1)[0] in _VALUE_OPTIONS):
            return None if word.startswith("-") else word
    return None


def main() -> None:
    """Console-script entry point (``roadmap``); see also :mod:`roadmap_cli.cli.entry`.
    A known command is run by an app holding only it; anything else (help, an unknown
    command, completion) by the whole app, so help and errors list every command."""
    open_closed_streams()  # started with a closed descriptor (`roadmap next >&-`)
    word = command_word(sys.argv[1:])
    (build_app(word) if word in NAMES else app)()
